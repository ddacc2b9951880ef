using System.Collections.Concurrent;

namespace ThreeClears.Domain.Calendar;

/// <summary>
/// The Vietnamese lunar calendar (âm lịch): conversions between solar dates and <see cref="LunarDate"/>.
/// </summary>
/// <remarks>
/// <para>
/// Why hand-written: no .NET library provides the Vietnamese calendar.
/// <see cref="System.Globalization.ChineseLunisolarCalendar"/> is the Chinese calendar, which counts
/// days at Beijing time (UTC+8); Vietnam has reckoned its calendar at UTC+7 since 1968, and when a new
/// moon or a solar term falls between 23:00 and 24:00 Vietnam time the two calendars disagree: a month
/// starts a day apart (Tết 2007: 17 February in Vietnam, 18 February in China), or a leap month moves
/// and Tết lands a whole month apart (1985: 21 January in Vietnam, 20 February in China).
/// </para>
/// <para>
/// The rules (the same as the Chinese calendar's, evaluated in the chosen time zone; Ho Ngoc Duc
/// describes them for Vietnam):
/// <list type="number">
/// <item>A month begins on the civil day of a new moon.</item>
/// <item>Month 11 is the month containing the winter solstice (the Sun at 270°).</item>
/// <item>From one month 11 to the next there are 12 or 13 months. With 13, the first month after
/// month 11 that contains no principal solar term (the Sun at a multiple of 30°) is intercalary:
/// the leap month, numbered as the month before it.</item>
/// <item>The lunar year starts with month 1 (Tết) — the second (or, after a leap 11 or 12, the
/// third) month after month 11 — and is named after the solar year in which Tết falls.</item>
/// </list>
/// Astronomy: <see cref="CalendarAstronomy"/>. Meant for 1900–2199 and computed for lunar years
/// <see cref="MinYear"/>–<see cref="MaxYear"/>. Checked against the published Vietnamese dates of Tết
/// and, at UTC+8, against .NET's table of the Chinese calendar (the tests). While writing it, every
/// day of 1900–2199 was also compared with a calendar built by these rules from a high-precision
/// ephemeris (VSOP87 Sun, full lunar theory): the same everywhere except two months whose deciding
/// event falls within seconds of midnight (1938, 1967). Ho Ngoc Duc's published program uses a
/// shorter new-moon series and ΔT; it starts a month a day later in a few such near-midnight cases
/// (1944, 1967, 2072, 2077, 2130, 2150, 2159, and Tết 2175 and 2199), where the ephemeris sides with
/// this class but for 1967. Dates after about 2150 hang on the extrapolated ΔT.
/// (Before 1968 the calendars printed in Vietnam followed UTC+8; this class always reckons the given
/// offset, UTC+7 by default.)
/// </para>
/// <para>Thread-safe: the months of each lunar year are computed once and cached.</para>
/// </remarks>
public static class VietnameseLunarCalendar
{
    /// <summary>The time zone of the Vietnamese calendar: UTC+7.</summary>
    public const double VietnamUtcOffsetHours = 7.0;

    /// <summary>The first lunar year this class computes.</summary>
    public const int MinYear = 1000;

    /// <summary>The last lunar year this class computes.</summary>
    public const int MaxYear = 3000;

    private static readonly ConcurrentDictionary<(int Year, double Offset), Sui> Suis = new();
    private static readonly ConcurrentDictionary<(int Year, double Offset), LunarYear> Years = new();

    /// <summary>The lunar date of <paramref name="date"/> in the Vietnamese calendar (UTC+7).</summary>
    public static LunarDate ToLunar(DateOnly date) => ToLunar(date, VietnamUtcOffsetHours);

    /// <summary>
    /// The lunar date of <paramref name="date"/> reckoned at UTC+<paramref name="utcOffsetHours"/>
    /// (7 for Vietnam; 8 gives the Chinese calendar of today).
    /// </summary>
    public static LunarDate ToLunar(DateOnly date, double utcOffsetHours)
    {
        int year = date.Year;
        CheckYear(year);
        int day = date.DayNumber;
        var lunarYear = YearOf(year, utcOffsetHours);
        if (day < lunarYear.Starts[0])
        {
            // Before Tết: the lunar year named after the previous solar year.
            lunarYear = YearOf(year - 1, utcOffsetHours);
        }
        int[] starts = lunarYear.Starts;
        int i = starts.Length - 2;
        while (starts[i] > day) i--;
        return new LunarDate(lunarYear.Year, lunarYear.Months[i], day - starts[i] + 1, lunarYear.Leap[i]);
    }

    /// <summary>The solar date of <paramref name="lunar"/> in the Vietnamese calendar (UTC+7).</summary>
    /// <exception cref="ArgumentOutOfRangeException">That date does not exist (no such leap month, or day 30 of a 29-day month).</exception>
    public static DateOnly ToSolar(LunarDate lunar) => ToSolar(lunar, VietnamUtcOffsetHours);

    /// <summary>The solar date of lunar <paramref name="day"/>/<paramref name="month"/>/<paramref name="year"/> (UTC+7).</summary>
    public static DateOnly ToSolar(int year, int month, int day, bool isLeapMonth = false)
        => ToSolar(new LunarDate(year, month, day, isLeapMonth), VietnamUtcOffsetHours);

    /// <summary>The solar date of <paramref name="lunar"/> reckoned at UTC+<paramref name="utcOffsetHours"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">That date does not exist.</exception>
    public static DateOnly ToSolar(LunarDate lunar, double utcOffsetHours)
        => TryToSolar(lunar, utcOffsetHours, out var date)
            ? date
            : throw new ArgumentOutOfRangeException(nameof(lunar), lunar, "No such day in the lunar calendar.");

    /// <summary>The solar date of <paramref name="lunar"/> (UTC+7); false when that lunar date does not exist.</summary>
    public static bool TryToSolar(LunarDate lunar, out DateOnly date) => TryToSolar(lunar, VietnamUtcOffsetHours, out date);

    /// <summary>The solar date of <paramref name="lunar"/> at UTC+<paramref name="utcOffsetHours"/>; false when it does not exist.</summary>
    public static bool TryToSolar(LunarDate lunar, double utcOffsetHours, out DateOnly date)
    {
        date = default;
        if (lunar.Month is < 1 or > 12 || lunar.Day is < 1 or > 30) return false; // default(LunarDate)
        CheckYear(lunar.Year);
        var year = YearOf(lunar.Year, utcOffsetHours);
        int i = year.IndexOf(lunar.Month, lunar.IsLeapMonth);
        if (i < 0) return false;
        int start = year.Starts[i];
        if (lunar.Day > year.Starts[i + 1] - start) return false;
        date = DateOnly.FromDayNumber(start + lunar.Day - 1);
        return true;
    }

    /// <summary>Tết Nguyên đán of <paramref name="lunarYear"/>: the solar date of lunar 1/1.</summary>
    public static DateOnly NewYear(int lunarYear) => NewYear(lunarYear, VietnamUtcOffsetHours);

    /// <summary>The solar date of lunar 1/1 of <paramref name="lunarYear"/> at UTC+<paramref name="utcOffsetHours"/>.</summary>
    public static DateOnly NewYear(int lunarYear, double utcOffsetHours)
    {
        CheckYear(lunarYear);
        return DateOnly.FromDayNumber(YearOf(lunarYear, utcOffsetHours).Starts[0]);
    }

    /// <summary>The last day of <paramref name="lunarYear"/> (the eve of the next Tết: 29 or 30 of month 12).</summary>
    public static DateOnly LastDayOfYear(int lunarYear)
    {
        CheckYear(lunarYear);
        var year = YearOf(lunarYear, VietnamUtcOffsetHours);
        return DateOnly.FromDayNumber(year.Starts[^1] - 1);
    }

    /// <summary>The month that is doubled in <paramref name="lunarYear"/> (the leap month follows it), or 0 for none.</summary>
    public static int LeapMonthOf(int lunarYear)
    {
        CheckYear(lunarYear);
        return YearOf(lunarYear, VietnamUtcOffsetHours).LeapMonth;
    }

    /// <summary>29 or 30: the length of the given month.</summary>
    /// <exception cref="ArgumentOutOfRangeException">No such month (a leap month the year does not have).</exception>
    public static int DaysInMonth(int lunarYear, int month, bool isLeapMonth = false)
    {
        CheckYear(lunarYear);
        var year = YearOf(lunarYear, VietnamUtcOffsetHours);
        int i = year.IndexOf(month, isLeapMonth);
        if (i < 0) throw new ArgumentOutOfRangeException(nameof(month), month, "No such month in that lunar year.");
        return year.Starts[i + 1] - year.Starts[i];
    }

    /// <summary>The number of months (12 or 13) of <paramref name="lunarYear"/>.</summary>
    public static int MonthsInYear(int lunarYear)
    {
        CheckYear(lunarYear);
        return YearOf(lunarYear, VietnamUtcOffsetHours).Months.Length;
    }

    private static void CheckYear(int year)
    {
        if (year < MinYear || year > MaxYear)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, $"The lunar calendar is computed for {MinYear}–{MaxYear}.");
        }
    }

    private static LunarYear YearOf(int year, double offset) => Years.GetOrAdd((year, offset), static key => BuildYear(key.Year, key.Offset));

    private static Sui SuiOf(int year, double offset) => Suis.GetOrAdd((year, offset), static key => BuildSui(key.Year, key.Offset));

    /// <summary>
    /// Lunar year <paramref name="year"/>: from month 1 in the sui ending at the winter solstice of
    /// <paramref name="year"/> to month 12 (or its leap) at the start of the next sui.
    /// </summary>
    private static LunarYear BuildYear(int year, double offset)
    {
        Sui current = SuiOf(year, offset);
        Sui next = SuiOf(year + 1, offset);
        int first = current.FirstMonthIndex;
        int tail = next.FirstMonthIndex; // months 11, 12 (and a leap 11 or 12) of the next sui
        int count = current.Months.Length - first + tail;
        var starts = new int[count + 1];
        var months = new int[count];
        var leap = new bool[count];
        int n = 0;
        for (int i = first; i < current.Months.Length; i++, n++)
        {
            starts[n] = current.Starts[i];
            months[n] = current.Months[i];
            leap[n] = current.Leap[i];
        }
        for (int i = 0; i < tail; i++, n++)
        {
            starts[n] = next.Starts[i];
            months[n] = next.Months[i];
            leap[n] = next.Leap[i];
        }
        starts[count] = next.Starts[tail];
        return new LunarYear(year, starts, months, leap);
    }

    /// <summary>
    /// The sui (tuế) ending at the winter solstice of solar year <paramref name="year"/>: the months
    /// from month 11 of the previous lunar year (the one holding the solstice of
    /// <paramref name="year"/> − 1) up to, not including, the next month 11.
    /// </summary>
    private static Sui BuildSui(int year, double offset)
    {
        int k0 = Month11NewMoon(year - 1, offset);
        int k1 = Month11NewMoon(year, offset);
        int count = k1 - k0; // 12, or 13 when a month must be intercalated
        var starts = new int[count + 1];
        for (int j = 0; j <= count; j++)
        {
            starts[j] = NewMoonDay(k0 + j, offset);
        }

        int leapIndex = -1;
        if (count == 13)
        {
            // The first month after month 11 without a principal term: the Sun stays in the same
            // 30° sector from its first midnight to the first midnight of the next month.
            for (int j = 1; j < count; j++)
            {
                if (Sector(starts[j], offset) == Sector(starts[j + 1], offset))
                {
                    leapIndex = j;
                    break;
                }
            }
        }

        var months = new int[count];
        var leap = new bool[count];
        for (int j = 0; j < count; j++)
        {
            int ordinal = leapIndex >= 0 && j >= leapIndex ? j - 1 : j; // a leap month repeats the number before it
            months[j] = (10 + ordinal) % 12 + 1; // j = 0 is month 11, then 12, 1, 2, …
            leap[j] = j == leapIndex;
        }
        return new Sui(starts, months, leap);
    }

    /// <summary>The index k of the new moon starting month 11: the month whose days hold the winter solstice of <paramref name="solarYear"/>.</summary>
    private static int Month11NewMoon(int solarYear, double offset)
    {
        double december21 = CalendarAstronomy.LocalMidnight(new DateOnly(solarYear, 12, 21), offset);
        double solstice = CalendarAstronomy.SolarLongitudeInstant(270.0, december21);
        int solsticeDay = CalendarAstronomy.LocalDate(solstice, offset).DayNumber;
        int k = CalendarAstronomy.NewMoonIndexAtOrBefore(solstice);
        // Months are civil days: the new moon's day may differ from the instant's order near midnight.
        while (NewMoonDay(k, offset) > solsticeDay) k--;
        while (NewMoonDay(k + 1, offset) <= solsticeDay) k++;
        return k;
    }

    /// <summary>The civil day (as <see cref="DateOnly.DayNumber"/>) of new moon <paramref name="k"/>.</summary>
    private static int NewMoonDay(int k, double offset) => CalendarAstronomy.LocalDate(CalendarAstronomy.NewMoonUt(k), offset).DayNumber;

    /// <summary>Which 30° sector of longitude (0–11) the Sun is in at the midnight starting civil day <paramref name="dayNumber"/>.</summary>
    private static int Sector(int dayNumber, double offset)
        => (int)(CalendarAstronomy.SunApparentLongitude(CalendarAstronomy.LocalMidnight(DateOnly.FromDayNumber(dayNumber), offset)) / 30.0) % 12;

    /// <summary>Months from one month 11 to the next: <c>Starts</c> has one more entry (the next month 11).</summary>
    private sealed record Sui(int[] Starts, int[] Months, bool[] Leap)
    {
        /// <summary>Where month 1 is: after months 11, 12 and perhaps a leap 11 or 12.</summary>
        public int FirstMonthIndex
        {
            get
            {
                int i = 0;
                while (Months[i] != 1 || Leap[i]) i++;
                return i;
            }
        }
    }

    /// <summary>A lunar year's months: <c>Starts</c> (day numbers) has one more entry, the next Tết.</summary>
    private sealed class LunarYear(int year, int[] starts, int[] months, bool[] leap)
    {
        public int Year { get; } = year;
        public int[] Starts { get; } = starts;
        public int[] Months { get; } = months;
        public bool[] Leap { get; } = leap;

        public int LeapMonth
        {
            get
            {
                for (int i = 0; i < Leap.Length; i++)
                {
                    if (Leap[i]) return Months[i];
                }
                return 0;
            }
        }

        public int IndexOf(int month, bool isLeap)
        {
            for (int i = 0; i < Months.Length; i++)
            {
                if (Months[i] == month && Leap[i] == isLeap) return i;
            }
            return -1;
        }
    }
}
