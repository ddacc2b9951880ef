using Microsoft.EntityFrameworkCore;
using ThreeClears.Domain.Indicators;
using ThreeClears.Domain.Periods;
using ThreeClears.Web.Data;
using ThreeClears.Web.Features.Indicators;
using ThreeClears.Web.Features.Organisation;

namespace ThreeClears.Web.Features.Evaluation;

/// <summary>A target as the Targets component reads it.</summary>
public sealed record TargetRow(int Id, string IndicatorCode, int OrgUnitId, int? OwnerUserId, decimal Baseline, decimal TargetValue,
    int TargetYear, Direction Direction);

/// <summary>A target's actual and achievement at a period, rounded as the analytics API rounds them.</summary>
public readonly record struct TargetFigure(decimal? Actual, decimal? AchievementPercent);

/// <summary>
/// The achievement of many targets at one period in three queries, whatever their number: the same
/// roll-up and time rules as <see cref="AnalyticsService"/> (its <c>Figures</c> and <c>Ratio</c>),
/// so that each figure equals <c>GET /api/analytics?indicator=&amp;orgUnit=&amp;period=</c> for the
/// target's indicator and unit. Calling the analytics service once per target would read the
/// catalogue, the subtree and its values again for every target.
/// </summary>
public static class TargetAchievements
{
    private sealed record Node(int Id, int? ParentId, string Path);

    public static async Task<IReadOnlyDictionary<int, TargetFigure>> ComputeAsync(ThreeClearsDb db, IReadOnlyCollection<TargetRow> targets,
        Period period, bool approvedOnly, CancellationToken ct)
    {
        var result = new Dictionary<int, TargetFigure>();
        if (targets.Count == 0) return result;

        var indicators = await db.Set<Indicator>().AsNoTracking().ToDictionaryAsync(i => i.Code, StringComparer.Ordinal, ct);
        // Parents before children, as the roll-up wants them.
        var all = await db.Set<OrgUnit>().AsNoTracking().OrderBy(u => u.Depth).ThenBy(u => u.Id)
            .Select(u => new Node(u.Id, u.ParentId, u.Path)).ToListAsync(ct);
        var pathOf = all.ToDictionary(n => n.Id, n => n.Path);
        // The subtrees of the targets' units: a unit's figure depends only on its own subtree.
        var roots = targets.Select(t => pathOf.GetValueOrDefault(t.OrgUnitId)).OfType<string>().Distinct().ToList();
        var nodes = all.Where(n => roots.Any(r => n.Path.StartsWith(r, StringComparison.Ordinal))).ToList();
        var index = new Dictionary<int, int>(nodes.Count);
        for (var i = 0; i < nodes.Count; i++) index[nodes[i].Id] = i;
        var parent = new int[nodes.Count];
        for (var i = 0; i < nodes.Count; i++)
            parent[i] = nodes[i].ParentId is { } pid && index.TryGetValue(pid, out var pi) ? pi : -1;

        var wanted = targets.Select(t => indicators.GetValueOrDefault(t.IndicatorCode)).OfType<Indicator>().DistinctBy(i => i.Id).ToList();
        var parts = wanted.SelectMany(i => i.IsDerived ? [indicators[i.NumeratorCode!], indicators[i.DenominatorCode!]] : new[] { i })
            .DistinctBy(i => i.Id).ToList();
        var partIds = parts.Select(i => i.Id).ToArray();
        var unitIds = nodes.Select(n => n.Id).ToArray();
        var from = new DateOnly(period.Year - 1, 1, 1);
        var to = new DateOnly(period.Year, 12, 31);
        var q = db.Set<DataValue>().AsNoTracking()
            .Where(v => partIds.Contains(v.IndicatorId) && v.PeriodStart >= from && v.PeriodEnd <= to);
        if (nodes.Count < all.Count) q = q.Where(v => unitIds.Contains(v.OrgUnitId));
        if (approvedOnly) q = q.Where(v => v.Status == DataStatus.Approved);
        var rows = await q.Select(v => new { v.IndicatorId, v.OrgUnitId, v.Period, v.Value }).ToListAsync(ct);

        var figures = new Dictionary<int, Dictionary<Period, decimal>[]>();
        foreach (var part in parts)
        {
            var series = new Dictionary<Period, decimal>[nodes.Count];
            for (var i = 0; i < series.Length; i++) series[i] = [];
            foreach (var r in rows.Where(r => r.IndicatorId == part.Id))
                if (index.TryGetValue(r.OrgUnitId, out var i) && Period.TryParse(r.Period, out var rp)) series[i][rp] = r.Value;
            figures[part.Id] = AnalyticsService.Figures(part, series, parent);
        }

        foreach (var t in targets)
        {
            if (!indicators.TryGetValue(t.IndicatorCode, out var indicator) || !index.TryGetValue(t.OrgUnitId, out var i))
            {
                result[t.Id] = new TargetFigure(null, null);
                continue;
            }
            IReadOnlyDictionary<Period, decimal> series = indicator.IsDerived
                ? AnalyticsService.Ratio(figures[indicators[indicator.NumeratorCode!].Id][i], figures[indicators[indicator.DenominatorCode!].Id][i],
                    indicators[indicator.NumeratorCode!].TimeKind, indicators[indicator.DenominatorCode!].TimeKind, indicator.Factor ?? 1m)
                : figures[indicator.Id][i];
            var a = IndicatorAnalytics.Compute(period, indicator.TimeKind, indicator.IsDerived, series,
                new IndicatorTarget(t.Baseline, t.TargetValue, t.TargetYear, t.Direction));
            result[t.Id] = new TargetFigure(AnalyticsService.R(a.Actual), AnalyticsService.R(a.AchievementPercent));
        }
        return result;
    }
}
