using ThreeClears.Domain;
using Microsoft.EntityFrameworkCore;
using ThreeClears.Domain.Access;
using ThreeClears.Domain.Tasks;
using ThreeClears.Web.Data;
using ThreeClears.Web.Features.Audit;
using ThreeClears.Web.Features.Calendar;
using ThreeClears.Web.Features.Organisation;
using ThreeClears.Web.Infrastructure;
using ThreeClears.Web.Infrastructure.Auth;

namespace ThreeClears.Web.Features.Tasks;

public sealed record RaiseEscalationRequest(string? Reason, string? Question);

public sealed record ResolveEscalationRequest(string? Decision, string? Note);

/// <summary>One place the escalation stood: level 1 when raised, one more per missed deadline.</summary>
public sealed record EscalationStepDto(int Level, string ToUserName, string ToOrgUnitCode, DateOnly RespondBy, DateTime At);

public sealed record EscalationDto(
    int Id, int TaskId, string TaskCode, string TaskTitle, string OwnerUserName,
    string Reason, string Question, string? RaisedByUserName, DateOnly RaisedOn,
    string ToUserName, string ToOrgUnitCode, int Level, DateOnly RespondBy, string Status,
    string? Decision, string? Note, string? ResolvedByUserName, DateOnly? ResolvedOn,
    IReadOnlyList<EscalationStepDto> Steps, int Version);

/// <summary>
/// Escalations ("no passing the buck"): the owner raises one, it goes to the head above (or the
/// assigner, if higher), and the recipient or anyone whose <see cref="Permission.ResolveEscalations"/>
/// covers the recipient's unit resolves it. Climbing is the deadline sweep's work.
/// </summary>
public sealed class EscalationsService(
    ThreeClearsDb db, Caller caller, TaskAccess access, CalendarService calendars, AuditLog audit, AppClock clock, Installation installation)
{
    public const string AuditEntity = "escalation";

    public async Task<EscalationDto> RaiseAsync(string taskId, RaiseEscalationRequest req, CancellationToken ct)
    {
        // 404 and 403 come before the body: an unknown task is unknown whatever was sent.
        var task = await access.OwnedAsync(TaskAccess.ParseId(taskId), ct);
        var checks = new Checks();
        var reason = ParseRaisable(checks, req.Reason);
        var question = checks.Text("question", req.Question);
        checks.ThrowIfAny();
        TaskAccess.RequireOpen(task);

        var today = clock.Today;
        var calendar = await calendars.WorkingCalendarAsync(ct);
        var chain = await OrgChain.LoadAsync(db, task.OwnerOrgUnitId, ct);
        var assignerUnit = await db.Users.Where(u => u.Id == task.AssignedById).Select(u => (int?)u.OrgUnitId).FirstOrDefaultAsync(ct);
        var step = EscalationRouting.Raise(chain.Units, OrgChain.Key(task.OwnerId), OrgChain.Key(task.AssignedById),
                       assignerUnit is { } au ? chain.IndexOf(au) : null, today, calendar)
                   ?? throw new UnprocessableException(
                       "Nobody above you can take this escalation: no unit above yours has a head, and the task's assigner is not above you.");

        var now = clock.UtcNow;
        var escalation = new Escalation
        {
            TaskId = task.Id, Reason = reason!.Value, Question = question, RaisedById = task.OwnerId, RaisedOn = today, RaisedAt = now,
            Level = step.Level, ToUserId = OrgChain.Id(step.RecipientUserId), ToOrgUnitId = OrgChain.Id(step.UnitId),
            RespondBy = step.RespondBy, Status = EscalationState.Open,
        };
        escalation.Steps.Add(new EscalationStepRow
        {
            Level = step.Level, ToUserId = escalation.ToUserId, ToOrgUnitId = escalation.ToOrgUnitId, RespondBy = step.RespondBy, At = now,
        });
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Add(escalation);
        await db.SaveChangesAsync(ct); // the id names the audit entry
        var dto = await GetDtoAsync(escalation.Id, ct);
        audit.Record(AuditEntity, escalation.Id, "raise", null, Snapshot(dto), task.OwnerOrgUnitId);
        await audit.CommitAsync(tx, ct);
        return dto;
    }

    public async Task<EscalationDto> ResolveAsync(int id, ResolveEscalationRequest req, HttpContext http, CancellationToken ct)
    {
        var e = await db.Set<Escalation>().Include(x => x.Task).FirstOrDefaultAsync(x => x.Id == id, ct)
                ?? throw new NotFoundException($"No escalation has id {id}.");
        if (!await MayResolveAsync(e, ct))
            throw new ForbiddenException("Only the escalation's current recipient, or someone whose role resolves escalations for the recipient's unit, may resolve it.");
        var checks = new Checks();
        var decision = checks.Text("decision", req.Decision);
        var note = checks.Text("note", req.Note, required: false);
        checks.ThrowIfAny();
        if (e.Status == EscalationState.Resolved)
            throw new ConflictException($"The escalation was already resolved on {e.ResolvedOn:yyyy-MM-dd}.");
        Versions.Check(http, e.Version);

        var before = Snapshot(await GetDtoAsync(e.Id, ct));
        e.Status = EscalationState.Resolved;
        e.Decision = decision;
        e.Note = note.Length == 0 ? null : note;
        e.ResolvedById = caller.UserId;
        e.ResolvedOn = clock.Today;
        e.ResolvedAt = clock.UtcNow;
        e.Version++;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        var dto = await GetDtoAsync(e.Id, ct);
        audit.Record(AuditEntity, e.Id, "resolve", before, Snapshot(dto), e.Task!.OwnerOrgUnitId);
        await audit.CommitAsync(tx, ct);
        return dto;
    }

    public async Task<EscalationDto> GetAsync(int id, CancellationToken ct)
    {
        var e = await db.Set<Escalation>().AsNoTracking().Include(x => x.Task).FirstOrDefaultAsync(x => x.Id == id, ct)
                ?? throw new NotFoundException($"No escalation has id {id}.");
        if (!await MaySeeAsync(e, ct)) throw new ForbiddenException("This escalation is outside your units.");
        return await GetDtoAsync(id, ct);
    }

    /// <summary>
    /// <paramref name="mine"/>: addressed to me now. Otherwise every escalation I may see: raised by me,
    /// addressed to me, about a task I own or assigned, or about a task whose owner's unit my roles read or
    /// resolve for.
    /// </summary>
    public async Task<PageOf<EscalationDto>> ListAsync(bool mine, string? status, Paging paging, CancellationToken ct)
    {
        var me = caller.UserId;
        var checks = new Checks();
        var state = checks.Enum<EscalationState>("status", status, required: false);
        checks.ThrowIfAny();

        var q = db.Set<Escalation>().AsNoTracking();
        if (mine) q = q.Where(e => e.ToUserId == me);
        else
        {
            var read = await caller.UnitsWithAsync(Permission.ReadTasks, ct);
            var resolve = await caller.UnitsWithAsync(Permission.ResolveEscalations, ct);
            if (!read.All && !resolve.All)
            {
                var units = read.Ids.Union(resolve.Ids).ToArray();
                q = q.Where(e => e.ToUserId == me || e.RaisedById == me || e.Task!.OwnerId == me || e.Task.AssignedById == me
                                 || units.Contains(e.Task.OwnerOrgUnitId));
            }
        }
        if (state is { } s) q = q.Where(e => e.Status == s);

        var total = await q.CountAsync(ct);
        var items = await ProjectAsync(db, installation.RootCode, q.OrderBy(e => e.RespondBy).ThenBy(e => e.Id).Skip(paging.Skip).Take(paging.PageSize), ct);
        return new PageOf<EscalationDto>(items, total);
    }

    /// <summary>The recipient always; otherwise a role that resolves escalations for the recipient's unit.</summary>
    private async Task<bool> MayResolveAsync(Escalation e, CancellationToken ct) =>
        e.ToUserId == caller.UserId || await caller.CanAsync(Permission.ResolveEscalations, e.ToOrgUnitId, ct);

    private async Task<bool> MaySeeAsync(Escalation e, CancellationToken ct)
    {
        var me = caller.UserId;
        if (e.ToUserId == me || e.RaisedById == me || e.Task!.OwnerId == me || e.Task.AssignedById == me) return true;
        return await caller.CanAsync(Permission.ReadTasks, e.Task.OwnerOrgUnitId, ct)
               || await caller.CanAsync(Permission.ResolveEscalations, e.Task.OwnerOrgUnitId, ct)
               || await caller.CanAsync(Permission.ResolveEscalations, e.ToOrgUnitId, ct);
    }

    /// <summary>An owner raises "exceedsAuthority" or "blocked"; "overdue" is the sweep's alone.</summary>
    private static EscalationReason? ParseRaisable(Checks checks, string? text)
    {
        const string Allowed = "must be one of exceedsAuthority, blocked (overdue escalations are raised by the deadline sweep).";
        if (string.IsNullOrWhiteSpace(text))
        {
            checks.Add("reason", "is required.");
            return null;
        }
        if (ApiSpelling.TryParse<EscalationReason>(text.Trim(), out var r) && r != EscalationReason.Overdue) return r;
        checks.Add("reason", Allowed);
        return null;
    }

    private async Task<EscalationDto> GetDtoAsync(int id, CancellationToken ct) =>
        (await ProjectAsync(db, installation.RootCode, db.Set<Escalation>().AsNoTracking().Where(e => e.Id == id), ct)).Single();

    /// <summary>Escalations with their steps, in three queries whatever the page size.</summary>
    internal static async Task<IReadOnlyList<EscalationDto>> ProjectAsync(ThreeClearsDb db, string root, IQueryable<Escalation> q, CancellationToken ct)
    {
        var rows = await q.Select(e => new
        {
            e.Id, e.TaskId, e.Task!.Title, e.Task.CreatedOn, Owner = e.Task.Owner!.UserName, e.Reason, e.Question,
            RaisedBy = e.RaisedBy!.UserName, e.RaisedOn, ToUser = e.ToUser!.UserName, ToUnit = e.ToOrgUnit!.Code, e.Level, e.RespondBy,
            e.Status, e.Decision, e.Note, ResolvedBy = e.ResolvedBy!.UserName, e.ResolvedOn, e.Version,
        }).ToListAsync(ct);
        if (rows.Count == 0) return [];
        var ids = rows.Select(r => r.Id).ToArray();
        var steps = (await (
                from s in db.Set<EscalationStepRow>().AsNoTracking()
                where ids.Contains(s.EscalationId)
                join u in db.Users on s.ToUserId equals u.Id
                join o in db.Set<OrgUnit>() on s.ToOrgUnitId equals o.Id
                select new { s.EscalationId, s.Id, s.Level, u.UserName, o.Code, s.RespondBy, s.At }).ToListAsync(ct))
            .OrderBy(s => s.Level).ThenBy(s => s.Id)
            .ToLookup(s => s.EscalationId, s => new EscalationStepDto(s.Level, s.UserName!, s.Code, s.RespondBy, s.At));
        return [.. rows.Select(r => new EscalationDto(
            r.Id, r.TaskId, TaskAccess.Code(root, r.CreatedOn, r.TaskId), r.Title, r.Owner!, r.Reason.ToApi(), r.Question,
            r.RaisedBy, r.RaisedOn, r.ToUser!, r.ToUnit, r.Level, r.RespondBy, r.Status.ToApi(),
            r.Decision, r.Note, r.ResolvedBy, r.ResolvedOn, [.. steps[r.Id]], r.Version))];
    }

    /// <summary>What an audit entry keeps of an escalation.</summary>
    internal static object Snapshot(EscalationDto e) => new
    {
        e.TaskId, e.TaskCode, e.Reason, e.Question, e.RaisedByUserName, e.RaisedOn, e.ToUserName, e.ToOrgUnitCode, e.Level,
        e.RespondBy, e.Status, e.Decision, e.Note, e.ResolvedByUserName, e.ResolvedOn,
    };
}
