using Microsoft.EntityFrameworkCore;
using ThreeClears.Web.Data;
using ThreeClears.Web.Features.Organisation;
using ThreeClears.Web.Infrastructure;

namespace ThreeClears.Web.Features.Welfare;

/// <summary>A unit as welfare figures need it: the tree is small (a province has a few hundred units), so it is read whole.</summary>
public sealed record WelfareUnit(int Id, string Code, string Name, string NameEn, OrgUnitKind Kind, int? ParentId, string Path, DateOnly? DissolvedOn)
{
    /// <summary>Households live in communes and wards that still exist.</summary>
    public bool HoldsHouseholds => Kind is OrgUnitKind.Commune or OrgUnitKind.Ward && DissolvedOn is null;

    public bool IsUnder(WelfareUnit ancestor) => Path.StartsWith(ancestor.Path, StringComparison.Ordinal);
}

/// <summary>The org tree, read once per request: by id, by code, children and subtrees.</summary>
public sealed class WelfareUnits
{
    /// <summary>
    /// Rows of personal welfare data the caller may read: those of <paramref name="orgUnit"/>'s subtree
    /// when it is named (403 unless the caller's welfare rights cover it), else of every unit they cover.
    /// </summary>
    public static async Task<IQueryable<T>> ReadableAsync<T>(ThreeClearsDb db, Infrastructure.Auth.Caller caller, IQueryable<T> query,
        string? orgUnit, System.Linq.Expressions.Expression<Func<T, int>> unitOf, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(orgUnit))
        {
            await caller.RequireAnywhereAsync(Domain.Access.Permission.ReadWelfare, ct);
            return await caller.Scoped(query, Domain.Access.Permission.ReadWelfare, unitOf, ct);
        }
        var units = await LoadAsync(db, ct);
        var unit = units.Require(orgUnit);
        await caller.RequireAsync(Domain.Access.Permission.ReadWelfare, unit.Id, ct);
        return unit.ParentId is null ? query : Infrastructure.Auth.Caller.InUnits(query, units.SubtreeIds(unit), unitOf);
    }

    private readonly Dictionary<int, WelfareUnit> _byId;
    private readonly Dictionary<string, WelfareUnit> _byCode;
    private readonly ILookup<int, WelfareUnit> _children;

    private WelfareUnits(List<WelfareUnit> units)
    {
        _byId = units.ToDictionary(u => u.Id);
        _byCode = units.ToDictionary(u => u.Code, StringComparer.Ordinal);
        _children = units.Where(u => u.ParentId is not null).ToLookup(u => u.ParentId!.Value);
    }

    public static async Task<WelfareUnits> LoadAsync(ThreeClearsDb db, CancellationToken ct) =>
        new(await db.Set<OrgUnit>().AsNoTracking()
            .Select(u => new WelfareUnit(u.Id, u.Code, u.Name, u.NameEn, u.Kind, u.ParentId, u.Path, u.DissolvedOn))
            .ToListAsync(ct));

    public WelfareUnit? ByCode(string? code) => code is null ? null : _byCode.GetValueOrDefault(code.Trim());

    public WelfareUnit ById(int id) => _byId[id];

    public WelfareUnit Root => _byId.Values.First(u => u.ParentId is null);

    /// <summary>The unit named by <paramref name="code"/> (the root when empty); 404 when there is none.</summary>
    public WelfareUnit Require(string? code)
    {
        if (string.IsNullOrWhiteSpace(code)) return Root;
        return ByCode(code) ?? throw new NotFoundException($"No org unit has code '{code.Trim()}'.");
    }

    /// <summary>Children in the tree, partners left out (they hold no people of this province), by code.</summary>
    public IEnumerable<WelfareUnit> ChildrenOf(WelfareUnit unit) =>
        _children[unit.Id].Where(c => c.Kind != OrgUnitKind.Partner).OrderBy(c => c.Code, StringComparer.Ordinal);

    /// <summary>Ids of the unit and every unit under it.</summary>
    public int[] SubtreeIds(WelfareUnit unit) => [.. _byId.Values.Where(u => u.IsUnder(unit)).Select(u => u.Id)];

    /// <summary>For each unit under <paramref name="parent"/> (itself included), the direct child it lies under (itself → itself).</summary>
    public Dictionary<int, WelfareUnit> BranchOf(WelfareUnit parent)
    {
        var branches = ChildrenOf(parent).ToList();
        var map = new Dictionary<int, WelfareUnit>();
        foreach (var u in _byId.Values.Where(u => u.IsUnder(parent)))
        {
            if (u.Id == parent.Id) map[u.Id] = parent;
            else if (branches.FirstOrDefault(b => u.IsUnder(b)) is { } b) map[u.Id] = b;
        }
        return map;
    }
}
