namespace ThreeClears.Domain.Calendar;

/// <summary>
/// The default public holidays of a year, by the Labour Code 2019 (art. 112):
/// <list type="bullet">
/// <item>Tết Dương lịch — 1 January;</item>
/// <item>Tết Nguyên đán — the last day of the lunar year and lunar 1–4 of the new one (5 days);</item>
/// <item>Giỗ Tổ Hùng Vương — lunar 10/3;</item>
/// <item>Ngày Giải phóng miền Nam — 30 April; Ngày Quốc tế Lao động — 1 May;</item>
/// <item>Quốc khánh — 2 September and the day before, 1 September;</item>
/// </list>
/// and, for each of them that falls on a Saturday or Sunday, a compensatory day off ("nghỉ bù",
/// art. 112(3)): the next day that is neither a weekend day nor already a holiday.
/// Lunar dates are those of <see cref="VietnameseLunarCalendar"/> (UTC+7).
/// </summary>
public static class PublicHolidays
{
    public const string NewYearsDay = "Tết Dương lịch";
    public const string LunarNewYear = "Tết Nguyên đán";
    public const string HungKings = "Giỗ Tổ Hùng Vương";
    public const string ReunificationDay = "Ngày Giải phóng miền Nam, thống nhất đất nước";
    public const string LabourDay = "Ngày Quốc tế Lao động";
    public const string NationalDay = "Quốc khánh";
    public const string CompensatoryPrefix = "Nghỉ bù ";

    /// <summary>The default holidays of solar <paramref name="year"/>, compensatory days included, in date order.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside the lunar calendar's range.</exception>
    public static IReadOnlyList<Holiday> Defaults(int year)
    {
        // Tết of solar year Y is lunar 1/1 of lunar year Y, which always falls between 21 January and
        // 20 February of Y. So the five Tết days of Y are the eve (the last day of lunar year Y − 1,
        // the day before) and lunar 1–4 of lunar year Y: 20 January at the earliest, 24 February at the
        // latest — all in Y. The eve of lunar year Y itself falls in January or February of Y + 1.
        DateOnly tet = VietnameseLunarCalendar.NewYear(year);
        DateOnly eve = tet.AddDays(-1);
        int eveDay = VietnameseLunarCalendar.ToLunar(eve).Day; // 29 or 30: month 12 ("tháng Chạp") has 29 or 30 days

        var holidays = new List<Holiday>(16)
        {
            new(new DateOnly(year, 1, 1), NewYearsDay),
            new(eve, $"{LunarNewYear} ({eveDay} tháng Chạp)"),
            new(tet, $"{LunarNewYear} (mùng 1 tháng Giêng)"),
            new(tet.AddDays(1), $"{LunarNewYear} (mùng 2 tháng Giêng)"),
            new(tet.AddDays(2), $"{LunarNewYear} (mùng 3 tháng Giêng)"),
            new(tet.AddDays(3), $"{LunarNewYear} (mùng 4 tháng Giêng)"),
            new(VietnameseLunarCalendar.ToSolar(year, 3, 10), HungKings),
            new(new DateOnly(year, 4, 30), ReunificationDay),
            new(new DateOnly(year, 5, 1), LabourDay),
            new(new DateOnly(year, 9, 1), $"{NationalDay} (ngày liền kề)"),
            new(new DateOnly(year, 9, 2), NationalDay),
        };
        // In date order, stably: in some years (1947) lunar 10/3 is 30 April; both entries stand, and
        // on a weekend each gives its own compensatory day.
        holidays = [.. holidays.OrderBy(h => h.Date)];

        // Compensatory days: a holiday on a weekend gives the next day that is neither a weekend day
        // nor a holiday (so a Tết weekend is made up after the whole Tết block). Earlier holidays
        // choose first, and each chosen day counts as taken for the ones after.
        var taken = new HashSet<DateOnly>(holidays.Select(h => h.Date));
        var compensatory = new List<Holiday>();
        foreach (var holiday in holidays)
        {
            if (!IsWeekend(holiday.Date)) continue;
            DateOnly day = holiday.Date.AddDays(1);
            while (IsWeekend(day) || taken.Contains(day)) day = day.AddDays(1);
            taken.Add(day);
            compensatory.Add(new Holiday(day, CompensatoryPrefix + holiday.Name));
        }
        return holidays.Concat(compensatory).OrderBy(h => h.Date).ToArray().AsReadOnly();
    }

    /// <summary>Saturday or Sunday.</summary>
    public static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
}
