using ThreeClears.Domain;
using Microsoft.EntityFrameworkCore;
using ThreeClears.Domain.Access;
using ThreeClears.Web.Data;
using ThreeClears.Web.Features.Calendar;
using ThreeClears.Web.Infrastructure;
using ThreeClears.Web.Infrastructure.Auth;

namespace ThreeClears.Web.Features.Tasks;

public sealed record InboxGroup<T>(int Count, IReadOnlyList<T> Items);

public sealed record InboxTask(
    int Id, string Code, string Title, string OwnerUserName, string OwnerOrgUnitCode, DateOnly DueDate,
    decimal DeliveredQuantity, decimal TargetQuantity, string ProductUnit);

public sealed record InboxEscalation(
    int Id, int TaskId, string TaskCode, string TaskTitle, string OwnerUserName, string Reason, string Question,
    string? RaisedByUserName, DateOnly RaisedOn, int Level, DateOnly RespondBy, bool PastRespondBy);

public sealed record InboxConsultation(
    int Id, int TaskId, string TaskCode, string TaskTitle, string AskedByUserName, string ToOrgUnitCode, string Question,
    string? LegalBasis, DateOnly AskedOn, DateOnly Deadline);

/// <summary>The caller's reminders as of <see cref="AsOf"/> (PRODUCT.md §3 "Reminders").</summary>
public sealed record InboxDto(
    DateOnly AsOf, DateOnly DueSoonUntil,
    InboxGroup<InboxTask> DueSoon, InboxGroup<InboxTask> Overdue, InboxGroup<InboxTask> ToVerify,
    InboxGroup<InboxEscalation> Escalations, InboxGroup<InboxConsultation> Consultations);

/// <summary>
/// Each official's inbox: my open tasks due within 5 working days, my overdue tasks, reports waiting
/// for my verification, escalations waiting for me, and consultations waiting for my unit. Every group
/// is a count and the first <see cref="ItemsPerGroup"/> items, each from indexed queries (no per-item query).
/// </summary>
public sealed class InboxService(ThreeClearsDb db, Caller caller, CalendarService calendars, AppClock clock, Organisation.Installation installation)
{
    public const int DueSoonWorkingDays = 5;
    public const int ItemsPerGroup = 100;

    private static readonly Domain.Tasks.TaskStatus[] Finished =
        [Domain.Tasks.TaskStatus.CompletedOnTime, Domain.Tasks.TaskStatus.CompletedLate, Domain.Tasks.TaskStatus.Cancelled];

    public async Task<InboxDto> GetAsync(CancellationToken ct)
    {
        var me = caller.UserId;
        var today = clock.Today;
        var calendar = await calendars.WorkingCalendarAsync(ct);
        var until = calendar.AddWorkingDays(today, DueSoonWorkingDays);
        var root = installation.RootCode;

        // Open = not completed and not cancelled; the stored status narrows the (owner, status, due) index.
        var open = db.Set<TaskItem>().AsNoTracking()
            .Where(t => !Finished.Contains(t.Status) && t.CompletedOn == null && t.CancelledOn == null);
        var mine = open.Where(t => t.OwnerId == me);
        var dueSoon = await TasksAsync(mine.Where(t => t.DueDate >= today && t.DueDate <= until), root, ct);
        var overdue = await TasksAsync(mine.Where(t => t.DueDate < today), root, ct);
        var toVerify = await TasksAsync(await WaitingForMyVerificationAsync(open, me, ct), root, ct);

        var escalations = db.Set<Escalation>().AsNoTracking().Where(e => e.ToUserId == me && e.Status == EscalationState.Open);
        var escalationItems = (await escalations.OrderBy(e => e.RespondBy).ThenBy(e => e.Id).Take(ItemsPerGroup)
                .Select(e => new
                {
                    e.Id, e.TaskId, e.Task!.Title, e.Task.CreatedOn, Owner = e.Task.Owner!.UserName, e.Reason, e.Question,
                    RaisedBy = e.RaisedBy!.UserName, e.RaisedOn, e.Level, e.RespondBy,
                }).ToListAsync(ct))
            .Select(e => new InboxEscalation(e.Id, e.TaskId, TaskAccess.Code(root, e.CreatedOn, e.TaskId), e.Title, e.Owner!, e.Reason.ToApi(),
                e.Question, e.RaisedBy, e.RaisedOn, e.Level, e.RespondBy, e.RespondBy < today))
            .ToList();

        return new InboxDto(today, until, dueSoon, overdue, toVerify,
            new InboxGroup<InboxEscalation>(escalationItems.Count < ItemsPerGroup ? escalationItems.Count : await escalations.CountAsync(ct), escalationItems),
            await ConsultationsAsync(me, today, root, ct));
    }

    /// <summary>
    /// Open tasks that delivered their target, owned by someone else, that I may verify (I assigned them, or my
    /// <see cref="Permission.VerifyTasks"/> covers the owner's unit), with no rejection since the latest report.
    /// </summary>
    private async Task<IQueryable<TaskItem>> WaitingForMyVerificationAsync(IQueryable<TaskItem> open, int me, CancellationToken ct)
    {
        var q = open.Where(t => t.OwnerId != me && t.DeliveredQuantity >= t.TargetQuantity
            && !db.Set<TaskVerification>().Any(v => v.TaskId == t.Id && !v.Approved
                && v.At >= db.Set<TaskProgressReport>().Where(r => r.TaskId == t.Id).Max(r => r.ReportedAt)));
        var verify = await caller.UnitsWithAsync(Permission.VerifyTasks, ct);
        if (verify.All) return q;
        var units = verify.Ids;
        return q.Where(t => t.AssignedById == me || units.Contains(t.OwnerOrgUnitId));
    }

    private static async Task<InboxGroup<InboxTask>> TasksAsync(IQueryable<TaskItem> q, string root, CancellationToken ct)
    {
        var rows = await q.OrderBy(t => t.DueDate).ThenBy(t => t.Id).Take(ItemsPerGroup)
            .Select(t => new
            {
                t.Id, t.CreatedOn, t.Title, Owner = t.Owner!.UserName, Unit = t.OwnerOrgUnit!.Code, t.DueDate,
                t.DeliveredQuantity, t.TargetQuantity, t.ProductUnit,
            }).ToListAsync(ct);
        var items = rows.Select(t => new InboxTask(t.Id, TaskAccess.Code(root, t.CreatedOn, t.Id), t.Title, t.Owner!, t.Unit,
            t.DueDate, t.DeliveredQuantity, t.TargetQuantity, t.ProductUnit)).ToList();
        // A short page needs no count query.
        var count = items.Count < ItemsPerGroup ? items.Count : await q.CountAsync(ct);
        return new InboxGroup<InboxTask>(count, items);
    }

    /// <summary>
    /// Pending consultations addressed to my own unit, when I may answer for it; once the deadline has
    /// passed they are deemed agreed and wait for nobody.
    /// </summary>
    private async Task<InboxGroup<InboxConsultation>> ConsultationsAsync(int me, DateOnly today, string root, CancellationToken ct)
    {
        var unit = await db.Users.Where(u => u.Id == me).Select(u => u.OrgUnitId).FirstAsync(ct);
        if (!await caller.CanAsync(Permission.AnswerForUnit, unit, ct)) return new InboxGroup<InboxConsultation>(0, []);
        var q = db.Set<Consultation>().AsNoTracking()
            .Where(c => c.ToOrgUnitId == unit && c.Status == Domain.Tasks.ConsultationStatus.Pending && c.Deadline >= today);
        var rows = await q.OrderBy(c => c.Deadline).ThenBy(c => c.Id).Take(ItemsPerGroup)
            .Select(c => new
            {
                c.Id, c.TaskId, c.Task!.Title, c.Task.CreatedOn, AskedBy = c.AskedBy!.UserName, To = c.ToOrgUnit!.Code, c.Question,
                c.LegalBasis, c.AskedOn, c.Deadline,
            }).ToListAsync(ct);
        var items = rows.Select(c => new InboxConsultation(c.Id, c.TaskId, TaskAccess.Code(root, c.CreatedOn, c.TaskId), c.Title, c.AskedBy!,
            c.To, c.Question, c.LegalBasis, c.AskedOn, c.Deadline)).ToList();
        var count = items.Count < ItemsPerGroup ? items.Count : await q.CountAsync(ct);
        return new InboxGroup<InboxConsultation>(count, items);
    }
}
