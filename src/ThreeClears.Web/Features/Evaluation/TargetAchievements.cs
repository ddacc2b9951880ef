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
/// The achievement of many targets at one period in a few queries, whatever their number: the same
/// tree, lineage, roll-up and time rules as <see cref="AnalyticsService"/> (<see cref="AnalyticsTree"/>,
/// <see cref="TreeRollUp"/>, its <c>Ratio</c>), so that each figure equals
/// <c>GET /api/analytics?indicator=&amp;orgUnit=&amp;period=</c> for the target's indicator and unit.
/// Calling the analytics service once per target would read the tree and its values again for every target.
/// </summary>
public static class TargetAchievements
{
    public static async Task<IReadOnlyDictionary<int, TargetFigure>> ComputeAsync(ThreeClearsDb db, IReadOnlyCollection<TargetRow> targets,
        Period period, bool approvedOnly, CancellationToken ct)
    {
        var result = new Dictionary<int, TargetFigure>();
        if (targets.Count == 0) return result;

        var indicators = await db.Set<Indicator>().AsNoTracking().ToDictionaryAsync(i => i.Code, StringComparer.Ordinal, ct);
        // One tree from the root: targets may sit anywhere, and lineage may cross any subtree.
        var root = await db.Set<OrgUnit>().AsNoTracking().FirstAsync(u => u.ParentId == null, ct);
        var tree = await AnalyticsTree.LoadAsync(db, root, ct);

        var wanted = targets.Select(t => indicators.GetValueOrDefault(t.IndicatorCode)).OfType<Indicator>().DistinctBy(i => i.Id).ToList();
        Indicator[] PartsOf(Indicator i) => i.IsDerived ? [indicators[i.NumeratorCode!], indicators[i.DenominatorCode!]] : [i];
        var parts = wanted.SelectMany(PartsOf).DistinctBy(i => i.Id).ToList();
        var values = await tree.ValuesAsync(db, parts.Select(i => i.Id).ToList(), new DateOnly(period.Year - 1, 1, 1),
            new DateOnly(period.Year, 12, 31), approvedOnly, ct);
        var rollUps = parts.ToDictionary(i => i.Id, i => TreeRollUp.Compute(i.TimeKind, i.Aggregation, tree.Parent, values[i.Id], tree.Lines));

        foreach (var t in targets)
        {
            if (!indicators.TryGetValue(t.IndicatorCode, out var indicator) || !tree.Index.TryGetValue(t.OrgUnitId, out var i))
            {
                result[t.Id] = new TargetFigure(null, null);
                continue;
            }
            var ip = PartsOf(indicator);
            IReadOnlyDictionary<Period, decimal> series = indicator.IsDerived
                ? AnalyticsService.Ratio(rollUps[ip[0].Id].Figures(i), rollUps[ip[1].Id].Figures(i), ip[0].TimeKind, ip[1].TimeKind, indicator.Factor ?? 1m)
                : rollUps[indicator.Id].Figures(i);
            var a = IndicatorAnalytics.Compute(period, indicator.TimeKind, indicator.IsDerived, series,
                new IndicatorTarget(t.Baseline, t.TargetValue, t.TargetYear, t.Direction));
            result[t.Id] = new TargetFigure(AnalyticsService.R(a.Actual), AnalyticsService.R(a.AchievementPercent));
        }
        return result;
    }
}
