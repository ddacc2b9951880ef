using Microsoft.EntityFrameworkCore;
using ThreeClears.Domain;
using ThreeClears.Domain.Drafts;
using ThreeClears.Web.Data;
using ThreeClears.Web.Features.Audit;
using ThreeClears.Web.Features.Organisation;
using static ThreeClears.Web.Features.Drafts.ConsultationDemoTexts;

namespace ThreeClears.Web.Features.Drafts;

/// <summary>
/// The demo consultations. The draft political report reproduces the source's figures at full
/// scale (PRODUCT.md §4: 460 conferences, over 13,500 participants, nearly 600 opinions): every
/// conference and opinion is a row, because they cost little and the summary then counts real rows.
/// Its answers are in the state a drafting committee would be weeks after closing: most published,
/// some kept as drafts, some still waiting. A second draft, the happiness-index plan, is open from
/// the day the demo is loaded, so the portal has a draft to comment on; a third, a commune's, has
/// opinions waiting for its chair. The wording is illustrative; the figures are the source's.
/// </summary>
public static class ConsultationDemo
{
    public const int Conferences = 460;
    public const int Participants = 13_524;
    public const int Opinions = 587;
    public const int OnlineOpinions = 16;
    /// <summary>Opinions by group: citizens, businesses, former leaders, officials (sum 587).</summary>
    public static readonly int[] ByGroup = [292, 73, 64, 158];
    public const int Published = 541;
    public const int Drafted = 19;
    public const int Waiting = Opinions - Published - Drafted; // 27
    /// <summary>Published responses by decision: accepted, partially accepted, explained, not accepted (sum 541).</summary>
    public static readonly int[] ByDecision = [287, 118, 104, 32];

    public static readonly DateOnly ReportOpenFrom = new(2025, 7, 1);
    public static readonly DateOnly ReportOpenTo = new(2025, 9, 15);

    /// <summary>Adds the demo consultations inside the demo's transaction; units and users are saved.</summary>
    public static async Task LoadAsync(ThreeClearsDb db, AuditLog audit, IReadOnlyDictionary<string, OrgUnit> units, DateTime now, DateOnly today,
        CancellationToken ct)
    {
        var users = await db.Users.Where(u => u.UserName == "leader" || u.UserName == "chair.tralinh")
            .ToDictionaryAsync(u => u.UserName!, u => u.Id, ct);
        var random = new Random(20_250_903); // the day the former leaders' conferences were reported
        await PoliticalReportAsync(db, audit, units, users["leader"], now, random, ct);
        await HappinessPlanAsync(db, audit, units, users["leader"], now, today, ct);
        await CommuneRulesAsync(db, audit, units, users["chair.tralinh"], now, today, ct);
    }

    private static async Task PoliticalReportAsync(ThreeClearsDb db, AuditLog audit, IReadOnlyDictionary<string, OrgUnit> units, int leader,
        DateTime now, Random random, CancellationToken ct)
    {
        var province = units["CB"];
        var draft = NewDraft(PoliticalReport, PoliticalReportDescription, province, ReportOpenFrom, ReportOpenTo, leader, now, PoliticalReportSections);
        db.Add(draft);
        await db.SaveChangesAsync(ct);

        // 460 conferences: three of former key leaders at the province (early September, as reported),
        // the rest held by communes, wards and departments over the open period.
        var organisers = units.Values.Where(u => u.DissolvedOn is null && u.Kind is OrgUnitKind.Commune or OrgUnitKind.Ward or OrgUnitKind.Department)
            .DistinctBy(u => u.Id).OrderBy(u => u.Code, StringComparer.Ordinal).ToList();
        var conferences = new List<DraftConference>
        {
            Conference(draft, province, new DateOnly(2025, 8, 29), "Hội trường Tỉnh ủy Cao Bằng", 45, leader, now),
            Conference(draft, province, new DateOnly(2025, 9, 3), "Hội trường Tỉnh ủy Cao Bằng", 52, leader, now),
            Conference(draft, province, new DateOnly(2025, 9, 5), "Hội trường Ủy ban MTTQ tỉnh", 38, leader, now),
        };
        var span = ReportOpenTo.DayNumber - ReportOpenFrom.DayNumber - 5;
        for (var i = conferences.Count; i < Conferences; i++)
        {
            var unit = organisers[i % organisers.Count];
            var date = ReportOpenFrom.AddDays(3 + random.Next(span));
            var place = Places[random.Next(Places.Length)];
            var location = unit.Kind == OrgUnitKind.Department ? $"Hội trường {unit.Name}" : $"{place} {ShortName(unit)}";
            conferences.Add(Conference(draft, unit, date, location, 15 + random.Next(31), leader, now));
        }
        // Participants add up to the source's "over 13,500": the difference is spread one by one.
        var missing = Participants - conferences.Sum(c => c.Participants);
        for (var i = 3; missing != 0; i = i == Conferences - 1 ? 3 : i + 1)
        {
            var step = Math.Sign(missing);
            if (conferences[i].Participants + step < 8) continue;
            conferences[i].Participants += step;
            missing -= step;
        }
        // Written as multi-row inserts (a demo loads at every test host's start); each row's
        // recording instant is unique, so that the ids the store gave can be read back onto them.
        for (var i = 0; i < conferences.Count; i++) conferences[i].RecordedAt = now.AddMilliseconds(i - conferences.Count);
        await Indicators.BulkInsert.RunAsync(db, conferences, ct);
        var conferenceIds = await db.Set<DraftConference>().Where(c => c.DraftId == draft.Id).ToDictionaryAsync(c => c.RecordedAt, c => c.Id, ct);
        foreach (var c in conferences) c.Id = conferenceIds[c.RecordedAt];

        // 587 opinions with fixed tallies by group, source and answer, placed in a shuffled order.
        var groups = Shuffle(random, Enumerable.Range(0, 4).SelectMany(g => Enumerable.Repeat((OpinionGroup)g, ByGroup[g])).ToList());
        var states = Shuffle(random, [.. Enumerable.Repeat(2, Published), .. Enumerable.Repeat(1, Drafted), .. Enumerable.Repeat(0, Waiting)]);
        var decisions = new Queue<ResponseDecision>(Shuffle(random, Enumerable.Range(0, 4).SelectMany(d => Enumerable.Repeat((ResponseDecision)d, ByDecision[d])).ToList()));
        var sections = draft.Sections.ToDictionary(s => s.Key);
        var leaderConferences = conferences.Take(3).ToList();
        var others = conferences.Skip(3).ToList();
        var online = 0;
        var opinions = new List<Opinion>(Opinions);
        var responses = new OpinionResponse?[Opinions];
        for (var i = 0; i < Opinions; i++)
        {
            var group = groups[i];
            var theme = Themes[random.Next(Themes.Length)];
            DraftConference? at = group == OpinionGroup.FormerLeaders ? leaderConferences[random.Next(3)]
                : group == OpinionGroup.Citizens && online < OnlineOpinions && random.Next(10) == 0 ? null
                : others[random.Next(others.Count)];
            if (at is null) online++;
            var submitted = at?.Date ?? ReportOpenFrom.AddDays(random.Next(ReportOpenTo.DayNumber - ReportOpenFrom.DayNumber + 1));
            var opinion = new Opinion
            {
                DraftId = draft.Id, Text = theme.Text + (random.Next(4) == 0 ? Voice(group) : Contexts[random.Next(Contexts.Length)]) + ".", Group = group,
                SectionId = theme.Section is null ? null : sections[theme.Section].Id, Source = at is null ? OpinionSource.Online : OpinionSource.Conference,
                ConferenceId = at?.Id, RecordedById = at is null ? null : leader, SubmittedOn = submitted,
                SubmittedAt = submitted.ToDateTime(new TimeOnly(3, 0), DateTimeKind.Utc).AddSeconds(i), // unique: see the conferences
            };
            if (states[i] > 0)
            {
                var decision = states[i] == 2 ? decisions.Dequeue() : (ResponseDecision)random.Next(4);
                var answeredOn = ReportOpenTo.AddDays(2 + random.Next(8));
                var response = responses[i] = new OpinionResponse
                {
                    Decision = decision, Explanation = Explanation(decision, theme.Section, i), State = states[i] == 2 ? ResponseState.Published : ResponseState.Draft,
                    AnsweredById = leader, AnsweredAt = answeredOn.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc),
                };
                if (states[i] == 2)
                {
                    var publishedOn = new DateOnly(2025, 9, 30);
                    response.PublishedById = leader;
                    response.PublishedOn = publishedOn;
                    response.PublishedAt = publishedOn.ToDateTime(new TimeOnly(8, 0), DateTimeKind.Utc);
                }
            }
            opinions.Add(opinion);
        }
        // Any online opinion the draw left short is taken from the citizens' conference opinions, so the tally is exact.
        foreach (var o in opinions.Where(o => o.Group == OpinionGroup.Citizens && o.ConferenceId is not null).Take(OnlineOpinions - online))
        {
            o.ConferenceId = null;
            o.Source = OpinionSource.Online;
            o.RecordedById = null;
        }
        await Indicators.BulkInsert.RunAsync(db, opinions, ct);
        var opinionIds = await db.Set<Opinion>().Where(o => o.DraftId == draft.Id).ToDictionaryAsync(o => o.SubmittedAt, o => o.Id, ct);
        for (var i = 0; i < Opinions; i++)
        {
            opinions[i].Id = opinionIds[opinions[i].SubmittedAt];
            if (responses[i] is { } r) r.OpinionId = opinions[i].Id;
        }
        await Indicators.BulkInsert.RunAsync(db, [.. responses.OfType<OpinionResponse>()], ct);

        // One chained entry for the whole load: the counts, and a digest of every opinion's text in
        // order, so that the chain still proves what was loaded without 2,000 entries at each start.
        var digest = OpinionsService.Sha256(string.Join("\n", opinions.Select(o => OpinionsService.Sha256(o.Text))));
        audit.Record("draft", draft.Id, "create", null, new
        {
            draft.Title, orgUnitCode = province.Code, draft.OpenFrom, draft.OpenTo, sections = draft.Sections.Select(s => new { s.Key, s.Title }),
            demo = new { conferences = conferences.Count, participants = conferences.Sum(c => c.Participants), opinions = opinions.Count,
                published = responses.Count(r => r?.State == ResponseState.Published), opinionTextsSha256 = digest },
        }, province.Id, "demo");
    }

    private static async Task HappinessPlanAsync(ThreeClearsDb db, AuditLog audit, IReadOnlyDictionary<string, OrgUnit> units, int leader,
        DateTime now, DateOnly today, CancellationToken ct)
    {
        var province = units["CB"];
        var draft = NewDraft(HappinessPlan, HappinessPlanDescription, province, today.AddDays(-14), today.AddDays(45), leader, now, HappinessPlanSections);
        db.Add(draft);
        await db.SaveChangesAsync(ct);
        var conferences = new[]
        {
            Conference(draft, units["X-TRALINH"], today.AddDays(-10), "Nhà văn hóa thôn Bản Khau, xã Trà Lĩnh", 64, leader, now),
            Conference(draft, units["X-HOAAN"], today.AddDays(-7), "Hội trường UBND xã Hòa An", 48, leader, now),
            Conference(draft, units["SO-NV"], today.AddDays(-3), "Hội trường Sở Nội vụ", 31, leader, now),
        };
        db.AddRange(conferences);
        await db.SaveChangesAsync(ct);
        var sections = draft.Sections.ToDictionary(s => s.Key);
        var opinions = HappinessOpinions.Select((h, i) =>
        {
            var at = i < 6 ? conferences[i % 3] : null;
            var on = at?.Date ?? today.AddDays(-(i % 9));
            var o = new Opinion
            {
                DraftId = draft.Id, Text = h.Text, Group = (OpinionGroup)h.Group, SectionId = sections[h.Section].Id,
                Source = at is null ? OpinionSource.Online : OpinionSource.Conference, ConferenceId = at?.Id, RecordedById = at is null ? null : leader,
                SubmittedOn = on, SubmittedAt = on.ToDateTime(new TimeOnly(3, 0), DateTimeKind.Utc),
            };
            if (h.State > 0)
            {
                var decision = (ResponseDecision)(i % 3);
                o.Response = new OpinionResponse
                {
                    Decision = decision, Explanation = Explanation(decision, h.Section, i), State = h.State == 2 ? ResponseState.Published : ResponseState.Draft,
                    AnsweredById = leader, AnsweredAt = now,
                    PublishedById = h.State == 2 ? leader : null, PublishedOn = h.State == 2 ? today.AddDays(-1) : null, PublishedAt = h.State == 2 ? now : null,
                };
            }
            return o;
        }).ToList();
        db.AddRange(opinions);
        await db.SaveChangesAsync(ct);
        audit.Record("draft", draft.Id, "create", null, new { draft.Title, orgUnitCode = province.Code, draft.OpenFrom, draft.OpenTo }, province.Id, "demo");
        foreach (var c in conferences)
            audit.Record("conference", c.Id, "create", null, new { draftId = draft.Id, c.Date, c.Location, c.Participants }, c.OrganizerOrgUnitId, "demo");
        foreach (var o in opinions)
            audit.Record("opinion", o.Id, "create", null, new { draftId = draft.Id, group = o.Group.ToApi(), source = o.Source.ToApi(),
                textSha256 = OpinionsService.Sha256(o.Text), state = o.Response?.State.ToApi() }, province.Id, "demo");
    }

    private static async Task CommuneRulesAsync(ThreeClearsDb db, AuditLog audit, IReadOnlyDictionary<string, OrgUnit> units, int chair,
        DateTime now, DateOnly today, CancellationToken ct)
    {
        var commune = units["X-TRALINH"];
        var draft = NewDraft(CommuneRules, "Quy chế công khai, dân bàn, dân làm, dân kiểm tra ở xã Trà Lĩnh.", commune, today.AddDays(-5), today.AddDays(25),
            chair, now, []);
        db.Add(draft);
        await db.SaveChangesAsync(ct);
        var opinions = CommuneOpinions.Select((c, i) => new Opinion
        {
            DraftId = draft.Id, Text = c.Text, Group = (OpinionGroup)c.Group, Source = OpinionSource.Online,
            SubmittedOn = today.AddDays(-i), SubmittedAt = now.AddDays(-i),
        }).ToList();
        db.AddRange(opinions);
        await db.SaveChangesAsync(ct);
        audit.Record("draft", draft.Id, "create", null, new { draft.Title, orgUnitCode = commune.Code, draft.OpenFrom, draft.OpenTo }, commune.Id, "demo");
        foreach (var o in opinions)
            audit.Record("opinion", o.Id, "create", null, new { draftId = draft.Id, group = o.Group.ToApi(), source = "online",
                textSha256 = OpinionsService.Sha256(o.Text) }, commune.Id, "demo");
    }

    private static Draft NewDraft(string title, string description, OrgUnit unit, DateOnly from, DateOnly to, int by, DateTime now,
        (string Key, string Title)[] sections) => new()
    {
        Title = title, Description = description, OrgUnitId = unit.Id, OpenFrom = from, OpenTo = to, CreatedById = by, CreatedAt = now,
        Sections = [.. sections.Select((s, i) => new DraftSection { Key = s.Key, Title = s.Title, Position = i + 1 })],
    };

    private static DraftConference Conference(Draft draft, OrgUnit unit, DateOnly date, string location, int participants, int by, DateTime now) =>
        new()
        {
            DraftId = draft.Id, OrganizerOrgUnitId = unit.Id, Date = date, Location = location, Participants = participants, RecordedById = by,
            RecordedAt = now,
        };

    /// <summary>"Xã Trà Lĩnh" → "xã Trà Lĩnh", for "Nhà văn hóa xã Trà Lĩnh".</summary>
    private static string ShortName(OrgUnit unit) => char.ToLowerInvariant(unit.Name[0]) + unit.Name[1..];

    private static List<T> Shuffle<T>(Random random, List<T> list)
    {
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
        return list;
    }
}
