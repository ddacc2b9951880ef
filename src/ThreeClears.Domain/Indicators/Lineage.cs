using System.Globalization;
using ThreeClears.Domain.Periods;

namespace ThreeClears.Domain.Indicators;

/// <summary>
/// One predecessor of a successor unit: its stored values for the indicator, the date the change took
/// effect, and the share (0..1, default 1) of it that went to this successor (a commune split between
/// two successors has a share for each, e.g. 0.4 and 0.6).
/// </summary>
public sealed record PredecessorSeries
{
    public PredecessorSeries(IReadOnlyDictionary<Period, decimal> values, DateOnly effectiveDate, decimal share = 1m)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (share is < 0m or > 1m)
            throw new ArgumentOutOfRangeException(nameof(share), share, "A share is between 0 and 1.");
        Values = values;
        EffectiveDate = effectiveDate;
        Share = share;
    }

    public IReadOnlyDictionary<Period, decimal> Values { get; }
    public DateOnly EffectiveDate { get; }
    public decimal Share { get; }

    /// <summary>True when the predecessor's data counts for <paramref name="period"/>: the period ends before the effective date.</summary>
    public bool CountsFor(Period period) => period.End < EffectiveDate;
}

/// <summary>One successor a predecessor passed a share of itself to, from <see cref="EffectiveDate"/>.</summary>
public readonly record struct SuccessorShare(DateOnly EffectiveDate, decimal Share)
{
    /// <summary>True when the share has passed for <paramref name="period"/>: the period ends before the effective date.</summary>
    public bool PassedFor(Period period) => period.End < EffectiveDate;
}

/// <summary>
/// A successor unit's series across an administrative change (e.g. the 1 July 2025 commune mergers).
/// </summary>
/// <remarks>
/// <para>For a period that <b>ends before</b> a predecessor's effective date, that predecessor counts:
/// each is first aggregated over time to the period (<see cref="TimeAggregation"/>), then combined by the
/// indicator's aggregation over units:</para>
/// <list type="bullet">
/// <item><b>Sum</b>, flows and levels: Σ value × share.</item>
/// <item><b>Sum</b>, rates: Σ value, never multiplied by the share (a share of a rate means nothing).</item>
/// <item><b>Average</b>: the plain mean of the predecessors' values, not multiplied by the share.</item>
/// <item><b>None</b>: nothing is computed — the period has a value only if one was entered for the
/// successor. A derived ratio is not combined at all: recompute it from its combined numerator and
/// denominator (<see cref="DerivedIndicator"/>).</item>
/// </list>
/// <para>Predecessors with share 0 or with no value for the period are skipped; null when none counts.</para>
/// <para>From the effective date on, only the successor's own data counts. A period that straddles the
/// effective date (the year 2025 for a 1 July 2025 change) is built from its parts like any coarser
/// period — a flow is the sum of its quarters (or months), a level the last part with a value, each part
/// computed by these rules — so January–June come from the predecessors and July–December from the
/// successor; a rate has only a value entered for exactly that period.</para>
/// <para>A value entered for the successor for the period itself (for instance a back-filled historical
/// figure) is the official figure, exactly as a value entered at a parent is: it wins, and if the
/// predecessors give something different the result carries a <see cref="Discrepancy"/>.</para>
/// </remarks>
public static class Lineage
{
    /// <summary>
    /// The successor's figure for <paramref name="period"/>: <see cref="RolledUpValue.Own"/> from its own data,
    /// <see cref="RolledUpValue.RolledUp"/> from its predecessors (or, for a straddling period, from its parts).
    /// </summary>
    public static RolledUpValue SuccessorValue(
        TimeKind kind,
        Aggregation aggregation,
        Period period,
        IReadOnlyDictionary<Period, decimal> own,
        ReadOnlySpan<PredecessorSeries> predecessors)
    {
        ArgumentNullException.ThrowIfNull(own);

        var straddles = false;
        var anyCounts = false;
        foreach (var p in predecessors)
        {
            if (p.CountsFor(period)) anyCounts = true;
            else if (period.Start < p.EffectiveDate) straddles = true; // starts before, ends on or after
        }

        if (straddles)
        {
            // Only a value entered for exactly this period is the successor's own figure here: its own
            // finer data covers just the part after the change.
            decimal? exact = own.TryGetValue(period, out var e) ? e : null;
            return RolledUpValue.Of(exact, FromParts(kind, aggregation, period, own, predecessors));
        }

        var ownValue = TimeAggregation.ValueAt(own, period, kind);
        return RolledUpValue.Of(ownValue, anyCounts ? FromPredecessors(kind, aggregation, period, predecessors) : null);
    }

    /// <summary>
    /// What the predecessors that count for <paramref name="period"/> (it ends before their effective date)
    /// give together, each first aggregated over time to the period: Σ value × share for sums of flows and
    /// levels, Σ value for sums of rates, the plain mean for averages, nothing for <see cref="Aggregation.None"/>.
    /// Null when none of them counts or has a value.
    /// </summary>
    public static decimal? FromPredecessors(TimeKind kind, Aggregation aggregation, Period period, ReadOnlySpan<PredecessorSeries> predecessors)
    {
        if (aggregation == Aggregation.None) return null;
        var multiply = aggregation == Aggregation.Sum && kind != TimeKind.Rate;
        decimal sum = 0m;
        var count = 0;
        foreach (var p in predecessors)
        {
            if (!p.CountsFor(period) || p.Share == 0m) continue;
            if (TimeAggregation.ValueAt(p.Values, period, kind) is not { } v) continue;
            sum += multiply ? v * p.Share : v;
            count++;
        }
        if (count == 0) return null;
        return aggregation == Aggregation.Average ? sum / count : sum;
    }

    /// <summary>
    /// What of a predecessor's figure for <paramref name="period"/> still counts at the predecessor itself —
    /// in its own parent's roll-up — once the shares that <see cref="SuccessorValue"/> hands to its
    /// successors are taken out. The exact complement of <see cref="SuccessorValue"/>, so that a common
    /// ancestor of predecessor and successors counts every figure once:
    /// </summary>
    /// <remarks>
    /// <list type="bullet">
    /// <item>No successor share has passed for the period: the whole value.</item>
    /// <item>Shares passed (the period ends before their effective dates), together s: nothing when s ≥ 1
    /// (a merged or wholly split unit rolls up only through its successors); otherwise, for
    /// <see cref="Aggregation.Sum"/> of flows and levels, value × (1 − s); for averages and rates, which
    /// cannot be split, the value itself, since a part of the unit stays where it was.</item>
    /// <item>A period straddling an effective date (2025 for a 1 July 2025 change) is built from its parts
    /// like <see cref="SuccessorValue"/> builds it — flows summed, levels the last part with a value. A value
    /// stored for exactly that period, a month or a rate that straddles passes nothing to the successors
    /// (they build such a period from its parts), so it stays whole here.</item>
    /// <item><see cref="Aggregation.None"/>: successors take nothing, so the whole value stays.</item>
    /// </list>
    /// </remarks>
    public static decimal? Remaining(
        TimeKind kind,
        Aggregation aggregation,
        Period period,
        IReadOnlyDictionary<Period, decimal> values,
        ReadOnlySpan<SuccessorShare> successors)
    {
        ArgumentNullException.ThrowIfNull(values);
        decimal passed = 0m;
        var straddles = false;
        foreach (var s in successors)
        {
            if (s.PassedFor(period)) passed += s.Share;
            else if (period.Start < s.EffectiveDate) straddles = true;
        }

        if (aggregation == Aggregation.None) return TimeAggregation.ValueAt(values, period, kind); // nothing is handed on
        if (straddles && kind != TimeKind.Rate && period.Kind != Periodicity.Month && !values.ContainsKey(period))
        {
            Span<Period> parts = stackalloc Period[4];
            var n = Parts(period, parts);
            if (kind == TimeKind.Level)
            {
                for (var i = n - 1; i >= 0; i--)
                    if (Remaining(kind, aggregation, parts[i], values, successors) is { } last) return last;
                return null;
            }
            decimal sum = 0m;
            var any = false;
            for (var i = 0; i < n; i++)
            {
                if (Remaining(kind, aggregation, parts[i], values, successors) is { } v)
                {
                    sum += v;
                    any = true;
                }
            }
            return any ? sum : null;
        }

        if (TimeAggregation.ValueAt(values, period, kind) is not { } value) return null;
        if (passed == 0m) return value;
        if (passed >= 1m) return null;
        return aggregation == Aggregation.Sum && kind != TimeKind.Rate ? value * (1m - passed) : value;
    }

    /// <summary>
    /// Checks the shares one predecessor gave to its successors: each within 0..1 and together at most 1
    /// (exactly 1 when the whole predecessor went somewhere). Empty when sound.
    /// </summary>
    public static IReadOnlyList<string> CheckShares(ReadOnlySpan<decimal> sharesOfOnePredecessor)
    {
        List<string>? errors = null;
        decimal total = 0m;
        foreach (var s in sharesOfOnePredecessor)
        {
            if (s is < 0m or > 1m)
                (errors ??= []).Add(string.Create(CultureInfo.InvariantCulture, $"share {s} is not between 0 and 1."));
            total += s;
        }
        if (total > 1m)
            (errors ??= []).Add(string.Create(CultureInfo.InvariantCulture, $"the shares add up to {total}, more than 1."));
        return errors ?? (IReadOnlyList<string>)[];
    }

    private static decimal? FromParts(
        TimeKind kind,
        Aggregation aggregation,
        Period period,
        IReadOnlyDictionary<Period, decimal> own,
        ReadOnlySpan<PredecessorSeries> predecessors)
    {
        if (kind == TimeKind.Rate || period.Kind == Periodicity.Month) return null;

        Span<Period> parts = stackalloc Period[4];
        var n = Parts(period, parts);

        if (kind == TimeKind.Level)
        {
            for (var i = n - 1; i >= 0; i--)
                if (SuccessorValue(kind, aggregation, parts[i], own, predecessors).Value is { } last) return last;
            return null;
        }

        decimal sum = 0m;
        var any = false;
        for (var i = 0; i < n; i++)
        {
            if (SuccessorValue(kind, aggregation, parts[i], own, predecessors).Value is { } v)
            {
                sum += v;
                any = true;
            }
        }
        return any ? sum : null;
    }

    /// <summary>The parts a straddling period is built from: a year's quarters, a quarter's months.</summary>
    private static int Parts(Period period, Span<Period> parts)
    {
        var n = 0;
        if (period.Kind == Periodicity.Year)
            for (var q = 1; q <= 4; q++) parts[n++] = Period.OfQuarter(period.Year, q);
        else
            for (var m = period.FirstMonth; m <= period.LastMonth; m++) parts[n++] = Period.OfMonth(period.Year, m);
        return n;
    }
}
