using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using ThreeClears.Domain;
using ThreeClears.Domain.Access;
using ThreeClears.Domain.Calendar;
using ThreeClears.Domain.Tasks;
using ThreeClears.Web.Data;
using ThreeClears.Web.Features.Audit;
using ThreeClears.Web.Features.Calendar;
using ThreeClears.Web.Features.Organisation;
using ThreeClears.Web.Infrastructure;
using ThreeClears.Web.Infrastructure.Auth;

namespace ThreeClears.Web.Features.Tasks;

/// <summary>
/// A consultation as the API shows it. <c>status</c> is as of today: a pending consultation past its
/// deadline reads <c>deemedAgreed</c> even before the sweep records it; <c>deemedOn</c> is the sweep's
/// date once it has. <c>answerWorkingDays</c> counts the working days in (askedOn, answeredOn].
/// </summary>
public sealed record ConsultationDto(
    int Id, int TaskId, string TaskCode, string TaskTitle, string ToOrgUnitCode, string ToOrgUnitName,
    string Question, string? LegalBasis, string? AskedByUserName, DateOnly AskedOn, DateOnly Deadline,
    string Status, string? Reasons, string? Alternative, string? AnsweredByUserName, DateOnly? AnsweredOn,
    bool AnsweredOnTime, int? AnswerWorkingDays, DateOnly? DeemedOn, int Version);

/// <summary>
/// Consultation of another unit by a task's owner (PRODUCT.md §3 "Consultation"): ask with a deadline
/// in working days, answer by the consulted unit's leader or manager, silence past the deadline counts
/// as consent. The rules themselves are in <see cref="ConsultationRule"/>.
/// </summary>
/// <remarks>
/// Readings of the brief taken here:
/// <list type="bullet">
/// <item>A consultation goes to another unit: the owner's own unit (the task's unit or the owner's
///   current one) is refused (400 on <c>toOrgUnitCode</c>): asking one's own unit is not inter-agency
///   consultation, and answering oneself would dress a decision up as a second opinion. A dissolved
///   unit cannot answer either, so it is refused too.</item>
/// <item>The asker never answers their own consultation (403), even where their role would cover the
///   addressed unit (a province leader who owns a task).</item>
/// <item>Answers are accepted up to and including the deadline; after it the consultation is deemed
///   agreed for good (409), whether or not the sweep has recorded it yet.</item>
/// <item>Audit: creation is recorded against the task owner's unit; the answer and the deemed agreement
///   against the consulted unit, as the brief records them.</item>
/// </list>
/// </remarks>
public sealed class ConsultationsService(
    ThreeClearsDb db, Caller caller, TaskAccess tasks, AuditLog audit, AppClock clock, CalendarService calendars, Installation installation)
{
    public const string AuditEntity = "consultation";

    public async Task<ConsultationDto> AskAsync(string taskIdOrCode, ConsultationRequestInput body, CancellationToken ct)
    {
        var task = await tasks.OwnedAsync(TaskAccess.ParseId(taskIdOrCode), ct);
        TaskAccess.RequireOpen(task);
        var askedOn = clock.Today;
        var calendar = await calendars.WorkingCalendarAsync(ct);

        var checks = new Checks();
        foreach (var (path, messages) in ConsultationRule.ValidateRequest(body, askedOn, calendar))
            foreach (var m in messages) checks.Add(path, m);
        OrgUnit? to = null;
        if (!checks.Has("toOrgUnitCode"))
        {
            var code = body.ToOrgUnitCode!.Trim();
            to = await db.Set<OrgUnit>().FirstOrDefaultAsync(u => u.Code == code, ct);
            var ownerUnitId = await db.Users.Where(u => u.Id == task.OwnerId).Select(u => u.OrgUnitId).FirstAsync(ct);
            if (to is null) checks.Add("toOrgUnitCode", $"no org unit has code '{Clip(code)}'.");
            else if (to.Id == task.OwnerOrgUnitId || to.Id == ownerUnitId)
                checks.Add("toOrgUnitCode", "consult another unit: this is the task owner's own unit.");
            else if (to.DissolvedOn is { } gone && gone <= askedOn)
                checks.Add("toOrgUnitCode", $"'{to.Code}' was dissolved on {Iso(gone)}; consult its successor.");
        }
        checks.ThrowIfAny();

        var consultation = new Consultation
        {
            TaskId = task.Id,
            AskedById = caller.UserId,
            ToOrgUnitId = to!.Id,
            Question = body.Question!.Trim(),
            LegalBasis = string.IsNullOrWhiteSpace(body.LegalBasis) ? null : body.LegalBasis.Trim(),
            AskedOn = askedOn,
            AskedAt = clock.UtcNow,
            Deadline = ConsultationRule.ResolveDeadline(askedOn, body.Deadline, calendar),
            Status = ConsultationStatus.Pending,
        };
        db.Add(consultation);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct); // the id names the audit entry
        audit.Record(AuditEntity, consultation.Id, "create", null, new
        {
            consultation.TaskId, toOrgUnitCode = to.Code, consultation.Question, consultation.LegalBasis,
            consultation.AskedOn, consultation.Deadline, status = consultation.Status.ToApi(),
        }, task.OwnerOrgUnitId);
        await audit.CommitAsync(tx, ct);
        return await DtoAsync(consultation.Id, calendar, ct);
    }

    public async Task<ConsultationDto> RespondAsync(int id, ConsultationResponseInput body, HttpContext http, CancellationToken ct)
    {
        var c = await db.Set<Consultation>().Include(x => x.ToOrgUnit).FirstOrDefaultAsync(x => x.Id == id, ct)
                ?? throw new NotFoundException($"No consultation has id {id}.");
        if (!await caller.CanAsync(Permission.AnswerForUnit, c.ToOrgUnitId, ct))
            throw new ForbiddenException($"Only a leader or manager of {c.ToOrgUnit!.Code} answers this consultation.");
        if (c.AskedById == caller.UserId)
            throw new ForbiddenException("You asked this consultation; the consulted unit answers it.");
        Versions.Check(http, c.Version);

        var today = clock.Today;
        if (c.Status is ConsultationStatus.Agreed or ConsultationStatus.Objected)
            throw new ConflictException($"This consultation was already answered ({c.Status.ToApi()}) on {Iso(c.AnsweredOn!.Value)}; an answer is given once.");
        if (c.Status == ConsultationStatus.DeemedAgreed || !ConsultationRule.CanRespond(c.Deadline, today))
            throw new ConflictException(
                $"The deadline {Iso(c.Deadline)} passed without an answer, so silence already counted as consent: the consultation " +
                $"is deemed agreed from {Iso(c.Deadline.AddDays(1))} and an answer can no longer be recorded.");

        var errors = ConsultationRule.ValidateResponse(body);
        if (errors.Count > 0) throw new ValidationException(errors.ToDictionary(kv => kv.Key, kv => kv.Value));
        ApiSpelling.TryParse<ConsultationOutcome>(body.Outcome, out var outcome);
        var objected = outcome == ConsultationOutcome.Objected;

        var before = new { status = c.Status.ToApi(), c.Version };
        c.Status = objected ? ConsultationStatus.Objected : ConsultationStatus.Agreed;
        // An agreement may still carry reasons; an alternative belongs to an objection only.
        c.Reasons = string.IsNullOrWhiteSpace(body.Reasons) ? null : body.Reasons.Trim();
        c.Alternative = objected ? body.Alternative!.Trim() : null;
        c.AnsweredById = caller.UserId;
        c.AnsweredOn = today;
        c.AnsweredAt = clock.UtcNow;
        c.Version++;
        audit.Record(AuditEntity, c.Id, "respond", before, new
        {
            status = c.Status.ToApi(), c.Reasons, c.Alternative, answeredBy = caller.UserName, c.AnsweredOn, c.Version,
        }, c.ToOrgUnitId);
        await audit.SaveAsync(ct);
        return await DtoAsync(c.Id, await calendars.WorkingCalendarAsync(ct), ct);
    }

    /// <summary>One consultation: for the asker, readers of its task, and those who answer for the addressed unit.</summary>
    public async Task<ConsultationDto> GetAsync(int id, CancellationToken ct)
    {
        var c = await db.Set<Consultation>().AsNoTracking().Include(x => x.Task).FirstOrDefaultAsync(x => x.Id == id, ct)
                ?? throw new NotFoundException($"No consultation has id {id}.");
        var me = caller.UserId;
        if (c.AskedById != me
            && !await tasks.CanReadAsync(c.Task!, ct)
            && !await caller.CanAsync(Permission.AnswerForUnit, c.ToOrgUnitId, ct))
            throw new ForbiddenException("This consultation is outside your units.");
        return await DtoAsync(id, await calendars.WorkingCalendarAsync(ct), ct);
    }

    /// <summary>
    /// The consultations the caller may read (the same rule as <see cref="GetAsync"/>, as one query),
    /// optionally those addressed to <paramref name="toOrgUnit"/>'s subtree, with a status as of today.
    /// </summary>
    public async Task<PageOf<ConsultationDto>> ListAsync(string? toOrgUnit, string? status, Paging paging, CancellationToken ct)
    {
        var checks = new Checks();
        var wanted = checks.Enum<ConsultationStatus>("status", status, required: false);
        checks.ThrowIfAny();
        var me = caller.UserId;
        var q = db.Set<Consultation>().AsNoTracking();

        var read = await caller.UnitsWithAsync(Permission.ReadTasks, ct);
        var answer = await caller.UnitsWithAsync(Permission.AnswerForUnit, ct);
        if (!read.All && !answer.All)
        {
            var readIds = read.Ids;
            var answerIds = answer.Ids;
            q = q.Where(c => c.AskedById == me || c.Task!.OwnerId == me || c.Task.AssignedById == me
                             || readIds.Contains(c.Task.OwnerOrgUnitId) || answerIds.Contains(c.ToOrgUnitId)
                             || db.Set<TaskContributor>().Any(t => t.TaskId == c.TaskId && t.UserId == me));
        }
        if (!string.IsNullOrWhiteSpace(toOrgUnit))
        {
            var code = toOrgUnit.Trim();
            var unit = await db.Set<OrgUnit>().AsNoTracking().FirstOrDefaultAsync(u => u.Code == code, ct)
                       ?? throw new NotFoundException($"No org unit has code '{Clip(code)}'.");
            var path = unit.Path;
            q = q.Where(c => c.ToOrgUnit!.Path.StartsWith(path));
        }
        var today = clock.Today;
        // The same reading as the status of one consultation: stored answers and recorded deemed
        // agreements stand; a pending one past its deadline is already deemed agreed.
        q = wanted switch
        {
            ConsultationStatus.Pending => q.Where(c => c.Status == ConsultationStatus.Pending && c.Deadline >= today),
            ConsultationStatus.DeemedAgreed => q.Where(c => c.Status == ConsultationStatus.DeemedAgreed
                                                            || (c.Status == ConsultationStatus.Pending && c.Deadline < today)),
            { } s => q.Where(c => c.Status == s),
            null => q,
        };

        var total = await q.CountAsync(ct);
        var rows = await q.OrderBy(c => c.Deadline).ThenBy(c => c.Id).Skip(paging.Skip).Take(paging.PageSize)
            .Select(Projection).ToListAsync(ct);
        var calendar = await calendars.WorkingCalendarAsync(ct);
        var root = installation.RootCode;
        return new PageOf<ConsultationDto>([.. rows.Select(r => ToDto(r, root, today, calendar))], total);
    }

    /// <summary>
    /// The status as of <paramref name="today"/>. A recorded answer or deemed agreement stands; an answer
    /// is never read as "not yet given" when the clock reads a date before it.
    /// </summary>
    public static ConsultationStatus StatusOf(ConsultationStatus stored, DateOnly deadline, DateOnly? answeredOn, DateOnly today)
    {
        if (stored == ConsultationStatus.DeemedAgreed) return ConsultationStatus.DeemedAgreed;
        if (stored is ConsultationStatus.Agreed or ConsultationStatus.Objected && answeredOn is { } on)
        {
            var outcome = stored == ConsultationStatus.Agreed ? ConsultationOutcome.Agreed : ConsultationOutcome.Objected;
            return ConsultationRule.StatusAsOf(deadline, new ConsultationAnswer(outcome, on), on > today ? on : today);
        }
        return ConsultationRule.StatusAsOf(deadline, null, today);
    }

    internal sealed record Row(
        int Id, int TaskId, DateOnly TaskCreatedOn, string TaskTitle, string ToOrgUnitCode, string ToOrgUnitName,
        string Question, string? LegalBasis, string? AskedBy, DateOnly AskedOn, DateOnly Deadline, ConsultationStatus Status,
        string? Reasons, string? Alternative, string? AnsweredBy, DateOnly? AnsweredOn, DateOnly? DeemedOn, int Version);

    internal static readonly Expression<Func<Consultation, Row>> Projection = c => new Row(
        c.Id, c.TaskId, c.Task!.CreatedOn, c.Task.Title, c.ToOrgUnit!.Code, c.ToOrgUnit.Name,
        c.Question, c.LegalBasis, c.AskedBy!.UserName, c.AskedOn, c.Deadline, c.Status,
        c.Reasons, c.Alternative, c.AnsweredBy!.UserName, c.AnsweredOn, c.DeemedOn, c.Version);

    private async Task<ConsultationDto> DtoAsync(int id, IWorkingCalendar calendar, CancellationToken ct)
    {
        var row = await db.Set<Consultation>().AsNoTracking().Where(c => c.Id == id).Select(Projection).FirstAsync(ct);
        return ToDto(row, installation.RootCode, clock.Today, calendar);
    }

    private static ConsultationDto ToDto(Row r, string rootCode, DateOnly today, IWorkingCalendar calendar)
    {
        var status = StatusOf(r.Status, r.Deadline, r.AnsweredOn, today);
        var answered = r.AnsweredOn is { } on && r.Status is ConsultationStatus.Agreed or ConsultationStatus.Objected ? on : (DateOnly?)null;
        return new ConsultationDto(
            r.Id, r.TaskId, TaskAccess.Code(rootCode, r.TaskCreatedOn, r.TaskId), r.TaskTitle, r.ToOrgUnitCode, r.ToOrgUnitName,
            r.Question, r.LegalBasis, r.AskedBy, r.AskedOn, r.Deadline, status.ToApi(), r.Reasons, r.Alternative,
            r.AnsweredBy, r.AnsweredOn,
            answered is { } a && a <= r.Deadline,
            answered is { } d ? ConsultationRule.AnswerWorkingDays(r.AskedOn, d, calendar) : null,
            r.DeemedOn, r.Version);
    }


    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Clip(string s) => s.Length <= 64 ? s : s[..64] + "…";
}
