using System.Security.Cryptography;
using System.Text;
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
/// Opinions on drafts. A citizen sends one without an account while the draft is open (the route
/// is rate-limited per address); an official records the ones gathered at a conference. The text
/// is kept exactly as given, escaped wherever it is shown. The portal shows only answered opinions
/// (a published response); the officials who run the draft see them all.
/// </summary>
public sealed class OpinionsService(ThreeClearsDb db, Caller caller, DraftsService drafts, AuditLog audit, AppClock clock)
{
    public const int NameMax = 200;
    public const int ClientIdMax = 200;
    public const string ClientHeader = "X-Client-Id";

    /// <summary>An opinion read for showing, the contact reduced to whether there is one.</summary>
    internal sealed record Row(int Id, int DraftId, string Text, OpinionGroup Group, string? Section, OpinionSource Source, int? ConferenceId,
        DateOnly SubmittedOn, string? SubmitterName, bool HasContact, ResponseDecision? Decision, string? Explanation, ResponseState? State,
        DateOnly? PublishedOn, string? AnsweredBy, DateTime? AnsweredAt, string? PublishedBy, int? ResponseVersion, NoticeState? Notice);

    internal IQueryable<Row> Rows(IQueryable<Opinion> q) => q.Select(o => new Row(o.Id, o.DraftId, o.Text, o.Group, o.Section!.Key, o.Source,
        o.ConferenceId, o.SubmittedOn, o.SubmitterName, o.Contact != null,
        o.Response == null ? null : o.Response.Decision, o.Response == null ? null : o.Response.Explanation,
        o.Response == null ? null : o.Response.State, o.Response == null ? null : o.Response.PublishedOn,
        o.Response == null ? null : o.Response.AnsweredBy!.UserName, o.Response == null ? null : o.Response.AnsweredAt,
        o.Response == null ? null : o.Response.PublishedBy!.UserName, o.Response == null ? null : o.Response.Version,
        db.Set<OpinionNotice>().Where(n => n.OpinionId == o.Id).OrderByDescending(n => n.Id).Select(n => (NoticeState?)n.State).FirstOrDefault()));

    /// <summary>
    /// The opinion as shown to <paramref name="official"/>s (who drafted and published the answer,
    /// the submitter's name, whether a contact was left) or on the portal (an answer only once published).
    /// </summary>
    internal static OpinionDto ToDto(Row r, bool official)
    {
        var state = r.State switch { null => "waiting", ResponseState.Draft => "drafted", _ => "answered" };
        ResponseDto? response = null;
        if (r.State is { } s && (official || s == ResponseState.Published))
            response = new ResponseDto(r.Decision!.Value.ToApi(), r.Explanation!, s.ToApi(), r.PublishedOn,
                official ? r.AnsweredBy : null, official ? r.AnsweredAt : null, official ? r.PublishedBy : null, official ? r.ResponseVersion : null);
        return new OpinionDto(r.Id, r.DraftId, r.Text, r.Group.ToApi(), r.Section, r.Source.ToApi(), r.ConferenceId, r.SubmittedOn,
            official ? state : state == "answered" ? state : "waiting", response,
            official ? r.SubmitterName : null, official ? r.HasContact : null, official ? r.Notice?.ToApi() : null);
    }

    // ---------------------------------------------------------------- sending

    /// <summary>
    /// A new opinion. Without <c>conferenceId</c> it is an online opinion, open to anyone while the
    /// draft is open; with one, it was gathered at that conference and is recorded by an official
    /// who manages drafts over the organiser or the draft's unit. A closed draft answers 409.
    /// </summary>
    public async Task<OpinionDto> SubmitAsync(int draftId, OpinionRequest body, string? clientId, CancellationToken ct)
    {
        var draft = await drafts.VisibleAsync(draftId, ct);
        var checks = new Checks();
        if (OpinionText.Problem(body.Text) is { } textProblem) checks.Add("text", textProblem);
        var group = checks.Enum<OpinionGroup>("group", body.Group);
        DraftSection? section = null;
        if (!string.IsNullOrWhiteSpace(body.Section))
        {
            var key = body.Section.Trim();
            section = draft.Sections.FirstOrDefault(s => string.Equals(s.Key, key, StringComparison.OrdinalIgnoreCase));
            if (section is null)
                checks.Add("section", draft.Sections.Count == 0
                    ? "this draft has no sections: leave it out for an opinion on the whole draft."
                    : $"'{key}' is not a section of this draft: use one of {string.Join(", ", draft.Sections.OrderBy(s => s.Position).Select(s => s.Key))}.");
        }
        var name = Optional(checks, "submitterName", body.SubmitterName, NameMax);
        var contact = Optional(checks, "contact", body.Contact, SubmitterContact.MaxLength);
        ContactKind? kind = null;
        if (contact is not null && (kind = SubmitterContact.Classify(contact)) is null)
            checks.Add("contact", "must be an e-mail address or a Vietnamese phone number (it is kept private, only to tell you of the answer).");
        if (clientId is not null && (clientId.Length > ClientIdMax || !OpinionText.IsWellFormed(clientId)))
            checks.Add(ClientHeader, $"must be at most {ClientIdMax} characters.");
        DraftConference? conference = null;
        if (body.ConferenceId is { } cid)
        {
            conference = await db.Set<DraftConference>().Include(c => c.Organizer).FirstOrDefaultAsync(c => c.Id == cid && c.DraftId == draftId, ct);
            if (conference is null) checks.Add("conferenceId", $"no conference {cid} is recorded for this draft.");
        }
        checks.ThrowIfAny();

        if (conference is not null)
        {
            _ = caller.UserId; // 401: only an official records a conference's opinions
            caller.KnowPath(conference.OrganizerOrgUnitId, conference.Organizer!.Path);
            if (!await caller.CanAsync(Permission.ManageDrafts, conference.OrganizerOrgUnitId, ct) && !await drafts.CanManageAsync(draft, ct))
                throw new ForbiddenException("Recording a conference's opinions needs the right to manage drafts over its organiser or the draft's unit.");
        }
        var today = clock.Today;
        DraftsService.RequireOpen(draft, today);

        var opinion = new Opinion
        {
            DraftId = draftId, Text = body.Text!, Group = group!.Value, SectionId = section?.Id, Source = conference is null ? OpinionSource.Online : OpinionSource.Conference,
            ConferenceId = conference?.Id, SubmitterName = name, Contact = kind == ContactKind.Phone ? SubmitterContact.NormalisePhone(contact!) : contact,
            ContactKind = kind, ClientHash = string.IsNullOrWhiteSpace(clientId) ? null : HashClient(clientId),
            RecordedById = caller.UserIdOrNull, SubmittedOn = today, SubmittedAt = clock.UtcNow,
        };
        db.Add(opinion);
        await db.SaveChangesAsync(ct);
        // The text is referenced by its hash, not copied: the opinion row is never edited, and the
        // hash in the chain proves it; a name or contact never enters the chain.
        audit.Record("opinion", opinion.Id, "create", null, new
        {
            draftId, group = opinion.Group.ToApi(), source = opinion.Source.ToApi(), section = section?.Key, conferenceId = conference?.Id,
            textSha256 = Sha256(opinion.Text), textLength = opinion.Text.Length, hasName = name is not null, hasContact = contact is not null,
        }, draft.OrgUnitId, userName: caller.UserName ?? "citizen");
        await audit.SaveAsync(ct);
        var row = await Rows(db.Set<Opinion>().AsNoTracking().Where(o => o.Id == opinion.Id)).FirstAsync(ct);
        return ToDto(row, await drafts.RunsAsync(draft, ct));
    }

    // ---------------------------------------------------------------- reading

    /// <summary>
    /// A draft's opinions, oldest first. The portal sees answered ones only; asking it for others
    /// is 401/403. <paramref name="state"/>: waiting, drafted, answered, or unanswered (waiting or drafted).
    /// </summary>
    public async Task<PageOf<OpinionDto>> ListAsync(int draftId, string? state, string? group, string? section, int? conferenceId, Paging paging,
        CancellationToken ct)
    {
        var draft = await drafts.VisibleAsync(draftId, ct);
        var checks = new Checks();
        var st = string.IsNullOrWhiteSpace(state) ? null : state.Trim();
        if (st is not null and not ("waiting" or "drafted" or "answered" or "unanswered"))
            checks.Add("state", "must be one of waiting, drafted, answered, unanswered.");
        var g = checks.Enum<OpinionGroup>("group", group, required: false);
        checks.ThrowIfAny();
        var official = await drafts.RunsAsync(draft, ct);
        if (!official && st is not null and not "answered")
        {
            _ = caller.UserId;
            throw new ForbiddenException("Only the officials who run this draft see opinions not yet answered.");
        }

        var q = db.Set<Opinion>().AsNoTracking().Where(o => o.DraftId == draftId);
        if (!official) st = "answered";
        q = st switch
        {
            "waiting" => q.Where(o => o.Response == null),
            "drafted" => q.Where(o => o.Response != null && o.Response.State == ResponseState.Draft),
            "answered" => q.Where(o => o.Response != null && o.Response.State == ResponseState.Published),
            "unanswered" => q.Where(o => o.Response == null || o.Response.State == ResponseState.Draft),
            _ => q,
        };
        if (g is { } gg) q = q.Where(o => o.Group == gg);
        if (!string.IsNullOrWhiteSpace(section))
        {
            var key = section.Trim();
            var s = draft.Sections.FirstOrDefault(x => string.Equals(x.Key, key, StringComparison.OrdinalIgnoreCase));
            var sid = s?.Id ?? -1;
            q = q.Where(o => o.SectionId == sid);
        }
        if (conferenceId is { } cid) q = q.Where(o => o.ConferenceId == cid);
        var total = await q.CountAsync(ct);
        var rows = await Rows(q.OrderBy(o => o.Id).Skip(paging.Skip).Take(paging.PageSize)).ToListAsync(ct);
        return new PageOf<OpinionDto>([.. rows.Select(r => ToDto(r, official))], total);
    }

    /// <summary>One opinion: for the portal only once answered (404 before), for the draft's officials always.</summary>
    public async Task<OpinionDto> GetAsync(int id, CancellationToken ct)
    {
        var row = await Rows(db.Set<Opinion>().AsNoTracking().Where(o => o.Id == id)).FirstOrDefaultAsync(ct)
                  ?? throw new NotFoundException($"No opinion has id {id}.");
        var draft = await drafts.VisibleAsync(row.DraftId, ct);
        var official = await drafts.RunsAsync(draft, ct);
        if (!official && row.State != ResponseState.Published)
            throw new NotFoundException($"Opinion {id} is not answered yet: it is shown once its answer is published.");
        return ToDto(row, official);
    }

    /// <summary>
    /// The opinions sent from one browser (its portal client id), newest first, with their answers
    /// once published: the submitter's own view, so their text is shown even before it is answered.
    /// </summary>
    public async Task<IReadOnlyList<OpinionDto>> MineAsync(string? clientId, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(clientId) || clientId.Length > ClientIdMax || !OpinionText.IsWellFormed(clientId)) return [];
        var hash = HashClient(clientId);
        var rows = await Rows(db.Set<Opinion>().AsNoTracking().Where(o => o.ClientHash == hash).OrderByDescending(o => o.Id).Take(100)).ToListAsync(ct);
        return [.. rows.Select(r => ToDto(r, official: false))];
    }

    /// <summary>Whether the opinion exists and on which draft (for the portal's receipt page), without its text.</summary>
    public async Task<(int DraftId, bool Answered)?> StatusAsync(int id, CancellationToken ct)
    {
        var r = await db.Set<Opinion>().AsNoTracking().Where(o => o.Id == id)
            .Select(o => new { o.DraftId, Answered = o.Response != null && o.Response.State == ResponseState.Published }).FirstOrDefaultAsync(ct);
        return r is null ? null : (r.DraftId, r.Answered);
    }

    internal static string HashClient(string clientId) => Sha256(clientId.Trim());

    internal static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static string? Optional(Checks checks, string path, string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var v = value.Trim();
        if (OpinionText.Problem(v, max) is { } p) checks.Add(path, p);
        else if (v.Contains('\n') || v.Contains('\r')) checks.Add(path, "must be one line.");
        return v;
    }
}
