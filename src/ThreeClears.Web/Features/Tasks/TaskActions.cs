using ThreeClears.Domain;
using Microsoft.EntityFrameworkCore;
using ThreeClears.Domain.Access;
using ThreeClears.Domain.Tasks;
using ThreeClears.Web.Data;
using ThreeClears.Web.Features.Audit;
using ThreeClears.Web.Features.Evidence;
using ThreeClears.Web.Infrastructure;
using ThreeClears.Web.Infrastructure.Auth;

namespace ThreeClears.Web.Features.Tasks;

/// <summary>
/// What happens to a task after it is assigned: progress with evidence, verification, target
/// changes, reassignment and cancellation. Each is one transaction with its audit entry.
/// </summary>
public sealed class TaskActions(ThreeClearsDb db, Caller caller, TaskAccess access, TasksService tasks, AuditLog audit, AppClock clock)
{
    /// <summary>
    /// A report is the hot path of the product (every official, every week): it reads the task with
    /// its milestones in one round trip and writes the report, the task and the audit entry in another.
    /// </summary>
    public async Task<ProgressResult> ReportProgressAsync(int id, ProgressRequest req, HttpContext http, CancellationToken ct)
    {
        // "If-Match: *" accepts whatever version is current, so losing a race with another report
        // of the same task is not the caller's conflict. On PostgreSQL the report locks the task's
        // row as it reads it, so the second report waits for the first instead of losing; elsewhere
        // (SQLite) the loser reads the task again and reports once more.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ReportProgressOnceAsync(id, req, http, ct);
            }
            catch (DbUpdateConcurrencyException) when (attempt < 5 && Versions.IsAny(http))
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<ProgressResult> ReportProgressOnceAsync(int id, ProgressRequest req, HttpContext http, CancellationToken ct)
    {
        var lockRow = db.IsPostgres && Versions.IsAny(http);
        // BEGIN goes out with the locking read, so the lock adds no round trip: read, write, commit.
        await using var tx = lockRow ? await db.Database.BeginTransactionAsync(ct) : null;
        if (tx is not null) db.Database.AutoSavepointsEnabled = false; // the pooled context resets it
        var task = await access.OwnedAsync(id, ct, withMilestones: true, lockRow);
        Versions.Check(http, task.Version, required: true);
        TaskAccess.RequireOpen(task);
        var checks = new Checks();
        if (checks.Required("cumulativeQuantity", req.CumulativeQuantity) is { } q && q < 0)
            checks.Add("cumulativeQuantity", "must be 0 or more: it is the quantity delivered so far.");
        var note = checks.Text("note", req.Note, Checks.TextMax, required: false);
        var ids = req.AttachmentIds ?? [];
        var files = ids.Count == 0 ? [] : await db.Set<Attachment>().Where(a => ids.Contains(a.Id) && a.TaskId == id).ToListAsync(ct);
        for (var i = 0; i < ids.Count; i++)
            if (files.All(f => f.Id != ids[i])) checks.Add($"attachmentIds[{i}]", $"attachment {ids[i]} was not uploaded to this task.");
        checks.ThrowIfAny();

        var today = clock.Today;
        var report = new TaskProgressReport
        {
            TaskId = id, ReportedOn = today, ReportedAt = clock.UtcNow, CumulativeQuantity = req.CumulativeQuantity!.Value,
            Note = note, ByUserId = caller.UserId, Attachments = files,
        };
        db.Add(report);
        task.DeliveredQuantity = report.CumulativeQuantity;
        task.LastReportOn = today;
        // The latest report is the delivered quantity today, so it alone decides today's status.
        TasksService.Refresh(task, [new ProgressReport(today, report.CumulativeQuantity)], today);
        var result = TaskStatusRule.Evaluate(TasksService.Facts(task, task.Milestones, [new ProgressReport(today, report.CumulativeQuantity)], null), today);
        task.Version++;
        audit.Record("task", id, "reportProgress", null,
            new { report.CumulativeQuantity, report.Note, report.ReportedOn, attachments = files.Select(f => new { f.Id, f.Sha256, f.FileName }) },
            task.OwnerOrgUnitId);
        if (tx is not null) await audit.CommitAsync(tx, ct);
        else await audit.SaveAsync(ct);
        return new ProgressResult(id, report.Id, report.ReportedOn, report.CumulativeQuantity, result.Status.ToApi(),
            result.ExpectedFraction, result.ActualFraction, task.Version);
    }

    /// <summary>
    /// The assigner, a leader or manager over the owner's unit, or an inspector covering it verifies;
    /// never the owner. Approval needs the target met (422 otherwise); a rejection keeps the task open.
    /// </summary>
    public async Task<TaskDto> VerifyAsync(int id, VerifyRequest req, HttpContext http, CancellationToken ct)
    {
        var task = await access.ReadableAsync(id, ct);
        if (task.OwnerId == caller.UserId) throw new ForbiddenException("The owner cannot verify their own task: someone else must.");
        if (task.AssignedById != caller.UserId && !await caller.CanAsync(Permission.VerifyTasks, task.OwnerOrgUnitId, ct))
            throw new ForbiddenException("Only the assigner, a superior over the owner's unit or an inspector may verify.");
        Versions.Check(http, task.Version);
        TaskAccess.RequireOpen(task);
        var checks = new Checks();
        checks.Required("approve", req.Approve);
        var note = checks.Text("note", req.Note, Checks.TextMax, required: req.Approve == false);
        checks.ThrowIfAny();

        var today = clock.Today;
        var reports = await ReportsAsync(id, ct);
        if (req.Approve == true)
        {
            var facts = TasksService.Facts(task, await MilestonesAsync(id, ct), reports, today);
            if (!TaskStatusRule.CanApproveCompletion(facts, today))
                throw new UnprocessableException($"The delivered quantity ({task.DeliveredQuantity:0.####}) is below the target ({task.TargetQuantity:0.####}): the task cannot be completed yet.");
            task.CompletedOn = TaskStatusRule.Evaluate(facts, today).CompletionDate;
            task.VerifiedOn = today;
        }
        db.Add(new TaskVerification { TaskId = id, Approved = req.Approve!.Value, Note = note, ByUserId = caller.UserId, On = today, At = clock.UtcNow });
        await RefreshAsync(task, today, extra: null, ct);
        task.Version++;
        audit.Record("task", id, req.Approve == true ? "verifyApprove" : "verifyReject", null,
            new { approve = req.Approve, note, task.CompletedOn }, task.OwnerOrgUnitId);
        await audit.SaveAsync(ct);
        return await tasks.GetAsync(id, today, ct);
    }

    public async Task<TaskDto> ChangeTargetAsync(int id, TargetRequest req, HttpContext http, CancellationToken ct)
    {
        var task = await access.ReadableAsync(id, ct);
        if (task.AssignedById != caller.UserId) throw new ForbiddenException("Only the assigner may change the target.");
        Versions.Check(http, task.Version);
        TaskAccess.RequireOpen(task);
        var checks = new Checks();
        if (checks.Required("targetQuantity", req.TargetQuantity) is <= 0) checks.Add("targetQuantity", "must be more than 0.");
        var reason = checks.Text("reason", req.Reason);
        if (req.TargetQuantity == task.TargetQuantity) checks.Add("targetQuantity", "is already the target.");
        checks.ThrowIfAny();

        db.Add(new TaskTargetChange { TaskId = id, From = task.TargetQuantity, To = req.TargetQuantity!.Value, Reason = reason, ByUserId = caller.UserId, At = clock.UtcNow });
        audit.Record("task", id, "changeTarget", new { targetQuantity = task.TargetQuantity }, new { targetQuantity = req.TargetQuantity, reason }, task.OwnerOrgUnitId);
        task.TargetQuantity = req.TargetQuantity.Value;
        await RefreshAsync(task, clock.Today, extra: null, ct);
        task.Version++;
        await audit.SaveAsync(ct);
        return await tasks.GetAsync(id, clock.Today, ct);
    }

    /// <summary>By the assigner, or a leader or manager over the current owner's unit; every move is recorded.</summary>
    public async Task<TaskDto> ReassignAsync(int id, ReassignRequest req, HttpContext http, CancellationToken ct)
    {
        var task = await access.ReadableAsync(id, ct);
        if (task.AssignedById != caller.UserId && !await caller.CanAsync(Permission.ReassignTasks, task.OwnerOrgUnitId, ct))
            throw new ForbiddenException("Only the assigner or a leader or manager above the owner may reassign.");
        Versions.Check(http, task.Version);
        TaskAccess.RequireOpen(task);
        var checks = new Checks();
        var name = checks.Text("ownerUserName", req.OwnerUserName, 100);
        var reason = checks.Text("reason", req.Reason);
        var to = name.Length == 0 ? null : await db.Users.AsNoTracking().Where(u => u.UserName == name).Select(u => new { u.Id, u.OrgUnitId }).FirstOrDefaultAsync(ct);
        if (name.Length > 0 && to is null) checks.Add("ownerUserName", $"no official has user name '{name}'.");
        if (to is not null && to.Id == task.OwnerId) checks.Add("ownerUserName", "already owns the task.");
        checks.ThrowIfAny();
        // The new owner must be someone the caller could have assigned the task to.
        await caller.RequireAsync(Permission.AssignTasks, to!.OrgUnitId, ct);

        db.Add(new TaskReassignment { TaskId = id, FromUserId = task.OwnerId, ToUserId = to.Id, Reason = reason, ByUserId = caller.UserId, At = clock.UtcNow });
        audit.Record("task", id, "reassign", new { ownerId = task.OwnerId, task.OwnerOrgUnitId }, new { ownerUserName = name, reason }, task.OwnerOrgUnitId);
        task.OwnerId = to.Id;
        task.OwnerOrgUnitId = to.OrgUnitId;
        task.Reassignments++;
        task.Version++;
        await audit.SaveAsync(ct);
        return await tasks.GetAsync(id, clock.Today, ct);
    }

    public async Task<TaskDto> CancelAsync(int id, CancelRequest req, HttpContext http, CancellationToken ct)
    {
        var task = await access.ReadableAsync(id, ct);
        if (task.AssignedById != caller.UserId) throw new ForbiddenException("Only the assigner may cancel a task.");
        Versions.Check(http, task.Version);
        TaskAccess.RequireOpen(task);
        var checks = new Checks();
        var reason = checks.Text("reason", req.Reason);
        checks.ThrowIfAny();
        task.CancelledOn = clock.Today;
        task.CancelReason = reason;
        task.Status = Domain.Tasks.TaskStatus.Cancelled;
        task.StatusOn = clock.Today;
        task.Version++;
        audit.Record("task", id, "cancel", null, new { reason, task.CancelledOn }, task.OwnerOrgUnitId);
        await audit.SaveAsync(ct);
        return await tasks.GetAsync(id, clock.Today, ct);
    }

    private async Task RefreshAsync(TaskItem task, DateOnly today, TaskProgressReport? extra, CancellationToken ct)
    {
        task.Milestones = await MilestonesAsync(task.Id, ct);
        var reports = await ReportsAsync(task.Id, ct);
        if (extra is not null) reports.Add(new ProgressReport(extra.ReportedOn, extra.CumulativeQuantity));
        TasksService.Refresh(task, reports, today);
    }

    private Task<List<TaskMilestoneRow>> MilestonesAsync(int id, CancellationToken ct) =>
        db.Set<TaskMilestoneRow>().Where(m => m.TaskId == id).ToListAsync(ct);

    private Task<List<ProgressReport>> ReportsAsync(int id, CancellationToken ct) =>
        db.Set<TaskProgressReport>().Where(r => r.TaskId == id).OrderBy(r => r.Id)
            .Select(r => new ProgressReport(r.ReportedOn, r.CumulativeQuantity)).ToListAsync(ct);
}
