using ThreeClears.Domain.Periods;

namespace ThreeClears.Domain.Indicators;

/// <summary>
/// The value of one indicator at one unit for any period, from the values stored for that unit
/// (keyed by the period they were entered for). Pure and allocation-free: a few dictionary look-ups
/// per call.
/// </summary>
/// <remarks>
/// <para>A value stored at exactly the requested period always wins (an official quarter or year
/// figure beats the sum of its months). Otherwise:</para>
/// <list type="bullet">
/// <item><b>Flow</b>: the sum of the finer periods. A year is the sum of its four quarters, each
/// quarter being its stored value or else the sum of its stored months; a quarter is the sum of its
/// stored months. <b>Missing months are skipped</b>: January–August with only six months present is the
/// sum of those six. Null only when nothing at all is stored inside the period.</item>
/// <item><b>Level</b>: the last available value within the period — the latest quarter (stored, or its
/// last stored month), then the latest stored month.</item>
/// <item><b>Rate</b>: only a value entered for that exact period; never summed or averaged.</item>
/// </list>
/// <para>A period finer than the data (a month of a quarterly series) has no value.</para>
/// </remarks>
public static class TimeAggregation
{
    /// <summary>The value for <paramref name="period"/> according to the time kind; null when none.</summary>
    public static decimal? ValueAt(IReadOnlyDictionary<Period, decimal> values, Period period, TimeKind kind) => kind switch
    {
        TimeKind.Flow => Flow(values, period),
        TimeKind.Level => Level(values, period),
        _ => Rate(values, period),
    };

    /// <summary>A flow: the stored value, else the sum of the stored finer periods.</summary>
    public static decimal? Flow(IReadOnlyDictionary<Period, decimal> values, Period period)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.TryGetValue(period, out var exact)) return exact;
        switch (period.Kind)
        {
            case Periodicity.Quarter:
                return SumMonths(values, period.Year, period.FirstMonth, period.LastMonth);
            case Periodicity.Year:
                decimal sum = 0m;
                var any = false;
                for (var q = 1; q <= 4; q++)
                {
                    if (QuarterFlow(values, period.Year, q) is { } v)
                    {
                        sum += v;
                        any = true;
                    }
                }
                return any ? sum : null;
            default:
                return null;
        }
    }

    /// <summary>A level: the stored value, else the last available value inside the period.</summary>
    public static decimal? Level(IReadOnlyDictionary<Period, decimal> values, Period period)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.TryGetValue(period, out var exact)) return exact;
        switch (period.Kind)
        {
            case Periodicity.Quarter:
                return LastMonth(values, period.Year, period.FirstMonth, period.LastMonth);
            case Periodicity.Year:
                for (var q = 4; q >= 1; q--)
                {
                    if (values.TryGetValue(Period.OfQuarter(period.Year, q), out var quarter)) return quarter;
                    if (LastMonth(values, period.Year, q * 3 - 2, q * 3) is { } month) return month;
                }
                return null;
            default:
                return null;
        }
    }

    /// <summary>A rate: only the value entered for exactly this period.</summary>
    public static decimal? Rate(IReadOnlyDictionary<Period, decimal> values, Period period)
    {
        ArgumentNullException.ThrowIfNull(values);
        return values.TryGetValue(period, out var exact) ? exact : null;
    }

    /// <summary>
    /// Year-to-date of a flow: the sum of <paramref name="year"/>'s values from January through
    /// <paramref name="throughMonth"/> (1–12). Whole quarters count as their stored value or the sum of
    /// their months; the months of a partial quarter are summed; with <paramref name="throughMonth"/> = 12
    /// a stored year figure wins. Missing periods are skipped; null when nothing is stored.
    /// For a quarterly series, YTD through September is Q1 + Q2 + Q3.
    /// </summary>
    public static decimal? YearToDate(IReadOnlyDictionary<Period, decimal> values, int year, int throughMonth)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThan(throughMonth, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(throughMonth, 12);
        if (throughMonth == 12) return Flow(values, Period.OfYear(year));

        decimal sum = 0m;
        var any = false;
        var wholeQuarters = throughMonth / 3;
        for (var q = 1; q <= wholeQuarters; q++)
        {
            if (QuarterFlow(values, year, q) is { } v)
            {
                sum += v;
                any = true;
            }
        }
        if (SumMonths(values, year, wholeQuarters * 3 + 1, throughMonth) is { } rest)
        {
            sum += rest;
            any = true;
        }
        return any ? sum : null;
    }

    /// <summary>
    /// The latest value known at the end of <paramref name="period"/> within its year: the value stored
    /// for exactly the period, else the stored value of the period (year, quarter or month of the same
    /// year) that ends last on or before the period's end — on equal end dates the coarser one (year,
    /// then quarter, then month). Used as "the latest value" of levels and rates.
    /// </summary>
    public static decimal? Latest(IReadOnlyDictionary<Period, decimal> values, Period period)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.TryGetValue(period, out var exact)) return exact;
        var year = period.Year;
        for (var m = period.LastMonth; m >= 1; m--)
        {
            if (m == 12 && values.TryGetValue(Period.OfYear(year), out var y)) return y;
            if (m % 3 == 0 && values.TryGetValue(Period.OfQuarter(year, m / 3), out var q)) return q;
            if (values.TryGetValue(Period.OfMonth(year, m), out var v)) return v;
        }
        return null;
    }

    /// <summary>
    /// How many of the period's months a flow's value covers: 12 for a stored year, 3 for each stored
    /// quarter, else 1 for each stored month. Equal to the period's length when its flow is complete.
    /// </summary>
    public static int MonthsCovered(IReadOnlyDictionary<Period, decimal> values, Period period)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.ContainsKey(period)) return period.LastMonth - period.FirstMonth + 1;
        var covered = 0;
        switch (period.Kind)
        {
            case Periodicity.Year:
                for (var q = 1; q <= 4; q++)
                    covered += MonthsCovered(values, Period.OfQuarter(period.Year, q));
                return covered;
            case Periodicity.Quarter:
                for (var m = period.FirstMonth; m <= period.LastMonth; m++)
                    if (values.ContainsKey(Period.OfMonth(period.Year, m))) covered++;
                return covered;
            default:
                return 0;
        }
    }

    private static decimal? QuarterFlow(IReadOnlyDictionary<Period, decimal> values, int year, int quarter) =>
        values.TryGetValue(Period.OfQuarter(year, quarter), out var v) ? v : SumMonths(values, year, quarter * 3 - 2, quarter * 3);

    private static decimal? SumMonths(IReadOnlyDictionary<Period, decimal> values, int year, int fromMonth, int toMonth)
    {
        decimal sum = 0m;
        var any = false;
        for (var m = fromMonth; m <= toMonth; m++)
        {
            if (values.TryGetValue(Period.OfMonth(year, m), out var v))
            {
                sum += v;
                any = true;
            }
        }
        return any ? sum : null;
    }

    private static decimal? LastMonth(IReadOnlyDictionary<Period, decimal> values, int year, int fromMonth, int toMonth)
    {
        for (var m = toMonth; m >= fromMonth; m--)
            if (values.TryGetValue(Period.OfMonth(year, m), out var v)) return v;
        return null;
    }
}
