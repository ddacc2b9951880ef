namespace ThreeClears.Domain.Indicators;

/// <summary>
/// A value entered at a unit that differs from what its children (or, for a successor, its
/// predecessors) add up to. Shown to be resolved, never hidden.
/// </summary>
/// <param name="Own">The value entered at the unit — the official figure.</param>
/// <param name="RolledUp">What the children (or predecessors) give.</param>
public readonly record struct Discrepancy(decimal Own, decimal RolledUp)
{
    /// <summary>Own − rolled-up.</summary>
    public decimal Difference => Own - RolledUp;
}

/// <summary>
/// A unit's figure for one indicator and period: the official <see cref="Value"/> together with the
/// two sources it was chosen from.
/// </summary>
/// <param name="Value">The figure to use: <see cref="Own"/> when entered, else <see cref="RolledUp"/>.</param>
/// <param name="Own">The value entered at the unit itself, if any.</param>
/// <param name="RolledUp">The value computed from the children (or predecessors), if any.</param>
public readonly record struct RolledUpValue(decimal? Value, decimal? Own, decimal? RolledUp)
{
    /// <summary>Present when both an own value and a rolled-up value exist and they differ.</summary>
    public Discrepancy? Discrepancy =>
        Own is { } own && RolledUp is { } rolledUp && own != rolledUp ? new Discrepancy(own, rolledUp) : null;

    /// <summary>Own wins; otherwise the rolled-up value.</summary>
    public static RolledUpValue Of(decimal? own, decimal? rolledUp) => new(own ?? rolledUp, own, rolledUp);
}

/// <summary>
/// Roll-up of one indicator for one period over the org tree.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><b>Sum</b>: the sum of the children that have a value; null when none has one (not 0).</item>
/// <item><b>Average</b>: the plain (unweighted) mean of the children that have a value; null when none.</item>
/// <item><b>None</b>: no roll-up; only a value entered at the unit counts.</item>
/// </list>
/// <para>A value entered at the unit is the official figure. When it and the roll-up both exist and
/// differ, <see cref="RolledUpValue.Discrepancy"/> reports it. Children's values passed in are their
/// official figures (own, else rolled up).</para>
/// <para>Ratios (derived indicators) are never rolled up: roll up the numerator and the denominator, then
/// divide (<see cref="DerivedIndicator"/>). For one period, time-aggregate each unit first
/// (<see cref="TimeAggregation"/>) and roll up those values, so children that report monthly and
/// children that report quarterly combine correctly.</para>
/// </remarks>
public static class UnitAggregation
{
    /// <summary>The children's combination under <paramref name="aggregation"/>; nulls are skipped.</summary>
    public static decimal? Combine(Aggregation aggregation, ReadOnlySpan<decimal?> childValues)
    {
        if (aggregation == Aggregation.None) return null;
        decimal sum = 0m;
        var count = 0;
        foreach (var value in childValues)
        {
            if (value is { } v)
            {
                sum += v;
                count++;
            }
        }
        if (count == 0) return null;
        return aggregation == Aggregation.Average ? sum / count : sum;
    }

    /// <summary>The unit's figure from its own entered value (maybe null) and its children's figures.</summary>
    public static RolledUpValue RollUp(Aggregation aggregation, decimal? own, ReadOnlySpan<decimal?> childValues) =>
        RolledUpValue.Of(own, Combine(aggregation, childValues));

    /// <summary>
    /// Rolls up a whole tree in one pass. Units are indexed 0..n−1; <paramref name="parent"/>[i] is the
    /// index of unit i's parent or −1 for a root, and every parent must come before its children
    /// (<c>parent[i] &lt; i</c>, e.g. breadth-first order). <paramref name="own"/>[i] is the value entered
    /// at unit i. Returns each unit's figure; a unit's children contribute their official figure.
    /// </summary>
    public static RolledUpValue[] RollUpTree(Aggregation aggregation, ReadOnlySpan<int> parent, ReadOnlySpan<decimal?> own)
    {
        if (parent.Length != own.Length)
            throw new ArgumentException("parent and own must have one entry per unit.", nameof(own));
        var n = parent.Length;
        var result = new RolledUpValue[n];
        var sums = new decimal[n];
        var counts = new int[n];
        for (var i = n - 1; i >= 0; i--)
        {
            var p = parent[i];
            if (p >= i || p < -1)
                throw new ArgumentException($"unit {i}: its parent ({p}) must come before it.", nameof(parent));
            decimal? rolledUp = aggregation == Aggregation.None || counts[i] == 0
                ? null
                : aggregation == Aggregation.Average ? sums[i] / counts[i] : sums[i];
            var r = RolledUpValue.Of(own[i], rolledUp);
            result[i] = r;
            if (p >= 0 && r.Value is { } v)
            {
                sums[p] += v;
                counts[p]++;
            }
        }
        return result;
    }
}
