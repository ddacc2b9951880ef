using ThreeClears.Domain.Calendar;

namespace ThreeClears.Domain.Tests.Tasks;

/// <summary>Test-only working calendar: Monday–Friday, less the given holidays. No swaps.</summary>
internal sealed class MonFriCalendar(params DateOnly[] holidays) : IWorkingCalendar
{
    private readonly HashSet<DateOnly> _holidays = [.. holidays];

    public bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.Contains(date);

    public DateOnly AddWorkingDays(DateOnly start, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        var date = start;
        while (n > 0)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date)) n--;
        }
        return date;
    }

    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
            if (IsWorkingDay(d)) count++;
        return count;
    }

    /// <summary>
    /// Late April 2026 as Vietnam has it: Hung Kings day (lunar 10/3) falls on Sunday 26 April, so
    /// Monday 27 April is off; Thursday 30 April and Friday 1 May are holidays.
    /// </summary>
    public static MonFriCalendar April2026 { get; } = new(new(2026, 4, 27), new(2026, 4, 30), new(2026, 5, 1));
}
