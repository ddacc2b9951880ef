using System.Globalization;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ThreeClears.Domain.Access;
using ThreeClears.Web.Data;
using ThreeClears.Web.Infrastructure;
using ThreeClears.Web.Infrastructure.Auth;

namespace ThreeClears.Web.Features.Tasks;

/// <summary>
/// One piece of the deadline sweep. Register an implementation as a scoped service
/// (<c>services.AddScoped&lt;ISweepStep, MyStep&gt;()</c>); <see cref="DeadlineSweep"/> runs every
/// registered step, in registration order, under the sweep's lock, sharing one DbContext scope.
/// </summary>
/// <remarks>
/// A step must be idempotent: run twice for the same date, the second run changes nothing and
/// returns 0. It saves its own changes (with their audit entries, in its own transaction). When it
/// fails on a concurrency conflict (<see cref="DbUpdateConcurrencyException"/>), the sweep clears the
/// change tracker and runs it again, at most three times.
/// </remarks>
public interface ISweepStep
{
    /// <summary>
    /// The field of the sweep's answer that carries this step's count, camelCase ("escalationsClimbed").
    /// By default the class name less "Step", camelCased: DeemedAgreementStep → "deemedAgreement".
    /// </summary>
    string Name => DefaultName(GetType());

    /// <summary>Does the step's work as of <paramref name="asOf"/>; returns how many things it changed.</summary>
    Task<int> RunAsync(DateOnly asOf, CancellationToken ct);

    static string DefaultName(Type type)
    {
        var name = type.Name.EndsWith("Step", StringComparison.Ordinal) && type.Name.Length > 4 ? type.Name[..^4] : type.Name;
        return char.ToLowerInvariant(name[0]) + name[1..];
    }
}

/// <summary>The sweep's answer: <c>{asOf, escalationsClimbed, overdueEscalations, statusesRefreshed, …}</c>, one count per step.</summary>
public sealed class SweepResult(DateOnly asOf)
{
    public DateOnly AsOf { get; } = asOf;

    [JsonExtensionData]
    public Dictionary<string, object> Counts { get; } = [];
}

/// <summary>One sweep at a time in this process (SQLite is single-process; PostgreSQL adds an advisory lock across nodes).</summary>
public sealed class SweepGate
{
    internal SemaphoreSlim Semaphore { get; } = new(1, 1);
}

/// <summary>
/// The deadline sweep (API.md "POST /api/admin/sweep"): escalations climb, overdue tasks escalate,
/// task statuses are refreshed, consultations are deemed agreed (another feature's step), as of a date.
/// Safe with several nodes: on PostgreSQL the run holds a session advisory lock on its connection.
/// </summary>
public sealed class DeadlineSweep(ThreeClearsDb db, IEnumerable<ISweepStep> steps, SweepGate gate, ILogger<DeadlineSweep> log)
{
    /// <summary>"tClears" + 1: Startup holds "tClears" + 0 during migrations.</summary>
    public const long LockKey = 0x7443_6C65_6172_7301;
    private const int Attempts = 3;

    /// <summary>Runs the sweep, waiting for a sweep already running elsewhere to finish first.</summary>
    public async Task<SweepResult> RunAsync(DateOnly asOf, CancellationToken ct) =>
        (await RunLockedAsync(asOf, wait: true, ct))!;

    /// <summary>Runs the sweep unless one is already running (then null): what the background job does.</summary>
    public Task<SweepResult?> TryRunAsync(DateOnly asOf, CancellationToken ct) => RunLockedAsync(asOf, wait: false, ct);

    private async Task<SweepResult?> RunLockedAsync(DateOnly asOf, bool wait, CancellationToken ct)
    {
        if (wait) await gate.Semaphore.WaitAsync(ct);
        else if (!await gate.Semaphore.WaitAsync(0, ct)) return null;
        try
        {
            if (!db.IsPostgres) return await RunStepsAsync(asOf, ct);
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                if (!await PgLockAsync(wait ? "pg_advisory_lock" : "pg_try_advisory_lock", ct)) return null;
                try
                {
                    return await RunStepsAsync(asOf, ct);
                }
                finally
                {
                    await PgLockAsync("pg_advisory_unlock", CancellationToken.None);
                }
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
        finally
        {
            gate.Semaphore.Release();
        }
    }

    /// <summary>A session lock on the context's open connection: held across the steps' own transactions.</summary>
    private async Task<bool> PgLockAsync(string function, CancellationToken ct)
    {
        await using var cmd = db.Database.GetDbConnection().CreateCommand();
        cmd.CommandText = $"SELECT {function}({LockKey})";
        // pg_advisory_lock returns void (read as DBNull); the others true or false.
        return await cmd.ExecuteScalarAsync(ct) is not false;
    }

    private async Task<SweepResult> RunStepsAsync(DateOnly asOf, CancellationToken ct)
    {
        var result = new SweepResult(asOf);
        foreach (var step in steps)
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    result.Counts[step.Name] = await step.RunAsync(asOf, ct);
                    break;
                }
                catch (DbUpdateConcurrencyException) when (attempt < Attempts)
                {
                    log.LogInformation("Sweep step {Step} met a concurrent change; running it again.", step.Name);
                }
                finally
                {
                    db.ChangeTracker.Clear();
                }
            }
        }
        return result;
    }
}

/// <summary>
/// Runs the sweep every <c>Sweep:IntervalSeconds</c> (default 300) as of today; off with
/// <c>Sweep:Enabled=false</c>. Every node may run it: the lock lets one sweep at a time through,
/// and the others skip that round.
/// </summary>
public sealed class SweepHost(IServiceScopeFactory scopes, IConfiguration config, AppClock clock, ILogger<SweepHost> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!config.GetValue("Sweep:Enabled", true)) return;
        var interval = TimeSpan.FromSeconds(Math.Max(1, config.GetValue("Sweep:IntervalSeconds", 300)));
        try
        {
            // A node that starts catches up soon, then keeps the rhythm.
            await Task.Delay(interval < TimeSpan.FromSeconds(15) ? interval : TimeSpan.FromSeconds(15), stoppingToken);
            using var timer = new PeriodicTimer(interval);
            do
            {
                await RunOnceAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }

    private async Task RunOnceAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<DeadlineSweep>().TryRunAsync(clock.Today, ct);
            if (result is null) log.LogDebug("Deadline sweep skipped: another one is running.");
            else if (result.Counts.Values.OfType<int>().Any(n => n > 0))
                log.LogInformation("Deadline sweep as of {AsOf}: {Counts}", result.AsOf, string.Join(", ", result.Counts.Select(c => $"{c.Key} {c.Value}")));
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            log.LogWarning(e, "The deadline sweep failed; it runs again at the next interval.");
        }
    }
}

public static class SweepApi
{
    public static IEndpointRouteBuilder MapSweep(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/admin/sweep", Sweep).WithTags("Administration").RequireAuthorization();
        return app;
    }

    /// <summary>The sweep on demand (administrator of the whole province), as of <c>asOf</c> or today; waits for a sweep already running.</summary>
    private static async Task<Ok<SweepResult>> Sweep(DeadlineSweep sweep, Caller caller, AppClock clock, string? asOf, CancellationToken ct)
    {
        _ = caller.UserId;
        if (!(await caller.UnitsWithAsync(Permission.Administer, ct)).All)
            throw new ForbiddenException("Only an administrator of the whole province runs the deadline sweep.");
        var date = clock.Today;
        if (!string.IsNullOrWhiteSpace(asOf)
            && !DateOnly.TryParseExact(asOf.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
            throw new ValidationException(new Dictionary<string, string[]> { ["asOf"] = ["must be a date, YYYY-MM-DD."] });
        return TypedResults.Ok(await sweep.RunAsync(date, ct));
    }
}
