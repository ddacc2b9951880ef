using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ThreeClears.Domain.Tasks;
using ThreeClears.Web.Data;
using ThreeClears.Web.Features.Organisation;

namespace ThreeClears.Web.Features.Tasks;

/// <summary>
/// A unit and its ancestors up to the root, in the form <see cref="EscalationRouting"/> takes: index 0
/// is the unit itself, the last entry the root. Units and officials are named by their ids written
/// as invariant strings.
/// </summary>
public sealed class OrgChain(IReadOnlyList<int> unitIds, IReadOnlyList<ChainUnit> units)
{
    public IReadOnlyList<int> UnitIds { get; } = unitIds;
    public IReadOnlyList<ChainUnit> Units { get; } = units;

    /// <summary>The position of <paramref name="unitId"/> in the chain, or null when it is not on it.</summary>
    public int? IndexOf(int unitId)
    {
        for (var i = 0; i < UnitIds.Count; i++) if (UnitIds[i] == unitId) return i;
        return null;
    }

    public static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);

    public static int Id(string key) => int.Parse(key, NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>
    /// The chains of several units in two queries (their paths, then every ancestor's head), so that
    /// the sweep never asks per escalation.
    /// </summary>
    public static async Task<Dictionary<int, OrgChain>> LoadAsync(ThreeClearsDb db, IEnumerable<int> unitIds, CancellationToken ct)
    {
        var wanted = unitIds.Distinct().ToArray();
        if (wanted.Length == 0) return [];
        var paths = await db.Set<OrgUnit>().AsNoTracking().Where(u => wanted.Contains(u.Id))
            .Select(u => new { u.Id, u.Path }).ToListAsync(ct);
        // "/1/7/42/" is the root, a department or commune, then the unit itself.
        var ancestry = paths.ToDictionary(p => p.Id, p => p.Path.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture)).Reverse().ToArray());
        var all = ancestry.Values.SelectMany(a => a).Distinct().ToArray();
        var heads = await db.Set<OrgUnit>().AsNoTracking().Where(u => all.Contains(u.Id))
            .Select(u => new { u.Id, u.HeadUserId }).ToDictionaryAsync(u => u.Id, u => u.HeadUserId, ct);
        return ancestry.ToDictionary(a => a.Key, a => new OrgChain(a.Value,
            [.. a.Value.Select(id => new ChainUnit(Key(id), heads.GetValueOrDefault(id) is { } h ? Key(h) : null))]));
    }

    public static async Task<OrgChain> LoadAsync(ThreeClearsDb db, int unitId, CancellationToken ct) =>
        (await LoadAsync(db, [unitId], ct)).TryGetValue(unitId, out var chain)
            ? chain
            : throw new InvalidOperationException($"Org unit {unitId} does not exist.");
}
