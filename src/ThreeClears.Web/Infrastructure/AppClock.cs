namespace ThreeClears.Web.Infrastructure;

/// <summary>
/// The clock every rule reads. With THREECLEARS_TEST_CLOCK=true an administrator may set it
/// (PUT /api/admin/clock); otherwise it is the system clock. It is deliberately not registered as
/// the framework's TimeProvider: token and cookie expiry follow real time.
/// </summary>
public sealed class AppClock(bool settable) : TimeProvider
{
    public static readonly TimeZoneInfo Vietnam = FindVietnam();
    private long _fixedTicks; // 0 = real time

    public bool Settable { get; } = settable;

    public override DateTimeOffset GetUtcNow()
    {
        var ticks = Interlocked.Read(ref _fixedTicks);
        return ticks == 0 ? System.GetUtcNow() : new DateTimeOffset(ticks, TimeSpan.Zero);
    }

    /// <summary>Now as a UTC instant, truncated to the microsecond that both stores keep.</summary>
    public DateTime UtcNow
    {
        get
        {
            var t = GetUtcNow().UtcDateTime;
            return new DateTime(t.Ticks - t.Ticks % 10, DateTimeKind.Utc);
        }
    }

    /// <summary>Today's date in Vietnam (UTC+7), the date every rule means by "today".</summary>
    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(GetUtcNow(), Vietnam).DateTime);

    public void Set(DateTimeOffset now)
    {
        if (!Settable) throw new InvalidOperationException("The clock is not settable.");
        Interlocked.Exchange(ref _fixedTicks, now.UtcTicks);
    }

    public void Reset() => Interlocked.Exchange(ref _fixedTicks, 0);

    private static TimeZoneInfo FindVietnam()
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh"); }
        catch (TimeZoneNotFoundException) { return TimeZoneInfo.CreateCustomTimeZone("UTC+7", TimeSpan.FromHours(7), "UTC+7", "UTC+7"); }
    }
}
