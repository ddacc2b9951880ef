using ThreeClears.Domain;
using Microsoft.EntityFrameworkCore;
using ThreeClears.Domain.Access;
using ThreeClears.Web.Data;
using ThreeClears.Web.Features.Access;
using ThreeClears.Web.Features.Audit;
using ThreeClears.Web.Infrastructure;
using ThreeClears.Web.Infrastructure.Auth;

namespace ThreeClears.Web.Features.Organisation;

public sealed record PredecessorRequest(string? Code, DateOnly? EffectiveDate, decimal? Share);

public sealed record OrgUnitRequest(
    string? Code, string? Name, string? NameEn, string? Kind, string? ParentCode,
    string? HeadUserName, List<PredecessorRequest>? Predecessors);

public sealed record LineageDto(string Code, string Name, DateOnly EffectiveDate, decimal Share);

public sealed record OrgUnitDto(
    string Code, string Name, string NameEn, string Kind, string? ParentCode, string? HeadUserName,
    DateOnly? DissolvedOn, int Depth, IReadOnlyList<LineageDto> Predecessors, IReadOnlyList<LineageDto> Successors, int Version);

public sealed record OrgUnitListItem(string Code, string Name, string NameEn, string Kind, string? ParentCode,
    string? HeadUserName, DateOnly? DissolvedOn, int Depth);

/// <summary>The organisation tree: units, their heads and their lineage across mergers.</summary>
public sealed class OrganisationService(ThreeClearsDb db, Caller caller, AuditLog audit, AppClock clock)
{
    public async Task<PageOf<OrgUnitListItem>> ListAsync(Paging paging, string? parentCode, bool includeDissolved, CancellationToken ct)
    {
        var q = db.Set<OrgUnit>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(parentCode))
        {
            var parent = await FindAsync(parentCode, ct);
            q = q.Where(u => u.ParentId == parent.Id);
        }
        if (!includeDissolved) q = q.Where(u => u.DissolvedOn == null);
        var total = await q.CountAsync(ct);
        var items = await q.OrderBy(u => u.Path).Skip(paging.Skip).Take(paging.PageSize)
            .Select(u => new OrgUnitListItem(u.Code, u.Name, u.NameEn, u.Kind.ToApi(), u.Parent!.Code, u.Head!.UserName, u.DissolvedOn, u.Depth))
            .ToListAsync(ct);
        return new PageOf<OrgUnitListItem>(items, total);
    }

    /// <summary>Every unit in tree order: the tree page and pickers use it (a province has a few hundred).</summary>
    public Task<List<OrgUnitListItem>> TreeAsync(CancellationToken ct) =>
        db.Set<OrgUnit>().AsNoTracking().OrderBy(u => u.Depth).ThenBy(u => u.Code)
            .Select(u => new OrgUnitListItem(u.Code, u.Name, u.NameEn, u.Kind.ToApi(), u.Parent!.Code, u.Head!.UserName, u.DissolvedOn, u.Depth))
            .ToListAsync(ct);

    public async Task<OrgUnitDto> GetAsync(string code, CancellationToken ct)
    {
        var u = await db.Set<OrgUnit>().AsNoTracking()
            .Include(x => x.Parent).Include(x => x.Head)
            .Include(x => x.Predecessors).ThenInclude(p => p.Predecessor)
            .FirstOrDefaultAsync(x => x.Code == code, ct) ?? throw new NotFoundException($"No org unit has code '{code}'.");
        var successors = await db.Set<OrgUnitLineage>().AsNoTracking().Where(l => l.PredecessorId == u.Id)
            .Select(l => new LineageDto(l.Successor!.Code, l.Successor.Name, l.EffectiveDate, l.Share)).ToListAsync(ct);
        return new OrgUnitDto(u.Code, u.Name, u.NameEn, u.Kind.ToApi(), u.Parent?.Code, u.Head?.UserName, u.DissolvedOn, u.Depth,
            [.. u.Predecessors.Select(p => new LineageDto(p.Predecessor!.Code, p.Predecessor.Name, p.EffectiveDate, p.Share))],
            successors, u.Version);
    }

    public async Task<OrgUnit> FindAsync(string code, CancellationToken ct) =>
        await db.Set<OrgUnit>().FirstOrDefaultAsync(u => u.Code == code, ct)
        ?? throw new NotFoundException($"No org unit has code '{code}'.");

    public async Task<OrgUnitDto> CreateAsync(OrgUnitRequest req, CancellationToken ct)
    {
        var checks = new Checks();
        var code = checks.Text("code", req.Code, 64);
        if (code.Length > 0 && !IsCode(code)) checks.Add("code", "may hold only letters A–Z, digits, '-' and '_'.");
        var (kind, parent) = await ValidateAsync(req, checks, null, ct);
        checks.ThrowIfAny();
        await caller.RequireAsync(Permission.Administer, parent!.Id, ct);
        if (await db.Set<OrgUnit>().AnyAsync(u => u.Code == code, ct))
            throw new ConflictException($"An org unit with code '{code}' already exists.");

        var unit = new OrgUnit
        {
            Code = code, Name = req.Name!.Trim(), NameEn = req.NameEn!.Trim(), Kind = kind!.Value,
            ParentId = parent.Id, Depth = parent.Depth + 1, CreatedAt = clock.UtcNow,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Add(unit);
        await db.SaveChangesAsync(ct); // the id makes the path
        unit.Path = parent.Path + unit.Id + "/";
        await ApplyHeadAndLineageAsync(unit, req, ct);
        audit.Record("orgUnit", unit.Code, "create", null, Snapshot(unit, req), unit.Id);
        await audit.CommitAsync(tx, ct);
        return await GetAsync(unit.Code, ct);
    }

    public async Task<OrgUnitDto> UpdateAsync(string code, OrgUnitRequest req, HttpContext http, CancellationToken ct)
    {
        var unit = await FindAsync(code, ct);
        await caller.RequireAsync(Permission.Administer, unit.Id, ct);
        Versions.Check(http, unit.Version, required: true);
        var checks = new Checks();
        if (req.Code is not null && req.Code != code) checks.Add("code", "cannot be changed: codes are stable.");
        var (kind, parent) = await ValidateAsync(req, checks, unit, ct);
        checks.ThrowIfAny();
        var before = await GetAsync(code, ct);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (parent is not null && parent.Id != unit.ParentId)
        {
            await caller.RequireAsync(Permission.Administer, parent.Id, ct);
            await MoveAsync(unit, parent, ct);
        }
        unit.Name = req.Name!.Trim();
        unit.NameEn = req.NameEn!.Trim();
        unit.Kind = kind!.Value;
        unit.Version++;
        await ApplyHeadAndLineageAsync(unit, req, ct);
        audit.Record("orgUnit", unit.Code, "update", before, Snapshot(unit, req), unit.Id);
        await audit.CommitAsync(tx, ct);
        return await GetAsync(unit.Code, ct);
    }

    private async Task<(OrgUnitKind? Kind, OrgUnit? Parent)> ValidateAsync(OrgUnitRequest req, Checks checks, OrgUnit? existing, CancellationToken ct)
    {
        checks.Text("name", req.Name, Checks.TitleMax);
        checks.Text("nameEn", req.NameEn, Checks.TitleMax);
        var kind = checks.Enum<OrgUnitKind>("kind", req.Kind);
        OrgUnit? parent = null;
        var isRoot = existing is { ParentId: null };
        if (isRoot)
        {
            if (!string.IsNullOrWhiteSpace(req.ParentCode)) checks.Add("parentCode", "the root unit has no parent.");
        }
        else if (string.IsNullOrWhiteSpace(req.ParentCode)) checks.Add("parentCode", "is required: every unit sits under the root.");
        else
        {
            parent = await db.Set<OrgUnit>().FirstOrDefaultAsync(u => u.Code == req.ParentCode.Trim(), ct);
            if (parent is null) checks.Add("parentCode", $"no org unit has code '{req.ParentCode}'.");
            else if (existing is not null && parent.Path.StartsWith(existing.Path, StringComparison.Ordinal))
                checks.Add("parentCode", "a unit cannot sit under itself or its own subtree.");
        }
        if (!string.IsNullOrWhiteSpace(req.HeadUserName))
        {
            var head = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.UserName == req.HeadUserName.Trim(), ct);
            if (head is null) checks.Add("headUserName", $"no official has user name '{req.HeadUserName}'.");
            else if (existing is null || head.OrgUnitId != existing.Id)
                checks.Add("headUserName", "the head must be an official of this unit.");
        }
        var preds = req.Predecessors ?? [];
        var seen = new HashSet<string>();
        for (var i = 0; i < preds.Count; i++)
        {
            var p = preds[i];
            var path = $"predecessors[{i}]";
            if (p is null) { checks.Add(path, "is required."); continue; }
            var pcode = checks.Text(path + ".code", p.Code, 64);
            if (p.EffectiveDate is null) checks.Add(path + ".effectiveDate", "is required.");
            if (p.Share is { } share && (share <= 0 || share > 1)) checks.Add(path + ".share", "must be more than 0 and at most 1.");
            if (pcode.Length == 0) continue;
            if (!seen.Add(pcode)) checks.Add(path + ".code", "is listed twice.");
            if (existing is not null && pcode == existing.Code) checks.Add(path + ".code", "a unit cannot be its own predecessor.");
            var pred = await db.Set<OrgUnit>().AsNoTracking().FirstOrDefaultAsync(u => u.Code == pcode, ct);
            if (pred is null) { checks.Add(path + ".code", $"no org unit has code '{pcode}'."); continue; }
            var elsewhere = await db.Set<OrgUnitLineage>()
                .Where(l => l.PredecessorId == pred.Id && (existing == null || l.SuccessorId != existing.Id))
                .SumAsync(l => (double)l.Share, ct);
            if ((decimal)elsewhere + (p.Share ?? 1m) > 1.000001m)
                checks.Add(path + ".share", $"'{pcode}' already passes {elsewhere:0.######} of itself to other successors; the shares would exceed 1.");
        }
        return (kind, parent);
    }

    private async Task ApplyHeadAndLineageAsync(OrgUnit unit, OrgUnitRequest req, CancellationToken ct)
    {
        unit.HeadUserId = string.IsNullOrWhiteSpace(req.HeadUserName)
            ? null
            : await db.Users.Where(u => u.UserName == req.HeadUserName.Trim()).Select(u => (int?)u.Id).FirstAsync(ct);

        var existing = await db.Set<OrgUnitLineage>().Where(l => l.SuccessorId == unit.Id).ToListAsync(ct);
        db.RemoveRange(existing);
        var touched = existing.Select(l => l.PredecessorId).ToHashSet();
        foreach (var p in req.Predecessors ?? [])
        {
            var predId = await db.Set<OrgUnit>().Where(u => u.Code == p.Code!.Trim()).Select(u => u.Id).FirstAsync(ct);
            db.Add(new OrgUnitLineage { SuccessorId = unit.Id, PredecessorId = predId, EffectiveDate = p.EffectiveDate!.Value, Share = p.Share ?? 1m });
            touched.Add(predId);
        }
        await db.SaveChangesAsync(ct);
        // A predecessor whose whole share has passed on is dissolved from its last effective date.
        foreach (var predId in touched)
        {
            var lines = await db.Set<OrgUnitLineage>().Where(l => l.PredecessorId == predId)
                .Select(l => new { l.Share, l.EffectiveDate }).ToListAsync(ct);
            var pred = await db.Set<OrgUnit>().FirstAsync(u => u.Id == predId, ct);
            pred.DissolvedOn = lines.Sum(l => l.Share) >= 0.999999m ? lines.Max(l => l.EffectiveDate) : null;
        }
    }

    /// <summary>Re-parents a unit and rewrites the paths of its whole subtree.</summary>
    private async Task MoveAsync(OrgUnit unit, OrgUnit parent, CancellationToken ct)
    {
        var oldPath = unit.Path;
        var newPath = parent.Path + unit.Id + "/";
        var depthDelta = parent.Depth + 1 - unit.Depth;
        var subtree = await db.Set<OrgUnit>().Where(u => u.Path.StartsWith(oldPath)).ToListAsync(ct);
        foreach (var u in subtree)
        {
            u.Path = newPath + u.Path[oldPath.Length..];
            u.Depth += depthDelta;
        }
        unit.ParentId = parent.Id;
    }

    private static object Snapshot(OrgUnit u, OrgUnitRequest req) => new
    {
        u.Code, u.Name, u.NameEn, Kind = u.Kind.ToApi(), req.ParentCode, req.HeadUserName,
        Predecessors = req.Predecessors?.Select(p => new { p.Code, p.EffectiveDate, Share = p.Share ?? 1m }),
    };

    internal static bool IsCode(string code) => code.All(c => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_');

}
