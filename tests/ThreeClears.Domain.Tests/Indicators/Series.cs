using ThreeClears.Domain.Periods;

namespace ThreeClears.Domain.Tests.Indicators;

/// <summary>Builds a series keyed by period from ("2025-08", 1.5m) pairs.</summary>
internal static class Series
{
    public static Dictionary<Period, decimal> Of(params (string Period, decimal Value)[] values)
    {
        var d = new Dictionary<Period, decimal>();
        foreach (var (p, v) in values) d.Add(Period.Parse(p), v);
        return d;
    }

    /// <summary>Months <paramref name="from"/>..<paramref name="to"/> of a year, each with the same value.</summary>
    public static Dictionary<Period, decimal> Months(int year, int from, int to, decimal each, Dictionary<Period, decimal>? into = null)
    {
        var d = into ?? new Dictionary<Period, decimal>();
        for (var m = from; m <= to; m++) d.Add(Period.OfMonth(year, m), each);
        return d;
    }

    public static readonly Dictionary<Period, decimal> Empty = new();
}
