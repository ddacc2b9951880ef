using Microsoft.EntityFrameworkCore;
using ThreeClears.Domain.Indicators;
using ThreeClears.Domain.Periods;
using ThreeClears.Web.Data;
using ThreeClears.Web.Features.Organisation;

namespace ThreeClears.Web.Features.Indicators;

/// <summary>
/// The units one analytics question needs, in the order <see cref="TreeRollUp"/> wants them: the unit
/// (index 0) and its subtree, parents before children; then, as separate roots, the units outside the
/// subtree that lineage ties to it — predecessors of its units (whose history its units inherit, followed
/// back through chains of changes) and successors its units handed a share to (so that a share that left
/// the subtree is no longer counted in it). Outside predecessors count with the values entered at them.
/// </summary>
public sealed class AnalyticsTree
{
    public sealed record Node(int Id, int? ParentId, string Code, string Name, string NameEn, DateOnly? DissolvedOn);

    private AnalyticsTree(List<Node> nodes, int subtreeCount, int[] parent, LineageLine[] lines, int[] outsideDataIds, string path)
    {
        Nodes = nodes;
        SubtreeCount = subtreeCount;
        Parent = parent;
        Lines = lines;
        OutsideDataIds = outsideDataIds;
        Path = path;
        Index = new Dictionary<int, int>(nodes.Count);
        for (var i = 0; i < nodes.Count; i++) Index[nodes[i].Id] = i;
    }

    public IReadOnlyList<Node> Nodes { get; }

    /// <summary>Nodes [0, SubtreeCount) are the unit's subtree; the rest are lineage's outside roots.</summary>
    public int SubtreeCount { get; }

    public int[] Parent { get; }

    public LineageLine[] Lines { get; }

    /// <summary>Units outside the subtree whose values are needed (outside predecessors).</summary>
    public int[] OutsideDataIds { get; }

    /// <summary>The unit's path: its subtree's values are those of units whose path starts with it.</summary>
    public string Path { get; }

    public Dictionary<int, int> Index { get; }

    /// <summary>The direct children of node <paramref name="i"/> inside the subtree, by code.</summary>
    public IEnumerable<int> ChildrenOf(int i) =>
        Enumerable.Range(0, SubtreeCount).Where(c => Parent[c] == i).OrderBy(c => Nodes[c].Code, StringComparer.Ordinal);

    public static async Task<AnalyticsTree> LoadAsync(ThreeClearsDb db, OrgUnit unit, CancellationToken ct)
    {
        var path = unit.Path;
        var nodes = await db.Set<OrgUnit>().AsNoTracking().Where(u => u.Path.StartsWith(path))
            .OrderBy(u => u.Depth).ThenBy(u => u.Id)
            .Select(u => new Node(u.Id, u.ParentId, u.Code, u.Name, u.NameEn, u.DissolvedOn)).ToListAsync(ct);
        var subtreeCount = nodes.Count;
        var inTree = nodes.Select(n => n.Id).ToHashSet();

        // The lineage table is small (a few hundred lines for a province's reform): read it whole and follow it here.
        var all = await db.Set<OrgUnitLineage>().AsNoTracking()
            .Select(l => new { l.PredecessorId, l.SuccessorId, l.EffectiveDate, l.Share }).ToListAsync(ct);
        var outsidePredecessors = new HashSet<int>();
        var outsideSuccessors = new HashSet<int>();
        if (all.Count > 0)
        {
            var wanting = new Queue<int>(inTree);
            var visited = new HashSet<int>(inTree);
            while (wanting.Count > 0)
            {
                var successor = wanting.Dequeue();
                foreach (var l in all)
                {
                    if (l.SuccessorId != successor || !visited.Add(l.PredecessorId)) continue;
                    outsidePredecessors.Add(l.PredecessorId);
                    wanting.Enqueue(l.PredecessorId);
                }
            }
            foreach (var l in all)
                if (inTree.Contains(l.PredecessorId) && !inTree.Contains(l.SuccessorId) && !outsidePredecessors.Contains(l.SuccessorId))
                    outsideSuccessors.Add(l.SuccessorId);
        }
        var outside = outsidePredecessors.Concat(outsideSuccessors).ToList();
        if (outside.Count > 0)
        {
            var extra = await db.Set<OrgUnit>().AsNoTracking().Where(u => outside.Contains(u.Id)).OrderBy(u => u.Id)
                .Select(u => new Node(u.Id, u.ParentId, u.Code, u.Name, u.NameEn, u.DissolvedOn)).ToListAsync(ct);
            nodes.AddRange(extra);
        }

        var index = new Dictionary<int, int>(nodes.Count);
        for (var i = 0; i < nodes.Count; i++) index[nodes[i].Id] = i;
        var parent = new int[nodes.Count];
        for (var i = 0; i < nodes.Count; i++)
            parent[i] = i == 0 || i >= subtreeCount || nodes[i].ParentId is not { } pid || !index.TryGetValue(pid, out var pi) ? -1 : pi;
        var lines = all.Where(l => index.ContainsKey(l.PredecessorId) && index.ContainsKey(l.SuccessorId))
            .Select(l => new LineageLine(index[l.PredecessorId], index[l.SuccessorId], l.EffectiveDate, l.Share)).ToArray();
        return new AnalyticsTree(nodes, subtreeCount, parent, lines, [.. outsidePredecessors.Order()], path);
    }

    /// <summary>
    /// The entered values of the given indicators between two dates (whole periods inside them), in the
    /// subtree and at the outside predecessors, as one series per node for each indicator.
    /// </summary>
    /// <param name="onlyFor">
    /// When only the unit's own row is wanted (no children rows): the period asked for. Monthly values below
    /// the unit are then read only where they can change its figures — a month the unit has no own value for
    /// (its own figure wins wherever it has one: <see cref="TreeRollUp"/>), or a month inside the period asked
    /// for (what its children give there is shown next to its own). A province that enters its own totals
    /// thus reads its own series and one month of its communes, not two years of them. Quarters and years
    /// below are read whole (they are few, and they decide the periods the roll-up works at), so the figures
    /// are exactly those from every value.
    /// </param>
    /// <param name="pruned">The indicators the pruning applies to.</param>
    public async Task<Dictionary<int, Dictionary<Period, decimal>[]>> ValuesAsync(
        ThreeClearsDb db, IReadOnlyCollection<int> indicatorIds, DateOnly from, DateOnly to, bool approvedOnly, CancellationToken ct,
        Period? onlyFor = null, IReadOnlySet<int>? pruned = null)
    {
        var ids = indicatorIds.ToList();
        var result = new Dictionary<int, Dictionary<Period, decimal>[]>(ids.Count);
        foreach (var id in ids)
        {
            var series = new Dictionary<Period, decimal>[Nodes.Count];
            for (var i = 0; i < series.Length; i++) series[i] = [];
            result[id] = series;
        }
        void Add(IEnumerable<Row> rows)
        {
            foreach (var r in rows)
                if (Index.TryGetValue(r.OrgUnitId, out var i))
                    result[r.IndicatorId][i][PeriodOf(r.PeriodKind, r.PeriodStart)] = r.Value;
        }

        if (onlyFor is not { } p || pruned is null || pruned.Count == 0)
        {
            Add(await Query(db, ids, from, to, approvedOnly).Select(v => new Row(v.IndicatorId, v.OrgUnitId, v.PeriodKind, v.PeriodStart, v.Value))
                .ToListAsync(ct));
            return result;
        }

        // 1. The unit's own values and those of its predecessors (whose history it inherits), whole.
        var unitId = Nodes[0].Id;
        var mine = Lines.Where(l => l.Successor == 0).Select(l => Nodes[l.Predecessor].Id).Append(unitId).ToList();
        Add(await Query(db, ids, from, to, approvedOnly).Where(v => mine.Contains(v.OrgUnitId))
            .Select(v => new Row(v.IndicatorId, v.OrgUnitId, v.PeriodKind, v.PeriodStart, v.Value)).ToListAsync(ct));

        // 2. Below it, everything inside the period asked for.
        var (start, end) = (p.Start, p.End);
        Add(await Query(db, ids, from, to, approvedOnly).Where(v => v.PeriodStart >= start && v.PeriodEnd <= end && !mine.Contains(v.OrgUnitId))
            .Select(v => new Row(v.IndicatorId, v.OrgUnitId, v.PeriodKind, v.PeriodStart, v.Value)).ToListAsync(ct));

        // 3. Below it, the months the unit has no own value for, grouped by indicators that lack the same ones,
        //    and every quarter and year (rare, and they decide which periods the roll-up works at).
        var groups = new Dictionary<string, (List<int> Ids, List<string>? Months)>();
        foreach (var id in ids)
        {
            List<string>? open = null; // null: every period
            if (pruned.Contains(id))
            {
                var own = result[id][0];
                open = [];
                for (var month = new DateOnly(from.Year, from.Month, 1); month <= to; month = month.AddMonths(1))
                {
                    var m = Period.OfMonth(month.Year, month.Month);
                    if (m.End <= to && !own.ContainsKey(m) && !(m.Start >= start && m.End <= end)) open.Add(m.ToString());
                }
            }
            var key = open is null ? "*" : string.Join(',', open);
            if (!groups.TryGetValue(key, out var g)) groups[key] = g = ([], open);
            g.Ids.Add(id);
        }
        foreach (var (groupIds, months) in groups.Values)
        {
            var q = Query(db, groupIds, from, to, approvedOnly).Where(v => !mine.Contains(v.OrgUnitId));
            if (months is not null) q = q.Where(v => v.PeriodKind != Periodicity.Month || months.Contains(v.Period));
            Add(await q.Select(v => new Row(v.IndicatorId, v.OrgUnitId, v.PeriodKind, v.PeriodStart, v.Value)).ToListAsync(ct));
        }
        return result;
    }

    private sealed record Row(int IndicatorId, int OrgUnitId, Periodicity PeriodKind, DateOnly PeriodStart, decimal Value);

    /// <summary>The values of the indicators inside the window, in the subtree or at the outside predecessors.</summary>
    private IQueryable<DataValue> Query(ThreeClearsDb db, List<int> ids, DateOnly from, DateOnly to, bool approvedOnly)
    {
        var path = Path;
        var outside = OutsideDataIds;
        var q = db.Set<DataValue>().AsNoTracking().Where(v => ids.Contains(v.IndicatorId) && v.PeriodStart >= from && v.PeriodEnd <= to);
        q = outside.Length == 0
            ? q.Where(v => v.OrgUnit!.Path.StartsWith(path))
            : q.Where(v => v.OrgUnit!.Path.StartsWith(path) || outside.Contains(v.OrgUnitId));
        if (approvedOnly) q = q.Where(v => v.Status == DataStatus.Approved);
        return q;
    }

    /// <summary>The period a value was stored for, from its kind and first day (no string parsing).</summary>
    private static Period PeriodOf(Periodicity kind, DateOnly start) => kind switch
    {
        Periodicity.Year => Period.OfYear(start.Year),
        Periodicity.Quarter => Period.OfQuarter(start.Year, (start.Month + 2) / 3),
        _ => Period.OfMonth(start.Year, start.Month),
    };
}
