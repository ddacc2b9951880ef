namespace ThreeClears.Domain.Calendar;

/// <summary>
/// One year's calendar as the admin sets it (<c>PUT /api/calendar/{year}</c>): its holidays and its
/// swapped working days (weekend dates that are worked). It replaces that year's defaults entirely.
/// Immutable: the lists are copied and sorted.
/// </summary>
public sealed class CalendarYear
{
    /// <exception cref="ArgumentException">A date is not in <paramref name="year"/>.</exception>
    public CalendarYear(int year, IEnumerable<Holiday> holidays, IEnumerable<DateOnly> workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, DateOnly.MinValue.Year);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, DateOnly.MaxValue.Year);
        ArgumentNullException.ThrowIfNull(holidays);
        ArgumentNullException.ThrowIfNull(workingDays);
        Year = year;
        Holidays = [.. holidays.OrderBy(h => h.Date)];
        WorkingDays = [.. workingDays.Distinct().Order()];
        foreach (var h in Holidays)
        {
            if (h.Date.Year != year) throw new ArgumentException($"The holiday {h.Date:yyyy-MM-dd} is not in {year}.", nameof(holidays));
        }
        foreach (var d in WorkingDays)
        {
            if (d.Year != year) throw new ArgumentException($"The working day {d:yyyy-MM-dd} is not in {year}.", nameof(workingDays));
        }
    }

    public int Year { get; }

    /// <summary>The holidays, in date order (as given when two share a date).</summary>
    public IReadOnlyList<Holiday> Holidays { get; }

    /// <summary>The swapped working days, in date order, without repeats.</summary>
    public IReadOnlyList<DateOnly> WorkingDays { get; }

    /// <summary>The Labour Code defaults of <paramref name="year"/> (<see cref="PublicHolidays.Defaults"/>) and no swaps.</summary>
    public static CalendarYear DefaultsOf(int year) => new(year, PublicHolidays.Defaults(year), []);
}
