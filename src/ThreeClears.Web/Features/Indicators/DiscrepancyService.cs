using Microsoft.EntityFrameworkCore;
using ThreeClears.Domain;
using ThreeClears.Domain.Access;
using ThreeClears.Domain.Indicators;
using ThreeClears.Domain.Periods;
using ThreeClears.Web.Data;
using ThreeClears.Web.Features.Organisation;
using ThreeClears.Web.Infrastructure;
using ThreeClears.Web.Infrastructure.Auth;

namespace ThreeClears.Web.Features.Indicators;

/// <summary>
/// One discrepancy to resolve: the unit's own figure against what its children give (<c>source:"children"</c>),
/// or a figure entered at a successor for the past against what its predecessors give
/// (<c>source:"predecessors"</c>). <c>difference</c> = own − rolledUp. <c>enteredForPeriod</c>: the own figure
/// is a value entered for exactly this period (so it has a history of its own), not a sum of finer ones.
/// </summary>
public sealed record DiscrepancyItemDto(
    string IndicatorCode, string IndicatorName, string IndicatorNameEn, string Unit, string OrgUnitCode, string OrgUnitName, string OrgUnitNameEn,
    string Period, decimal Own, decimal RolledUp, decimal Difference, string Source, bool EnteredForPeriod);

/// <summary>
/// <c>GET /api/analytics/discrepancies</c>: every place in a unit's subtree where an entered figure and the
/// figure built from below (children, or predecessors across a merger) disagree for a period — shown to be
/// resolved, never hidden (PRODUCT.md §3).
/// </summary>
public sealed class DiscrepancyService(ThreeClearsDb db, Caller caller)
{
    public async Task<PageOf<DiscrepancyItemDto>> ListAsync(string? orgUnitCode, string? period, bool approvedOnly, Paging paging, CancellationToken ct)
    {
        _ = caller.UserId;
        var checks = new Checks();
        var code = checks.Text("orgUnit", orgUnitCode, 64);
        var p = AnalyticsService.ParsePeriod(checks, period);
        checks.ThrowIfAny();
        var unit = await db.Set<OrgUnit>().AsNoTracking().FirstOrDefaultAsync(u => u.Code == code, ct)
            ?? throw new NotFoundException($"No org unit has code '{code}'.");
        caller.KnowPath(unit.Id, unit.Path);
        await caller.RequireAsync(Permission.ReadData, unit.Id, ct);

        var tree = await AnalyticsTree.LoadAsync(db, unit, ct);
        // Only a unit with children or predecessors can disagree with what comes from below, and only for an
        // indicator that rolls up and is entered there: find those first, then read only their values.
        var above = Enumerable.Range(0, tree.SubtreeCount)
            .Where(i => tree.Parent.Contains(i) || tree.Lines.Any(l => l.Successor == i))
            .Select(i => tree.Nodes[i].Id).ToList();
        var (from, to) = (p.Start, p.End);
        var entered = db.Set<DataValue>().AsNoTracking()
            .Where(v => above.Contains(v.OrgUnitId) && v.PeriodStart >= from && v.PeriodEnd <= to);
        if (approvedOnly) entered = entered.Where(v => v.Status == DataStatus.Approved);
        var indicators = await db.Set<Indicator>().AsNoTracking()
            .Where(i => i.NumeratorCode == null && i.DenominatorCode == null && i.Aggregation != Aggregation.None
                && entered.Any(v => v.IndicatorId == i.Id))
            .ToListAsync(ct);
        if (indicators.Count == 0) return new PageOf<DiscrepancyItemDto>([], 0);

        var values = await tree.ValuesAsync(db, [.. indicators.Select(i => i.Id)], from, to, approvedOnly, ct);
        var items = new List<DiscrepancyItemDto>();
        foreach (var indicator in indicators.OrderBy(i => i.Code, StringComparer.Ordinal))
        {
            var rollUp = TreeRollUp.Compute(indicator.TimeKind, indicator.Aggregation, tree.Parent, values[indicator.Id], tree.Lines);
            for (var i = 0; i < tree.SubtreeCount; i++)
            {
                var f = rollUp.At(i, p);
                var n = tree.Nodes[i];
                var exact = values[indicator.Id][i].ContainsKey(p);
                if (f.Discrepancy is { } d)
                    items.Add(Item(indicator, n, p, d, "children", exact));
                if (f.LineageDiscrepancy is { } l)
                    items.Add(Item(indicator, n, p, l, "predecessors", exact));
            }
        }
        var page = items.Skip(paging.Skip).Take(paging.PageSize).ToList();
        return new PageOf<DiscrepancyItemDto>(page, items.Count);
    }

    private static DiscrepancyItemDto Item(Indicator i, AnalyticsTree.Node n, Period p, Discrepancy d, string source, bool exact) => new(
        i.Code, i.Name, i.NameEn, i.Unit, n.Code, n.Name, n.NameEn, p.ToString(),
        AnalyticsService.R(d.Own)!.Value, AnalyticsService.R(d.RolledUp)!.Value, AnalyticsService.R(d.Difference)!.Value, source, exact);

    /// <summary>The latest month with a value in the unit's subtree (the page's default period), or null.</summary>
    public async Task<Period?> LatestMonthAsync(OrgUnit unit, CancellationToken ct)
    {
        var path = unit.Path;
        var latest = await db.Set<DataValue>().AsNoTracking().Where(v => v.PeriodKind == Periodicity.Month && v.OrgUnit!.Path.StartsWith(path))
            .OrderByDescending(v => v.PeriodStart).Select(v => (DateOnly?)v.PeriodStart).FirstOrDefaultAsync(ct);
        return latest is { } d ? Period.OfMonth(d.Year, d.Month) : null;
    }
}
