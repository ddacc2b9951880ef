using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ThreeClears.Domain.Tasks;
using ThreeClears.Web.Features.Tasks;
using ThreeClears.Web.Tests.Support;

namespace ThreeClears.Web.Tests;

/// <summary>
/// Consultation of another unit (PRODUCT.md §3 "Consultation", "Passing the buck") through real HTTP:
/// deadlines in working days, who answers, silence as consent, and each unit's responsiveness.
/// </summary>
/// <remarks>
/// Tests in a class share one database, and the sweep step deems every pending consultation before
/// its date: each test therefore uses its own dates, and no two tests leave a pending consultation
/// with the same deadline. 2026 holidays used below: Hung Kings day falls on Sunday 26 April, so
/// Monday 27 April is off; 30 April and 1 May; 1 and 2 September.
/// </remarks>
public abstract class ConsultationTests(AppFixture app) : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => app.ResetClockAsync();

    private Task TodayIs(string date) => app.SetTodayAsync(date);

    /// <summary>A task made underneath the API, owned by <paramref name="owner"/>, running through 2026.</summary>
    private Task<int> NewTask(string owner = "officer.xd", string assigner = "director.xd") =>
        TaskSeed.CreateAsync(app, owner, assigner, new DateOnly(2026, 12, 31), createdOn: new DateOnly(2026, 1, 5),
            start: new DateOnly(2026, 1, 5), target: 12, title: "Nâng cấp đường liên xã");

    private static async Task<JsonElement> Ask(HttpClient c, object task, object body, HttpStatusCode expected = HttpStatusCode.Created) =>
        await (await c.PostAsJsonAsync($"/api/tasks/{task}/consultations", body)).Expect(expected);

    private static async Task<JsonElement> Respond(HttpClient c, int id, object body, HttpStatusCode expected = HttpStatusCode.OK) =>
        await (await c.PostAsJsonAsync($"/api/consultations/{id}/respond", body)).Expect(expected);

    private async Task<int> Sweep(string asOf)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DeemedAgreementStep>().RunAsync(DateOnly.Parse(asOf), CancellationToken.None);
    }

    private static int Id(JsonElement consultation) => consultation.GetProperty("id").GetInt32();

    private static string? Text(JsonElement e, string name) => e.GetProperty(name).GetString();

    private async Task<List<JsonElement>> AuditOf(int consultationId)
    {
        using var inspector = await app.As("inspector");
        var page = await (await inspector.GetAsync($"/api/audit?entity=consultation&id={consultationId}")).Expect(HttpStatusCode.OK);
        return [.. page.GetProperty("items").EnumerateArray()];
    }

    [Fact]
    public async Task Default_deadline_is_5_working_days_across_a_weekend_and_holidays_and_at_most_10()
    {
        var task = await NewTask();
        using var owner = await app.As("officer.xd");
        await TodayIs("2026-04-23"); // a Thursday
        var res = await owner.PostAsJsonAsync($"/api/tasks/{task}/consultations",
            new { toOrgUnitCode = "X-TRALINH", question = "Xã có đồng ý hướng tuyến qua thôn Bản Khau không?" });
        var c = await res.Expect(HttpStatusCode.Created);
        // Working days after Thu 23 Apr: Fri 24 (1); Sat 25, Sun 26 (Hung Kings day), Mon 27 (its day
        // off) skipped; Tue 28 (2), Wed 29 (3); Thu 30 Apr and Fri 1 May holidays, then the weekend;
        // Mon 4 May (4), Tue 5 May (5).
        Assert.Equal("2026-05-05", Text(c, "deadline"));
        Assert.Equal("2026-04-23", Text(c, "askedOn"));
        Assert.Equal("pending", Text(c, "status"));
        Assert.Equal("X-TRALINH", Text(c, "toOrgUnitCode"));
        Assert.Equal(task, c.GetProperty("taskId").GetInt32());
        Assert.Equal($"CB-2026-{task:D6}", Text(c, "taskCode"));
        Assert.Equal("officer.xd", Text(c, "askedByUserName"));
        Assert.Equal(JsonValueKind.Null, c.GetProperty("legalBasis").ValueKind);
        Assert.Equal($"/api/consultations/{Id(c)}", res.Headers.Location?.OriginalString);
        Assert.Equal("\"1\"", res.Headers.ETag?.Tag);

        // Ten working days: … Tue 5 May (5), Wed 6 (6), Thu 7 (7), Fri 8 (8), Mon 11 (9), Tue 12 (10).
        var tooLate = await Ask(owner, task, new { toOrgUnitCode = "X-TRALINH", question = "Q?", deadline = "2026-05-13" }, HttpStatusCode.BadRequest);
        Assert.Equal(["deadline"], tooLate.GetProperty("errors").Keys());
        Assert.Contains("2026-05-12", tooLate.GetProperty("errors").GetProperty("deadline")[0].GetString());
        var sameDay = await Ask(owner, task, new { toOrgUnitCode = "X-TRALINH", question = "Q?", deadline = "2026-04-23" }, HttpStatusCode.BadRequest);
        Assert.Equal(["deadline"], sameDay.GetProperty("errors").Keys());

        var longest = await Ask(owner, task, new
        {
            toOrgUnitCode = "X-TRALINH", question = "Xã có ý kiến về phương án giải phóng mặt bằng?", deadline = "2026-05-12",
            legalBasis = "Quy chế làm việc của UBND tỉnh, Điều 12",
        });
        Assert.Equal("2026-05-12", Text(longest, "deadline"));
        Assert.Equal("Quy chế làm việc của UBND tỉnh, Điều 12", Text(longest, "legalBasis"));

        var audit = Assert.Single(await AuditOf(Id(c)));
        Assert.Equal("create", Text(audit, "action"));
        Assert.Equal("officer.xd", Text(audit, "userName"));
    }

    [Fact]
    public async Task Only_the_owner_of_an_open_task_consults_another_existing_unit()
    {
        var task = await NewTask();
        await TodayIs("2026-03-16"); // a Monday
        var ok = new { toOrgUnitCode = "SO-CT", question = "Q?" };
        using (var assigner = await app.As("director.xd")) await Ask(assigner, task, ok, HttpStatusCode.Forbidden);
        using (var outsider = await app.As("officer.tralinh")) await Ask(outsider, task, ok, HttpStatusCode.Forbidden);
        using var owner = await app.As("officer.xd");
        await Ask(owner, 999_999, ok, HttpStatusCode.NotFound);

        var own = await Ask(owner, task, new { toOrgUnitCode = "SO-XD", question = "Q?" }, HttpStatusCode.BadRequest);
        Assert.Equal(["toOrgUnitCode"], own.GetProperty("errors").Keys());
        var unknown = await Ask(owner, task, new { toOrgUnitCode = "NOPE", question = " " }, HttpStatusCode.BadRequest);
        Assert.Equal(new[] { "question", "toOrgUnitCode" }, unknown.GetProperty("errors").Keys().Order());
        Assert.Contains("NOPE", unknown.GetProperty("errors").GetProperty("toOrgUnitCode")[0].GetString());
        var empty = await Ask(owner, task, new { }, HttpStatusCode.BadRequest);
        Assert.Equal(new[] { "question", "toOrgUnitCode" }, empty.GetProperty("errors").Keys().Order());
        // Vinh Quang commune was merged away on 1 July 2025: it answers nothing any more.
        var dissolved = await Ask(owner, task, new { toOrgUnitCode = "OLD-X-VINHQUANG", question = "Q?" }, HttpStatusCode.BadRequest);
        Assert.Equal(["toOrgUnitCode"], dissolved.GetProperty("errors").Keys());

        // The task's code names it as well as its id. Mon 16 Mar + 5 working days = Mon 23 Mar.
        var byCode = await Ask(owner, $"CB-2026-{task:D6}", ok);
        Assert.Equal("2026-03-23", Text(byCode, "deadline"));

        await using (var scope = app.Scope(out var db))
        {
            var t = await db.Set<TaskItem>().SingleAsync(x => x.Id == task);
            t.CancelledOn = new DateOnly(2026, 3, 16);
            t.CancelReason = "Đã gộp vào nhiệm vụ khác";
            await db.SaveChangesAsync();
        }
        var closed = await Ask(owner, task, ok, HttpStatusCode.Conflict);
        Assert.Contains("cancelled", closed.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_leader_or_manager_of_the_addressed_unit_answers_once_and_an_objection_gives_reasons_and_an_alternative()
    {
        var task = await NewTask();
        using var owner = await app.As("officer.xd");
        await TodayIs("2026-03-02"); // a Monday; Mon 2 Mar + 5 working days = Mon 9 Mar
        var a = Id(await Ask(owner, task, new { toOrgUnitCode = "X-TRALINH", question = "Đồng ý vị trí bãi tập kết vật liệu?" }));
        var b = Id(await Ask(owner, task, new { toOrgUnitCode = "X-TRALINH", question = "Đồng ý phương án di dời cột điện?" }));

        await TodayIs("2026-03-04");
        var agree = new { outcome = "agreed" };
        using (var officer = await app.As("officer.tralinh")) await Respond(officer, a, agree, HttpStatusCode.Forbidden);
        using (var otherCommune = await app.As("chair.hoaan")) await Respond(otherCommune, a, agree, HttpStatusCode.Forbidden);
        using (var askingUnit = await app.As("director.xd")) await Respond(askingUnit, a, agree, HttpStatusCode.Forbidden);
        await Respond(owner, a, agree, HttpStatusCode.Forbidden);

        using var chair = await app.As("chair.tralinh");
        var bare = await Respond(chair, a, new { outcome = "objected" }, HttpStatusCode.BadRequest);
        Assert.Equal(new[] { "alternative", "reasons" }, bare.GetProperty("errors").Keys().Order());
        var blank = await Respond(chair, a, new { outcome = "objected", reasons = " ", alternative = "" }, HttpStatusCode.BadRequest);
        Assert.Equal(new[] { "alternative", "reasons" }, blank.GetProperty("errors").Keys().Order());
        var maybe = await Respond(chair, a, new { outcome = "maybe" }, HttpStatusCode.BadRequest);
        Assert.Equal(["outcome"], maybe.GetProperty("errors").Keys());

        var agreed = await Respond(chair, a, agree);
        Assert.Equal("agreed", Text(agreed, "status"));
        Assert.Equal("chair.tralinh", Text(agreed, "answeredByUserName"));
        Assert.Equal("2026-03-04", Text(agreed, "answeredOn"));
        Assert.True(agreed.GetProperty("answeredOnTime").GetBoolean());
        Assert.Equal(2, agreed.GetProperty("answerWorkingDays").GetInt32()); // Tue 3, Wed 4 Mar
        Assert.Equal(2, agreed.GetProperty("version").GetInt32());
        var twice = await Respond(chair, a, new { outcome = "objected", reasons = "R", alternative = "A" }, HttpStatusCode.Conflict);
        Assert.Contains("already answered", twice.GetProperty("detail").GetString());

        var objected = await Respond(chair, b, new
        {
            outcome = "objected", reasons = "Cột điện nằm trong hành lang an toàn lưới điện.", alternative = "Dời tuyến sang phía đông 15 m.",
        });
        Assert.Equal("objected", Text(objected, "status"));
        Assert.Equal("Cột điện nằm trong hành lang an toàn lưới điện.", Text(objected, "reasons"));
        Assert.Equal("Dời tuyến sang phía đông 15 m.", Text(objected, "alternative"));

        // Readers: the asker, readers of the task, and those who answer for the addressed unit.
        foreach (var user in new[] { "officer.xd", "director.xd", "chair.tralinh", "inspector", "leader" })
        {
            using var c = await app.As(user);
            Assert.Equal("agreed", Text(await (await c.GetAsync($"/api/consultations/{a}")).Expect(HttpStatusCode.OK), "status"));
        }
        foreach (var user in new[] { "officer.tralinh", "chair.hoaan", "officer.hoaan" })
        {
            using var c = await app.As(user);
            await (await c.GetAsync($"/api/consultations/{a}")).Expect(HttpStatusCode.Forbidden);
        }
        Assert.Contains(await AuditOf(a), e => Text(e, "action") == "respond" && Text(e, "userName") == "chair.tralinh");
    }

    [Fact]
    public async Task Silence_is_deemed_agreement_the_day_after_the_deadline_and_not_on_it()
    {
        var task = await NewTask();
        using var owner = await app.As("officer.xd");
        await TodayIs("2026-08-27"); // a Thursday
        // Fri 28 Aug (1), Mon 31 (2); Tue 1 and Wed 2 Sep are holidays; Thu 3 (3), Fri 4 (4), Mon 7 Sep (5).
        var p = await Ask(owner, task, new { toOrgUnitCode = "X-TRALINH", question = "Đồng ý cắt điện thi công?" });
        var q = await Ask(owner, task, new { toOrgUnitCode = "X-TRALINH", question = "Đồng ý tạm chiếm vỉa hè?" });
        Assert.Equal("2026-09-07", Text(q, "deadline"));
        await Sweep("2026-09-07"); // whatever other tests left behind with earlier deadlines

        await TodayIs("2026-09-07");
        using var chair = await app.As("chair.tralinh");
        Assert.Equal("pending", Text(await (await owner.GetAsync($"/api/consultations/{Id(q)}")).Expect(HttpStatusCode.OK), "status"));
        var onTheDeadline = await Respond(chair, Id(p), new { outcome = "agreed" });
        Assert.True(onTheDeadline.GetProperty("answeredOnTime").GetBoolean());
        Assert.Equal(5, onTheDeadline.GetProperty("answerWorkingDays").GetInt32());
        Assert.Equal(0, await Sweep("2026-09-07"));

        // The day after: deemed agreed as read, before the sweep records it.
        await TodayIs("2026-09-08");
        var read = await (await owner.GetAsync($"/api/consultations/{Id(q)}")).Expect(HttpStatusCode.OK);
        Assert.Equal("deemedAgreed", Text(read, "status"));
        Assert.Equal(JsonValueKind.Null, read.GetProperty("deemedOn").ValueKind);
        var late = await Respond(chair, Id(q), new { outcome = "objected", reasons = "R", alternative = "A" }, HttpStatusCode.Conflict);
        Assert.Contains("silence already counted as consent", late.GetProperty("detail").GetString());
        var deemedList = await (await chair.GetAsync("/api/consultations?toOrgUnit=X-TRALINH&status=deemedAgreed&pageSize=500")).Expect(HttpStatusCode.OK);
        Assert.Contains(deemedList.GetProperty("items").EnumerateArray(), i => Id(i) == Id(q));
        var pendingList = await (await chair.GetAsync("/api/consultations?toOrgUnit=X-TRALINH&status=pending&pageSize=500")).Expect(HttpStatusCode.OK);
        Assert.DoesNotContain(pendingList.GetProperty("items").EnumerateArray(), i => Id(i) == Id(q));

        Assert.Equal(1, await Sweep("2026-09-08"));
        var recorded = await (await owner.GetAsync($"/api/consultations/{Id(q)}")).Expect(HttpStatusCode.OK);
        Assert.Equal("deemedAgreed", Text(recorded, "status"));
        Assert.Equal("2026-09-08", Text(recorded, "deemedOn"));
        Assert.Equal(2, recorded.GetProperty("version").GetInt32());
        Assert.False(recorded.GetProperty("answeredOnTime").GetBoolean());
        Assert.Equal(JsonValueKind.Null, recorded.GetProperty("answeredOn").ValueKind);
        Assert.Equal("agreed", Text(await (await owner.GetAsync($"/api/consultations/{Id(p)}")).Expect(HttpStatusCode.OK), "status"));

        // Idempotent: again, or later, nothing more to record; and still no answer is taken.
        Assert.Equal(0, await Sweep("2026-09-08"));
        Assert.Equal(0, await Sweep("2026-09-09"));
        await Respond(chair, Id(q), new { outcome = "agreed" }, HttpStatusCode.Conflict);
        var deemedEntry = Assert.Single(await AuditOf(Id(q)), e => Text(e, "action") == "deemedAgreed");
        Assert.Equal("system", Text(deemedEntry, "userName"));
    }

    [Fact]
    public async Task Responsiveness_counts_deemed_agreement_as_not_answered()
    {
        // Only this test consults Hoa An commune, so its figures are exactly these three consultations.
        var task = await NewTask();
        using var owner = await app.As("officer.xd");
        // C: asked Fri 26 Jun; Mon 29 (1), Tue 30 (2), Wed 1 Jul (3), Thu 2 (4), Fri 3 Jul (5) = its
        // deadline, in July; never answered, so deemed agreed from 4 July.
        await TodayIs("2026-06-26");
        var c = await Ask(owner, task, new { toOrgUnitCode = "X-HOAAN", question = "Đồng ý mượn mặt bằng nhà văn hóa?" });
        Assert.Equal("2026-07-03", Text(c, "deadline"));
        // A: asked Wed 1 Jul, default deadline Thu 2 (1), Fri 3 (2), Mon 6 (3), Tue 7 (4), Wed 8 Jul (5).
        // B: asked the same day with the longest deadline: … Thu 9 (6), Fri 10 (7), Mon 13 (8), Tue 14 (9), Wed 15 Jul (10).
        await TodayIs("2026-07-01");
        var a = await Ask(owner, task, new { toOrgUnitCode = "X-HOAAN", question = "Đồng ý hướng thoát nước?" });
        Assert.Equal("2026-07-08", Text(a, "deadline"));
        var b = await Ask(owner, task, new { toOrgUnitCode = "X-HOAAN", question = "Đồng ý phương án đền bù?", deadline = "2026-07-15" });
        using var chair = await app.As("chair.hoaan");
        await TodayIs("2026-07-03"); // A answered after 2 working days: Thu 2, Fri 3
        Assert.Equal(2, (await Respond(chair, Id(a), new { outcome = "agreed" })).GetProperty("answerWorkingDays").GetInt32());
        await TodayIs("2026-07-10"); // B answered after 7 working days (2, 3, 6, 7, 8, 9, 10 Jul), within its deadline
        var objected = await Respond(chair, Id(b), new { outcome = "objected", reasons = "Đơn giá chưa phù hợp.", alternative = "Áp dụng bảng giá đất 2026." });
        Assert.Equal(7, objected.GetProperty("answerWorkingDays").GetInt32());

        // 3 received (deadlines 3, 8 and 15 Jul); 2 answered, both on time; answerRate 2/3 = 0.6667;
        // average (2 + 7) / 2 = 4.5 working days; C deemed agreed and not answered.
        await TodayIs("2026-07-20");
        using var reader = await app.As("officer.hoaan");
        async Task<JsonElement> Figures(string query) =>
            await (await reader.GetAsync($"/api/org-units/X-HOAAN/responsiveness{query}")).Expect(HttpStatusCode.OK);
        void Pinned(JsonElement r)
        {
            Assert.Equal(3, r.GetProperty("consultationsReceived").GetInt32());
            Assert.Equal(2, r.GetProperty("answered").GetInt32());
            Assert.Equal(2, r.GetProperty("answeredOnTime").GetInt32());
            Assert.Equal(0.6667m, r.GetProperty("answerRate").GetDecimal());
            Assert.Equal(4.5m, r.GetProperty("averageAnswerWorkingDays").GetDecimal());
            Assert.Equal(1, r.GetProperty("deemedAgreed").GetInt32());
            Assert.Equal(0, r.GetProperty("pending").GetInt32());
        }
        var july = await Figures("?period=2026-07");
        Pinned(july);
        Assert.Equal("2026-07", Text(july, "period"));
        Pinned(await Figures("?period=2026Q3"));
        Pinned(await Figures("")); // the current year, 2026
        Assert.Equal("2026", Text(await Figures(""), "period"));

        // Recorded by the sweep, the deemed agreement is still not an answer.
        Assert.True(await Sweep("2026-07-20") >= 1);
        Pinned(await Figures("?period=2026-07"));

        // C was asked in June, but counts where its deadline falls.
        var june = await Figures("?period=2026-06");
        Assert.Equal(0, june.GetProperty("consultationsReceived").GetInt32());
        Assert.Equal(JsonValueKind.Null, june.GetProperty("answerRate").ValueKind);
        Assert.Equal(JsonValueKind.Null, june.GetProperty("averageAnswerWorkingDays").ValueKind);

        using (var leader = await app.As("leader")) Pinned(await (await leader.GetAsync("/api/org-units/X-HOAAN/responsiveness?period=2026")).Expect(HttpStatusCode.OK));
        using (var outsider = await app.As("officer.tralinh"))
            await (await outsider.GetAsync("/api/org-units/X-HOAAN/responsiveness")).Expect(HttpStatusCode.Forbidden);
        await (await reader.GetAsync("/api/org-units/NOPE/responsiveness")).Expect(HttpStatusCode.NotFound);
        var bad = await (await reader.GetAsync("/api/org-units/X-HOAAN/responsiveness?period=2026Q5")).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(["period"], bad.GetProperty("errors").Keys());
    }

    [Fact]
    public async Task Lists_show_only_what_the_caller_may_read_filtered_by_unit_and_status()
    {
        var task = await NewTask();
        using var owner = await app.As("officer.xd");
        await TodayIs("2026-10-01"); // a Thursday; Fri 2 (1), Mon 5 (2), Tue 6 (3), Wed 7 (4), Thu 8 Oct (5)
        var l = Id(await Ask(owner, task, new { toOrgUnitCode = "X-TRALINH", question = "Đồng ý lịch thi công tháng 10?" }));

        async Task<bool> Sees(string user, string query)
        {
            using var c = await app.As(user);
            var page = await (await c.GetAsync("/api/consultations?pageSize=500" + query)).Expect(HttpStatusCode.OK);
            var items = page.GetProperty("items").EnumerateArray().ToList();
            Assert.True(page.GetProperty("total").GetInt32() >= items.Count);
            return items.Any(i => Id(i) == l);
        }
        Assert.True(await Sees("chair.tralinh", "&toOrgUnit=X-TRALINH&status=pending"));
        Assert.True(await Sees("officer.xd", ""));
        Assert.True(await Sees("director.xd", ""));
        Assert.True(await Sees("leader", "&toOrgUnit=CB")); // the addressed unit's subtree
        Assert.False(await Sees("chair.hoaan", ""));
        Assert.False(await Sees("officer.tralinh", ""));
        Assert.False(await Sees("chair.tralinh", "&status=agreed"));
        Assert.False(await Sees("leader", "&toOrgUnit=X-HOAAN"));

        var item = (await (await owner.GetAsync($"/api/consultations/{l}")).Expect(HttpStatusCode.OK));
        Assert.Equal("2026-10-08", Text(item, "deadline"));
        var badStatus = await (await owner.GetAsync("/api/consultations?status=someday")).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(["status"], badStatus.GetProperty("errors").Keys());
        await (await owner.GetAsync("/api/consultations?toOrgUnit=NOPE")).Expect(HttpStatusCode.NotFound);
        await (await owner.GetAsync("/api/consultations?pageSize=501")).Expect(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Bad_input_is_a_problem_that_names_the_field()
    {
        var task = await NewTask();
        using var owner = await app.As("officer.xd");
        await (await owner.PostRaw($"/api/tasks/{task}/consultations", "{\"toOrgUnitCode\": ")).Expect(HttpStatusCode.BadRequest);
        var wrongType = await (await owner.PostRaw($"/api/tasks/{task}/consultations",
            "{\"toOrgUnitCode\":\"X-TRALINH\",\"question\":\"Q?\",\"deadline\":\"soon\"}")).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(["deadline"], wrongType.GetProperty("errors").Keys());
        var tooLong = await Ask(owner, task, new { toOrgUnitCode = "X-TRALINH", question = new string('x', 10_001) }, HttpStatusCode.BadRequest);
        Assert.Equal(["question"], tooLong.GetProperty("errors").Keys());

        using var chair = await app.As("chair.tralinh");
        await (await chair.PostRaw("/api/consultations/1/respond", "[1,2,")).Expect(HttpStatusCode.BadRequest);
        var outcomeType = await (await chair.PostRaw("/api/consultations/1/respond", "{\"outcome\":5}")).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(["outcome"], outcomeType.GetProperty("errors").Keys());
        await (await chair.GetAsync("/api/consultations/999999")).Expect(HttpStatusCode.NotFound);
        await Respond(chair, 999_999, new { outcome = "agreed" }, HttpStatusCode.NotFound);
        await Ask(owner, "CB-2026-999999", new { toOrgUnitCode = "X-TRALINH", question = "Q?" }, HttpStatusCode.NotFound);
        await Ask(owner, "not-a-task", new { toOrgUnitCode = "X-TRALINH", question = "Q?" }, HttpStatusCode.NotFound);
    }
}

public sealed class ConsultationTestsOnSqlite(SqliteApp app) : ConsultationTests(app), IClassFixture<SqliteApp>;

public sealed class ConsultationTestsOnPostgres(PostgresApp app) : ConsultationTests(app), IClassFixture<PostgresApp>;
