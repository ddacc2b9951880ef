using ThreeClears.Domain.Periods;

namespace ThreeClears.Domain.Indicators;

/// <summary>
/// A lineage line between two units of a <see cref="TreeRollUp"/> (indices into its units): from
/// <paramref name="EffectiveDate"/> the <paramref name="Share"/> of the predecessor belongs to the successor.
/// </summary>
public readonly record struct LineageLine(int Predecessor, int Successor, DateOnly EffectiveDate, decimal Share = 1m);

/// <summary>
/// One unit's figure for one period, with the sources it was chosen from.
/// </summary>
/// <param name="Value">The official figure (<see cref="TreeRollUp.Figures"/> aggregated over time to the period).</param>
/// <param name="Own">The unit's own figure: entered there, or for periods before a change, inherited from its predecessors.</param>
/// <param name="RolledUp">What its children give (each child counting only what it did not hand on to successors).</param>
/// <param name="Entered">What was entered at the unit itself.</param>
/// <param name="Inherited">What its predecessors give for the period.</param>
/// <param name="LineageDiscrepancy">The entered figure against the predecessors' when the period lies wholly before
/// the change and the two differ (a back-filled history that does not match the old units' figures).</param>
public readonly record struct UnitFigure(
    decimal? Value, decimal? Own, decimal? RolledUp, decimal? Entered, decimal? Inherited, Discrepancy? LineageDiscrepancy)
{
    /// <summary>The unit's own figure against its children's roll-up, when both exist and differ.</summary>
    public Discrepancy? Discrepancy => RolledUpValue.Of(Own, RolledUp).Discrepancy;
}

/// <summary>
/// One indicator rolled up over the org tree, with the lineage of merged and split units: every unit's
/// official figure at every period the data holds.
/// </summary>
/// <remarks>
/// <para><b>Lineage first, at the level of the data.</b> For each period that ends before a change, a
/// successor inherits its predecessors' figures for that period (<see cref="Lineage.FromPredecessors"/>:
/// Σ value × share for sums of flows and levels, the mean for averages, nothing for <c>none</c>), and a
/// predecessor keeps only what it did not hand on (<see cref="Lineage.Remaining"/>). What was entered at the
/// successor for a period wins over what it inherits. Nothing of the predecessor is changed: its own figures
/// stay its own; only its contribution to its parent shrinks, so an ancestor of both counts every value once.
/// Chains of changes are followed (a predecessor's inherited history passes on too); the lines of a cycle are ignored.</para>
/// <para><b>Then the tree</b>, at every period any unit holds data for: a unit's own figure (entered, else
/// inherited) is official; otherwise its children's contributions combine by the indicator's aggregation
/// (<see cref="UnitAggregation"/>). Coarser periods are read from these figures by the time rules
/// (<see cref="TimeAggregation"/>), so a year straddling a change is January–June from the predecessors and
/// July–December from the successor.</para>
/// </remarks>
public sealed class TreeRollUp
{
    private readonly TimeKind kind;
    private readonly Aggregation aggregation;
    private readonly int[] parent;
    private readonly List<int>[] children;
    private readonly Dictionary<Period, decimal>[] entered;
    private readonly Dictionary<Period, decimal>[] inherited;
    private readonly Dictionary<Period, decimal>[] own;
    private readonly Dictionary<Period, decimal>[] contribution;
    private readonly Dictionary<Period, decimal>[] figures;
    private readonly List<LineageLine>[] predecessorsOf;

    private TreeRollUp(TimeKind kind, Aggregation aggregation, int n)
    {
        this.kind = kind;
        this.aggregation = aggregation;
        parent = new int[n];
        children = new List<int>[n];
        entered = new Dictionary<Period, decimal>[n];
        inherited = new Dictionary<Period, decimal>[n];
        own = new Dictionary<Period, decimal>[n];
        contribution = new Dictionary<Period, decimal>[n];
        figures = new Dictionary<Period, decimal>[n];
        predecessorsOf = new List<LineageLine>[n];
    }

    /// <summary>The number of units.</summary>
    public int Count => parent.Length;

    /// <summary>
    /// Rolls up one indicator. Units are indexed 0..n−1; <paramref name="parents"/>[i] is unit i's parent or −1,
    /// and every parent comes before its children (<c>parents[i] &lt; i</c>). <paramref name="values"/>[i] holds
    /// what was entered at unit i, keyed by period.
    /// </summary>
    public static TreeRollUp Compute(
        TimeKind kind,
        Aggregation aggregation,
        ReadOnlySpan<int> parents,
        IReadOnlyList<IReadOnlyDictionary<Period, decimal>> values,
        IReadOnlyList<LineageLine> lineage)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(lineage);
        var n = parents.Length;
        if (values.Count != n) throw new ArgumentException("values must have one series per unit.", nameof(values));
        var r = new TreeRollUp(kind, aggregation, n);
        for (var i = 0; i < n; i++)
        {
            var p = parents[i];
            if (p >= i || p < -1) throw new ArgumentException($"unit {i}: its parent ({p}) must come before it.", nameof(parents));
            r.parent[i] = p;
            r.children[i] = [];
            if (p >= 0) r.children[p].Add(i);
            r.entered[i] = new Dictionary<Period, decimal>(values[i]);
            r.predecessorsOf[i] = [];
        }

        var successorsOf = new List<SuccessorShare>[n];
        foreach (var line in lineage)
        {
            if ((uint)line.Predecessor >= (uint)n || (uint)line.Successor >= (uint)n || line.Predecessor == line.Successor)
                throw new ArgumentException($"lineage line {line} names a unit that is not in the tree.", nameof(lineage));
        }
        foreach (var line in lineage)
        {
            if (OnCycle(line, lineage)) continue; // a unit cannot be its own history: the line is ignored both ways
            r.predecessorsOf[line.Successor].Add(line);
            (successorsOf[line.Predecessor] ??= []).Add(new SuccessorShare(line.EffectiveDate, line.Share));
        }

        var done = new bool[n]; // predecessors first: the lines left hold no cycle
        for (var i = 0; i < n; i++) r.Inherit(i, done);

        for (var i = 0; i < n; i++)
        {
            if (successorsOf[i] is not { } shares)
            {
                r.contribution[i] = r.own[i];
                continue;
            }
            var kept = new Dictionary<Period, decimal>(r.own[i].Count);
            foreach (var period in r.own[i].Keys)
                if (Lineage.Remaining(kind, aggregation, period, r.own[i], [.. shares]) is { } v) kept[period] = v;
            r.contribution[i] = kept;
        }

        r.RollUp();
        return r;
    }

    /// <summary>The unit's official figures at every period held anywhere in the tree (or inherited).</summary>
    public IReadOnlyDictionary<Period, decimal> Figures(int unit) => figures[unit];

    /// <summary>The unit's figure for <paramref name="period"/> with its sources.</summary>
    public UnitFigure At(int unit, Period period)
    {
        var ownValue = TimeAggregation.ValueAt(own[unit], period, kind);
        decimal? rolledUp = null;
        if (aggregation != Aggregation.None && children[unit].Count > 0)
        {
            var values = new decimal?[children[unit].Count];
            for (var c = 0; c < values.Length; c++)
                values[c] = TimeAggregation.ValueAt(contribution[children[unit][c]], period, kind);
            rolledUp = UnitAggregation.Combine(aggregation, values);
        }
        var enteredValue = TimeAggregation.ValueAt(entered[unit], period, kind);
        var inheritedValue = TimeAggregation.ValueAt(inherited[unit], period, kind);
        Discrepancy? lineage = null;
        if (predecessorsOf[unit].Count > 0 && predecessorsOf[unit].TrueForAll(l => period.End < l.EffectiveDate))
            lineage = RolledUpValue.Of(enteredValue, inheritedValue).Discrepancy;
        return new UnitFigure(TimeAggregation.ValueAt(figures[unit], period, kind), ownValue, rolledUp, enteredValue, inheritedValue, lineage);
    }

    /// <summary>True when the line's successor leads, by other lines, back to its predecessor.</summary>
    private static bool OnCycle(LineageLine line, IReadOnlyList<LineageLine> lineage)
    {
        var seen = new HashSet<int>();
        var stack = new Stack<int>();
        stack.Push(line.Successor);
        while (stack.Count > 0)
        {
            var u = stack.Pop();
            if (u == line.Predecessor) return true;
            if (!seen.Add(u)) continue;
            foreach (var l in lineage)
                if (l.Predecessor == u) stack.Push(l.Successor);
        }
        return false;
    }

    /// <summary>Builds <see cref="own"/> for unit i: entered, else inherited from predecessors (done first).</summary>
    private void Inherit(int i, bool[] done)
    {
        if (done[i]) return;
        var lines = predecessorsOf[i];
        var from = new Dictionary<Period, decimal>();
        if (lines.Count > 0 && aggregation != Aggregation.None)
        {
            var preds = new List<(LineageLine Line, Dictionary<Period, decimal> Own)>(lines.Count);
            foreach (var line in lines)
            {
                Inherit(line.Predecessor, done);
                preds.Add((line, own[line.Predecessor]));
            }
            // Every period a predecessor holds that ends before its change is inherited, combined over the
            // predecessors that count for it.
            var periods = new HashSet<Period>();
            foreach (var (line, values) in preds)
                foreach (var period in values.Keys)
                    if (period.End < line.EffectiveDate) periods.Add(period);
            var series = new PredecessorSeries[preds.Count];
            for (var k = 0; k < preds.Count; k++) series[k] = new PredecessorSeries(preds[k].Own, preds[k].Line.EffectiveDate, preds[k].Line.Share);
            foreach (var period in periods)
                if (Lineage.FromPredecessors(kind, aggregation, period, series) is { } v) from[period] = v;
        }
        inherited[i] = from;
        var mine = new Dictionary<Period, decimal>(from);
        foreach (var (period, v) in entered[i]) mine[period] = v;
        own[i] = mine;
        done[i] = true;
    }

    /// <summary>At every period held anywhere, bottom-up: own figure, else the children's contributions combined.</summary>
    private void RollUp()
    {
        var n = parent.Length;
        var periods = new HashSet<Period>();
        for (var i = 0; i < n; i++)
        {
            figures[i] = [];
            periods.UnionWith(own[i].Keys);
        }
        var sums = new decimal[n];
        var counts = new int[n];
        var contributed = new Dictionary<Period, decimal>[n];
        for (var i = 0; i < n; i++)
            contributed[i] = ReferenceEquals(contribution[i], own[i]) ? figures[i] : [];

        foreach (var period in periods)
        {
            Array.Clear(sums);
            Array.Clear(counts);
            for (var i = n - 1; i >= 0; i--)
            {
                decimal? rolled = aggregation == Aggregation.None || counts[i] == 0
                    ? null
                    : aggregation == Aggregation.Average ? sums[i] / counts[i] : sums[i];
                var ownValue = TimeAggregation.ValueAt(own[i], period, kind);
                if ((ownValue ?? rolled) is { } figure) figures[i][period] = figure;

                // What the unit passes up: for a predecessor only what it kept (its children's roll-up when it
                // has no own figure for the period).
                var up = ReferenceEquals(contribution[i], own[i])
                    ? ownValue ?? rolled
                    : TimeAggregation.ValueAt(contribution[i], period, kind) ?? (ownValue is null ? rolled : null);
                if (!ReferenceEquals(contribution[i], own[i]) && up is { } kept) contributed[i][period] = kept;
                var p = parent[i];
                if (p >= 0 && up is { } v)
                {
                    sums[p] += v;
                    counts[p]++;
                }
            }
        }
        // From here on a unit's contribution is the series it passed up (its figures, or what a predecessor kept).
        for (var i = 0; i < n; i++) contribution[i] = contributed[i];
    }
}
