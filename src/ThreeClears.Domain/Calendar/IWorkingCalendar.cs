namespace ThreeClears.Domain.Calendar;

/// <summary>
/// Working days as the brief counts them: Monday–Friday, less public holidays, plus swapped
/// working days. Rules that speak of "N working days" take this, never the clock.
/// </summary>
public interface IWorkingCalendar
{
    bool IsWorkingDay(DateOnly date);

    /// <summary>The N-th working day after <paramref name="start"/> (that day not counted). N ≥ 0; N = 0 gives start.</summary>
    DateOnly AddWorkingDays(DateOnly start, int n);

    /// <summary>Working days in (from, to]: 0 when to ≤ from.</summary>
    int WorkingDaysBetween(DateOnly from, DateOnly to);
}
