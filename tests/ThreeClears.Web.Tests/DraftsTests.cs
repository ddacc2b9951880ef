using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ThreeClears.Web.Features.Drafts;
using ThreeClears.Web.Tests.Support;

namespace ThreeClears.Web.Tests;

/// <summary>
/// Consultation on drafts over HTTP: the summary's counts, the open period (openTo inclusive,
/// Vietnam dates), who answers, answering in batch, and that a contact is never shown.
/// </summary>
public abstract class DraftsTests(AppFixture app)
{
    private static int Int(JsonElement e, string name) => e.GetProperty(name).GetInt32();

    private async Task<int> DraftAsync(HttpClient c, string unit, string from, string to, object[]? sections = null)
    {
        var d = await (await c.PostAsJsonAsync("/api/drafts", new
        {
            title = "Dự thảo kiểm thử " + Guid.NewGuid().ToString("N")[..6], openFrom = from, openTo = to, orgUnitCode = unit,
            sections = sections ?? [new { key = "1", title = "Mục tiêu" }, new { key = "2", title = "Giải pháp" }],
        })).Expect(HttpStatusCode.Created);
        return Int(d, "id");
    }

    private static async Task<int> OpinionAsync(HttpClient c, int draft, string text, string group = "citizens", string? section = null,
        int? conferenceId = null, string? contact = null)
    {
        var o = await (await c.PostAsJsonAsync($"/api/drafts/{draft}/opinions", new { text, group, section, conferenceId, contact }))
            .Expect(HttpStatusCode.Created);
        return Int(o, "id");
    }

    [Fact]
    public async Task The_demo_political_report_reproduces_the_sources_figures()
    {
        using var c = app.Anonymous();
        var list = await (await c.GetAsync("/api/drafts?phase=closed")).Expect(HttpStatusCode.OK);
        var report = list.GetProperty("items").EnumerateArray().Single(d => d.GetProperty("title").GetString() == ConsultationDemoTexts.PoliticalReport);
        var s = await (await c.GetAsync($"/api/drafts/{Int(report, "id")}/summary")).Expect(HttpStatusCode.OK);
        // 460 conferences, over 13,500 participants, nearly 600 opinions (PRODUCT.md §4).
        Assert.Equal((460, 13_524, 587), (Int(s, "conferences"), Int(s, "participants"), Int(s, "opinions")));
        // 541 published answers of 587: 541 ÷ 587 × 100 = 92.16… → 92.2; 19 kept as drafts; 587 − 541 − 19 = 27 waiting.
        Assert.Equal((541, 92.2m, 19, 27), (Int(s, "answered"), s.GetProperty("answeredPercent").GetDecimal(), Int(s, "drafted"), Int(s, "waiting")));
        Assert.Equal([287, 118, 104, 32], Counts(s, "byDecision", "accepted", "partiallyAccepted", "explained", "notAccepted"));
        Assert.Equal([292, 73, 64, 158], Counts(s, "byGroup", "citizens", "businesses", "formerLeaders", "officials"));
        Assert.Equal([571, 16], Counts(s, "bySource", "conference", "online"));
    }

    private static int[] Counts(JsonElement s, string map, params string[] keys)
    {
        var m = s.GetProperty(map);
        Assert.Equal(keys.Order(), m.EnumerateObject().Select(p => p.Name).Order());
        return [.. keys.Select(k => m.GetProperty(k).GetInt32())];
    }

    [Fact]
    public async Task The_summary_counts_conferences_participants_opinions_answers_decisions_and_groups()
    {
        await using var clock = await ClockAt.SetAsync(app, "2031-04-10T03:00:00Z");
        using var chair = await app.As("chair.tralinh");
        var id = await DraftAsync(chair, "X-TRALINH", "2031-04-01", "2031-04-30");
        var a = Int(await (await chair.PostAsJsonAsync($"/api/drafts/{id}/conferences",
            new { organizerOrgUnitCode = "X-TRALINH", date = "2031-04-03", location = "Nhà văn hóa thôn Bản Khau", participants = 120 })).Expect(HttpStatusCode.Created), "id");
        var b = Int(await (await chair.PostAsJsonAsync($"/api/drafts/{id}/conferences",
            new { organizerOrgUnitCode = "X-TRALINH", date = "2031-04-09", location = "Hội trường UBND xã", participants = 85 })).Expect(HttpStatusCode.Created), "id");
        using var citizen = app.Anonymous();
        var o1 = await OpinionAsync(citizen, id, "Ý kiến thứ nhất", "citizens", "1");
        var o2 = await OpinionAsync(citizen, id, "Ý kiến thứ hai", "citizens");
        var o3 = await OpinionAsync(citizen, id, "Ý kiến thứ ba", "citizens", "2");
        var o4 = await OpinionAsync(chair, id, "Doanh nghiệp đề nghị", "businesses", conferenceId: a);
        var o5 = await OpinionAsync(chair, id, "Cán bộ thôn đề nghị", "officials", "1", conferenceId: b);
        await (await chair.PostAsJsonAsync($"/api/opinions/{o1}/response", new { decision = "accepted", explanation = "Tiếp thu", publish = true })).Expect(HttpStatusCode.OK);
        await (await chair.PostAsJsonAsync($"/api/opinions/{o4}/response", new { decision = "explained", explanation = "Giải trình" })).Expect(HttpStatusCode.OK);
        await (await chair.PostAsJsonAsync($"/api/opinions/{o3}/response", new { decision = "notAccepted", explanation = "Chưa phù hợp" })).Expect(HttpStatusCode.OK);
        // o4 is published, o3 stays a draft: answered = 2 (o1, o4) of 5.
        var pub = await (await chair.PostAsJsonAsync($"/api/drafts/{id}/publish-responses", new { opinionIds = new[] { o4 } })).Expect(HttpStatusCode.OK);
        Assert.Equal(1, Int(pub, "published"));

        var s = await (await citizen.GetAsync($"/api/drafts/{id}/summary")).Expect(HttpStatusCode.OK);
        // 2 conferences, 120 + 85 = 205 participants; 5 opinions, 2 answered: 2 ÷ 5 = 40.0 %.
        Assert.Equal((2, 205, 5, 2), (Int(s, "conferences"), Int(s, "participants"), Int(s, "opinions"), Int(s, "answered")));
        Assert.Equal(40.0m, s.GetProperty("answeredPercent").GetDecimal());
        Assert.Equal([1, 0, 1, 0], Counts(s, "byDecision", "accepted", "partiallyAccepted", "explained", "notAccepted"));
        Assert.Equal([3, 1, 0, 1], Counts(s, "byGroup", "citizens", "businesses", "formerLeaders", "officials"));
        Assert.Equal((1, 2), (Int(s, "drafted"), Int(s, "waiting")));

        // The portal sees the two answered opinions only; the draft's chair sees all five, and which wait.
        var open = await (await citizen.GetAsync($"/api/drafts/{id}/opinions")).Expect(HttpStatusCode.OK);
        Assert.Equal([o1, o4], open.GetProperty("items").EnumerateArray().Select(o => Int(o, "id")));
        await (await citizen.GetAsync($"/api/drafts/{id}/opinions?state=waiting")).Expect(HttpStatusCode.Unauthorized);
        var waiting = await (await chair.GetAsync($"/api/drafts/{id}/opinions?state=unanswered")).Expect(HttpStatusCode.OK);
        Assert.Equal([o2, o3, o5], waiting.GetProperty("items").EnumerateArray().Select(o => Int(o, "id")).Order());
        await (await citizen.GetAsync($"/api/opinions/{o2}")).Expect(HttpStatusCode.NotFound);
        await (await citizen.GetAsync($"/api/opinions/{o3}")).Expect(HttpStatusCode.NotFound); // a draft answer is not an answer
        var one = await (await citizen.GetAsync($"/api/opinions/{o4}")).Expect(HttpStatusCode.OK);
        Assert.Equal(("answered", "explained"), (one.GetProperty("state").GetString(), one.GetProperty("response").GetProperty("decision").GetString()));
        Assert.False(one.GetProperty("response").TryGetProperty("answeredByUserName", out _));

        var conferences = await (await citizen.GetAsync($"/api/drafts/{id}/conferences")).Expect(HttpStatusCode.OK);
        Assert.Equal([1, 1], conferences.GetProperty("items").EnumerateArray().Select(x => Int(x, "opinions")));
    }

    [Fact]
    public async Task A_closed_draft_refuses_opinions_openTo_inclusive_in_Vietnam_time()
    {
        await using var clock = await ClockAt.SetAsync(app, "2031-05-01T03:00:00Z");
        using var chair = await app.As("chair.tralinh");
        var id = await DraftAsync(chair, "X-TRALINH", "2031-05-05", "2031-05-20");
        using var citizen = app.Anonymous();
        // Not open yet: the public does not see it at all; its officials are told when it opens.
        await (await citizen.PostAsJsonAsync($"/api/drafts/{id}/opinions", new { text = "Sớm quá", group = "citizens" })).Expect(HttpStatusCode.NotFound);
        var early = await (await chair.PostAsJsonAsync($"/api/drafts/{id}/opinions", new { text = "Sớm quá", group = "officials" })).Expect(HttpStatusCode.Conflict);
        Assert.Contains("2031-05-05", early.GetProperty("detail").GetString());
        // 23:59 on 20 May in Vietnam is 16:59 UTC: still the last open day.
        await app.SetClockAsync("2031-05-20T16:59:00Z");
        await OpinionAsync(citizen, id, "Kịp hạn chót");
        // 00:01 on 21 May in Vietnam is 17:01 UTC on the 20th: closed.
        await app.SetClockAsync("2031-05-20T17:01:00Z");
        var late = await (await citizen.PostAsJsonAsync($"/api/drafts/{id}/opinions", new { text = "Muộn một phút", group = "citizens" }))
            .Expect(HttpStatusCode.Conflict);
        Assert.Contains("closed", late.GetProperty("detail").GetString());
        await (await chair.PostAsJsonAsync($"/api/drafts/{id}/conferences",
            new { organizerOrgUnitCode = "X-TRALINH", date = "2031-05-19", location = "Nhà văn hóa", participants = 30 })).Expect(HttpStatusCode.Conflict);
        var draft = await (await citizen.GetAsync($"/api/drafts/{id}")).Expect(HttpStatusCode.OK);
        Assert.Equal(("closed", 0), (draft.GetProperty("phase").GetString(), Int(draft, "daysLeft")));
    }

    [Fact]
    public async Task Only_a_leader_or_manager_over_the_drafts_unit_answers()
    {
        await using var clock = await ClockAt.SetAsync(app, "2031-06-10T03:00:00Z");
        using var chair = await app.As("chair.tralinh");
        var id = await DraftAsync(chair, "X-TRALINH", "2031-06-01", "2031-06-30");
        using var citizen = app.Anonymous();
        var o = await OpinionAsync(citizen, id, "Đề nghị làm đường", contact: "dan.tralinh@example.vn");
        var answer = new { decision = "accepted", explanation = "Tiếp thu" };
        await (await citizen.PostAsJsonAsync($"/api/opinions/{o}/response", answer)).Expect(HttpStatusCode.Unauthorized);
        // A commune chair elsewhere, an officer of the same commune: refused.
        using var other = await app.As("chair.hoaan");
        await (await other.PostAsJsonAsync($"/api/opinions/{o}/response", answer)).Expect(HttpStatusCode.Forbidden);
        await (await other.PostAsJsonAsync($"/api/drafts/{id}/responses", new { opinionIds = new[] { o }, answer.decision, answer.explanation })).Expect(HttpStatusCode.Forbidden);
        await (await other.PostAsync($"/api/drafts/{id}/publish-responses", null)).Expect(HttpStatusCode.Forbidden);
        using var officer = await app.As("officer.tralinh");
        await (await officer.PostAsJsonAsync($"/api/opinions/{o}/response", answer)).Expect(HttpStatusCode.Forbidden);
        // An official of another commune does not see unanswered opinions either.
        await (await other.GetAsync($"/api/drafts/{id}/opinions?state=waiting")).Expect(HttpStatusCode.Forbidden);
        // The province's leader covers the commune; the commune's chair is its manager.
        using var leader = await app.As("leader");
        await (await leader.PostAsJsonAsync($"/api/opinions/{o}/response", new { decision = "partiallyAccepted", explanation = "Một phần" })).Expect(HttpStatusCode.OK);
        var done = await (await chair.PostAsJsonAsync($"/api/opinions/{o}/response", new { answer.decision, answer.explanation, publish = true })).Expect(HttpStatusCode.OK);
        Assert.Equal(("answered", "accepted", "chair.tralinh"), (done.GetProperty("state").GetString(),
            done.GetProperty("response").GetProperty("decision").GetString(), done.GetProperty("response").GetProperty("publishedByUserName").GetString()));
        // A published answer is final.
        await (await chair.PostAsJsonAsync($"/api/opinions/{o}/response", answer)).Expect(HttpStatusCode.Conflict);

        // The contact is in no answer: not the officials', not the outbox's, not the audit's.
        Assert.True(done.GetProperty("hasContact").GetBoolean());
        // Without an SMTP server the notice waits in the outbox.
        var notices = await (await chair.GetAsync($"/api/drafts/{id}/notices")).Expect(HttpStatusCode.OK);
        var notice = Assert.Single(notices.GetProperty("items").EnumerateArray());
        Assert.Equal(("email", "pending", o), (notice.GetProperty("channel").GetString(), notice.GetProperty("state").GetString(), notice.GetProperty("opinionId").GetInt32()));
        foreach (var url in new[] { $"/api/opinions/{o}", $"/api/drafts/{id}/opinions", $"/api/drafts/{id}/notices", $"/api/audit?entity=opinion&id={o}" })
        {
            using var admin = await app.As("admin");
            var body = await (await admin.GetAsync(url)).Content.ReadAsStringAsync();
            Assert.DoesNotContain("dan.tralinh", body);
        }
    }

    [Fact]
    public async Task Several_opinions_get_one_answer_each_and_bad_ids_are_reported_by_index()
    {
        await using var clock = await ClockAt.SetAsync(app, "2031-07-10T03:00:00Z");
        using var chair = await app.As("chair.tralinh");
        var id = await DraftAsync(chair, "X-TRALINH", "2031-07-01", "2031-07-31");
        var other = await DraftAsync(chair, "X-TRALINH", "2031-07-01", "2031-07-31");
        using var citizen = app.Anonymous();
        var ids = new List<int>();
        for (var i = 0; i < 3; i++) ids.Add(await OpinionAsync(citizen, id, $"Đề nghị sửa đường thôn {i + 1}", section: "2"));
        var elsewhere = await OpinionAsync(citizen, other, "Ý kiến ở dự thảo khác");
        var done = await OpinionAsync(citizen, id, "Đã trả lời rồi");
        await (await chair.PostAsJsonAsync($"/api/opinions/{done}/response", new { decision = "explained", explanation = "x", publish = true })).Expect(HttpStatusCode.OK);

        var res = await (await chair.PostAsJsonAsync($"/api/drafts/{id}/responses", new
        {
            opinionIds = new int?[] { ids[0], 999_999, ids[1], elsewhere, ids[0], done, ids[2], null },
            decision = "accepted", explanation = "Tiếp thu: đã đưa vào kế hoạch sửa đường năm 2032.",
        })).Expect(HttpStatusCode.OK);
        Assert.Equal((3, 0), (Int(res, "accepted"), Int(res, "published")));
        Assert.Equal([1, 3, 4, 5, 7], res.GetProperty("rejected").EnumerateArray().Select(r => Int(r, "index")));
        Assert.Contains("opinionIds[5]", res.GetProperty("rejected")[3].GetProperty("errors").Keys());
        // Each opinion keeps its own response, kept as a draft until published together.
        Assert.All(res.GetProperty("responses").EnumerateArray(), r => Assert.Equal("drafted", r.GetProperty("state").GetString()));
        var pub = await (await chair.PostAsync($"/api/drafts/{id}/publish-responses", null)).Expect(HttpStatusCode.OK);
        Assert.Equal(3, Int(pub, "published"));
        foreach (var o in ids)
        {
            var one = await (await citizen.GetAsync($"/api/opinions/{o}")).Expect(HttpStatusCode.OK);
            Assert.Equal("Tiếp thu: đã đưa vào kế hoạch sửa đường năm 2032.", one.GetProperty("response").GetProperty("explanation").GetString());
        }
        var audit = await (await (await app.As("admin")).GetAsync($"/api/audit?entity=opinion&id={ids[1]}")).Expect(HttpStatusCode.OK);
        Assert.Equal(["create", "publish", "respond"], audit.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()).Order());

        // The whole request is refused when the shared answer is bad.
        var bad = await (await chair.PostAsJsonAsync($"/api/drafts/{id}/responses", new { opinionIds = Array.Empty<int>(), decision = "maybe" }))
            .Expect(HttpStatusCode.BadRequest);
        Assert.Equal(["decision", "explanation", "opinionIds"], bad.GetProperty("errors").Keys().Order());
    }

    [Fact]
    public async Task Bad_drafts_conferences_and_opinions_name_every_field()
    {
        await using var clock = await ClockAt.SetAsync(app, "2031-08-10T03:00:00Z");
        using var chair = await app.As("chair.tralinh");
        var d = await (await chair.PostAsJsonAsync("/api/drafts", new { title = "", openFrom = "2031-08-10", openTo = "2031-08-01",
            sections = new object[] { new { key = "A", title = "x" }, new { key = "a", title = "" } } })).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(["openTo", "sections[1].key", "sections[1].title", "title"], d.GetProperty("errors").Keys().Order());
        await (await chair.PostAsJsonAsync("/api/drafts", new { title = "x", openFrom = "2031-08-01", openTo = "2031-08-31", orgUnitCode = "X-HOAAN" }))
            .Expect(HttpStatusCode.Forbidden);
        var id = await DraftAsync(chair, "X-TRALINH", "2031-08-01", "2031-08-31");
        var c = await (await chair.PostAsJsonAsync($"/api/drafts/{id}/conferences", new { organizerOrgUnitCode = "X-TRALINH", date = "2031-08-20", participants = 0 }))
            .Expect(HttpStatusCode.BadRequest);
        Assert.Equal(["date", "location", "participants"], c.GetProperty("errors").Keys().Order());
        using var citizen = app.Anonymous();
        var o = await (await citizen.PostAsJsonAsync($"/api/drafts/{id}/opinions", new { text = " ", group = "aliens", section = "9", contact = "call me", conferenceId = 123456 }))
            .Expect(HttpStatusCode.BadRequest);
        Assert.Equal(["conferenceId", "contact", "group", "section", "text"], o.GetProperty("errors").Keys().Order());
        await (await citizen.GetAsync("/api/drafts/999999")).Expect(HttpStatusCode.NotFound);
        await (await citizen.GetAsync("/api/drafts?phase=someday")).Expect(HttpStatusCode.BadRequest);
        // A conference's opinions are recorded by an official: the public cannot claim one.
        var conf = Int(await (await chair.PostAsJsonAsync($"/api/drafts/{id}/conferences",
            new { organizerOrgUnitCode = "X-TRALINH", date = "2031-08-05", location = "Nhà văn hóa", participants = 12 })).Expect(HttpStatusCode.Created), "id");
        await (await citizen.PostAsJsonAsync($"/api/drafts/{id}/opinions", new { text = "x", group = "citizens", conferenceId = conf })).Expect(HttpStatusCode.Unauthorized);
        using var hoaan = await app.As("chair.hoaan");
        await (await hoaan.PostAsJsonAsync($"/api/drafts/{id}/opinions", new { text = "x", group = "citizens", conferenceId = conf })).Expect(HttpStatusCode.Forbidden);
    }
}

public sealed class DraftsTestsOnSqlite(SqliteApp app) : DraftsTests(app), IClassFixture<SqliteApp>;

public sealed class DraftsTestsOnPostgres(PostgresApp app) : DraftsTests(app), IClassFixture<PostgresApp>;
