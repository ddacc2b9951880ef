using Microsoft.EntityFrameworkCore;
using ThreeClears.Domain.Welfare;
using ThreeClears.Web.Data;

namespace ThreeClears.Web.Features.Welfare;

/// <summary>
/// Coverage of the three questions for a unit and each of its children: counts summed in SQL per
/// commune (one grouped query over the households' adequacy flags, which an index covers), then
/// added up the tree with <see cref="WelfareCoverage"/> — percents recomputed from the counts, never
/// averaged. Aggregates only: any logged-in official may read them for any unit.
/// </summary>
public sealed class CoverageService(ThreeClearsDb db, Infrastructure.Auth.Caller caller)
{
    private sealed record UnitCounts(int OrgUnitId, int Households, int Housing, int Kitchen, int Sanitation, int AllThree);

    public async Task<CoverageDto> GetAsync(string? orgUnit, CancellationToken ct)
    {
        _ = caller.UserId;
        var units = await WelfareUnits.LoadAsync(db, ct);
        var unit = units.Require(orgUnit);
        var query = db.Set<Household>().AsNoTracking();
        if (unit.ParentId is not null)
        {
            var ids = units.SubtreeIds(unit);
            query = query.Where(h => ids.Contains(h.OrgUnitId));
        }
        var counts = await query.GroupBy(h => h.OrgUnitId).Select(g => new UnitCounts(
                g.Key,
                g.Count(),
                g.Sum(h => h.HousingAdequate ? 1 : 0),
                g.Sum(h => h.KitchenAdequate ? 1 : 0),
                g.Sum(h => h.SanitationAdequate ? 1 : 0),
                g.Sum(h => h.HousingAdequate && h.KitchenAdequate && h.SanitationAdequate ? 1 : 0)))
            .ToListAsync(ct);

        var branch = units.BranchOf(unit);
        var byBranch = new Dictionary<int, WelfareCoverage>();
        var whole = WelfareCoverage.Empty;
        foreach (var c in counts)
        {
            var coverage = new WelfareCoverage(c.Households, c.Housing, c.Kitchen, c.Sanitation, c.AllThree);
            whole += coverage;
            if (branch.TryGetValue(c.OrgUnitId, out var b) && b.Id != unit.Id)
                byBranch[b.Id] = byBranch.GetValueOrDefault(b.Id) + coverage;
        }
        // Every child that holds households or has some below it; departments and sites without any are left out.
        var children = units.ChildrenOf(unit)
            .Where(c => byBranch.ContainsKey(c.Id) || c.HoldsHouseholds)
            .Select(c => CoverageDto.Of(c, byBranch.GetValueOrDefault(c.Id), []))
            .ToList();
        return CoverageDto.Of(unit, whole, children);
    }
}
