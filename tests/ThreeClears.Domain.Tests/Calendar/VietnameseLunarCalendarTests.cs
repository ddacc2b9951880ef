using System.Globalization;
using FsCheck.Xunit;
using ThreeClears.Domain.Calendar;

namespace ThreeClears.Domain.Tests.Calendar;

public class VietnameseLunarCalendarTests
{
    private static readonly DateOnly First = new(1900, 1, 1);
    private static readonly DateOnly Last = new(2199, 12, 31);

    [Theory]
    [InlineData(2020, "2020-01-25")]
    [InlineData(2021, "2021-02-12")]
    [InlineData(2022, "2022-02-01")]
    [InlineData(2023, "2023-01-22")]
    [InlineData(2024, "2024-02-10")]
    [InlineData(2025, "2025-01-29")]
    [InlineData(2026, "2026-02-17")]
    [InlineData(2027, "2027-02-06")]
    [InlineData(2028, "2028-01-26")]
    [InlineData(2029, "2029-02-13")]
    // Not 3 February, the Chinese date: the new moon is at 16:07 UT on 2 February, 23:07 in Hanoi
    // but 00:07 on the 3rd in Beijing. Vietnamese sources (the government in 2006, Vietnamese
    // science press since) name 2030 and 2053 as the next years Vietnam has Tết a day before China.
    [InlineData(2030, "2030-02-02")]
    [InlineData(2031, "2031-01-23")]
    [InlineData(2032, "2032-02-11")]
    [InlineData(2033, "2033-01-31")]
    [InlineData(2034, "2034-02-19")]
    [InlineData(2035, "2035-02-08")]
    public void Tet_falls_on_the_published_date(int year, string tet)
    {
        DateOnly expected = DateOnly.Parse(tet, CultureInfo.InvariantCulture);
        Assert.Equal(expected, VietnameseLunarCalendar.NewYear(year));
        Assert.Equal(new LunarDate(year, 1, 1), VietnameseLunarCalendar.ToLunar(expected));
        Assert.Equal(expected, VietnameseLunarCalendar.ToSolar(year, 1, 1));
    }

    [Theory]
    // 1985: the winter solstice of 1984 is at 23:17 on 21 December in Hanoi but 00:17 on the 22nd
    // in Beijing, the day a new moon begins a month. So in Vietnam month 11 is the month from
    // 23 November and Tết comes two months later, 21 January; in China month 11 starts 22 December,
    // the month from 23 November has no principal term and is a leap 10th, and Tết is 20 February.
    [InlineData(1985, "1985-01-21", "1985-02-20")]
    // 2007, 2030, 2053: the Tết new moon falls between 23:00 and 24:00 Vietnam time.
    [InlineData(2007, "2007-02-17", "2007-02-18")]
    [InlineData(2030, "2030-02-02", "2030-02-03")]
    [InlineData(2053, "2053-02-18", "2053-02-19")]
    public void Tet_in_Vietnam_differs_from_China_in_some_years(int year, string vietnam, string china)
    {
        Assert.Equal(DateOnly.Parse(vietnam, CultureInfo.InvariantCulture), VietnameseLunarCalendar.NewYear(year));
        // The same rules at UTC+8 give the Chinese date, as does .NET's table of the Chinese calendar.
        DateOnly chineseDate = DateOnly.Parse(china, CultureInfo.InvariantCulture);
        Assert.Equal(chineseDate, VietnameseLunarCalendar.NewYear(year, 8));
        var chinese = new ChineseLunisolarCalendar();
        Assert.Equal(chineseDate, DateOnly.FromDateTime(chinese.ToDateTime(year, 1, 1, 0, 0, 0, 0)));
    }

    [Fact]
    public void In_1984_China_has_a_leap_tenth_month_and_Vietnam_none_but_a_leap_second_in_1985()
    {
        Assert.Equal(0, VietnameseLunarCalendar.LeapMonthOf(1984));
        Assert.Equal(2, VietnameseLunarCalendar.LeapMonthOf(1985));
        // .NET numbers months consecutively: 11 is the one after the 10th, i.e. the leap 10th.
        Assert.Equal(11, new ChineseLunisolarCalendar().GetLeapMonth(1984));
        Assert.Equal(new LunarDate(1984, 10, 1, isLeapMonth: true), VietnameseLunarCalendar.ToLunar(new DateOnly(1984, 11, 23), 8));
        Assert.Equal(new LunarDate(1984, 11, 1), VietnameseLunarCalendar.ToLunar(new DateOnly(1984, 11, 23)));
    }

    [Theory]
    [InlineData(2022, "2022-04-10")]
    [InlineData(2023, "2023-04-29")]
    [InlineData(2024, "2024-04-18")]
    [InlineData(2025, "2025-04-07")]
    [InlineData(2026, "2026-04-26")]
    public void Hung_Kings_day_is_lunar_10_3(int year, string date)
    {
        DateOnly expected = DateOnly.Parse(date, CultureInfo.InvariantCulture);
        Assert.Equal(expected, VietnameseLunarCalendar.ToSolar(year, 3, 10));
        Assert.Equal(new LunarDate(year, 3, 10), VietnameseLunarCalendar.ToLunar(expected));
    }

    [Fact]
    public void Leap_months_2020_to_2035()
    {
        // 2020 leap 4th, 2023 leap 2nd, 2025 leap 6th, 2028 leap 5th, 2031 leap 3rd, and 2033 the
        // rare leap 11th (the "2033 problem" of the Chinese calendar, shared by Vietnam's).
        var expected = new Dictionary<int, int> { [2020] = 4, [2023] = 2, [2025] = 6, [2028] = 5, [2031] = 3, [2033] = 11 };
        for (int year = 2020; year <= 2035; year++)
        {
            int leap = expected.GetValueOrDefault(year);
            Assert.Equal(leap, VietnameseLunarCalendar.LeapMonthOf(year));
            Assert.Equal(leap == 0 ? 12 : 13, VietnameseLunarCalendar.MonthsInYear(year));
        }
    }

    [Fact]
    public void The_leap_month_follows_the_ordinary_month_of_its_number()
    {
        // 2023: month 2 from 20 February, leap 2 from 22 March, month 3 from 20 April.
        Assert.Equal(new LunarDate(2023, 2, 1), VietnameseLunarCalendar.ToLunar(new DateOnly(2023, 2, 20)));
        Assert.Equal(new LunarDate(2023, 2, 1, isLeapMonth: true), VietnameseLunarCalendar.ToLunar(new DateOnly(2023, 3, 22)));
        Assert.Equal(new LunarDate(2023, 3, 1), VietnameseLunarCalendar.ToLunar(new DateOnly(2023, 4, 20)));
        // 2025: month 6 from 25 June, leap 6 from 25 July, month 7 from 23 August.
        Assert.Equal(new LunarDate(2025, 6, 1), VietnameseLunarCalendar.ToLunar(new DateOnly(2025, 6, 25)));
        Assert.Equal(new LunarDate(2025, 6, 1, isLeapMonth: true), VietnameseLunarCalendar.ToLunar(new DateOnly(2025, 7, 25)));
        Assert.Equal(new LunarDate(2025, 7, 1), VietnameseLunarCalendar.ToLunar(new DateOnly(2025, 8, 23)));
        Assert.Equal(new DateOnly(2025, 7, 25), VietnameseLunarCalendar.ToSolar(new LunarDate(2025, 6, 1, isLeapMonth: true)));
        // 2033: leap 11 from 22 December 2033, still lunar year 2033; Tết 2034 is 19 February.
        Assert.Equal(new LunarDate(2033, 11, 1, isLeapMonth: true), VietnameseLunarCalendar.ToLunar(new DateOnly(2033, 12, 22)));
        Assert.Equal(new LunarDate(2033, 12, 1), VietnameseLunarCalendar.ToLunar(new DateOnly(2034, 1, 20)));
    }

    [Fact]
    public void No_thirtieth_of_Tet_from_2025_to_2032()
    {
        // Widely reported in Vietnam (Phạm Vũ Lộc, Vietnam Space Centre): after 30 Tết on 9 February
        // 2024, month 12 has only 29 days until lunar year 2032, whose eve is 30 Tết, 30 January 2033.
        Assert.Equal(new LunarDate(2023, 12, 30), VietnameseLunarCalendar.ToLunar(new DateOnly(2024, 2, 9)));
        for (int year = 2024; year <= 2031; year++)
        {
            Assert.Equal(29, VietnameseLunarCalendar.DaysInMonth(year, 12));
            Assert.Equal(29, VietnameseLunarCalendar.ToLunar(VietnameseLunarCalendar.LastDayOfYear(year)).Day);
        }
        Assert.Equal(new DateOnly(2033, 1, 30), VietnameseLunarCalendar.LastDayOfYear(2032));
        Assert.Equal(new LunarDate(2032, 12, 30), VietnameseLunarCalendar.ToLunar(new DateOnly(2033, 1, 30)));
    }

    [Fact]
    public void Dates_that_do_not_exist_are_refused()
    {
        Assert.False(VietnameseLunarCalendar.TryToSolar(new LunarDate(2024, 2, 1, isLeapMonth: true), out _)); // 2024: no leap month
        Assert.False(VietnameseLunarCalendar.TryToSolar(new LunarDate(2025, 5, 1, isLeapMonth: true), out _)); // 2025: the leap is the 6th
        Assert.False(VietnameseLunarCalendar.TryToSolar(new LunarDate(2025, 12, 30), out _)); // 29 days
        Assert.False(VietnameseLunarCalendar.TryToSolar(default, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseLunarCalendar.ToSolar(2025, 12, 30));
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseLunarCalendar.DaysInMonth(2024, 4, isLeapMonth: true));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LunarDate(2025, 13, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LunarDate(2025, 1, 31));
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseLunarCalendar.ToLunar(new DateOnly(999, 6, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseLunarCalendar.NewYear(3001));
    }

    [Fact]
    public void Tet_is_always_between_21_January_and_20_February()
    {
        // Which is why the five Tết holidays of a solar year all fall in that year.
        for (int year = 1900; year <= 2199; year++)
        {
            DateOnly tet = VietnameseLunarCalendar.NewYear(year);
            Assert.InRange(tet, new DateOnly(year, 1, 21), new DateOnly(year, 2, 20));
        }
    }

    [Fact]
    public void Every_day_1900_to_2199_converts_both_ways_and_follows_the_day_before()
    {
        LunarDate previous = VietnameseLunarCalendar.ToLunar(First.AddDays(-1));
        int monthsInYear = int.MinValue; // unknown until the first Tết
        bool leapSeen = false;
        for (var date = First; date <= Last; previous = VietnameseLunarCalendar.ToLunar(date), date = date.AddDays(1))
        {
            LunarDate lunar = VietnameseLunarCalendar.ToLunar(date);
            Assert.Equal(date, VietnameseLunarCalendar.ToSolar(lunar));
            if (lunar.Day > 1)
            {
                Assert.Equal(new LunarDate(previous.Year, previous.Month, previous.Day + 1, previous.IsLeapMonth), lunar);
                continue;
            }
            // A new month: the last one had 29 or 30 days; then comes the next number, or the same one as a leap.
            Assert.InRange(previous.Day, 29, 30);
            if (lunar.IsLeapMonth)
            {
                Assert.Equal((previous.Year, previous.Month, false), (lunar.Year, lunar.Month, previous.IsLeapMonth));
                Assert.False(leapSeen);
                leapSeen = true;
            }
            else if (lunar.Month == 1)
            {
                Assert.Equal((previous.Year + 1, 12), (lunar.Year, previous.Month));
                if (monthsInYear >= 0) Assert.Equal(leapSeen ? 13 : 12, monthsInYear);
                Assert.Equal(date, VietnameseLunarCalendar.NewYear(lunar.Year));
                monthsInYear = 0;
                leapSeen = false;
            }
            else
            {
                Assert.Equal((previous.Year, previous.Month + 1), (lunar.Year, lunar.Month));
            }
            monthsInYear++;
        }
    }

    [Fact]
    public void At_UTC_plus_8_it_is_the_Chinese_calendar_of_dot_NET_from_1929_to_2100()
    {
        // China has reckoned at UTC+8 since 1929. One month disagrees: the new moon of September 2057
        // is within seconds of Beijing midnight (23:59:57 here), beyond what any formula can settle
        // so far ahead (ΔT is uncertain by tens of seconds): month 8 of 2057 has 29 days here, 30 in .NET's table.
        var chinese = new ChineseLunisolarCalendar();
        var disagreements = new List<DateOnly>();
        for (var date = new DateOnly(1929, 1, 1); date <= new DateOnly(2100, 12, 31); date = date.AddDays(1))
        {
            DateTime dt = date.ToDateTime(TimeOnly.MinValue);
            int year = chinese.GetYear(dt), month = chinese.GetMonth(dt), day = chinese.GetDayOfMonth(dt);
            int leapIndex = chinese.GetLeapMonth(year); // the leap month's position, 0 if none
            bool isLeap = month == leapIndex;
            int number = leapIndex > 0 && month >= leapIndex ? month - 1 : month;
            if (VietnameseLunarCalendar.ToLunar(date, 8) != new LunarDate(year, number, day, isLeap)) disagreements.Add(date);
        }
        Assert.Equal(new DateOnly(2057, 9, 28), disagreements[0]);
        Assert.Equal(new LunarDate(2057, 9, 1), VietnameseLunarCalendar.ToLunar(new DateOnly(2057, 9, 28), 8));
        Assert.Equal(30, chinese.GetDayOfMonth(new DateTime(2057, 9, 28)));
        foreach (var date in disagreements)
        {
            LunarDate lunar = VietnameseLunarCalendar.ToLunar(date, 8);
            Assert.Equal(new LunarDate(2057, 9, lunar.Day), lunar);
        }
    }

    [Property(Arbitrary = [typeof(CalendarArbitraries)], MaxTest = 500)]
    public bool Lunar_to_solar_to_lunar_is_the_identity(ExistingLunarDate x)
        => VietnameseLunarCalendar.ToLunar(VietnameseLunarCalendar.ToSolar(x.Value)) == x.Value;

    [Property(Arbitrary = [typeof(CalendarArbitraries)], MaxTest = 500)]
    public bool Solar_to_lunar_to_solar_is_the_identity(SampleDate x)
        => VietnameseLunarCalendar.ToSolar(VietnameseLunarCalendar.ToLunar(x.Value)) == x.Value;

    [Fact]
    public void Lunar_dates_print_as_in_Vietnam()
    {
        Assert.Equal("10/3/2025", new LunarDate(2025, 3, 10).ToString());
        Assert.Equal("1/6 nhuận/2025", new LunarDate(2025, 6, 1, isLeapMonth: true).ToString());
    }
}
