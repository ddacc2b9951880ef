using Microsoft.EntityFrameworkCore;
using ThreeClears.Domain;
using ThreeClears.Domain.Access;
using ThreeClears.Domain.Drafts;
using ThreeClears.Web.Data;
using ThreeClears.Web.Features.Audit;
using ThreeClears.Web.Features.Organisation;
using ThreeClears.Web.Infrastructure;
using ThreeClears.Web.Infrastructure.Auth;

namespace ThreeClears.Web.Features.Drafts;

/// <summary>
/// Drafts, their sections and conferences, and the summary. A draft is public from its first open
/// day: anyone reads it, its conferences, its answered opinions and its summary. Before that only
/// the officials who run it see it. Creating and editing a draft and recording conferences need
/// <see cref="Permission.ManageDrafts"/>; the officials who run a draft are those who manage it,
/// answer for its unit, or read its audit.
/// </summary>
public sealed class DraftsService(ThreeClearsDb db, Caller caller, AuditLog audit, AppClock clock)
{
    public const int SectionKeyMax = 20;
    public const int MaxSections = 100;
    public const int MaxParticipants = 100_000;

    // ---------------------------------------------------------------- access

    /// <summary>The draft (tracked, with its unit and sections), or 404 when it does not exist or the caller may not see it yet.</summary>
    public async Task<Draft> VisibleAsync(int id, CancellationToken ct)
    {
        var draft = await db.Set<Draft>().Include(d => d.OrgUnit).Include(d => d.Sections).FirstOrDefaultAsync(d => d.Id == id, ct);
        if (draft is null || (!IsPublic(draft) && !await RunsAsync(draft, ct))) throw new NotFoundException($"No draft has id {id}.");
        return draft;
    }

    /// <summary>Public from its first open day, and ever after (its answers stay readable once it closes).</summary>
    public bool IsPublic(Draft draft) => draft.OpenFrom <= clock.Today;

    /// <summary>The officials of the draft: they see every opinion, answered or not, and who submitted it.</summary>
    public async Task<bool> RunsAsync(Draft draft, CancellationToken ct)
    {
        if (!caller.IsAuthenticated) return false;
        caller.KnowPath(draft.OrgUnitId, draft.OrgUnit!.Path);
        return await caller.CanAsync(Permission.ManageDrafts, draft.OrgUnitId, ct)
               || await caller.CanAsync(Permission.AnswerForUnit, draft.OrgUnitId, ct)
               || await caller.CanAsync(Permission.ReadAudit, draft.OrgUnitId, ct);
    }

    public async Task<bool> CanManageAsync(Draft draft, CancellationToken ct)
    {
        if (!caller.IsAuthenticated) return false;
        caller.KnowPath(draft.OrgUnitId, draft.OrgUnit!.Path);
        return await caller.CanAsync(Permission.ManageDrafts, draft.OrgUnitId, ct);
    }

    public async Task<bool> CanAnswerAsync(Draft draft, CancellationToken ct)
    {
        if (!caller.IsAuthenticated) return false;
        caller.KnowPath(draft.OrgUnitId, draft.OrgUnit!.Path);
        return await caller.CanAsync(Permission.AnswerForUnit, draft.OrgUnitId, ct);
    }

    // ---------------------------------------------------------------- drafts

    public async Task<DraftDto> CreateAsync(DraftRequest body, CancellationToken ct)
    {
        var me = caller.UserId;
        var checks = new Checks();
        var title = checks.Text("title", body.Title, Checks.TitleMax);
        var description = checks.Text("description", body.Description, Checks.TextMax, required: false);
        CheckWindow(checks, body.OpenFrom, body.OpenTo);
        var code = body.OrgUnitCode is null ? null : checks.Text("orgUnitCode", body.OrgUnitCode, 64);
        var sections = CheckSections(checks, body.Sections);
        checks.ThrowIfAny();

        var unit = string.IsNullOrEmpty(code)
            ? await db.Users.Where(u => u.Id == me).Select(u => u.OrgUnit!).FirstAsync(ct)
            : await db.Set<OrgUnit>().FirstOrDefaultAsync(u => u.Code == code, ct) ?? throw new NotFoundException($"No org unit has code '{code}'.");
        caller.KnowPath(unit.Id, unit.Path);
        await caller.RequireAsync(Permission.ManageDrafts, unit.Id, ct);

        var draft = new Draft
        {
            Title = title, Description = NullIfEmpty(description), OrgUnitId = unit.Id, OrgUnit = unit, OpenFrom = body.OpenFrom!.Value,
            OpenTo = body.OpenTo!.Value, CreatedById = me, CreatedAt = clock.UtcNow,
            Sections = [.. sections.Select((s, i) => new DraftSection { Key = s.Key, Title = s.Title, Text = s.Text, Position = i + 1 })],
        };
        db.Add(draft);
        await db.SaveChangesAsync(ct);
        audit.Record("draft", draft.Id, "create", null, new
        {
            draft.Title, draft.Description, orgUnitCode = unit.Code, draft.OpenFrom, draft.OpenTo,
            sections = draft.Sections.Select(s => new { s.Key, s.Title }),
        }, unit.Id);
        await audit.SaveAsync(ct);
        return await ToDtoAsync(draft, ct);
    }

    public async Task<DraftDto> UpdateAsync(int id, DraftUpdateRequest body, HttpContext http, CancellationToken ct)
    {
        var draft = await VisibleAsync(id, ct);
        if (!await CanManageAsync(draft, ct)) throw new ForbiddenException("Only an official who manages drafts for this unit edits it.");
        Versions.Check(http, draft.Version, required: true);
        var checks = new Checks();
        var title = checks.Text("title", body.Title, Checks.TitleMax);
        var description = checks.Text("description", body.Description, Checks.TextMax, required: false);
        CheckWindow(checks, body.OpenFrom, body.OpenTo);
        checks.ThrowIfAny();
        var before = new { draft.Title, draft.Description, draft.OpenFrom, draft.OpenTo };
        draft.Title = title;
        draft.Description = NullIfEmpty(description);
        draft.OpenFrom = body.OpenFrom!.Value;
        draft.OpenTo = body.OpenTo!.Value;
        draft.Version++;
        audit.Record("draft", draft.Id, "update", before, new { draft.Title, draft.Description, draft.OpenFrom, draft.OpenTo }, draft.OrgUnitId);
        await audit.SaveAsync(ct);
        return await ToDtoAsync(draft, ct);
    }

    public async Task<DraftDto> GetAsync(int id, CancellationToken ct) => await ToDtoAsync(await VisibleAsync(id, ct), ct);

    /// <summary>
    /// Drafts newest first: every public one, and those not yet open that the caller runs.
    /// <paramref name="phase"/> narrows to open, closed or notYetOpen.
    /// </summary>
    public async Task<PageOf<DraftDto>> ListAsync(string? phase, string? orgUnit, Paging paging, CancellationToken ct)
    {
        var checks = new Checks();
        var wanted = checks.Enum<DraftPhase>("phase", phase, required: false);
        checks.ThrowIfAny();
        var today = clock.Today;
        var q = db.Set<Draft>().AsNoTracking();
        // Not yet open: only for the officials who run it (any of the three rights over its unit).
        var runs = new List<int>();
        var runsAll = false;
        if (caller.IsAuthenticated)
            foreach (var p in new[] { Permission.ManageDrafts, Permission.AnswerForUnit, Permission.ReadAudit })
            {
                var set = await caller.UnitsWithAsync(p, ct);
                runsAll |= set.All;
                runs.AddRange(set.Ids);
            }
        if (!runsAll)
        {
            var ids = runs.Distinct().ToArray();
            q = q.Where(d => d.OpenFrom <= today || ids.Contains(d.OrgUnitId));
        }
        if (!string.IsNullOrWhiteSpace(orgUnit))
        {
            var code = orgUnit.Trim();
            var unitId = await db.Set<OrgUnit>().Where(u => u.Code == code).Select(u => (int?)u.Id).FirstOrDefaultAsync(ct)
                         ?? throw new NotFoundException($"No org unit has code '{code}'.");
            q = q.Where(d => d.OrgUnitId == unitId);
        }
        q = wanted switch
        {
            DraftPhase.Open => q.Where(d => d.OpenFrom <= today && d.OpenTo >= today),
            DraftPhase.Closed => q.Where(d => d.OpenTo < today),
            DraftPhase.NotYetOpen => q.Where(d => d.OpenFrom > today),
            _ => q,
        };
        var total = await q.CountAsync(ct);
        var rows = await q.Include(d => d.OrgUnit).Include(d => d.Sections)
            .OrderByDescending(d => d.OpenTo >= today).ThenByDescending(d => d.OpenFrom).ThenByDescending(d => d.Id)
            .Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        var items = new List<DraftDto>(rows.Count);
        foreach (var d in rows) items.Add(await ToDtoAsync(d, ct));
        return new PageOf<DraftDto>(items, total);
    }

    public async Task<SectionDto> AddSectionAsync(int id, SectionRequest body, CancellationToken ct)
    {
        var draft = await VisibleAsync(id, ct);
        if (!await CanManageAsync(draft, ct)) throw new ForbiddenException("Only an official who manages drafts for this unit adds sections.");
        var checks = new Checks();
        var s = CheckSection(checks, "", body);
        checks.ThrowIfAny();
        if (draft.Sections.Count >= MaxSections) throw new UnprocessableException($"A draft has at most {MaxSections} sections.");
        if (draft.Sections.Any(x => string.Equals(x.Key, s.Key, StringComparison.OrdinalIgnoreCase)))
            throw new ConflictException($"The draft already has a section '{s.Key}'.");
        var row = new DraftSection { DraftId = id, Key = s.Key, Title = s.Title, Text = s.Text, Position = draft.Sections.Count + 1 };
        db.Add(row);
        audit.Record("draft", draft.Id, "addSection", null, new { row.Key, row.Title }, draft.OrgUnitId);
        await audit.SaveAsync(ct);
        return new SectionDto(row.Key, row.Title, row.Text);
    }

    // ---------------------------------------------------------------- conferences

    /// <summary>
    /// Records a conference: an official who manages drafts over the organising unit or over the
    /// draft's unit. Its date falls in the open period and not after today; a closed draft takes no
    /// more conferences (its collection is complete), like it takes no more opinions.
    /// </summary>
    public async Task<ConferenceDto> AddConferenceAsync(int id, ConferenceRequest body, CancellationToken ct)
    {
        _ = caller.UserId;
        var draft = await VisibleAsync(id, ct);
        var checks = new Checks();
        var code = checks.Text("organizerOrgUnitCode", body.OrganizerOrgUnitCode, 64);
        var location = checks.Text("location", body.Location, Checks.TitleMax);
        var date = checks.Required("date", body.Date);
        var participants = checks.Required("participants", body.Participants);
        if (participants is < 1 or > MaxParticipants) checks.Add("participants", $"must be a whole number from 1 to {MaxParticipants}.");
        var today = clock.Today;
        if (date is { } d)
        {
            if (d < draft.OpenFrom || d > draft.OpenTo)
                checks.Add("date", $"must fall in the draft's open period, {draft.OpenFrom:yyyy-MM-dd} to {draft.OpenTo:yyyy-MM-dd}.");
            else if (d > today) checks.Add("date", "must not be after today: record a conference once it is held.");
        }
        checks.ThrowIfAny();
        var organizer = await db.Set<OrgUnit>().AsNoTracking().FirstOrDefaultAsync(u => u.Code == code, ct)
                        ?? throw new NotFoundException($"No org unit has code '{code}'.");
        caller.KnowPath(organizer.Id, organizer.Path);
        if (!await caller.CanAsync(Permission.ManageDrafts, organizer.Id, ct) && !await CanManageAsync(draft, ct))
            throw new ForbiddenException("Recording a conference needs the right to manage drafts over the organising unit or the draft's unit.");
        RequireOpen(draft, today);

        var row = new DraftConference
        {
            DraftId = id, OrganizerOrgUnitId = organizer.Id, Date = date!.Value, Location = location, Participants = participants!.Value,
            RecordedById = caller.UserId, RecordedAt = clock.UtcNow,
        };
        db.Add(row);
        await db.SaveChangesAsync(ct);
        audit.Record("conference", row.Id, "create", null,
            new { draftId = id, organizerOrgUnitCode = organizer.Code, row.Date, row.Location, row.Participants }, organizer.Id);
        await audit.SaveAsync(ct);
        return new ConferenceDto(row.Id, id, organizer.Code, organizer.Name, organizer.NameEn, row.Date, row.Location, row.Participants, 0);
    }

    public async Task<PageOf<ConferenceDto>> ConferencesAsync(int id, Paging paging, CancellationToken ct)
    {
        await VisibleAsync(id, ct);
        var q = db.Set<DraftConference>().AsNoTracking().Where(c => c.DraftId == id);
        var total = await q.CountAsync(ct);
        var items = await q.OrderByDescending(c => c.Date).ThenByDescending(c => c.Id).Skip(paging.Skip).Take(paging.PageSize)
            .Select(c => new ConferenceDto(c.Id, c.DraftId, c.Organizer!.Code, c.Organizer.Name, c.Organizer.NameEn, c.Date, c.Location,
                c.Participants, db.Set<Opinion>().Count(o => o.ConferenceId == c.Id)))
            .ToListAsync(ct);
        return new PageOf<ConferenceDto>(items, total);
    }

    // ---------------------------------------------------------------- summary

    /// <summary>
    /// API.md's summary: conferences and their participants, opinions, answered (a published
    /// response), the answered share, decisions of the published responses and opinions by group.
    /// </summary>
    public async Task<DraftSummaryDto> SummaryAsync(int id, CancellationToken ct)
    {
        await VisibleAsync(id, ct);
        var conferences = await db.Set<DraftConference>().Where(c => c.DraftId == id)
            .GroupBy(_ => 1).Select(g => new { Count = g.Count(), Participants = g.Sum(c => c.Participants) }).FirstOrDefaultAsync(ct);
        var opinions = await db.Set<Opinion>().Where(o => o.DraftId == id)
            .GroupBy(o => new { o.Group, o.Source }).Select(g => new { g.Key.Group, g.Key.Source, Count = g.Count() }).ToListAsync(ct);
        var responses = await db.Set<OpinionResponse>().Where(r => r.Opinion!.DraftId == id)
            .GroupBy(r => new { r.State, r.Decision }).Select(g => new { g.Key.State, g.Key.Decision, Count = g.Count() }).ToListAsync(ct);
        var total = opinions.Sum(o => o.Count);
        var published = responses.Where(r => r.State == ResponseState.Published).ToList();
        var answered = published.Sum(r => r.Count);
        var drafted = responses.Where(r => r.State == ResponseState.Draft).Sum(r => r.Count);
        return new DraftSummaryDto(conferences?.Count ?? 0, conferences?.Participants ?? 0, total, answered,
            ConsultationTally.AnsweredPercent(answered, total),
            ConsultationTally.ByEach(published.Select(r => (r.Decision, r.Count))),
            ConsultationTally.ByEach(opinions.Select(o => (o.Group, o.Count))),
            ConsultationTally.ByEach(opinions.Select(o => (o.Source, o.Count))),
            total - answered - drafted, drafted);
    }

    // ---------------------------------------------------------------- helpers

    /// <summary>409 unless the draft is open today (openTo inclusive, Vietnam dates).</summary>
    public static void RequireOpen(Draft draft, DateOnly today)
    {
        switch (draft.Window.PhaseOn(today))
        {
            case DraftPhase.Closed:
                throw new ConflictException($"The draft closed for opinions on {draft.OpenTo:yyyy-MM-dd}; it takes no more.");
            case DraftPhase.NotYetOpen:
                throw new ConflictException($"The draft opens for opinions on {draft.OpenFrom:yyyy-MM-dd}.");
        }
    }

    public async Task<DraftDto> ToDtoAsync(Draft d, CancellationToken ct)
    {
        var today = clock.Today;
        return new DraftDto(d.Id, d.Title, d.Description, d.OrgUnit!.Code, d.OrgUnit.Name, d.OrgUnit.NameEn, d.OpenFrom, d.OpenTo,
            d.Window.PhaseOn(today).ToApi(), d.Window.DaysLeft(today),
            [.. d.Sections.OrderBy(s => s.Position).Select(s => new SectionDto(s.Key, s.Title, s.Text))],
            await CanManageAsync(d, ct), await CanAnswerAsync(d, ct), d.Version);
    }

    private static void CheckWindow(Checks checks, DateOnly? from, DateOnly? to)
    {
        checks.Required("openFrom", from);
        checks.Required("openTo", to);
        if (from is { } f && to is { } t && DraftWindow.Problem(f, t) is { } problem) checks.Add("openTo", problem);
    }

    private static List<(string Key, string Title, string? Text)> CheckSections(Checks checks, List<SectionRequest?>? sections)
    {
        var result = new List<(string Key, string Title, string? Text)>();
        if (sections is null) return result;
        if (sections.Count > MaxSections) checks.Add("sections", $"must hold at most {MaxSections} sections.");
        for (var i = 0; i < sections.Count && i < MaxSections; i++)
        {
            if (sections[i] is not { } s)
            {
                checks.Add($"sections[{i}]", "is required.");
                continue;
            }
            var row = CheckSection(checks, $"sections[{i}].", s);
            if (row.Key.Length > 0 && result.Any(r => string.Equals(r.Key, row.Key, StringComparison.OrdinalIgnoreCase)))
                checks.Add($"sections[{i}].key", $"'{row.Key}' is used by another section.");
            result.Add(row);
        }
        return result;
    }

    private static (string Key, string Title, string? Text) CheckSection(Checks checks, string prefix, SectionRequest s)
    {
        var key = checks.Text(prefix + "key", s.Key, SectionKeyMax);
        var title = checks.Text(prefix + "title", s.Title, Checks.TitleMax);
        var text = checks.Text(prefix + "text", s.Text, Checks.TextMax, required: false);
        return (key, title, NullIfEmpty(text));
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;
}
