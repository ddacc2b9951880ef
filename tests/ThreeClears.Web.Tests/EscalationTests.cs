using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ThreeClears.Domain.Tasks;
using ThreeClears.Web.Features.Tasks;
using ThreeClears.Web.Tests.Support;

namespace ThreeClears.Web.Tests;



/// <summary>Raising, routing, resolving and seeing escalations, over real HTTP, once per store.</summary>
public abstract class EscalationTests(AppFixture app)
{
    // Thursday 23 April 2026, 10:00 in Vietnam. The next working days: Fri 24 (1); Sat 25 and Sun 26
    // are the weekend (Sun 26 is Hung Kings' day, lunar 10/3, so Mon 27 is given off instead);
    // Tue 28 (2). So an escalation raised today must be answered by 2026-04-28.
    private const string Thursday = "2026-04-23T03:00:00Z";
    private static readonly DateOnly Later = new(2026, 6, 30);

    private async Task<JsonElement> RaiseAsync(string owner, int taskId, string reason = "exceedsAuthority", string question = "Cần vốn đối ứng vượt thẩm quyền xã?")
    {
        using var c = await app.As(owner);
        var res = await c.PostAsJsonAsync($"/api/tasks/{taskId}/escalations", new { reason, question });
        var body = await res.Expect(HttpStatusCode.Created);
        Assert.Equal($"/api/escalations/{body.GetProperty("id").GetInt32()}", res.Headers.Location?.OriginalString);
        return body;
    }

    private static string? S(JsonElement e, string name) => e.GetProperty(name).GetString();

    [Fact]
    public async Task Raising_goes_to_the_head_of_the_owners_unit_within_2_working_days()
    {
        await using var _ = await ClockAt.SetAsync(app, Thursday);
        var task = await TaskSeed.CreateAsync(app, "officer.tralinh", "chair.tralinh", Later);
        var e = await RaiseAsync("officer.tralinh", task, "blocked");
        Assert.Equal(task, e.GetProperty("taskId").GetInt32());
        Assert.Equal("blocked", S(e, "reason"));
        Assert.Equal("chair.tralinh", S(e, "toUserName"));
        Assert.Equal("X-TRALINH", S(e, "toOrgUnitCode"));
        Assert.Equal(1, e.GetProperty("level").GetInt32());
        Assert.Equal("2026-04-23", S(e, "raisedOn"));
        Assert.Equal("2026-04-28", S(e, "respondBy"));
        Assert.Equal("open", S(e, "status"));
        Assert.Equal("officer.tralinh", S(e, "raisedByUserName"));
        Assert.StartsWith("CB-2026-", S(e, "taskCode"));
        var step = Assert.Single(e.GetProperty("steps").EnumerateArray());
        Assert.Equal(("chair.tralinh", "2026-04-28"), (S(step, "toUserName"), S(step, "respondBy")));

        // The task's code names it as well as its id.
        using var owner = await app.As("officer.tralinh");
        var byCode = await (await owner.PostAsJsonAsync($"/api/tasks/{S(e, "taskCode")}/escalations", new { reason = "exceedsAuthority", question = "Lần hai" }))
            .Expect(HttpStatusCode.Created);
        Assert.Equal(task, byCode.GetProperty("taskId").GetInt32());
        using var chair = await app.As("chair.tralinh");
        var got = await (await chair.GetAsync($"/api/escalations/{e.GetProperty("id").GetInt32()}")).Expect(HttpStatusCode.OK);
        Assert.Equal("Cần vốn đối ứng vượt thẩm quyền xã?", S(got, "question"));
    }

    [Fact]
    public async Task An_owner_who_heads_the_unit_escalates_to_the_head_of_the_parent()
    {
        await using var _ = await ClockAt.SetAsync(app, Thursday);
        // chair.tralinh heads X-TRALINH and gave the task to himself: it goes to the head of CB.
        var task = await TaskSeed.CreateAsync(app, "chair.tralinh", "chair.tralinh", Later);
        var e = await RaiseAsync("chair.tralinh", task);
        Assert.Equal(("leader", "CB", "2026-04-28"), (S(e, "toUserName"), S(e, "toOrgUnitCode"), S(e, "respondBy")));
    }

    [Fact]
    public async Task An_assigner_above_the_head_takes_the_escalation()
    {
        await using var _ = await ClockAt.SetAsync(app, Thursday);
        // The leader (at CB) assigned officer.tralinh directly: CB is above X-TRALINH, whose head is chair.tralinh.
        var fromLeader = await TaskSeed.CreateAsync(app, "officer.tralinh", "leader", Later);
        var e = await RaiseAsync("officer.tralinh", fromLeader);
        Assert.Equal(("leader", "CB"), (S(e, "toUserName"), S(e, "toOrgUnitCode")));
        // An assigner in the owner's own unit is not above its head.
        var fromChair = await TaskSeed.CreateAsync(app, "officer.tralinh", "chair.tralinh", Later);
        Assert.Equal("chair.tralinh", S(await RaiseAsync("officer.tralinh", fromChair), "toUserName"));
    }

    [Fact]
    public async Task A_unit_without_a_head_is_passed_over()
    {
        await using var _ = await ClockAt.SetAsync(app, Thursday);
        await TaskSeed.EnsureVillageAsync(app, "TL-KHONGTRUONG", "officer.khongtruong", head: null);
        var task = await TaskSeed.CreateAsync(app, "officer.khongtruong", "chair.tralinh", Later);
        var e = await RaiseAsync("officer.khongtruong", task);
        Assert.Equal(("chair.tralinh", "X-TRALINH"), (S(e, "toUserName"), S(e, "toOrgUnitCode")));
    }

    [Fact]
    public async Task The_recipient_resolves_once_and_the_version_guards_it()
    {
        await using var _ = await ClockAt.SetAsync(app, Thursday);
        var task = await TaskSeed.CreateAsync(app, "officer.tralinh", "chair.tralinh", Later);
        var id = (await RaiseAsync("officer.tralinh", task)).GetProperty("id").GetInt32();
        using var chair = await app.As("chair.tralinh");
        var stale = new HttpRequestMessage(HttpMethod.Post, $"/api/escalations/{id}/resolve") { Content = JsonContent.Create(new { decision = "x" }) };
        stale.Headers.TryAddWithoutValidation("If-Match", "\"7\"");
        await (await chair.SendAsync(stale)).Expect(HttpStatusCode.Conflict);

        var res = await chair.PostAsJsonAsync($"/api/escalations/{id}/resolve", new { decision = "Xã bố trí vốn đối ứng từ nguồn dự phòng", note = "Trong tuần" });
        var done = await res.Expect(HttpStatusCode.OK);
        Assert.Equal("\"2\"", res.Headers.ETag?.Tag);
        Assert.Equal(("resolved", "chair.tralinh", "2026-04-23"), (S(done, "status"), S(done, "resolvedByUserName"), S(done, "resolvedOn")));
        Assert.Equal("Xã bố trí vốn đối ứng từ nguồn dự phòng", S(done, "decision"));
        Assert.Equal("Trong tuần", S(done, "note"));
        var again = await (await chair.PostAsJsonAsync($"/api/escalations/{id}/resolve", new { decision = "Lại" })).Expect(HttpStatusCode.Conflict);
        Assert.Contains("already resolved", S(again, "detail"));

        using var admin = await app.As("admin");
        var audit = await (await admin.GetAsync($"/api/audit?entity=escalation&id={id}")).Expect(HttpStatusCode.OK);
        Assert.Equal(new[] { "raise", "resolve" }, audit.GetProperty("items").EnumerateArray().Select(a => S(a, "action")).Order());
    }

    [Fact]
    public async Task Someone_above_the_recipient_resolves_it()
    {
        await using var _ = await ClockAt.SetAsync(app, Thursday);
        var task = await TaskSeed.CreateAsync(app, "officer.tralinh", "chair.tralinh", Later);
        var id = (await RaiseAsync("officer.tralinh", task)).GetProperty("id").GetInt32();
        // The leader's role at CB resolves escalations for X-TRALINH, chair.tralinh's unit.
        using var leader = await app.As("leader");
        var done = await (await leader.PostAsJsonAsync($"/api/escalations/{id}/resolve", new { decision = "Tỉnh hỗ trợ" })).Expect(HttpStatusCode.OK);
        Assert.Equal(("resolved", "leader"), (S(done, "status"), S(done, "resolvedByUserName")));
        Assert.Equal(JsonValueKind.Null, done.GetProperty("note").ValueKind);
    }

    [Fact]
    public async Task Unrelated_officials_and_the_owner_may_not_resolve()
    {
        await using var _ = await ClockAt.SetAsync(app, Thursday);
        var task = await TaskSeed.CreateAsync(app, "officer.tralinh", "chair.tralinh", Later);
        var id = (await RaiseAsync("officer.tralinh", task)).GetProperty("id").GetInt32();
        foreach (var who in new[] { "officer.tralinh", "welfare.tralinh", "officer.xd", "director.xd", "inspector" })
        {
            using var c = await app.As(who);
            await (await c.PostAsJsonAsync($"/api/escalations/{id}/resolve", new { decision = "Tự giải quyết" })).Expect(HttpStatusCode.Forbidden);
        }
        // Escalated to the leader, it is beyond chair.tralinh, though he owns the task and manages his commune.
        var own = await TaskSeed.CreateAsync(app, "chair.tralinh", "chair.tralinh", Later);
        var up = (await RaiseAsync("chair.tralinh", own)).GetProperty("id").GetInt32();
        using var chair = await app.As("chair.tralinh");
        await (await chair.PostAsJsonAsync($"/api/escalations/{up}/resolve", new { decision = "Tự giải quyết" })).Expect(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_owner_whose_role_covers_the_recipients_unit_may_resolve()
    {
        await using var _ = await ClockAt.SetAsync(app, Thursday);
        // deputy.phothon manages TL-PHOTHON beside its head: the escalation goes to the head, and the
        // deputy's own role resolves escalations there, as anyone's above would.
        await TaskSeed.EnsureVillageAsync(app, "TL-PHOTHON", "officer.phothon", "head.phothon");
        using (var admin = await app.As("admin"))
        {
            await (await admin.PostAsJsonAsync("/api/users/officer.phothon/roles", new { role = "manager", orgUnitCode = "TL-PHOTHON" })).Expect(HttpStatusCode.OK);
        }
        var task = await TaskSeed.CreateAsync(app, "officer.phothon", "head.phothon", Later);
        using var owner = await app.As("officer.phothon", TaskSeed.Password);
        var e = await (await owner.PostAsJsonAsync($"/api/tasks/{task}/escalations", new { reason = "blocked", question = "Đường vào thôn sạt lở" }))
            .Expect(HttpStatusCode.Created);
        Assert.Equal("head.phothon", S(e, "toUserName"));
        await (await owner.PostAsJsonAsync($"/api/escalations/{e.GetProperty("id").GetInt32()}/resolve", new { decision = "Đi đường vòng" }))
            .Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Another_commune_neither_sees_nor_resolves_the_escalation()
    {
        await using var _ = await ClockAt.SetAsync(app, Thursday);
        var task = await TaskSeed.CreateAsync(app, "officer.tralinh", "chair.tralinh", Later);
        var id = (await RaiseAsync("officer.tralinh", task)).GetProperty("id").GetInt32();
        foreach (var who in new[] { "chair.hoaan", "officer.hoaan" })
        {
            using var c = await app.As(who);
            await (await c.GetAsync($"/api/escalations/{id}")).Expect(HttpStatusCode.Forbidden);
            await (await c.PostAsJsonAsync($"/api/escalations/{id}/resolve", new { decision = "Không" })).Expect(HttpStatusCode.Forbidden);
            foreach (var url in new[] { "/api/escalations?pageSize=500", "/api/escalations?mine=true&pageSize=500" })
            {
                var list = await (await c.GetAsync(url)).Expect(HttpStatusCode.OK);
                Assert.DoesNotContain(id, list.GetProperty("items").EnumerateArray().Select(x => x.GetProperty("id").GetInt32()));
            }
        }
    }

    [Fact]
    public async Task Lists_show_what_is_addressed_to_me_and_what_my_units_cover()
    {
        await using var _ = await ClockAt.SetAsync(app, Thursday);
        var task = await TaskSeed.CreateAsync(app, "officer.tralinh", "chair.tralinh", Later);
        var open = (await RaiseAsync("officer.tralinh", task)).GetProperty("id").GetInt32();
        var closed = (await RaiseAsync("officer.tralinh", task, "blocked")).GetProperty("id").GetInt32();
        using var chair = await app.As("chair.tralinh");
        await (await chair.PostAsJsonAsync($"/api/escalations/{closed}/resolve", new { decision = "Xong" })).Expect(HttpStatusCode.OK);

        static async Task<int[]> Ids(HttpClient c, string url) =>
            [.. (await (await c.GetAsync(url)).Expect(HttpStatusCode.OK)).GetProperty("items").EnumerateArray().Select(x => x.GetProperty("id").GetInt32())];

        var mineOpen = await Ids(chair, "/api/escalations?mine=true&status=open&pageSize=500");
        Assert.Contains(open, mineOpen);
        Assert.DoesNotContain(closed, mineOpen);
        Assert.Contains(closed, await Ids(chair, "/api/escalations?mine=true&status=resolved&pageSize=500"));
        using var owner = await app.As("officer.tralinh");
        Assert.Empty(await Ids(owner, "/api/escalations?mine=true"));
        Assert.Contains(open, await Ids(owner, "/api/escalations?pageSize=500"));
        foreach (var who in new[] { "leader", "inspector", "welfare.tralinh" })
        {
            using var c = await app.As(who);
            var seen = await Ids(c, "/api/escalations?pageSize=500");
            // welfare.tralinh reads no tasks and is nobody's recipient: she sees none.
            Assert.Equal(who != "welfare.tralinh", seen.Contains(open));
        }
        var page = await (await chair.GetAsync("/api/escalations?mine=true&pageSize=1")).Expect(HttpStatusCode.OK);
        Assert.Equal(1, page.GetProperty("items").GetArrayLength());
        Assert.True(page.GetProperty("total").GetInt32() >= 2);
    }

    [Fact]
    public async Task Bad_input_is_named_and_unknown_ids_are_404()
    {
        await using var _ = await ClockAt.SetAsync(app, Thursday);
        var task = await TaskSeed.CreateAsync(app, "officer.tralinh", "chair.tralinh", Later);
        using var c = await app.As("officer.tralinh");
        var url = $"/api/tasks/{task}/escalations";
        var missing = await (await c.PostAsJsonAsync(url, new { reason = "blocked" })).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(["question"], missing.GetProperty("errors").Keys());
        var unknown = await (await c.PostAsJsonAsync(url, new { reason = "tired", question = "?" })).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(["reason"], unknown.GetProperty("errors").Keys());
        var overdue = await (await c.PostAsJsonAsync(url, new { reason = "overdue", question = "?" })).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(["reason"], overdue.GetProperty("errors").Keys());
        var empty = await (await c.PostAsJsonAsync(url, new { })).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(new[] { "question", "reason" }, empty.GetProperty("errors").Keys().Order());
        var tooLong = await (await c.PostAsJsonAsync(url, new { reason = "blocked", question = new string('x', 10_001) })).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(["question"], tooLong.GetProperty("errors").Keys());
        var wrongType = await (await c.PostRaw(url, "{\"reason\":\"blocked\",\"question\":[1]}")).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(["question"], wrongType.GetProperty("errors").Keys());
        await (await c.PostRaw(url, "{\"reason\": ")).Expect(HttpStatusCode.BadRequest);

        await (await c.PostAsJsonAsync("/api/tasks/999999/escalations", new { reason = "blocked", question = "?" })).Expect(HttpStatusCode.NotFound);
        await (await c.PostAsJsonAsync("/api/tasks/not-a-task/escalations", new { reason = "blocked", question = "?" })).Expect(HttpStatusCode.NotFound);
        await (await c.PostAsJsonAsync("/api/escalations/999999/resolve", new { decision = "x" })).Expect(HttpStatusCode.NotFound);
        await (await c.GetAsync("/api/escalations/999999")).Expect(HttpStatusCode.NotFound);
        Assert.Equal(["status"], (await (await c.GetAsync("/api/escalations?status=maybe")).Expect(HttpStatusCode.BadRequest)).GetProperty("errors").Keys());
        await (await c.GetAsync("/api/escalations?pageSize=501")).Expect(HttpStatusCode.BadRequest);
        await (await app.Anonymous().GetAsync("/api/escalations")).Expect(HttpStatusCode.Unauthorized);

        // Only the owner raises: the assigner and the leader are refused.
        foreach (var who in new[] { "chair.tralinh", "leader" })
        {
            using var other = await app.As(who);
            await (await other.PostAsJsonAsync(url, new { reason = "blocked", question = "?" })).Expect(HttpStatusCode.Forbidden);
        }
        var id = (await RaiseAsync("officer.tralinh", task)).GetProperty("id").GetInt32();
        using var chair = await app.As("chair.tralinh");
        var noDecision = await (await chair.PostAsJsonAsync($"/api/escalations/{id}/resolve", new { note = "?" })).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(["decision"], noDecision.GetProperty("errors").Keys());
    }

    [Fact]
    public async Task Finished_tasks_refuse_escalations()
    {
        await using var _ = await ClockAt.SetAsync(app, Thursday);
        var completed = await TaskSeed.CreateAsync(app, "officer.tralinh", "chair.tralinh", new DateOnly(2026, 4, 10),
            reports: [(new DateOnly(2026, 4, 9), 100m)], completedOn: new DateOnly(2026, 4, 9));
        var cancelled = await TaskSeed.CreateAsync(app, "officer.tralinh", "chair.tralinh", Later, cancelledOn: new DateOnly(2026, 4, 20));
        using var c = await app.As("officer.tralinh");
        foreach (var task in new[] { completed, cancelled })
            await (await c.PostAsJsonAsync($"/api/tasks/{task}/escalations", new { reason = "blocked", question = "?" })).Expect(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Nobody_above_is_a_422()
    {
        await using var _ = await ClockAt.SetAsync(app, Thursday);
        // The leader heads the root and gave the task to himself: there is nobody to escalate to.
        var task = await TaskSeed.CreateAsync(app, "leader", "leader", Later);
        using var c = await app.As("leader");
        await (await c.PostAsJsonAsync($"/api/tasks/{task}/escalations", new { reason = "blocked", question = "?" })).Expect(HttpStatusCode.UnprocessableEntity);
        await using var scope = app.Scope(out var db);
        Assert.False(await db.Set<Escalation>().AnyAsync(e => e.TaskId == task));
    }
}

public sealed class EscalationTestsOnSqlite(SqliteApp app) : EscalationTests(app), IClassFixture<SqliteApp>;

public sealed class EscalationTestsOnPostgres(PostgresApp app) : EscalationTests(app), IClassFixture<PostgresApp>;
