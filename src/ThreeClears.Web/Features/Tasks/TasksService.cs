using Microsoft.EntityFrameworkCore;
using ThreeClears.Domain;
using ThreeClears.Domain.Access;
using ThreeClears.Domain.Tasks;
using ThreeClears.Web.Data;
using ThreeClears.Web.Features.Audit;
using ThreeClears.Web.Features.Organisation;
using ThreeClears.Web.Infrastructure;
using ThreeClears.Web.Infrastructure.Auth;

namespace ThreeClears.Web.Features.Tasks;

using TaskStatus = ThreeClears.Domain.Tasks.TaskStatus;

/// <summary>Assigning, reading and listing tasks; the actions on a task are in <see cref="TaskActions"/>.</summary>
public sealed class TasksService(ThreeClearsDb db, Caller caller, TaskAccess access, AuditLog audit, AppClock clock, Installation installation)
{
    public async Task<TaskDto> CreateAsync(CreateTaskRequest req, CancellationToken ct)
    {
        var checks = new Checks();
        checks.AddAll(TaskValidation.ValidateCreate(new TaskCreateInput(
            req.Title,
            req.Product is null ? null : new ProductInput(req.Product.Description, req.Product.Unit, req.Product.TargetQuantity, req.Product.Kind),
            req.OwnerUserName, req.DueDate, req.StartDate,
            req.Milestones?.Select(m => m is null ? null : new MilestoneInput(m.Title, m.DueDate, m.CumulativeQuantity)).ToList()))
            .Select(kv => new KeyValuePair<string, IReadOnlyList<string>>(kv.Key, kv.Value)));
        checks.Text("goalCode", req.GoalCode, 64, required: false);
        checks.Text("source", req.Source, Checks.TextMax, required: false);

        var owner = string.IsNullOrWhiteSpace(req.OwnerUserName) ? null
            : await db.Users.AsNoTracking().Where(u => u.UserName == req.OwnerUserName.Trim())
                .Select(u => new { u.Id, u.UserName, u.FullName, u.OrgUnitId, UnitCode = u.OrgUnit!.Code, UnitPath = u.OrgUnit.Path })
                .FirstOrDefaultAsync(ct);
        if (owner is null && !checks.Has("ownerUserName"))
            checks.Add("ownerUserName", $"no official has user name '{req.OwnerUserName}'.");

        var cooperating = await ResolveAllAsync(checks, "cooperatingOrgUnitCodes", req.CooperatingOrgUnitCodes,
            codes => db.Set<OrgUnit>().Where(u => codes.Contains(u.Code)).Select(u => new { Key = u.Code, u.Id }).ToDictionaryAsync(x => x.Key, x => x.Id, ct));
        var contributors = await ResolveAllAsync(checks, "contributorUserNames", req.ContributorUserNames,
            names => db.Users.Where(u => names.Contains(u.UserName!)).Select(u => new { Key = u.UserName!, u.Id }).ToDictionaryAsync(x => x.Key, x => x.Id, ct));
        if (owner is not null && contributors.Contains(owner.Id))
            checks.Add("contributorUserNames", "the owner is the one person in charge, not a contributor.");
        checks.ThrowIfAny();

        caller.KnowPath(owner!.OrgUnitId, owner.UnitPath);
        await caller.RequireAsync(Permission.AssignTasks, owner.OrgUnitId, ct);
        var today = clock.Today;
        var product = req.Product!;
        var task = new TaskItem
        {
            Title = req.Title!.Trim(),
            ProductDescription = product.Description!.Trim(),
            ProductUnit = product.Unit!.Trim(),
            TargetQuantity = product.TargetQuantity!.Value,
            OriginalTargetQuantity = product.TargetQuantity!.Value,
            Kind = ApiSpelling.TryParse<ProductKind>(product.Kind, out var kind) ? kind : ProductKind.Output,
            OwnerId = owner.Id,
            OwnerOrgUnitId = owner.OrgUnitId,
            AssignedById = caller.UserId,
            StartDate = req.StartDate,
            DueDate = req.DueDate!.Value,
            CreatedOn = today,
            CreatedAt = clock.UtcNow,
            GoalCode = string.IsNullOrWhiteSpace(req.GoalCode) ? null : req.GoalCode.Trim(),
            Source = string.IsNullOrWhiteSpace(req.Source) ? null : req.Source.Trim(),
            Milestones = [.. (req.Milestones ?? []).Select(m => new TaskMilestoneRow
            {
                Title = string.IsNullOrWhiteSpace(m!.Title) ? null : m.Title.Trim(),
                DueDate = m.DueDate!.Value,
                CumulativeQuantity = m.CumulativeQuantity!.Value,
            })],
            CooperatingUnits = [.. cooperating.Select(id => new TaskCooperatingUnit { OrgUnitId = id })],
            Contributors = [.. contributors.Select(id => new TaskContributor { UserId = id })],
        };
        Refresh(task, [], today);
        // On PostgreSQL the id comes from a HiLo block when the task is added, so the task, its
        // milestones and its audit entry go in one round trip. SQLite numbers rows on insert.
        // AddAsync, not Add: when a block runs out, Add fetches the next one synchronously while
        // the other creates wait on EF's lock, also synchronously, and under load (32 at once) that
        // starved the thread pool for seconds.
        await db.AddAsync(task, ct);
        await using var tx = task.Id <= 0 ? await db.Database.BeginTransactionAsync(ct) : null;
        if (tx is not null) await db.SaveChangesAsync(ct);
        audit.Record("task", task.Id, "create", null, new
        {
            task.Title, product = new { task.ProductDescription, task.ProductUnit, task.TargetQuantity, kind = task.Kind.ToApi() },
            ownerUserName = req.OwnerUserName!.Trim(), task.StartDate, task.DueDate,
            milestones = task.Milestones.Select(m => new { m.Title, m.DueDate, m.CumulativeQuantity }),
            req.CooperatingOrgUnitCodes, req.ContributorUserNames, task.GoalCode, task.Source,
        }, task.OwnerOrgUnitId);
        if (tx is not null) await audit.CommitAsync(tx, ct);
        else await audit.SaveAsync(ct);
        return Created(task, owner.UserName!, owner.FullName, owner.UnitCode, req, today);
    }

    /// <summary>The answer to a creation, from what is in hand: a new task has no reports, escalations or history yet.</summary>
    private TaskDto Created(TaskItem t, string ownerUserName, string ownerFullName, string ownerUnitCode, CreateTaskRequest req, DateOnly today)
    {
        var result = TaskStatusRule.Evaluate(Facts(t, t.Milestones, [], null), today);
        return new TaskDto(
            t.Id, TaskAccess.Code(installation.RootCode, t.CreatedOn, t.Id), t.Title,
            new ProductDto(t.ProductDescription, t.ProductUnit, t.TargetQuantity, t.OriginalTargetQuantity, t.Kind.ToApi(), t.Kind.IsScored),
            ownerUserName, ownerFullName, ownerUnitCode, caller.UserName ?? "", t.StartDate, t.DueDate, t.CreatedOn, today,
            result.Status.ToApi(), result.ExpectedFraction, result.ActualFraction, 0m, null, null, null,
            [.. t.Milestones.OrderBy(m => m.DueDate).Select(m => new MilestoneDto(m.Title, m.DueDate, m.CumulativeQuantity, m.DueDate < today && m.CumulativeQuantity > 0))],
            [], [], [], [], [], false, [],
            [.. (req.CooperatingOrgUnitCodes ?? []).Select(c => c!.Trim())], [.. (req.ContributorUserNames ?? []).Select(c => c!.Trim())],
            t.GoalCode, t.Source, t.Version);
    }

    /// <summary>Each listed code or name must exist; returns their ids, naming each bad entry by index.</summary>
    private static async Task<HashSet<int>> ResolveAllAsync(Checks checks, string path, List<string?>? keys,
        Func<List<string>, Task<Dictionary<string, int>>> lookup)
    {
        if (keys is null || keys.Count == 0) return [];
        var wanted = keys.Select(k => k?.Trim() ?? "").ToList();
        var found = await lookup(wanted.Where(k => k.Length > 0).Distinct().ToList());
        for (var i = 0; i < wanted.Count; i++)
        {
            if (wanted[i].Length == 0) checks.Add($"{path}[{i}]", "is empty.");
            else if (!found.ContainsKey(wanted[i])) checks.Add($"{path}[{i}]", $"'{wanted[i]}' does not exist.");
        }
        return [.. found.Values];
    }

    /// <summary>The task as of a date, with everything on its timeline. One query per collection, never per row.</summary>
    public async Task<TaskDto> GetAsync(int id, DateOnly? asOf, CancellationToken ct)
    {
        var task = await access.ReadableAsync(id, ct);
        var date = asOf ?? clock.Today;
        var milestones = await db.Set<TaskMilestoneRow>().AsNoTracking().Where(m => m.TaskId == id).OrderBy(m => m.DueDate).ToListAsync(ct);
        var reports = await db.Set<TaskProgressReport>().AsNoTracking().Where(r => r.TaskId == id).OrderBy(r => r.Id)
            .Select(r => new
            {
                r.Id, r.ReportedOn, r.ReportedAt, r.CumulativeQuantity, r.Note, By = r.ByUser!.UserName!,
                Files = r.Attachments.Select(a => new { a.Id, a.FileName, a.ContentType, a.Length, a.IsImage, a.ThumbnailSha256 }).ToList(),
            }).ToListAsync(ct);
        var verifications = await db.Set<TaskVerification>().AsNoTracking().Where(v => v.TaskId == id).OrderBy(v => v.Id)
            .Select(v => new VerificationDto(v.Approved, v.Note, v.ByUser!.UserName!, v.On, v.At)).ToListAsync(ct);
        var verifiedOn = task.CompletedOn is null ? null : task.VerifiedOn;
        var facts = Facts(task, milestones, reports.Select(r => new ProgressReport(r.ReportedOn, r.CumulativeQuantity)), verifiedOn);
        var result = TaskStatusRule.Evaluate(facts, date);
        var people = await db.Users.AsNoTracking().Where(u => u.Id == task.OwnerId || u.Id == task.AssignedById)
            .Select(u => new { u.Id, u.UserName, u.FullName }).ToListAsync(ct);
        var ownerUnit = await db.Set<OrgUnit>().Where(u => u.Id == task.OwnerOrgUnitId).Select(u => u.Code).FirstAsync(ct);
        var escalations = await db.Set<Escalation>().AsNoTracking().Where(e => e.TaskId == id).OrderBy(e => e.Id)
            .Select(e => new TaskEscalationDto(e.Id, e.Reason.ToApi(), e.Question, e.Level, e.ToUser!.UserName!, e.RespondBy, e.Status.ToApi(), e.RaisedOn, e.Decision))
            .ToListAsync(ct);
        var consultations = await db.Set<Consultation>().AsNoTracking().Where(c => c.TaskId == id).OrderBy(c => c.Id)
            .Select(c => new { c.Id, Unit = c.ToOrgUnit!.Code, c.Question, c.Deadline, c.Status, c.AskedOn, c.AnsweredOn }).ToListAsync(ct);
        var reassignments = await db.Set<TaskReassignment>().AsNoTracking().Where(r => r.TaskId == id).OrderBy(r => r.Id)
            .Select(r => new ReassignmentDto(r.FromUser!.UserName!, r.ToUser!.UserName!, r.Reason, r.ByUser!.UserName!, r.At)).ToListAsync(ct);
        var targetChanges = await db.Set<TaskTargetChange>().AsNoTracking().Where(r => r.TaskId == id).OrderBy(r => r.Id)
            .Select(r => new TargetChangeDto(r.From, r.To, r.Reason, r.ByUser!.UserName!, r.At)).ToListAsync(ct);
        var cooperating = await db.Set<TaskCooperatingUnit>().Where(c => c.TaskId == id).Select(c => c.OrgUnit!.Code).ToListAsync(ct);
        var contributors = await db.Set<TaskContributor>().Where(c => c.TaskId == id).Select(c => c.User!.UserName!).ToListAsync(ct);
        var root = installation.RootCode;
        var owner = people.First(p => p.Id == task.OwnerId);
        var assigner = people.First(p => p.Id == task.AssignedById);

        return new TaskDto(
            task.Id, TaskAccess.Code(root, task.CreatedOn, task.Id), task.Title,
            new ProductDto(task.ProductDescription, task.ProductUnit, task.TargetQuantity, task.OriginalTargetQuantity, task.Kind.ToApi(), task.Kind.IsScored),
            owner.UserName!, owner.FullName, ownerUnit, assigner.UserName!, task.StartDate, task.DueDate, task.CreatedOn, date,
            result.Status.ToApi(), result.ExpectedFraction, result.ActualFraction, result.DeliveredQuantity,
            result.CompletionDate, task.CancelledOn, task.CancelReason,
            [.. milestones.Select(m => new MilestoneDto(m.Title, m.DueDate, m.CumulativeQuantity, m.DueDate < date && result.DeliveredQuantity < m.CumulativeQuantity))],
            [.. reports.Select(r => new ReportDto(r.Id, r.ReportedOn, r.ReportedAt, r.CumulativeQuantity, r.Note, r.By,
                [.. r.Files.Select(f => Evidence.EvidenceService.Dto(f.Id, f.FileName, f.ContentType, f.Length, f.IsImage, f.ThumbnailSha256))]))],
            verifications, escalations,
            [.. consultations.Select(c => new TaskConsultationDto(c.Id, c.Unit, c.Question, c.Deadline,
                ConsultationRule.StatusAsOf(c.Deadline, c.AnsweredOn != null && c.Status is ConsultationStatus.Agreed or ConsultationStatus.Objected
                    ? new ConsultationAnswer(c.Status == ConsultationStatus.Agreed ? ConsultationOutcome.Agreed : ConsultationOutcome.Objected, c.AnsweredOn!.Value)
                    : null, date).ToApi(), c.AskedOn))],
            reassignments, task.Reassignments >= 2, targetChanges, cooperating, contributors, task.GoalCode, task.Source, task.Version);
    }

    /// <summary>
    /// Tasks the caller may read, open ones first, then by due date. <paramref name="assignedByUserName"/>
    /// narrows to the tasks that official assigned (the "tasks I assigned" list).
    /// </summary>
    public async Task<PageOf<TaskListItem>> ListAsync(string? orgUnit, string? ownerUserName, string? assignedByUserName, string? status,
        DateOnly? dueFrom, DateOnly? dueTo, Paging paging, CancellationToken ct, bool? open = null)
    {
        var checks = new Checks();
        TaskStatus? wanted = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (ApiSpelling.TryParse<TaskStatus>(status, out var s)) wanted = s;
            else checks.Add("status", "must be one of " + string.Join(", ", ApiSpelling.All<TaskStatus>()) + ".");
        }
        if (dueFrom is { } f && dueTo is { } t && t < f) checks.Add("dueTo", "must not be before dueFrom.");
        checks.ThrowIfAny();

        // "My tasks" is the commonest list of all: an owner reads every task they own, so it needs
        // neither the scope nor a look-up of the owner.
        var mine = !string.IsNullOrWhiteSpace(ownerUserName) && string.Equals(ownerUserName, caller.UserName, StringComparison.OrdinalIgnoreCase);
        var q = mine ? await InUnitAsync(db.Set<TaskItem>().AsNoTracking(), orgUnit, ct) : await ScopedAsync(orgUnit, ct);
        if (mine)
        {
            var me = caller.UserId;
            q = q.Where(x => x.OwnerId == me);
        }
        else if (!string.IsNullOrWhiteSpace(ownerUserName))
        {
            var ownerId = await UserIdAsync(ownerUserName, ct);
            q = q.Where(x => x.OwnerId == ownerId);
        }
        if (!string.IsNullOrWhiteSpace(assignedByUserName))
        {
            var assignerId = await UserIdAsync(assignedByUserName, ct);
            q = q.Where(x => x.AssignedById == assignerId);
        }
        if (wanted is { } w) q = q.Where(x => x.Status == w);
        if (open == true) q = q.Where(x => x.Status != TaskStatus.CompletedOnTime && x.Status != TaskStatus.CompletedLate && x.Status != TaskStatus.Cancelled);
        if (open == false) q = q.Where(x => x.Status == TaskStatus.CompletedOnTime || x.Status == TaskStatus.CompletedLate || x.Status == TaskStatus.Cancelled);
        if (dueFrom is { } from) q = q.Where(x => x.DueDate >= from);
        if (dueTo is { } to) q = q.Where(x => x.DueDate <= to);

        // Open tasks first; when the list holds only open (or only finished) tasks, due order alone
        // lets the (owner, due date) index serve the page without a sort.
        var ordered = open is not null || wanted is not null
            ? q.OrderBy(x => x.DueDate).ThenBy(x => x.Id)
            : q.OrderBy(x => x.Status == TaskStatus.CompletedOnTime || x.Status == TaskStatus.CompletedLate || x.Status == TaskStatus.Cancelled ? 1 : 0)
                .ThenBy(x => x.DueDate).ThenBy(x => x.Id);
        // Plain locals: EF reads a captured local directly, but evaluates a struct's property by compiling it.
        var (skip, take) = (paging.Skip, paging.PageSize);
        var items = await ItemsAsync(ordered.Skip(skip).Take(take), ct);
        return new PageOf<TaskListItem>(items, await paging.TotalAsync(q, items.Count, ct));
    }

    /// <summary>The board groups, in the order a unit's head reads them: what needs attention first.</summary>
    public static readonly IReadOnlyList<(string Group, TaskStatus[] Statuses)> BoardGroups =
    [
        ("overdue", [TaskStatus.Overdue]),
        ("atRisk", [TaskStatus.AtRisk]),
        ("onTrack", [TaskStatus.OnTrack]),
        ("notStarted", [TaskStatus.NotStarted]),
        ("completed", [TaskStatus.CompletedOnTime, TaskStatus.CompletedLate]),
        ("cancelled", [TaskStatus.Cancelled]),
    ];

    /// <summary>
    /// A unit's board: counts per status over its subtree (products and activities apart, since a
    /// process task is never counted as a product) and, per status group, the first page of tasks
    /// (or only <paramref name="group"/>, paged). Statuses are the stored ones, as lists read them.
    /// </summary>
    public async Task<TaskBoard> BoardAsync(string orgUnit, string? group, Paging paging, CancellationToken ct)
    {
        var groups = BoardGroups.Where(g => group is null || g.Group == group).ToList();
        if (groups.Count == 0)
            throw new ValidationException(new Dictionary<string, string[]> { ["group"] = ["must be one of " + string.Join(", ", BoardGroups.Select(g => g.Group)) + "."] });
        var q = await ScopedAsync(orgUnit, ct);
        var counts = await q.GroupBy(x => new { x.Status, Activity = x.Kind == ProductKind.Process })
            .Select(g => new { g.Key.Status, g.Key.Activity, N = g.Count() }).ToListAsync(ct);
        var byStatus = Enum.GetValues<TaskStatus>().Select(s => new TaskStatusCount(s.ToApi(),
                counts.Where(c => c.Status == s && !c.Activity).Sum(c => c.N),
                counts.Where(c => c.Status == s && c.Activity).Sum(c => c.N)))
            .ToList();
        var result = new List<TaskBoardGroup>();
        foreach (var (name, statuses) in groups)
        {
            var inGroup = q.Where(x => statuses.Contains(x.Status));
            // Open groups read soonest-due first; finished ones most recent first.
            var finished = statuses.All(s => s.IsFinished());
            var ordered = finished ? inGroup.OrderByDescending(x => x.DueDate).ThenByDescending(x => x.Id) : inGroup.OrderBy(x => x.DueDate).ThenBy(x => x.Id);
            var items = await ItemsAsync(ordered.Skip(paging.Skip).Take(paging.PageSize), ct);
            var mine = byStatus.Where(c => statuses.Any(s => s.ToApi() == c.Status)).ToList();
            result.Add(new TaskBoardGroup(name, mine.Sum(c => c.Products), mine.Sum(c => c.Activities), items));
        }
        return new TaskBoard(orgUnit, byStatus, result);
    }

    /// <summary>Tasks the caller may read (see <see cref="TaskAccess"/>), within <paramref name="orgUnit"/>'s subtree when given.</summary>
    private async Task<IQueryable<TaskItem>> ScopedAsync(string? orgUnit, CancellationToken ct)
    {
        var me = caller.UserId;
        var units = await caller.UnitsWithAsync(Permission.ReadTasks, ct);
        var q = db.Set<TaskItem>().AsNoTracking();
        if (!units.All)
        {
            var ids = units.Ids;
            q = q.Where(x => ids.Contains(x.OwnerOrgUnitId) || x.OwnerId == me || x.AssignedById == me
                             || db.Set<TaskContributor>().Any(c => c.TaskId == x.Id && c.UserId == me));
        }
        return await InUnitAsync(q, orgUnit, ct);
    }

    /// <summary>Narrows to tasks owned in <paramref name="orgUnit"/>'s subtree, when given.</summary>
    private async Task<IQueryable<TaskItem>> InUnitAsync(IQueryable<TaskItem> q, string? orgUnit, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(orgUnit)) return q;
        var path = await db.Set<OrgUnit>().Where(u => u.Code == orgUnit).Select(u => u.Path).FirstOrDefaultAsync(ct)
                   ?? throw new NotFoundException($"No org unit has code '{orgUnit}'.");
        return q.Where(x => x.OwnerOrgUnit!.Path.StartsWith(path));
    }

    private async Task<int> UserIdAsync(string userName, CancellationToken ct) =>
        await db.Users.Where(u => u.UserName == userName).Select(u => (int?)u.Id).FirstOrDefaultAsync(ct)
        ?? throw new NotFoundException($"No official has user name '{userName}'.");

    private async Task<List<TaskListItem>> ItemsAsync(IQueryable<TaskItem> page, CancellationToken ct)
    {
        var root = installation.RootCode;
        var rows = await page.Select(x => new
            {
                x.Id, x.CreatedOn, x.Title, Owner = x.Owner!.UserName!, x.Owner.FullName, Unit = x.OwnerOrgUnit!.Code, x.DueDate, x.Status,
                x.DeliveredQuantity, x.TargetQuantity, x.ProductUnit, x.Kind, x.Reassignments, x.Version,
            }).ToListAsync(ct);
        return [.. rows.Select(r => new TaskListItem(r.Id, TaskAccess.Code(root, r.CreatedOn, r.Id), r.Title, r.Owner, r.FullName,
            r.Unit, r.DueDate, r.Status.ToApi(), r.DeliveredQuantity, r.TargetQuantity, r.ProductUnit, r.Kind.ToApi(), r.Reassignments >= 2, r.Version))];
    }

    /// <summary>The facts the status rule needs, from the stored task.</summary>
    internal static TaskFacts Facts(TaskItem t, IEnumerable<TaskMilestoneRow> milestones, IEnumerable<ProgressReport> reports, DateOnly? verifiedOn) =>
        new(t.CreatedOn, t.StartDate, t.DueDate, t.TargetQuantity,
            milestones.Select(m => new TaskMilestone(m.DueDate, Math.Min(m.CumulativeQuantity, t.TargetQuantity))),
            reports, verifiedOn, t.CancelledOn);

    /// <summary>Recomputes the stored status for today after a change; lists and boards read it.</summary>
    internal static void Refresh(TaskItem t, IEnumerable<ProgressReport> reports, DateOnly today)
    {
        if (t.CancelledOn is not null) t.Status = TaskStatus.Cancelled;
        else if (t.CompletedOn is { } done) t.Status = done <= t.DueDate ? TaskStatus.CompletedOnTime : TaskStatus.CompletedLate;
        else t.Status = TaskStatusRule.Evaluate(Facts(t, t.Milestones, reports, null), today).Status;
        t.StatusOn = today;
    }

}
