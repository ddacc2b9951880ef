using FsCheck;
using FsCheck.Fluent;
using ThreeClears.Domain.Calendar;

namespace ThreeClears.Domain.Tests.Calendar;

/// <summary>A solar date in 1900–2199, the range the lunar calendar is meant for.</summary>
public readonly record struct SampleDate(DateOnly Value);

/// <summary>A lunar date that exists, in lunar years 1900–2198.</summary>
public readonly record struct ExistingLunarDate(LunarDate Value);

/// <summary>A number of working days, 0–600 (over two years).</summary>
public readonly record struct WorkingDayCount(int Value);

/// <summary>Generators for the calendar properties (FsCheck picks them by type).</summary>
public static class CalendarArbitraries
{
    private static readonly int First = new DateOnly(1900, 1, 1).DayNumber;
    private static readonly int Last = new DateOnly(2199, 12, 31).DayNumber;

    public static Arbitrary<SampleDate> SampleDates() =>
        Gen.Choose(First, Last).Select(n => new SampleDate(DateOnly.FromDayNumber(n))).ToArbitrary();

    public static Arbitrary<WorkingDayCount> WorkingDayCounts() =>
        Gen.Choose(0, 600).Select(n => new WorkingDayCount(n)).ToArbitrary();

    /// <summary>Year, then a month the year has (its leap month included), then a day that month has.</summary>
    public static Arbitrary<ExistingLunarDate> ExistingLunarDates() =>
        (from year in Gen.Choose(1900, 2198)
         from slot in Gen.Choose(0, VietnameseLunarCalendar.MonthsInYear(year) - 1)
         let month = MonthAt(year, slot)
         from day in Gen.Choose(1, VietnameseLunarCalendar.DaysInMonth(year, month.Month, month.IsLeap))
         select new ExistingLunarDate(new LunarDate(year, month.Month, day, month.IsLeap))).ToArbitrary();

    /// <summary>The slot-th month of the lunar year (0-based), counting the leap month where it falls.</summary>
    private static (int Month, bool IsLeap) MonthAt(int year, int slot)
    {
        int leap = VietnameseLunarCalendar.LeapMonthOf(year);
        if (leap == 0 || slot < leap) return (slot + 1, false);
        if (slot == leap) return (leap, true);
        return (slot, false);
    }
}
