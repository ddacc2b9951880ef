using System.Collections.Concurrent;

namespace ThreeClears.Domain.Calendar;

/// <summary>
/// Working days: Monday–Friday that are not holidays, plus the swapped working days (weekend dates
/// that are worked). Each year's holidays and swaps are the admin's <see cref="CalendarYear"/> when
/// one is given for that year — replacing the defaults entirely — and otherwise the Labour Code
/// defaults (<see cref="PublicHolidays.Defaults"/>) with no swaps.
/// </summary>
/// <remarks>
/// Immutable and thread-safe. Each year is tabulated once, on first use, as the running count of its
/// working days, so <see cref="IsWorkingDay"/> is two array reads, <see cref="WorkingDaysBetween"/>
/// a subtraction per year crossed and <see cref="AddWorkingDays"/> a binary search, without
/// allocating. Default years are shared by all instances. The override function must be pure: what
/// it says of a year is read once and kept.
/// </remarks>
public sealed class WorkingCalendar : IWorkingCalendar
{
    private static readonly ConcurrentDictionary<int, YearTable> DefaultTables = new();

    private readonly Func<int, CalendarYear?> _overrideOf;
    private readonly ConcurrentDictionary<int, YearTable> _tables = new();
    private YearTable? _last; // the year asked last: most calls stay within one year

    /// <summary>The Labour Code defaults for every year, no overrides.</summary>
    public static WorkingCalendar Default { get; } = new();

    /// <summary>The Labour Code defaults for every year, no overrides.</summary>
    public WorkingCalendar() : this(static _ => null)
    {
    }

    /// <summary>The given years as the admin set them; the defaults for the others.</summary>
    /// <exception cref="ArgumentException">A key differs from its <see cref="CalendarYear.Year"/>.</exception>
    public WorkingCalendar(IReadOnlyDictionary<int, CalendarYear> overrides)
        : this(Snapshot(overrides))
    {
    }

    /// <summary>
    /// The year's calendar from <paramref name="overrideOf"/> where it returns one (for that year), the
    /// defaults where it returns null. It is asked at most once per year and must be pure.
    /// </summary>
    public WorkingCalendar(Func<int, CalendarYear?> overrideOf)
    {
        ArgumentNullException.ThrowIfNull(overrideOf);
        _overrideOf = overrideOf;
    }

    /// <summary>The calendar in force for <paramref name="year"/>: the override, or the defaults.</summary>
    public CalendarYear YearOf(int year) => Table(year).Source;

    /// <summary>Whether <paramref name="year"/> has an admin override rather than the defaults.</summary>
    public bool IsOverridden(int year) => !Table(year).IsDefault;

    /// <summary>The holidays of <paramref name="year"/> in date order (<c>GET /api/calendar</c>).</summary>
    public IReadOnlyList<Holiday> HolidaysOf(int year) => Table(year).Source.Holidays;

    /// <summary>The swapped working days (weekend dates worked) of <paramref name="year"/> in date order.</summary>
    public IReadOnlyList<DateOnly> WorkingDaysOf(int year) => Table(year).Source.WorkingDays;

    /// <summary>Whether <paramref name="date"/> is listed as a holiday (a listed swap still makes it a working day).</summary>
    public bool IsHoliday(DateOnly date) => Table(date.Year).IsHoliday(date.DayOfYear - 1);

    public bool IsWorkingDay(DateOnly date) => Table(date.Year).IsWorking(date.DayOfYear - 1);

    /// <summary>The <paramref name="n"/>-th working day after <paramref name="start"/> (start not counted); n = 0 gives start.</summary>
    /// <exception cref="ArgumentOutOfRangeException">n is negative, or the answer is past <see cref="DateOnly.MaxValue"/>.</exception>
    public DateOnly AddWorkingDays(DateOnly start, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        if (n == 0) return start;
        var table = Table(start.Year);
        // Cumulative[start.DayOfYear] counts the working days from 1 January through start.
        long target = (long)table.Cumulative[start.DayOfYear] + n;
        while (target > table.Total)
        {
            target -= table.Total;
            if (table.Year == DateOnly.MaxValue.Year) throw new ArgumentOutOfRangeException(nameof(n), n, "Past the last representable date.");
            table = Table(table.Year + 1);
        }
        int index = table.FirstIndexReaching((int)target);
        return DateOnly.FromDayNumber(table.FirstDayNumber + index);
    }

    /// <summary>Working days in (<paramref name="from"/>, <paramref name="to"/>]: 0 when to ≤ from.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to <= from) return 0;
        var first = Table(from.Year);
        if (from.Year == to.Year)
        {
            return first.Cumulative[to.DayOfYear] - first.Cumulative[from.DayOfYear];
        }
        int count = first.Total - first.Cumulative[from.DayOfYear];
        for (int year = from.Year + 1; year < to.Year; year++)
        {
            count += Table(year).Total;
        }
        return count + Table(to.Year).Cumulative[to.DayOfYear];
    }

    private YearTable Table(int year)
    {
        var last = Volatile.Read(ref _last);
        if (last is not null && last.Year == year) return last;
        var table = _tables.GetOrAdd(year, Build, this);
        Volatile.Write(ref _last, table);
        return table;
    }

    private static YearTable Build(int year, WorkingCalendar calendar)
    {
        var custom = calendar._overrideOf(year);
        if (custom is null)
        {
            return DefaultTables.GetOrAdd(year, static y => new YearTable(CalendarYear.DefaultsOf(y), isDefault: true));
        }
        if (custom.Year != year)
        {
            throw new InvalidOperationException($"The calendar given for {year} is that of {custom.Year}.");
        }
        return new YearTable(custom, isDefault: false);
    }

    private static Func<int, CalendarYear?> Snapshot(IReadOnlyDictionary<int, CalendarYear> overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        var copy = new Dictionary<int, CalendarYear>(overrides.Count);
        foreach (var (year, calendar) in overrides)
        {
            ArgumentNullException.ThrowIfNull(calendar, nameof(overrides));
            if (calendar.Year != year) throw new ArgumentException($"The calendar under {year} is that of {calendar.Year}.", nameof(overrides));
            copy.Add(year, calendar);
        }
        return copy.GetValueOrDefault;
    }

    /// <summary>One year tabulated: <c>Cumulative[i]</c> = working days among its first i days.</summary>
    private sealed class YearTable
    {
        private readonly ulong[] _holidayBits;

        public YearTable(CalendarYear source, bool isDefault)
        {
            Source = source;
            IsDefault = isDefault;
            Year = source.Year;
            var jan1 = new DateOnly(Year, 1, 1);
            FirstDayNumber = jan1.DayNumber;
            int days = DateTime.IsLeapYear(Year) ? 366 : 365;

            _holidayBits = new ulong[(days + 63) / 64];
            foreach (var holiday in source.Holidays)
            {
                int i = holiday.Date.DayOfYear - 1;
                _holidayBits[i >> 6] |= 1UL << (i & 63);
            }
            var swapped = new bool[days];
            foreach (var day in source.WorkingDays)
            {
                swapped[day.DayOfYear - 1] = true;
            }

            Cumulative = new int[days + 1];
            int dayOfWeek = (int)jan1.DayOfWeek;
            for (int i = 0; i < days; i++, dayOfWeek = dayOfWeek == 6 ? 0 : dayOfWeek + 1)
            {
                bool weekday = dayOfWeek is not ((int)DayOfWeek.Saturday or (int)DayOfWeek.Sunday);
                bool working = swapped[i] || (weekday && !IsHoliday(i));
                Cumulative[i + 1] = Cumulative[i] + (working ? 1 : 0);
            }
        }

        public CalendarYear Source { get; }

        public bool IsDefault { get; }

        public int Year { get; }

        public int FirstDayNumber { get; }

        public int[] Cumulative { get; }

        public int Total => Cumulative[^1];

        public bool IsHoliday(int dayIndex) => (_holidayBits[dayIndex >> 6] & (1UL << (dayIndex & 63))) != 0;

        public bool IsWorking(int dayIndex) => Cumulative[dayIndex + 1] != Cumulative[dayIndex];

        /// <summary>The index of the first day by which the count reaches <paramref name="target"/> (1 ≤ target ≤ Total).</summary>
        public int FirstIndexReaching(int target)
        {
            int lo = 1, hi = Cumulative.Length - 1; // the smallest p with Cumulative[p] ≥ target; the day is p − 1
            while (lo < hi)
            {
                int mid = (lo + hi) >>> 1;
                if (Cumulative[mid] >= target) hi = mid;
                else lo = mid + 1;
            }
            return lo - 1;
        }
    }
}
