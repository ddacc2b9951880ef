using Microsoft.EntityFrameworkCore;
using ThreeClears.Domain.Access;
using ThreeClears.Domain.Calendar;
using ThreeClears.Web.Data;
using ThreeClears.Web.Features.Audit;
using ThreeClears.Web.Infrastructure;
using ThreeClears.Web.Infrastructure.Auth;

namespace ThreeClears.Web.Features.Calendar;

public sealed record HolidayDto(DateOnly Date, string Name);

public sealed record CalendarDto(int Year, IReadOnlyList<HolidayDto> Holidays, IReadOnlyList<DateOnly> WorkingDays, bool Overridden, int Version);

public sealed record HolidayRequest(DateOnly? Date, string? Name);

public sealed record CalendarRequest(List<HolidayRequest>? Holidays, List<DateOnly>? WorkingDays);

/// <summary>The working calendar: Labour Code defaults, replaced per year by the administrator.</summary>
public sealed class CalendarService(ThreeClearsDb db, Caller caller, AuditLog audit)
{
    public const int MinYear = 1900, MaxYear = 2199;

    /// <summary>The calendar every working-day rule uses, with the stored overrides (a handful of rows).</summary>
    public async Task<WorkingCalendar> WorkingCalendarAsync(CancellationToken ct)
    {
        var rows = await db.Set<CalendarOverride>().AsNoTracking().ToListAsync(ct);
        return new WorkingCalendar(rows.ToDictionary(r => r.Year, ToDomain));
    }

    public async Task<CalendarDto> GetAsync(int year, CancellationToken ct)
    {
        CheckYear(year);
        var row = await db.Set<CalendarOverride>().AsNoTracking().FirstOrDefaultAsync(r => r.Year == year, ct);
        var cal = row is null ? CalendarYear.DefaultsOf(year) : ToDomain(row);
        return new CalendarDto(year, [.. cal.Holidays.Select(h => new HolidayDto(h.Date, h.Name))], cal.WorkingDays, row is not null, row?.Version ?? 0);
    }

    public async Task<CalendarDto> PutAsync(int year, CalendarRequest req, HttpContext http, CancellationToken ct)
    {
        CheckYear(year);
        if (!(await caller.UnitsWithAsync(Permission.Administer, ct)).All)
            throw new ForbiddenException("Only an administrator of the whole province sets the calendar.");
        var row = await db.Set<CalendarOverride>().FirstOrDefaultAsync(r => r.Year == year, ct);
        Versions.Check(http, row?.Version ?? 0, required: true);

        var checks = new Checks();
        var holidays = req.Holidays ?? [];
        var working = req.WorkingDays ?? [];
        for (var i = 0; i < holidays.Count; i++)
        {
            var h = holidays[i];
            if (h is null) { checks.Add($"holidays[{i}]", "is required."); continue; }
            if (h.Date is null) checks.Add($"holidays[{i}].date", "is required.");
            else if (h.Date.Value.Year != year) checks.Add($"holidays[{i}].date", $"must be in {year}.");
            checks.Text($"holidays[{i}].name", h.Name, Checks.TitleMax);
        }
        for (var i = 0; i < working.Count; i++)
        {
            var d = working[i];
            if (d.Year != year) checks.Add($"workingDays[{i}]", $"must be in {year}.");
            else if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                checks.Add($"workingDays[{i}]", "a swapped working day is a Saturday or a Sunday that is worked.");
        }
        checks.ThrowIfAny();

        var before = row is null ? null : await GetAsync(year, ct);
        if (row is null)
        {
            row = new CalendarOverride { Year = year, Version = 0 };
            db.Add(row);
        }
        row.Holidays = [.. holidays.Select(h => new CalendarHoliday { Date = h.Date!.Value, Name = h.Name!.Trim() }).OrderBy(h => h.Date)];
        row.WorkingDays = [.. working.Distinct().Order()];
        row.Version++;
        audit.Record("calendar", year, before is null ? "create" : "update", before,
            new { year, holidays = row.Holidays.Select(h => new { h.Date, h.Name }), workingDays = row.WorkingDays }, null);
        await audit.SaveAsync(ct);
        return await GetAsync(year, ct);
    }

    private static CalendarYear ToDomain(CalendarOverride r) =>
        new(r.Year, r.Holidays.Select(h => new Holiday(h.Date, h.Name)), r.WorkingDays);

    private static void CheckYear(int year)
    {
        if (year is < MinYear or > MaxYear)
            throw new ValidationException(new Dictionary<string, string[]> { ["year"] = [$"must be between {MinYear} and {MaxYear}."] });
    }
}
