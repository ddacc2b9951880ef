using Microsoft.EntityFrameworkCore;
using ThreeClears.Domain;
using ThreeClears.Domain.Access;
using ThreeClears.Domain.Indicators;
using ThreeClears.Web.Data;
using ThreeClears.Web.Features.Audit;
using ThreeClears.Web.Features.Organisation;
using ThreeClears.Web.Features.Tasks;
using ThreeClears.Web.Infrastructure;
using ThreeClears.Web.Infrastructure.Auth;

namespace ThreeClears.Web.Features.Plan;

/// <summary>
/// The strategic plan: goals in a tree (orientations, breakthroughs, linkage, programmes), the
/// targets under them and the tasks that carry their codes. Reading is for anyone logged in;
/// writing needs <see cref="Permission.ManagePlan"/> over the goal's lead unit or the target's unit.
/// </summary>
public sealed class PlanService(ThreeClearsDb db, Caller caller, AuditLog audit, AppClock clock)
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;
    /// <summary>At most this many task codes are listed under one goal (the count covers them all).</summary>
    public const int MaxTaskCodes = 50;

    private sealed record GoalRow(int Id, string Code, string Title, string? TitleEn, GoalKind Kind, int? ParentId, string? Description,
        int OrgUnitId, string OrgUnitCode, int Version);

    public static bool IsRootKind(GoalKind kind) => kind != GoalKind.Programme;

    // ---------------------------------------------------------------- reading

    /// <summary>The whole plan: roots ordered orientations, breakthroughs, linkage, then stand-alone programmes.</summary>
    public async Task<IReadOnlyList<GoalNode>> TreeAsync(CancellationToken ct)
    {
        var (goals, nodes) = await BuildAsync(ct);
        return [.. goals.Where(g => g.ParentId is null).OrderBy(g => g.Kind).ThenBy(g => g.Code, StringComparer.Ordinal).Select(g => nodes[g.Id])];
    }

    public async Task<GoalNode> GetGoalAsync(string code, CancellationToken ct)
    {
        var (goals, nodes) = await BuildAsync(ct);
        var goal = goals.FirstOrDefault(g => g.Code == code) ?? throw new NotFoundException($"No goal has code '{code}'.");
        return nodes[goal.Id];
    }

    private async Task<(List<GoalRow> Goals, Dictionary<int, GoalNode> Nodes)> BuildAsync(CancellationToken ct)
    {
        var goals = await GoalRowsAsync(ct);
        var targets = (await TargetQuery().ToListAsync(ct)).Select(ToDto).ToLookup(t => t.GoalCode ?? "");

        // Tasks name their goal by code: count those not cancelled; list the codes the caller may read.
        var codes = goals.Select(g => g.Code).ToList();
        var counts = await db.Set<TaskItem>().AsNoTracking()
            .Where(t => t.GoalCode != null && codes.Contains(t.GoalCode) && t.Status != Domain.Tasks.TaskStatus.Cancelled)
            .GroupBy(t => t.GoalCode!).Select(g => new { Code = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Code, x => x.Count, ct);
        var readable = new Dictionary<string, List<string>>();
        if (counts.Count > 0)
        {
            var root = await db.Set<OrgUnit>().AsNoTracking().Where(u => u.ParentId == null).Select(u => u.Code).FirstAsync(ct);
            var scoped = await caller.Scoped(db.Set<TaskItem>().AsNoTracking()
                .Where(t => t.GoalCode != null && codes.Contains(t.GoalCode) && t.Status != Domain.Tasks.TaskStatus.Cancelled),
                Permission.ReadTasks, t => t.OwnerOrgUnitId, ct);
            var rows = await scoped.OrderBy(t => t.Id).Select(t => new { t.Id, t.CreatedOn, t.GoalCode }).ToListAsync(ct);
            foreach (var r in rows)
            {
                if (!readable.TryGetValue(r.GoalCode!, out var list)) readable[r.GoalCode!] = list = [];
                if (list.Count < MaxTaskCodes) list.Add(TaskAccess.Code(root, r.CreatedOn, r.Id));
            }
        }

        var byParent = goals.Where(g => g.ParentId is not null).ToLookup(g => g.ParentId!.Value);
        var byId = goals.ToDictionary(g => g.Id);
        var nodes = new Dictionary<int, GoalNode>();
        GoalNode Node(GoalRow g)
        {
            if (nodes.TryGetValue(g.Id, out var done)) return done;
            var children = byParent[g.Id].OrderBy(c => c.Kind).ThenBy(c => c.Code, StringComparer.Ordinal).Select(Node).ToList();
            var node = new GoalNode(g.Code, g.Title, g.TitleEn, g.Kind.ToApi(), g.ParentId is { } p ? byId[p].Code : null, g.Description,
                g.OrgUnitCode, g.Version, children,
                [.. targets[g.Code].OrderBy(t => t.TargetYear).ThenBy(t => t.IndicatorCode, StringComparer.Ordinal).ThenBy(t => t.OrgUnitCode, StringComparer.Ordinal)],
                new GoalTasks(counts.GetValueOrDefault(g.Code), readable.TryGetValue(g.Code, out var c) ? c : []));
            nodes[g.Id] = node;
            return node;
        }
        foreach (var g in goals) Node(g);
        return (goals, nodes);
    }

    private Task<List<GoalRow>> GoalRowsAsync(CancellationToken ct) =>
        db.Set<Goal>().AsNoTracking()
            .Select(g => new GoalRow(g.Id, g.Code, g.Title, g.TitleEn, g.Kind, g.ParentId, g.Description, g.OrgUnitId, g.OrgUnit!.Code, g.Version))
            .ToListAsync(ct);

    private sealed record TargetRow(int Id, string IndicatorCode, string OrgUnitCode, string? OwnerUserName, decimal Baseline, decimal TargetValue,
        int TargetYear, Direction Direction, string? GoalCode, int Version);

    private IQueryable<TargetRow> TargetQuery(IQueryable<PlanTarget>? source = null) =>
        (source ?? db.Set<PlanTarget>().AsNoTracking())
            .Select(t => new TargetRow(t.Id, t.IndicatorCode, t.OrgUnit!.Code, t.OwnerUser!.UserName, t.Baseline, t.TargetValue, t.TargetYear,
                t.Direction, t.Goal!.Code, t.Version));

    private static TargetDto ToDto(TargetRow t) =>
        new(t.Id, t.IndicatorCode, t.OrgUnitCode, t.OwnerUserName, t.Baseline, t.TargetValue, t.TargetYear, t.Direction.ToApi(), t.GoalCode, t.Version);

    public async Task<PageOf<TargetDto>> ListTargetsAsync(string? orgUnit, int? year, string? goal, Paging paging, CancellationToken ct)
    {
        var checks = new Checks();
        if (year is < MinYear or > MaxYear) checks.Add("year", $"must be between {MinYear} and {MaxYear}.");
        checks.ThrowIfAny();
        var q = db.Set<PlanTarget>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(orgUnit))
        {
            var path = await db.Set<OrgUnit>().Where(u => u.Code == orgUnit.Trim()).Select(u => u.Path).FirstOrDefaultAsync(ct)
                       ?? throw new NotFoundException($"No org unit has code '{orgUnit}'.");
            q = q.Where(t => t.OrgUnit!.Path.StartsWith(path));
        }
        if (year is { } y) q = q.Where(t => t.TargetYear == y);
        if (!string.IsNullOrWhiteSpace(goal))
        {
            var goals = await GoalRowsAsync(ct);
            var top = goals.FirstOrDefault(g => g.Code == goal.Trim()) ?? throw new NotFoundException($"No goal has code '{goal}'.");
            var ids = Subtree(goals, top.Id).ToArray();
            q = q.Where(t => t.GoalId != null && ids.Contains(t.GoalId.Value));
        }
        var total = await q.CountAsync(ct);
        var items = await TargetQuery(q.OrderBy(t => t.TargetYear).ThenBy(t => t.IndicatorCode).ThenBy(t => t.Id).Skip(paging.Skip).Take(paging.PageSize))
            .ToListAsync(ct);
        return new PageOf<TargetDto>([.. items.Select(ToDto)], total);
    }

    public async Task<TargetDto> GetTargetAsync(int id, CancellationToken ct) =>
        ToDto(await TargetQuery(db.Set<PlanTarget>().AsNoTracking().Where(t => t.Id == id)).FirstOrDefaultAsync(ct)
              ?? throw new NotFoundException($"No target has id {id}."));

    private static IEnumerable<int> Subtree(List<GoalRow> goals, int id)
    {
        var byParent = goals.Where(g => g.ParentId is not null).ToLookup(g => g.ParentId!.Value);
        var stack = new Stack<int>([id]);
        while (stack.Count > 0)
        {
            var g = stack.Pop();
            yield return g;
            foreach (var c in byParent[g]) stack.Push(c.Id);
        }
    }

    /// <summary>True when the goal is a linkage goal or sits under one.</summary>
    private static bool UnderLinkage(List<GoalRow> goals, int? goalId)
    {
        var byId = goals.ToDictionary(g => g.Id);
        for (var steps = 0; goalId is { } id && byId.TryGetValue(id, out var g) && steps <= goals.Count; steps++, goalId = g.ParentId)
            if (g.Kind == GoalKind.Linkage) return true;
        return false;
    }

    // ---------------------------------------------------------------- goals

    public async Task<GoalNode> CreateGoalAsync(GoalRequest req, CancellationToken ct)
    {
        var checks = new Checks();
        var code = checks.Text("code", req.Code, 64);
        if (code.Length > 0 && !OrganisationService.IsCode(code)) checks.Add("code", "may hold only letters A–Z, digits, '-' and '_'.");
        var goals = await GoalRowsAsync(ct);
        var (kind, parent, unit) = await ValidateGoalAsync(req, goals, null, checks, ct);
        checks.ThrowIfAny();
        await caller.RequireAsync(Permission.ManagePlan, unit!.Id, ct);
        if (goals.Any(g => g.Code == code)) throw new ConflictException($"A goal with code '{code}' already exists.");

        var goal = new Goal
        {
            Code = code, Title = req.Title!.Trim(), TitleEn = Optional(req.TitleEn), Kind = kind!.Value, ParentId = parent?.Id,
            Description = Optional(req.Description), OrgUnitId = unit.Id, CreatedAt = clock.UtcNow,
        };
        db.Add(goal);
        audit.Record("goal", goal.Code, "create", null, Snapshot(goal, parent?.Code, unit.Code), unit.Id);
        await audit.SaveAsync(ct);
        return await GetGoalAsync(goal.Code, ct);
    }

    public async Task<GoalNode> UpdateGoalAsync(string code, GoalRequest req, HttpContext http, CancellationToken ct)
    {
        var goal = await db.Set<Goal>().Include(g => g.OrgUnit).Include(g => g.Parent).FirstOrDefaultAsync(g => g.Code == code, ct)
                   ?? throw new NotFoundException($"No goal has code '{code}'.");
        await caller.RequireAsync(Permission.ManagePlan, goal.OrgUnitId, ct);
        Versions.Check(http, goal.Version, required: true);
        var checks = new Checks();
        if (req.Code is not null && req.Code.Trim() != code) checks.Add("code", "cannot be changed: goal codes are stable.");
        var goals = await GoalRowsAsync(ct);
        var (kind, parent, unit) = await ValidateGoalAsync(req, goals, goal, checks, ct);
        if (!checks.Any)
        {
            // Partner units' targets stay under a linkage goal.
            var self = goals.First(g => g.Id == goal.Id);
            var moved = goals.Select(g => g.Id == goal.Id ? self with { Kind = kind!.Value, ParentId = parent?.Id } : g).ToList();
            var subtree = Subtree(moved, goal.Id).ToArray();
            var partnerGoals = await db.Set<PlanTarget>().Where(t => t.GoalId != null && subtree.Contains(t.GoalId.Value) && t.OrgUnit!.Kind == OrgUnitKind.Partner)
                .Select(t => t.GoalId!.Value).Distinct().ToListAsync(ct);
            if (partnerGoals.Any(id => !UnderLinkage(moved, id)))
                checks.Add("kind", "targets of partner units sit under this goal: it must stay a linkage goal or under one.");
        }
        checks.ThrowIfAny();
        if (unit!.Id != goal.OrgUnitId) await caller.RequireAsync(Permission.ManagePlan, unit.Id, ct);

        var before = Snapshot(goal, goal.Parent?.Code, goal.OrgUnit!.Code);
        goal.Title = req.Title!.Trim();
        goal.TitleEn = Optional(req.TitleEn);
        goal.Kind = kind!.Value;
        goal.ParentId = parent?.Id;
        goal.Description = Optional(req.Description);
        goal.OrgUnitId = unit.Id;
        goal.Version++;
        audit.Record("goal", goal.Code, "update", before, Snapshot(goal, parent?.Code, unit.Code), unit.Id);
        await audit.SaveAsync(ct);
        return await GetGoalAsync(goal.Code, ct);
    }

    private async Task<(GoalKind? Kind, GoalRow? Parent, OrgUnit? Unit)> ValidateGoalAsync(GoalRequest req, List<GoalRow> goals, Goal? existing,
        Checks checks, CancellationToken ct)
    {
        checks.Text("title", req.Title, Checks.TitleMax);
        checks.Text("titleEn", req.TitleEn, Checks.TitleMax, required: false);
        checks.Text("description", req.Description, Checks.TextMax, required: false);
        var kind = checks.Enum<GoalKind>("kind", req.Kind);

        GoalRow? parent = null;
        if (!string.IsNullOrWhiteSpace(req.ParentCode))
        {
            var pcode = req.ParentCode.Trim();
            parent = goals.FirstOrDefault(g => g.Code == pcode);
            if (kind is { } k && IsRootKind(k))
                checks.Add("parentCode", $"a goal of kind '{k.ToApi()}' is a root of the plan: it has no parent.");
            else if (parent is null) checks.Add("parentCode", $"no goal has code '{pcode}'.");
            else if (existing is not null && Subtree(goals, existing.Id).Contains(parent.Id))
                checks.Add("parentCode", "a goal cannot sit under itself or a goal under it.");
        }
        if (existing is not null && kind is { } nk && IsRootKind(nk) && goals.Any(g => g.ParentId == existing.Id && IsRootKind(g.Kind)))
            checks.Add("kind", "a goal with orientations, breakthroughs or linkage under it cannot become one.");

        var root = await db.Set<OrgUnit>().FirstAsync(u => u.ParentId == null, ct);
        var unit = root;
        if (!string.IsNullOrWhiteSpace(req.OrgUnitCode))
        {
            var ucode = req.OrgUnitCode.Trim();
            var found = await db.Set<OrgUnit>().FirstOrDefaultAsync(u => u.Code == ucode, ct);
            if (found is null) checks.Add("orgUnitCode", $"no org unit has code '{ucode}'.");
            else if (kind is { } k && IsRootKind(k) && found.Id != root.Id)
                checks.Add("orgUnitCode", $"a goal of kind '{k.ToApi()}' belongs to the province: its unit is '{root.Code}'.");
            else unit = found;
        }
        return (kind, parent, unit);
    }

    private static object Snapshot(Goal g, string? parentCode, string orgUnitCode) => new
    {
        g.Code, g.Title, g.TitleEn, Kind = g.Kind.ToApi(), ParentCode = parentCode, g.Description, OrgUnitCode = orgUnitCode,
    };

    private static string? Optional(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    // ---------------------------------------------------------------- targets

    public async Task<TargetDto> CreateTargetAsync(TargetRequest req, CancellationToken ct)
    {
        var v = await ValidateTargetAsync(req, ct);
        await caller.RequireAsync(Permission.ManagePlan, v.Unit.Id, ct);
        await RefuseDuplicateAsync(v, null, ct);
        var target = new PlanTarget
        {
            IndicatorCode = v.IndicatorCode, OrgUnitId = v.Unit.Id, OwnerUserId = v.OwnerId, Baseline = req.Baseline!.Value,
            TargetValue = req.TargetValue!.Value, TargetYear = req.TargetYear!.Value, Direction = v.Direction, GoalId = v.Goal?.Id,
            CreatedAt = clock.UtcNow,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Add(target);
        await db.SaveChangesAsync(ct); // the id names the audit entry
        audit.Record("target", target.Id, "create", null, Snapshot(target, v), v.Unit.Id);
        await audit.CommitAsync(tx, ct);
        return await GetTargetAsync(target.Id, ct);
    }

    public async Task<TargetDto> UpdateTargetAsync(int id, TargetRequest req, HttpContext http, CancellationToken ct)
    {
        var target = await db.Set<PlanTarget>().FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw new NotFoundException($"No target has id {id}.");
        await caller.RequireAsync(Permission.ManagePlan, target.OrgUnitId, ct);
        Versions.Check(http, target.Version, required: true);
        var v = await ValidateTargetAsync(req, ct);
        if (v.Unit.Id != target.OrgUnitId) await caller.RequireAsync(Permission.ManagePlan, v.Unit.Id, ct);
        await RefuseDuplicateAsync(v, id, ct);
        var before = await GetTargetAsync(id, ct);
        target.IndicatorCode = v.IndicatorCode;
        target.OrgUnitId = v.Unit.Id;
        target.OwnerUserId = v.OwnerId;
        target.Baseline = req.Baseline!.Value;
        target.TargetValue = req.TargetValue!.Value;
        target.TargetYear = req.TargetYear!.Value;
        target.Direction = v.Direction;
        target.GoalId = v.Goal?.Id;
        target.Version++;
        audit.Record("target", target.Id, "update", before, Snapshot(target, v), v.Unit.Id);
        await audit.SaveAsync(ct);
        return await GetTargetAsync(id, ct);
    }

    private sealed record ValidTarget(string IndicatorCode, OrgUnit Unit, Direction Direction, int Year, GoalRow? Goal, int? OwnerId, string? OwnerUserName);

    private async Task<ValidTarget> ValidateTargetAsync(TargetRequest req, CancellationToken ct)
    {
        var checks = new Checks();
        // A target measures an indicator of the catalogue.
        var indicator = checks.Text("indicatorCode", req.IndicatorCode, 64);
        if (indicator.Length > 0 && !OrganisationService.IsCode(indicator))
            checks.Add("indicatorCode", "may hold only letters A–Z, digits, '-' and '_'.");
        else if (indicator.Length > 0 && !await db.Set<Indicators.Indicator>().AnyAsync(i => i.Code == indicator, ct))
            checks.Add("indicatorCode", $"no indicator has code '{indicator}'.");
        checks.Required("baseline", req.Baseline);
        checks.Required("targetValue", req.TargetValue);
        if (checks.Required("targetYear", req.TargetYear) is { } year && year is < MinYear or > MaxYear)
            checks.Add("targetYear", $"must be between {MinYear} and {MaxYear}.");
        var direction = checks.Enum<Direction>("direction", req.Direction);
        if (direction == Direction.Decrease && req.Baseline is { } b && req.TargetValue is { } t && t >= b)
            checks.Add("targetValue", "a decrease target must be below its baseline.");
        if (direction == Direction.Increase && req.TargetValue == 0)
            checks.Add("targetValue", "an increase target cannot be 0: achievement is the actual ÷ the target.");

        OrgUnit? unit = null;
        var ucode = checks.Text("orgUnitCode", req.OrgUnitCode, 64);
        if (ucode.Length > 0)
        {
            unit = await db.Set<OrgUnit>().AsNoTracking().FirstOrDefaultAsync(u => u.Code == ucode, ct);
            if (unit is null) checks.Add("orgUnitCode", $"no org unit has code '{ucode}'.");
            else if (unit.DissolvedOn is { } d) checks.Add("orgUnitCode", $"'{ucode}' was dissolved on {d:yyyy-MM-dd}.");
        }

        GoalRow? goal = null;
        List<GoalRow> goals = [];
        if (!string.IsNullOrWhiteSpace(req.GoalCode))
        {
            goals = await GoalRowsAsync(ct);
            goal = goals.FirstOrDefault(g => g.Code == req.GoalCode.Trim());
            if (goal is null) checks.Add("goalCode", $"no goal has code '{req.GoalCode.Trim()}'.");
        }
        if (unit is { Kind: OrgUnitKind.Partner } && !checks.Has("goalCode") && (goal is null || !UnderLinkage(goals, goal.Id)))
            checks.Add("orgUnitCode", $"'{unit.Code}' is a partner unit: it may own a target only under a linkage goal.");

        int? ownerId = null;
        string? owner = null;
        if (!string.IsNullOrWhiteSpace(req.OwnerUserName))
        {
            owner = req.OwnerUserName.Trim();
            var user = await db.Users.AsNoTracking().Where(u => u.UserName == owner).Select(u => new { u.Id, u.OrgUnitId }).FirstOrDefaultAsync(ct);
            if (user is null) checks.Add("ownerUserName", $"no official has user name '{owner}'.");
            else if (unit is not null && user.OrgUnitId != unit.Id) checks.Add("ownerUserName", $"'{owner}' is not an official of '{unit.Code}'.");
            else ownerId = user.Id;
        }
        checks.ThrowIfAny();
        return new ValidTarget(indicator, unit!, direction!.Value, req.TargetYear!.Value, goal, ownerId, owner);
    }

    private async Task RefuseDuplicateAsync(ValidTarget v, int? except, CancellationToken ct)
    {
        if (await db.Set<PlanTarget>().AnyAsync(t => t.IndicatorCode == v.IndicatorCode && t.OrgUnitId == v.Unit.Id && t.TargetYear == v.Year && (except == null || t.Id != except.Value), ct))
            throw new ConflictException($"'{v.Unit.Code}' already has a {v.Year} target for '{v.IndicatorCode}'.");
    }

    private static object Snapshot(PlanTarget t, ValidTarget v) => new
    {
        t.IndicatorCode, OrgUnitCode = v.Unit.Code, OwnerUserName = v.OwnerUserName, t.Baseline, t.TargetValue, t.TargetYear,
        Direction = t.Direction.ToApi(), GoalCode = v.Goal?.Code,
    };
}
