using System.Linq.Expressions;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ThreeClears.Domain.Access;
using ThreeClears.Web.Data;

namespace ThreeClears.Web.Infrastructure.Auth;

/// <summary>The units a permission reaches: everything (a grant at the root) or a set of unit ids.</summary>
public sealed class UnitSet
{
    public static readonly UnitSet Everything = new(true, []);
    public static readonly UnitSet Nothing = new(false, []);

    private UnitSet(bool all, int[] ids)
    {
        All = all;
        Ids = ids;
    }

    public bool All { get; }
    public int[] Ids { get; }
    public bool IsEmpty => !All && Ids.Length == 0;

    public static UnitSet Of(IEnumerable<int> ids) => new(false, ids.Distinct().Order().ToArray());

    public bool Contains(int unitId) => All || Array.BinarySearch(Ids, unitId) >= 0;
}

/// <summary>A role grant with the path of its unit, so that coverage is a prefix test.</summary>
public sealed record Grant(Role Role, int OrgUnitId, string OrgUnitCode, string OrgUnitPath);

/// <summary>
/// Who is calling and which units each of their permissions covers. This is the one mechanism of
/// scope: every query narrows itself with <see cref="Scoped{T}"/>, every write asks
/// <see cref="RequireAsync"/>. Grants are read from the database once per request, so a revoked
/// role stops working on the next request, on every node.
/// </summary>
public sealed class Caller(IHttpContextAccessor http, ThreeClearsDb db)
{
    private IReadOnlyList<Grant>? _grants;
    private readonly Dictionary<Permission, UnitSet> _sets = [];
    private readonly Dictionary<int, string> _paths = [];

    public ClaimsPrincipal Principal => http.HttpContext?.User ?? new ClaimsPrincipal();

    public bool IsAuthenticated => Principal.Identity?.IsAuthenticated == true && UserIdOrNull is not null;

    public int? UserIdOrNull =>
        int.TryParse(Principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? Principal.FindFirstValue("sub"), out var id) ? id : null;

    public int UserId => UserIdOrNull ?? throw new ProblemException(401, "Unauthorized", "Log in first.");

    public string? UserName => Principal.FindFirstValue(ClaimTypes.Name) ?? Principal.FindFirstValue("name");

    public async Task<IReadOnlyList<Grant>> GrantsAsync(CancellationToken ct = default)
    {
        if (_grants is not null) return _grants;
        if (UserIdOrNull is not { } id) return _grants = [];
        _grants = await db.Set<Features.Access.RoleGrant>()
            .Where(g => g.UserId == id)
            .Select(g => new Grant(g.Role, g.OrgUnitId, g.OrgUnit!.Code, g.OrgUnit.Path))
            .ToListAsync(ct);
        return _grants;
    }

    public async Task<bool> HasRoleAsync(Role role, CancellationToken ct = default) =>
        (await GrantsAsync(ct)).Any(g => g.Role == role);

    /// <summary>The units where the caller holds <paramref name="permission"/>.</summary>
    public async Task<UnitSet> UnitsWithAsync(Permission permission, CancellationToken ct = default)
    {
        if (_sets.TryGetValue(permission, out var cached)) return cached;
        var paths = (await GrantsAsync(ct)).Where(g => RoleRights.Grants(g.Role, permission)).Select(g => g.OrgUnitPath).Distinct().ToList();
        UnitSet set;
        if (paths.Count == 0) set = UnitSet.Nothing;
        else if (paths.Any(p => p.Count(c => c == '/') == 2)) set = UnitSet.Everything; // a grant at a root ("/1/")
        else
        {
            var ids = new List<int>();
            foreach (var p in paths)
                ids.AddRange(await db.Set<Features.Organisation.OrgUnit>().Where(u => u.Path.StartsWith(p)).Select(u => u.Id).ToListAsync(ct));
            set = UnitSet.Of(ids);
        }
        _sets[permission] = set;
        return set;
    }

    /// <summary>Tells the caller a unit's path it already read, sparing a query in <see cref="CanAsync"/>.</summary>
    public void KnowPath(int orgUnitId, string path) => _paths[orgUnitId] = path;

    public async Task<bool> CanAsync(Permission permission, int orgUnitId, CancellationToken ct = default)
    {
        var grants = await GrantsAsync(ct);
        if (!grants.Any(g => RoleRights.Grants(g.Role, permission))) return false;
        var path = await PathOfAsync(orgUnitId, ct);
        return path is not null && grants.Any(g => RoleRights.Grants(g.Role, permission) && path.StartsWith(g.OrgUnitPath, StringComparison.Ordinal));
    }

    /// <summary>401 when not logged in, 403 when <paramref name="orgUnitId"/> is outside the permission's units.</summary>
    public async Task RequireAsync(Permission permission, int orgUnitId, CancellationToken ct = default)
    {
        _ = UserId;
        if (!await CanAsync(permission, orgUnitId, ct))
            throw new ForbiddenException($"Your roles do not allow '{permission}' for this unit.");
    }

    /// <summary>Requires the permission somewhere (for routes that are not about one unit).</summary>
    public async Task RequireAnywhereAsync(Permission permission, CancellationToken ct = default)
    {
        _ = UserId;
        if ((await UnitsWithAsync(permission, ct)).IsEmpty)
            throw new ForbiddenException($"Your roles do not allow '{permission}'.");
    }

    /// <summary>Narrows a query to rows whose unit the caller's permission covers.</summary>
    public async Task<IQueryable<T>> Scoped<T>(IQueryable<T> query, Permission permission, Expression<Func<T, int>> unitOf, CancellationToken ct = default)
    {
        var set = await UnitsWithAsync(permission, ct);
        return set.All ? query : InUnits(query, set.Ids, unitOf);
    }

    /// <summary>Narrows a query to rows whose unit is one of <paramref name="ids"/>.</summary>
    public static IQueryable<T> InUnits<T>(IQueryable<T> query, int[] ids, Expression<Func<T, int>> unitOf)
    {
        var contains = Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(int)],
            Expression.Constant(ids), unitOf.Body);
        return query.Where(Expression.Lambda<Func<T, bool>>(contains, unitOf.Parameters));
    }

    private async Task<string?> PathOfAsync(int orgUnitId, CancellationToken ct)
    {
        if (_paths.TryGetValue(orgUnitId, out var p)) return p;
        p = await db.Set<Features.Organisation.OrgUnit>().Where(u => u.Id == orgUnitId).Select(u => u.Path).FirstOrDefaultAsync(ct);
        if (p is not null) _paths[orgUnitId] = p;
        return p;
    }
}
