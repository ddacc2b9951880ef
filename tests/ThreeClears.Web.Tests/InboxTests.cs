using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ThreeClears.Domain.Tasks;
using ThreeClears.Web.Features.Organisation;
using ThreeClears.Web.Features.Tasks;
using ThreeClears.Web.Tests.Support;

namespace ThreeClears.Web.Tests;

/// <summary>Each official's reminders (PRODUCT.md "Reminders"), once per store.</summary>
public abstract class InboxTests(AppFixture app)
{
    private static DateOnly D(int month, int day) => new(2026, month, day);

    private async Task<JsonElement> InboxAsync(string who)
    {
        using var c = await app.As(who);
        return await (await c.GetAsync("/api/inbox")).Expect(HttpStatusCode.OK);
    }

    private static int[] Ids(JsonElement inbox, string group)
    {
        var g = inbox.GetProperty(group);
        var ids = g.GetProperty("items").EnumerateArray().Select(x => x.GetProperty("id").GetInt32()).ToArray();
        Assert.Equal(ids.Length, g.GetProperty("count").GetInt32());
        return ids;
    }

    [Fact]
    public async Task Each_official_sees_what_waits_for_them()
    {
        // Monday 2 March 2026, 10:00 in Vietnam. "Within 5 working days": Tue 3 (1), Wed 4 (2), Thu 5 (3),
        // Fri 6 (4), Mon 9 (5): due from today to 9 March.
        await using var _ = await ClockAt.SetAsync(app, "2026-03-02T03:00:00Z");
        var dueNine = await TaskSeed.CreateAsync(app, "officer.hoaan", "chair.hoaan", D(3, 9));
        var dueToday = await TaskSeed.CreateAsync(app, "officer.hoaan", "chair.hoaan", D(3, 2));
        var dueTen = await TaskSeed.CreateAsync(app, "officer.hoaan", "chair.hoaan", D(3, 10));
        var overdue = await TaskSeed.CreateAsync(app, "officer.hoaan", "chair.hoaan", D(2, 27));
        await TaskSeed.CreateAsync(app, "officer.hoaan", "chair.hoaan", D(3, 5), reports: [(D(3, 1), 100m)], completedOn: D(3, 1));
        await TaskSeed.CreateAsync(app, "officer.hoaan", "chair.hoaan", D(3, 4), cancelledOn: D(2, 20));
        // Delivered the target, waiting for a verifier.
        var delivered = await TaskSeed.CreateAsync(app, "officer.hoaan", "chair.hoaan", D(3, 31), target: 10, reports: [(D(3, 1), 10m)]);
        // Rejected after its latest report: back with the owner, waiting for nobody.
        var rejected = await TaskSeed.CreateAsync(app, "officer.hoaan", "chair.hoaan", D(3, 31), target: 10, reports: [(D(3, 1), 10m)]);
        // Rejected, then reported again: waiting again.
        var reportedAgain = await TaskSeed.CreateAsync(app, "officer.hoaan", "chair.hoaan", D(3, 31), target: 10,
            reports: [(D(2, 20), 10m), (D(3, 1), 12m)]);
        // The chair's own task, given by the leader: the leader verifies it, not the chair.
        var chairs = await TaskSeed.CreateAsync(app, "chair.hoaan", "leader", D(3, 20), target: 5, reports: [(D(2, 27), 5m)]);

        int askedTralinh;
        await using (var scope = app.Scope(out var db))
        {
            var chair = await db.Users.SingleAsync(u => u.UserName == "chair.hoaan");
            var officer = await db.Users.SingleAsync(u => u.UserName == "officer.hoaan");
            db.Add(new TaskVerification { TaskId = rejected, Approved = false, Note = "Thiếu ảnh", ByUserId = chair.Id, On = D(3, 1), At = new DateTime(2026, 3, 1, 5, 0, 0, DateTimeKind.Utc) });
            db.Add(new TaskVerification { TaskId = reportedAgain, Approved = false, Note = "Thiếu ảnh", ByUserId = chair.Id, On = D(2, 25), At = new DateTime(2026, 2, 25, 5, 0, 0, DateTimeKind.Utc) });
            var tralinh = await db.Set<OrgUnit>().SingleAsync(u => u.Code == "X-TRALINH");
            Consultation Ask(DateOnly deadline, ConsultationStatus status) => new()
            {
                TaskId = dueTen, AskedById = officer.Id, ToOrgUnitId = tralinh.Id, Question = "Có vướng quy hoạch không?", AskedOn = D(2, 20),
                AskedAt = new DateTime(2026, 2, 20, 3, 0, 0, DateTimeKind.Utc), Deadline = deadline, Status = status,
            };
            var pending = Ask(D(3, 9), ConsultationStatus.Pending);
            db.AddRange(pending, Ask(D(2, 27), ConsultationStatus.Pending), Ask(D(3, 9), ConsultationStatus.Agreed));
            await db.SaveChangesAsync();
            askedTralinh = pending.Id;
        }
        using var owner = await app.As("officer.hoaan");
        var escalation = (await (await owner.PostAsJsonAsync($"/api/tasks/{dueTen}/escalations", new { reason = "blocked", question = "Thiếu vật liệu" }))
            .Expect(HttpStatusCode.Created)).GetProperty("id").GetInt32();

        var mine = await InboxAsync("officer.hoaan");
        Assert.Equal(("2026-03-02", "2026-03-09"), (mine.GetProperty("asOf").GetString(), mine.GetProperty("dueSoonUntil").GetString()));
        Assert.Equal(new[] { dueToday, dueNine }, Ids(mine, "dueSoon"));
        Assert.Equal(new[] { overdue }, Ids(mine, "overdue"));
        Assert.Empty(Ids(mine, "toVerify"));
        Assert.Empty(Ids(mine, "escalations"));
        Assert.Empty(Ids(mine, "consultations"));
        var first = mine.GetProperty("dueSoon").GetProperty("items")[0];
        Assert.Equal(("officer.hoaan", "X-HOAAN", "2026-03-02"), (first.GetProperty("ownerUserName").GetString(), first.GetProperty("ownerOrgUnitCode").GetString(), first.GetProperty("dueDate").GetString()));
        Assert.StartsWith("CB-2026-", first.GetProperty("code").GetString());

        var chairInbox = await InboxAsync("chair.hoaan");
        Assert.Equal(new[] { delivered, reportedAgain }, Ids(chairInbox, "toVerify"));
        var e = Assert.Single(chairInbox.GetProperty("escalations").GetProperty("items").EnumerateArray());
        Assert.Equal((escalation, "blocked", "2026-03-04", false), (e.GetProperty("id").GetInt32(), e.GetProperty("reason").GetString(), e.GetProperty("respondBy").GetString(), e.GetProperty("pastRespondBy").GetBoolean()));
        Assert.Empty(Ids(chairInbox, "dueSoon"));
        Assert.Empty(Ids(chairInbox, "consultations"));

        foreach (var who in new[] { "leader", "inspector" })
            Assert.Equal(new[] { chairs, delivered, reportedAgain }, Ids(await InboxAsync(who), "toVerify"));

        var other = await InboxAsync("chair.tralinh");
        Assert.Empty(Ids(other, "toVerify"));
        Assert.Equal(new[] { askedTralinh }, Ids(other, "consultations"));
        var c = other.GetProperty("consultations").GetProperty("items")[0];
        Assert.Equal(("officer.hoaan", "X-TRALINH", "2026-03-09"), (c.GetProperty("askedByUserName").GetString(), c.GetProperty("toOrgUnitCode").GetString(), c.GetProperty("deadline").GetString()));
        // officer.tralinh may not answer for the commune.
        Assert.Empty(Ids(await InboxAsync("officer.tralinh"), "consultations"));
        var nothing = await InboxAsync("welfare.hoaan");
        foreach (var group in new[] { "dueSoon", "overdue", "toVerify", "escalations", "consultations" }) Assert.Empty(Ids(nothing, group));
    }

    [Fact]
    public async Task The_inbox_needs_a_login()
    {
        using var c = app.Anonymous();
        await (await c.GetAsync("/api/inbox")).Expect(HttpStatusCode.Unauthorized);
    }
}

public sealed class InboxTestsOnSqlite(SqliteApp app) : InboxTests(app), IClassFixture<SqliteApp>;

public sealed class InboxTestsOnPostgres(PostgresApp app) : InboxTests(app), IClassFixture<PostgresApp>;
