using Microsoft.EntityFrameworkCore;
using ThreeClears.Domain;
using ThreeClears.Domain.Access;
using ThreeClears.Domain.Drafts;
using ThreeClears.Web.Data;
using ThreeClears.Web.Features.Audit;
using ThreeClears.Web.Infrastructure;
using ThreeClears.Web.Infrastructure.Auth;

namespace ThreeClears.Web.Features.Drafts;

/// <summary>
/// Every opinion gets one response (PRODUCT.md "Consultation on drafts"): a decision and an
/// explanation, from a leader or manager of the draft's unit (<see cref="Permission.AnswerForUnit"/>).
/// Similar opinions may be answered at once, each keeping its own response; responses are kept as
/// drafts and published together. Publishing writes, in the same transaction, a notice for each
/// submitter who left a contact; the mailer sends the e-mail ones where SMTP is configured.
/// </summary>
public sealed class ResponsesService(ThreeClearsDb db, Caller caller, DraftsService drafts, OpinionsService opinions, AuditLog audit,
    AppClock clock, OpinionNoticeMailer mailer)
{
    public const int MaxBatch = 500;

    public async Task<OpinionDto> AnswerAsync(int opinionId, ResponseRequest body, HttpContext http, CancellationToken ct)
    {
        var opinion = await db.Set<Opinion>().Include(o => o.Response).FirstOrDefaultAsync(o => o.Id == opinionId, ct)
                      ?? throw new NotFoundException($"No opinion has id {opinionId}.");
        var draft = await drafts.VisibleAsync(opinion.DraftId, ct);
        await RequireAnswerAsync(draft, ct);
        var (decision, explanation) = Check(body.Decision, body.Explanation);
        if (opinion.Response is { } existing)
        {
            Versions.Check(http, existing.Version);
            if (existing.State == ResponseState.Published)
                throw new ConflictException($"Opinion {opinionId} is answered: its published response cannot be changed.");
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        Upsert(opinion, decision, explanation, draft);
        await db.SaveChangesAsync(ct);
        if (body.Publish == true) Publish([opinion], draft);
        await audit.CommitAsync(tx, ct);
        if (body.Publish == true) mailer.Nudge();
        return await OneAsync(opinionId, ct);
    }

    /// <summary>
    /// One decision and explanation for several opinions of the draft; each gets its own response.
    /// An id that is unknown, of another draft, repeated or already answered is reported by its
    /// index and the others go on.
    /// </summary>
    public async Task<BatchResponseResult> AnswerManyAsync(int draftId, BatchResponseRequest body, CancellationToken ct)
    {
        var draft = await drafts.VisibleAsync(draftId, ct);
        await RequireAnswerAsync(draft, ct);
        var checks = new Checks();
        var ids = body.OpinionIds;
        if (ids is null || ids.Count == 0) checks.Add("opinionIds", "is required: name at least one opinion.");
        else if (ids.Count > MaxBatch) checks.Add("opinionIds", $"must name at most {MaxBatch} opinions at once.");
        var (decision, explanation) = Check(body.Decision, body.Explanation, checks);

        var wanted = ids?.Where(i => i is not null).Select(i => i!.Value).Distinct().ToList() ?? [];
        var found = await db.Set<Opinion>().Include(o => o.Response).Where(o => wanted.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        var rejected = new List<RejectedOpinion>();
        var accepted = new List<Opinion>();
        var seen = new HashSet<int>();
        for (var i = 0; ids is not null && i < ids.Count; i++)
        {
            string? why = null;
            if (ids[i] is not { } id) why = "is required.";
            else if (!seen.Add(id)) why = $"opinion {id} is named twice.";
            else if (!found.TryGetValue(id, out var o) || o.DraftId != draftId) why = $"no opinion {id} belongs to this draft.";
            else if (o.Response?.State == ResponseState.Published) why = $"opinion {id} is already answered.";
            else accepted.Add(o);
            if (why is not null)
                rejected.Add(new RejectedOpinion(i, ids[i], new Dictionary<string, string[]> { [$"opinionIds[{i}]"] = [why] }));
        }
        checks.ThrowIfAny();

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var o in accepted) Upsert(o, decision, explanation, draft);
        await db.SaveChangesAsync(ct);
        if (body.Publish == true) Publish(accepted, draft);
        await audit.CommitAsync(tx, ct);
        if (body.Publish == true && accepted.Count > 0) mailer.Nudge();

        var done = accepted.Select(o => o.Id).ToList();
        var rows = await opinions.Rows(db.Set<Opinion>().AsNoTracking().Where(o => done.Contains(o.Id)).OrderBy(o => o.Id)).ToListAsync(ct);
        return new BatchResponseResult(accepted.Count, body.Publish == true ? accepted.Count : 0,
            [.. rows.Select(r => OpinionsService.ToDto(r, official: true))], rejected);
    }

    /// <summary>Publishes the draft's responses kept as drafts (all, or those of the opinions named), with their notices.</summary>
    public async Task<PublishResult> PublishAsync(int draftId, PublishRequest? body, CancellationToken ct)
    {
        var draft = await drafts.VisibleAsync(draftId, ct);
        await RequireAnswerAsync(draft, ct);
        var only = body?.OpinionIds;
        if (only is { Count: > MaxBatch })
            throw new ValidationException(new Dictionary<string, string[]> { ["opinionIds"] = [$"must name at most {MaxBatch} opinions at once."] });
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var q = db.Set<Opinion>().Include(o => o.Response).Where(o => o.DraftId == draftId && o.Response != null && o.Response.State == ResponseState.Draft);
        if (only is not null) q = q.Where(o => only.Contains(o.Id));
        var list = await q.OrderBy(o => o.Id).ToListAsync(ct);
        var notices = Publish(list, draft);
        await audit.CommitAsync(tx, ct);
        if (notices > 0) mailer.Nudge();
        return new PublishResult(list.Count, notices);
    }

    /// <summary>The outbox of a draft for its officials: who is to be told, by which channel, and whether it went. Never the contact.</summary>
    public async Task<PageOf<NoticeDto>> NoticesAsync(int draftId, Paging paging, CancellationToken ct)
    {
        var draft = await drafts.VisibleAsync(draftId, ct);
        if (!await drafts.RunsAsync(draft, ct))
        {
            _ = caller.UserId;
            throw new ForbiddenException("Only the officials who run this draft see its notices.");
        }
        var q = db.Set<OpinionNotice>().AsNoTracking().Where(n => n.DraftId == draftId);
        var total = await q.CountAsync(ct);
        var items = await q.OrderByDescending(n => n.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return new PageOf<NoticeDto>([.. items.Select(n => new NoticeDto(n.Id, n.OpinionId, n.Channel.ToApi(), n.State.ToApi(), n.CreatedAt, n.SentAt,
            n.Attempts, n.LastError))], total);
    }

    private async Task RequireAnswerAsync(Draft draft, CancellationToken ct)
    {
        _ = caller.UserId;
        if (!await drafts.CanAnswerAsync(draft, ct))
            throw new ForbiddenException("Answering opinions needs a leader or manager of the draft's unit.");
    }

    private static (ResponseDecision Decision, string Explanation) Check(string? decision, string? explanation, Checks? into = null)
    {
        var checks = into ?? new Checks();
        var d = checks.Enum<ResponseDecision>("decision", decision);
        if (OpinionText.Problem(explanation) is { } p) checks.Add("explanation", p);
        if (into is null) checks.ThrowIfAny();
        return (d ?? default, explanation ?? "");
    }

    private void Upsert(Opinion opinion, ResponseDecision decision, string explanation, Draft draft)
    {
        var now = clock.UtcNow;
        var before = opinion.Response is { } r ? new { decision = r.Decision.ToApi(), r.Explanation } : null;
        if (opinion.Response is null)
            opinion.Response = new OpinionResponse
            {
                OpinionId = opinion.Id, Decision = decision, Explanation = explanation, State = ResponseState.Draft,
                AnsweredById = caller.UserId, AnsweredAt = now,
            };
        else
        {
            opinion.Response.Decision = decision;
            opinion.Response.Explanation = explanation;
            opinion.Response.AnsweredById = caller.UserId;
            opinion.Response.AnsweredAt = now;
            opinion.Response.Version++;
        }
        audit.Record("opinion", opinion.Id, "respond", before, new { decision = decision.ToApi(), explanation, state = "draft" }, draft.OrgUnitId);
    }

    /// <summary>Marks the responses published and writes a notice for each opinion with a contact; returns the notices written.</summary>
    private int Publish(IReadOnlyList<Opinion> list, Draft draft)
    {
        var now = clock.UtcNow;
        var today = clock.Today;
        var notices = 0;
        foreach (var o in list)
        {
            var r = o.Response!;
            r.State = ResponseState.Published;
            r.PublishedById = caller.UserId;
            r.PublishedAt = now;
            r.PublishedOn = today;
            r.Version++;
            if (o.ContactKind is { } channel)
            {
                db.Add(new OpinionNotice { OpinionId = o.Id, DraftId = o.DraftId, Channel = channel, State = NoticeState.Pending, CreatedAt = now });
                notices++;
            }
            audit.Record("opinion", o.Id, "publish", new { state = "draft" },
                new { state = "published", decision = r.Decision.ToApi(), publishedOn = today, notice = o.ContactKind?.ToApi() }, draft.OrgUnitId);
        }
        return notices;
    }

    private async Task<OpinionDto> OneAsync(int id, CancellationToken ct) =>
        OpinionsService.ToDto(await opinions.Rows(db.Set<Opinion>().AsNoTracking().Where(o => o.Id == id)).FirstAsync(ct), official: true);
}
