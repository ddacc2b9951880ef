namespace ThreeClears.Domain.Calendar;

/// <summary>
/// A date of the Vietnamese lunar calendar (âm lịch). <see cref="Year"/> is the lunar year, numbered
/// by the solar year in which its first day (Tết) falls; <see cref="Month"/> 1–12 ("tháng Giêng" is
/// 1, "tháng Chạp" 12); <see cref="IsLeapMonth"/> marks the intercalary month (tháng nhuận), which
/// follows the ordinary month of the same number. Whether the date exists is for
/// <see cref="VietnameseLunarCalendar"/> to say (a month has 29 or 30 days; few years have a leap month).
/// </summary>
public readonly record struct LunarDate
{
    public LunarDate(int year, int month, int day, bool isLeapMonth = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        ArgumentOutOfRangeException.ThrowIfLessThan(day, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(day, 30);
        Year = year;
        Month = month;
        Day = day;
        IsLeapMonth = isLeapMonth;
    }

    public int Year { get; }

    public int Month { get; }

    public int Day { get; }

    public bool IsLeapMonth { get; }

    public void Deconstruct(out int year, out int month, out int day, out bool isLeapMonth)
    {
        year = Year;
        month = Month;
        day = Day;
        isLeapMonth = IsLeapMonth;
    }

    /// <summary>As Vietnamese calendars write it: <c>10/3/2025</c>, <c>1/6 nhuận/2025</c>.</summary>
    public override string ToString() => $"{Day}/{Month}{(IsLeapMonth ? " nhuận" : "")}/{Year}";
}
