namespace ThreeClears.Domain.Tests.Tasks;

/// <summary>The test calendar itself, so the hand-worked dates in the other tests can be trusted.</summary>
public class MonFriCalendarTests
{
    private static readonly MonFriCalendar Cal = MonFriCalendar.April2026;

    [Fact]
    public void Weekdays_of_the_dates_used()
    {
        Assert.Equal(DayOfWeek.Wednesday, new DateOnly(2026, 4, 22).DayOfWeek);
        Assert.Equal(DayOfWeek.Friday, new DateOnly(2026, 4, 24).DayOfWeek);
        Assert.Equal(DayOfWeek.Monday, new DateOnly(2026, 4, 27).DayOfWeek);
        Assert.Equal(DayOfWeek.Thursday, new DateOnly(2026, 4, 30).DayOfWeek);
        Assert.Equal(DayOfWeek.Tuesday, new DateOnly(2026, 5, 5).DayOfWeek);
    }

    [Fact]
    public void Adds_working_days_over_weekend_and_holidays()
    {
        // Fri 24 Apr + 2: Sat 25, Sun 26, Mon 27 (holiday) skipped; Tue 28 (1), Wed 29 (2).
        Assert.Equal(new DateOnly(2026, 4, 29), Cal.AddWorkingDays(new DateOnly(2026, 4, 24), 2));
        Assert.Equal(new DateOnly(2026, 4, 24), Cal.AddWorkingDays(new DateOnly(2026, 4, 24), 0));
        // (24 Apr, 6 May]: Tue 28, Wed 29, Mon 4, Tue 5, Wed 6 = 5.
        Assert.Equal(5, Cal.WorkingDaysBetween(new DateOnly(2026, 4, 24), new DateOnly(2026, 5, 6)));
        Assert.Equal(0, Cal.WorkingDaysBetween(new DateOnly(2026, 5, 6), new DateOnly(2026, 4, 24)));
    }
}
