using Microsoft.EntityFrameworkCore;
using ThreeClears.Domain.Tasks;
using ThreeClears.Web.Data;
using ThreeClears.Web.Features.Audit;
using ThreeClears.Web.Features.Calendar;
using ThreeClears.Web.Features.Organisation;
using ThreeClears.Web.Infrastructure;

namespace ThreeClears.Web.Features.Tasks;

/// <summary>What the audit trail names as the author of the sweep's changes.</summary>
internal static class SweepAuthor
{
    public const string UserName = "sweep";
    public const int Batch = 500;
}

/// <summary>
/// Each open escalation whose <c>respondBy</c> has passed climbs one unit up per missed deadline, to
/// the head of the next unit (skipping units without a head, the owner and the current recipient),
/// with a new <c>respondBy</c> 2 working days after the missed one; at the root it stays.
/// One step row and one audit entry per climb.
/// </summary>
public sealed class EscalationClimbStep(ThreeClearsDb db, CalendarService calendars, AuditLog audit, AppClock clock) : ISweepStep
{
    public string Name => "escalationsClimbed";

    public async Task<int> RunAsync(DateOnly asOf, CancellationToken ct)
    {
        var calendar = await calendars.WorkingCalendarAsync(ct);
        var climbed = 0;
        var lastId = 0;
        while (true)
        {
            var batch = await db.Set<Escalation>()
                .Where(e => e.Status == EscalationState.Open && e.RespondBy < asOf && e.Id > lastId)
                .OrderBy(e => e.Id).Take(SweepAuthor.Batch)
                .Select(e => new { Escalation = e, e.Task!.OwnerId, e.Task.OwnerOrgUnitId })
                .ToListAsync(ct);
            if (batch.Count == 0) return climbed;
            lastId = batch[^1].Escalation.Id;

            // The chain starts at the recipient's unit, which need not be on the owner's chain (an assigner
            // from elsewhere): "the next unit up" is then above the recipient's own unit.
            var chains = await OrgChain.LoadAsync(db, batch.Select(b => b.Escalation.ToOrgUnitId), ct);
            var moves = new List<(Escalation Escalation, int OwnerUnit, IReadOnlyList<EscalationStep> Climbs)>();
            foreach (var b in batch)
            {
                var e = b.Escalation;
                var current = new EscalationStep(e.Level, 0, OrgChain.Key(e.ToOrgUnitId), OrgChain.Key(e.ToUserId), e.RespondBy);
                var climbs = EscalationRouting.Climb(chains[e.ToOrgUnitId].Units, current, asOf, calendar, OrgChain.Key(b.OwnerId));
                if (climbs.Count > 0) moves.Add((e, b.OwnerOrgUnitId, climbs));
            }
            if (moves.Count == 0)
            {
                db.ChangeTracker.Clear();
                continue;
            }

            var userIds = moves.SelectMany(m => m.Climbs.Select(c => OrgChain.Id(c.RecipientUserId)).Append(m.Escalation.ToUserId)).Distinct().ToArray();
            var unitIds = moves.SelectMany(m => m.Climbs.Select(c => OrgChain.Id(c.UnitId)).Append(m.Escalation.ToOrgUnitId)).Distinct().ToArray();
            var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.UserName, ct);
            var units = await db.Set<OrgUnit>().AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Code, ct);
            var now = clock.UtcNow;

            await using var tx = await db.Database.BeginTransactionAsync(ct);
            foreach (var (e, ownerUnit, climbs) in moves)
            {
                foreach (var c in climbs)
                {
                    var before = new { e.Level, toUserName = users[e.ToUserId], toOrgUnitCode = units[e.ToOrgUnitId], e.RespondBy };
                    e.Level = c.Level;
                    e.ToUserId = OrgChain.Id(c.RecipientUserId);
                    e.ToOrgUnitId = OrgChain.Id(c.UnitId);
                    e.RespondBy = c.RespondBy;
                    db.Add(new EscalationStepRow
                    {
                        EscalationId = e.Id, Level = c.Level, ToUserId = e.ToUserId, ToOrgUnitId = e.ToOrgUnitId, RespondBy = c.RespondBy, At = now,
                    });
                    var after = new { e.Level, toUserName = users[e.ToUserId], toOrgUnitCode = units[e.ToOrgUnitId], e.RespondBy, missedOn = before.RespondBy, asOf };
                    audit.Record(EscalationsService.AuditEntity, e.Id, "climb", before, after, ownerUnit, SweepAuthor.UserName);
                    climbed++;
                }
                e.Version++;
            }
            await audit.CommitAsync(tx, ct);
            db.ChangeTracker.Clear();
        }
    }
}

/// <summary>
/// An overdue task (not completed or cancelled, due date before the sweep's date) gets one automatic
/// escalation, <c>reason:"overdue"</c>, to its assigner, respond by 2 working days; the task is marked so
/// that it never gets a second. A task its owner assigned to themselves goes up as a raised escalation
/// would (the head above the owner); with nobody above, it is only marked.
/// </summary>
public sealed class OverdueEscalationStep(ThreeClearsDb db, CalendarService calendars, AuditLog audit, AppClock clock, Installation installation) : ISweepStep
{
    public string Name => "overdueEscalations";

    public async Task<int> RunAsync(DateOnly asOf, CancellationToken ct)
    {
        var calendar = await calendars.WorkingCalendarAsync(ct);
        var respondBy = EscalationRouting.DefaultRespondBy(asOf, calendar);
        var raised = 0;
        var lastId = 0;
        while (true)
        {
            // EscalationRouting.NeedsOverdueEscalation in SQL: overdue as of D means open and due before D.
            var tasks = await db.Set<TaskItem>()
                .Where(t => t.Id > lastId && !t.OverdueEscalated && t.CompletedOn == null && t.CancelledOn == null && t.DueDate < asOf)
                .OrderBy(t => t.Id).Take(SweepAuthor.Batch)
                .ToListAsync(ct);
            if (tasks.Count == 0) return raised;
            lastId = tasks[^1].Id;

            var assignerIds = tasks.Select(t => t.AssignedById).Distinct().ToArray();
            var assignerUnits = await db.Users.AsNoTracking().Where(u => assignerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.OrgUnitId, ct);
            var chains = await OrgChain.LoadAsync(db, tasks.Where(t => t.AssignedById == t.OwnerId).Select(t => t.OwnerOrgUnitId), ct);
            var now = clock.UtcNow;
            var created = new List<(Escalation Escalation, int OwnerUnit)>();
            foreach (var t in tasks)
            {
                t.OverdueEscalated = true;
                (int User, int Unit)? to = null;
                if (t.AssignedById != t.OwnerId) to = (t.AssignedById, assignerUnits[t.AssignedById]);
                else if (EscalationRouting.FirstRecipient(chains[t.OwnerOrgUnitId].Units, OrgChain.Key(t.OwnerId), null, null) is { } r)
                    to = (OrgChain.Id(r.UserId), OrgChain.Id(r.UnitId));
                if (to is not { } recipient) continue;

                var e = new Escalation
                {
                    TaskId = t.Id, Reason = EscalationReason.Overdue, Question = Question(t), RaisedById = null, RaisedOn = asOf, RaisedAt = now,
                    Level = 1, ToUserId = recipient.User, ToOrgUnitId = recipient.Unit, RespondBy = respondBy, Status = EscalationState.Open,
                };
                e.Steps.Add(new EscalationStepRow { Level = 1, ToUserId = recipient.User, ToOrgUnitId = recipient.Unit, RespondBy = respondBy, At = now });
                db.Add(e);
                created.Add((e, t.OwnerOrgUnitId));
            }

            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            if (created.Count > 0)
            {
                var ids = created.Select(c => c.Escalation.Id).ToArray();
                var dtos = (await EscalationsService.ProjectAsync(db, installation.RootCode, db.Set<Escalation>().AsNoTracking().Where(e => ids.Contains(e.Id)), ct))
                    .ToDictionary(d => d.Id);
                foreach (var (e, ownerUnit) in created)
                    audit.Record(EscalationsService.AuditEntity, e.Id, "raise", null, EscalationsService.Snapshot(dtos[e.Id]), ownerUnit, SweepAuthor.UserName);
            }
            await audit.CommitAsync(tx, ct);
            raised += created.Count;
            db.ChangeTracker.Clear();
        }
    }

    private static string Question(TaskItem t) =>
        $"Nhiệm vụ «{t.Title}» quá hạn {t.DueDate:dd/MM/yyyy} mà chưa được xác nhận hoàn thành ({t.DeliveredQuantity:0.####}/{t.TargetQuantity:0.####} {t.ProductUnit}). "
        + $"/ Overdue since {t.DueDate:yyyy-MM-dd} without a verified completion.";
}

/// <summary>
/// Refreshes the stored status of open tasks whose <see cref="TaskItem.StatusOn"/> is before the
/// sweep's date, by <see cref="TaskStatusRule"/>: per batch of tasks one query each for the tasks, their
/// milestones and their reports, then one update per resulting status. Finished tasks are left alone.
/// </summary>
public sealed class TaskStatusRefreshStep(ThreeClearsDb db) : ISweepStep
{
    public string Name => "statusesRefreshed";

    public async Task<int> RunAsync(DateOnly asOf, CancellationToken ct)
    {
        var refreshed = 0;
        var lastId = 0;
        while (true)
        {
            var tasks = await db.Set<TaskItem>().AsNoTracking()
                .Where(t => t.Id > lastId && t.CompletedOn == null && t.CancelledOn == null && t.StatusOn < asOf)
                .OrderBy(t => t.Id).Take(SweepAuthor.Batch)
                .Select(t => new { t.Id, t.CreatedOn, t.StartDate, t.DueDate, t.TargetQuantity })
                .ToListAsync(ct);
            if (tasks.Count == 0) return refreshed;
            lastId = tasks[^1].Id;

            var ids = tasks.Select(t => t.Id).ToArray();
            var milestones = (await db.Set<TaskMilestoneRow>().AsNoTracking().Where(m => ids.Contains(m.TaskId))
                    .Select(m => new { m.TaskId, m.DueDate, m.CumulativeQuantity }).ToListAsync(ct))
                .ToLookup(m => m.TaskId, m => new TaskMilestone(m.DueDate, m.CumulativeQuantity));
            // Reports of one day keep their recording order (the id): the last one is the day's figure.
            var reports = (await db.Set<TaskProgressReport>().AsNoTracking().Where(r => ids.Contains(r.TaskId))
                    .Select(r => new { r.TaskId, r.Id, r.ReportedOn, r.CumulativeQuantity }).ToListAsync(ct))
                .OrderBy(r => r.Id)
                .ToLookup(r => r.TaskId, r => new ProgressReport(r.ReportedOn, r.CumulativeQuantity));

            var byStatus = new Dictionary<Domain.Tasks.TaskStatus, List<int>>();
            foreach (var t in tasks)
            {
                if (t.TargetQuantity <= 0) continue; // refused on entry; never evaluated
                var facts = new TaskFacts(t.CreatedOn, t.StartDate, t.DueDate, t.TargetQuantity, milestones[t.Id], reports[t.Id]);
                var status = TaskStatusRule.Evaluate(facts, asOf).Status;
                if (!byStatus.TryGetValue(status, out var list)) byStatus[status] = list = [];
                list.Add(t.Id);
            }
            foreach (var (status, group) in byStatus)
            {
                // StatusOn < asOf again: a write that refreshed the task meanwhile is not overwritten.
                refreshed += await db.Set<TaskItem>()
                    .Where(t => group.Contains(t.Id) && t.StatusOn < asOf && t.CompletedOn == null && t.CancelledOn == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, status).SetProperty(t => t.StatusOn, asOf), ct);
            }
        }
    }
}
