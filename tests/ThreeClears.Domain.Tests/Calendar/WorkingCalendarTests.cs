using FsCheck.Xunit;
using ThreeClears.Domain.Calendar;

namespace ThreeClears.Domain.Tests.Calendar;

public class WorkingCalendarTests
{
    private static readonly WorkingCalendar Defaults = WorkingCalendar.Default;

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    /// <summary>
    /// 2025 as a province might set it: the defaults, plus Friday 2 May off in exchange for working
    /// Saturday 26 April (a swap, so 30 April – 4 May is one block).
    /// </summary>
    private static CalendarYear SwappedMay2025() => new(
        2025,
        [.. PublicHolidays.Defaults(2025), new Holiday(D(2025, 5, 2), "Nghỉ hoán đổi (làm bù thứ Bảy 26/4)")],
        [D(2025, 4, 26)]);

    [Fact]
    public void Weekends_are_skipped()
    {
        // Friday 6 March 2026 + 1 working day: Sat 7, Sun 8 skipped → Monday 9.
        Assert.Equal(D(2026, 3, 9), Defaults.AddWorkingDays(D(2026, 3, 6), 1));
        // Monday 2 March + 5: Tue 3 (1), Wed 4 (2), Thu 5 (3), Fri 6 (4), Mon 9 (5).
        Assert.Equal(D(2026, 3, 9), Defaults.AddWorkingDays(D(2026, 3, 2), 5));
        // Saturday 7 March + 1: Monday 9 (Sunday is not a working day).
        Assert.Equal(D(2026, 3, 9), Defaults.AddWorkingDays(D(2026, 3, 7), 1));
        Assert.Equal(1, Defaults.WorkingDaysBetween(D(2026, 3, 6), D(2026, 3, 9)));
        Assert.Equal(0, Defaults.WorkingDaysBetween(D(2026, 3, 6), D(2026, 3, 8)));
        Assert.False(Defaults.IsWorkingDay(D(2026, 3, 7)));
        Assert.True(Defaults.IsWorkingDay(D(2026, 3, 9)));
    }

    [Fact]
    public void Zero_days_is_the_start_and_negative_counts_are_refused()
    {
        Assert.Equal(D(2026, 2, 17), Defaults.AddWorkingDays(D(2026, 2, 17), 0)); // even on Tết
        Assert.Throws<ArgumentOutOfRangeException>(() => Defaults.AddWorkingDays(D(2026, 3, 2), -1));
        Assert.Equal(0, Defaults.WorkingDaysBetween(D(2026, 3, 9), D(2026, 3, 2))); // to before from
        Assert.Equal(0, Defaults.WorkingDaysBetween(D(2026, 3, 9), D(2026, 3, 9)));
    }

    [Fact]
    public void Tet_2026_is_skipped()
    {
        // Tết block 16–20 February 2026 (Mon–Fri), between two weekends.
        // Friday 13 February + 1: Sat 14, Sun 15, Tết 16–20, Sat 21, Sun 22 → Monday 23.
        Assert.Equal(D(2026, 2, 23), Defaults.AddWorkingDays(D(2026, 2, 13), 1));
        // Thursday 12 + 2: Friday 13 (1), Monday 23 (2).
        Assert.Equal(D(2026, 2, 23), Defaults.AddWorkingDays(D(2026, 2, 12), 2));
        Assert.Equal(1, Defaults.WorkingDaysBetween(D(2026, 2, 13), D(2026, 2, 23)));
        Assert.Equal(0, Defaults.WorkingDaysBetween(D(2026, 2, 13), D(2026, 2, 22)));
        Assert.False(Defaults.IsWorkingDay(D(2026, 2, 16)));
        Assert.True(Defaults.IsHoliday(D(2026, 2, 16)));
    }

    [Fact]
    public void A_compensatory_day_is_skipped()
    {
        // Giỗ Tổ 2026 is Sunday 26 April, so Monday 27 is off; 30 April and 1 May are Thu–Fri.
        // Friday 24 April + 2: Sat 25, Sun 26, Mon 27 (nghỉ bù) skipped → Tue 28 (1), Wed 29 (2).
        Assert.Equal(D(2026, 4, 29), Defaults.AddWorkingDays(D(2026, 4, 24), 2));
        // Wednesday 29 April + 1: Thu 30, Fri 1, Sat 2, Sun 3 skipped → Monday 4 May.
        Assert.Equal(D(2026, 5, 4), Defaults.AddWorkingDays(D(2026, 4, 29), 1));
        // (24 April, 4 May]: 28, 29 April and 4 May.
        Assert.Equal(3, Defaults.WorkingDaysBetween(D(2026, 4, 24), D(2026, 5, 4)));
    }

    [Fact]
    public void Counting_crosses_the_new_year()
    {
        // Wednesday 31 December 2025 + 2: Thu 1 Jan (Tết Dương lịch), Fri 2 (1), Sat 3, Sun 4, Mon 5 (2).
        Assert.Equal(D(2026, 1, 5), Defaults.AddWorkingDays(D(2025, 12, 31), 2));
        // (30 December 2025, 5 January 2026]: 31 Dec, 2 Jan, 5 Jan.
        Assert.Equal(3, Defaults.WorkingDaysBetween(D(2025, 12, 30), D(2026, 1, 5)));
    }

    [Fact]
    public void A_default_year_has_250_working_days()
    {
        // 2025: 365 days from a Wednesday = 52 weeks + one Wednesday → 52×5 + 1 = 261 weekdays, less
        // the 11 holidays on weekdays (1 Jan; 28–31 Jan; 3 Feb; 7 Apr; 30 Apr; 1 May; 1–2 Sep) = 250.
        Assert.Equal(250, Defaults.WorkingDaysBetween(D(2024, 12, 31), D(2025, 12, 31)));
        // 2026: from a Thursday → 261 weekdays, less 1 Jan; 16–20 Feb; 27 Apr; 30 Apr; 1 May; 1–2 Sep (11) = 250.
        Assert.Equal(250, Defaults.WorkingDaysBetween(D(2025, 12, 31), D(2026, 12, 31)));
        Assert.Equal(500, Defaults.WorkingDaysBetween(D(2024, 12, 31), D(2026, 12, 31)));
        // The 250th working day after 31 December 2025 is the last working day of 2026: Thursday 31 December.
        Assert.Equal(D(2026, 12, 31), Defaults.AddWorkingDays(D(2025, 12, 31), 250));
    }

    [Fact]
    public void An_override_year_with_a_swapped_working_Saturday()
    {
        var calendar = new WorkingCalendar(new Dictionary<int, CalendarYear> { [2025] = SwappedMay2025() });

        Assert.True(calendar.IsWorkingDay(D(2025, 4, 26))); // the Saturday worked
        Assert.False(calendar.IsWorkingDay(D(2025, 5, 2))); // the Friday off
        Assert.False(Defaults.IsWorkingDay(D(2025, 4, 26)));
        Assert.True(Defaults.IsWorkingDay(D(2025, 5, 2)));

        // Friday 25 April + 1: Saturday 26 is worked.
        Assert.Equal(D(2025, 4, 26), calendar.AddWorkingDays(D(2025, 4, 25), 1));
        Assert.Equal(D(2025, 4, 28), Defaults.AddWorkingDays(D(2025, 4, 25), 1));
        // Tuesday 29 April + 1: Wed 30, Thu 1, Fri 2 (swapped off), Sat 3, Sun 4 → Monday 5 May.
        Assert.Equal(D(2025, 5, 5), calendar.AddWorkingDays(D(2025, 4, 29), 1));
        Assert.Equal(D(2025, 5, 2), Defaults.AddWorkingDays(D(2025, 4, 29), 1));
        // (24 April, 29 April]: 25, 26, 28, 29 with the swap; 25, 28, 29 without.
        Assert.Equal(4, calendar.WorkingDaysBetween(D(2025, 4, 24), D(2025, 4, 29)));
        Assert.Equal(3, Defaults.WorkingDaysBetween(D(2025, 4, 24), D(2025, 4, 29)));
        // A swap keeps the year's total: still 250.
        Assert.Equal(250, calendar.WorkingDaysBetween(D(2024, 12, 31), D(2025, 12, 31)));

        Assert.Equal([D(2025, 4, 26)], calendar.WorkingDaysOf(2025));
        Assert.Equal(13, calendar.HolidaysOf(2025).Count);
        Assert.True(calendar.IsOverridden(2025));
        Assert.False(calendar.IsOverridden(2026));
        Assert.Empty(calendar.WorkingDaysOf(2026));
        Assert.Equal(PublicHolidays.Defaults(2026), calendar.HolidaysOf(2026));
    }

    [Fact]
    public void An_override_replaces_the_years_defaults_entirely()
    {
        // Only 1 January listed for 2027: Tết (6 February, a Saturday, so mùng 3 is Monday 8) and
        // Giỗ Tổ (Friday 16 April) become ordinary working days; 2026 and 2028 keep their defaults.
        var calendar = new WorkingCalendar(year => year == 2027
            ? new CalendarYear(2027, [new Holiday(D(2027, 1, 1), "Tết Dương lịch")], [])
            : null);

        Assert.Equal([new Holiday(D(2027, 1, 1), "Tết Dương lịch")], calendar.HolidaysOf(2027));
        Assert.True(calendar.IsWorkingDay(D(2027, 2, 8)));
        Assert.True(calendar.IsWorkingDay(D(2027, 4, 16)));
        Assert.False(Defaults.IsWorkingDay(D(2027, 2, 8)));
        Assert.False(Defaults.IsWorkingDay(D(2027, 4, 16)));
        Assert.False(calendar.IsWorkingDay(D(2027, 1, 1)));
        Assert.False(calendar.IsWorkingDay(D(2026, 2, 17)));
        Assert.False(calendar.IsWorkingDay(D(2028, 1, 26)));
    }

    [Fact]
    public void The_override_function_is_asked_once_per_year()
    {
        var asked = new Dictionary<int, int>();
        var calendar = new WorkingCalendar(year =>
        {
            asked[year] = asked.GetValueOrDefault(year) + 1;
            return null;
        });
        for (int i = 0; i < 1000; i++)
        {
            calendar.AddWorkingDays(D(2025, 12, 1), 40);
            calendar.WorkingDaysBetween(D(2024, 6, 1), D(2026, 6, 1));
        }
        Assert.Equal(new Dictionary<int, int> { [2024] = 1, [2025] = 1, [2026] = 1 }, asked);
    }

    [Fact]
    public void Overrides_must_belong_to_their_year()
    {
        Assert.Throws<ArgumentException>(() => new CalendarYear(2025, [new Holiday(D(2026, 1, 1), "x")], []));
        Assert.Throws<ArgumentException>(() => new CalendarYear(2025, [], [D(2024, 12, 28)]));
        Assert.Throws<ArgumentException>(() => new WorkingCalendar(new Dictionary<int, CalendarYear> { [2024] = SwappedMay2025() }));
        var wrong = new WorkingCalendar(_ => SwappedMay2025());
        Assert.Throws<InvalidOperationException>(() => wrong.IsWorkingDay(D(2024, 1, 2)));
    }

    [Fact]
    public void Calendar_year_lists_are_sorted_copies()
    {
        var holidays = new List<Holiday> { new(D(2025, 9, 2), "b"), new(D(2025, 1, 1), "a") };
        var swaps = new List<DateOnly> { D(2025, 4, 26), D(2025, 1, 4), D(2025, 4, 26) };
        var year = new CalendarYear(2025, holidays, swaps);
        holidays.Clear();
        swaps.Clear();
        Assert.Equal([new Holiday(D(2025, 1, 1), "a"), new Holiday(D(2025, 9, 2), "b")], year.Holidays);
        Assert.Equal([D(2025, 1, 4), D(2025, 4, 26)], year.WorkingDays);
    }

    [Fact]
    public void Counting_does_not_allocate_once_the_years_are_tabulated()
    {
        var calendar = new WorkingCalendar();
        calendar.WorkingDaysBetween(D(2024, 1, 1), D(2027, 12, 31)); // tabulate 2024–2027
        long before = GC.GetAllocatedBytesForCurrentThread();
        int sink = 0;
        for (int i = 0; i < 10_000; i++)
        {
            var start = D(2024, 1, 1).AddDays(i % 1000);
            sink += calendar.AddWorkingDays(start, i % 200).Day;
            sink += calendar.WorkingDaysBetween(start, start.AddDays(i % 300));
            sink += calendar.IsWorkingDay(start) ? 1 : 0;
        }
        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
        Assert.NotEqual(0, sink);
    }

    [Fact]
    public void Concurrent_use_gives_the_same_answers()
    {
        var dates = Enumerable.Range(0, 5000).Select(i => D(2020, 1, 1).AddDays(i * 3)).ToArray();
        var expected = dates.Select(d => Defaults.AddWorkingDays(d, 17)).ToArray();
        var calendar = new WorkingCalendar(); // fresh: its years are tabulated under contention
        var actual = new DateOnly[dates.Length];
        Parallel.For(0, dates.Length, i => actual[i] = calendar.AddWorkingDays(dates[i], 17));
        Assert.Equal(expected, actual);
    }

    // Properties over 1900–2199 and up to 600 working days.

    [Property(Arbitrary = [typeof(CalendarArbitraries)], MaxTest = 300)]
    public bool Adding_n_working_days_lands_on_a_working_day(SampleDate start, WorkingDayCount n)
        => n.Value == 0 || Defaults.IsWorkingDay(Defaults.AddWorkingDays(start.Value, n.Value));

    [Property(Arbitrary = [typeof(CalendarArbitraries)], MaxTest = 300)]
    public bool Counting_undoes_adding(SampleDate start, WorkingDayCount n)
        => Defaults.WorkingDaysBetween(start.Value, Defaults.AddWorkingDays(start.Value, n.Value)) == n.Value;

    [Property(Arbitrary = [typeof(CalendarArbitraries)], MaxTest = 300)]
    public bool The_day_before_the_nth_working_day_has_one_fewer(SampleDate start, WorkingDayCount n)
        => n.Value == 0
            || Defaults.WorkingDaysBetween(start.Value, Defaults.AddWorkingDays(start.Value, n.Value).AddDays(-1)) == n.Value - 1;

    [Property(Arbitrary = [typeof(CalendarArbitraries)], MaxTest = 300)]
    public bool Adding_is_monotonic_in_n_and_in_the_start(SampleDate a, SampleDate b, WorkingDayCount n)
    {
        var (early, late) = a.Value <= b.Value ? (a.Value, b.Value) : (b.Value, a.Value);
        return Defaults.AddWorkingDays(early, n.Value) < Defaults.AddWorkingDays(early, n.Value + 1)
            && Defaults.AddWorkingDays(early, n.Value) <= Defaults.AddWorkingDays(late, n.Value);
    }

    [Property(Arbitrary = [typeof(CalendarArbitraries)], MaxTest = 300)]
    public bool Counting_agrees_with_testing_each_day_and_adds_up(SampleDate start, WorkingDayCount length, WorkingDayCount split)
    {
        var from = start.Value;
        var to = from.AddDays(length.Value);
        var middle = from.AddDays(Math.Min(split.Value, length.Value));
        int byDay = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
        {
            if (Defaults.IsWorkingDay(d)) byDay++;
        }
        return Defaults.WorkingDaysBetween(from, to) == byDay
            && Defaults.WorkingDaysBetween(from, middle) + Defaults.WorkingDaysBetween(middle, to) == byDay;
    }

    [Property(Arbitrary = [typeof(CalendarArbitraries)], MaxTest = 300)]
    public bool Working_days_are_weekdays_that_are_not_holidays(SampleDate date)
    {
        var d = date.Value;
        return Defaults.IsWorkingDay(d) == (!PublicHolidays.IsWeekend(d) && !Defaults.IsHoliday(d));
    }
}
