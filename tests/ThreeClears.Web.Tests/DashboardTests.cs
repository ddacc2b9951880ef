using System.Net;
using Microsoft.EntityFrameworkCore;
using ThreeClears.Web.Features.Tasks;
using ThreeClears.Web.Tests.Support;

namespace ThreeClears.Web.Tests;

/// <summary>The province at a glance (PRODUCT.md §2): targets vs actuals, tasks by status, overdue by unit, escalations waiting.</summary>
public abstract class DashboardTests(AppFixture app)
{
    [Fact]
    public async Task The_province_sees_import_export_against_its_target()
    {
        using var c = await app.As("leader");
        var d = await (await c.GetAsync("/api/dashboard?orgUnit=CB&period=2025-08")).Expect(HttpStatusCode.OK);
        Assert.Equal("CB", d.GetProperty("orgUnitCode").GetString());
        Assert.Equal("2025-08", d.GetProperty("period").GetString());
        var rows = d.GetProperty("indicators").EnumerateArray().ToList();
        var ie = Assert.Single(rows, r => r.GetProperty("indicatorCode").GetString() == "IMPORT_EXPORT");
        // First 8 months of 2025: USD 995 million against USD 1,600 million → 995 ÷ 1,600 × 100 = 62.1875 %.
        Assert.Equal(995m, ie.GetProperty("ytd").GetDecimal());
        Assert.Equal(1600m, ie.GetProperty("target").GetDecimal());
        Assert.Equal(62.1875m, ie.GetProperty("achievementPercent").GetDecimal());
        Assert.Equal(1492.5m, ie.GetProperty("forecast").GetDecimal());
        Assert.False(ie.GetProperty("onTrack").GetBoolean());
        // Houses replaced is a key indicator too (a 2025 target at CB): 19,067 of 19,067.
        var houses = Assert.Single(rows, r => r.GetProperty("indicatorCode").GetString() == "HOUSES_REPLACED");
        Assert.Equal(19067m, houses.GetProperty("target").GetDecimal());
        // Every row is a target of 2025 at CB.
        Assert.All(rows, r => Assert.Equal("CB", r.GetProperty("orgUnitCode").GetString()));
    }

    [Fact]
    public async Task Tasks_by_status_overdue_by_unit_and_escalations_waiting()
    {
        await TaskSeed.EnsureVillageAsync(app, "TL-DASHBOARD", "officer.dashboard", "head.dashboard");
        var past = new DateOnly(2025, 1, 10);
        var overdue1 = await TaskSeed.CreateAsync(app, "officer.dashboard", "head.dashboard", past, createdOn: new DateOnly(2024, 12, 1));
        var overdue2 = await TaskSeed.CreateAsync(app, "officer.dashboard", "head.dashboard", past, createdOn: new DateOnly(2024, 12, 1));
        await TaskSeed.CreateAsync(app, "officer.dashboard", "head.dashboard", new DateOnly(2027, 6, 30));
        await TaskSeed.CreateAsync(app, "officer.dashboard", "head.dashboard", new DateOnly(2025, 3, 1), cancelledOn: new DateOnly(2025, 2, 1));
        await using (var scope = app.Scope(out var db))
        {
            await db.Set<TaskItem>().Where(t => t.Id == overdue1 || t.Id == overdue2)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, Domain.Tasks.TaskStatus.Overdue));
            var head = await db.Users.Where(u => u.UserName == "head.dashboard").Select(u => new { u.Id, u.OrgUnitId }).FirstAsync();
            var officer = await db.Users.Where(u => u.UserName == "officer.dashboard").Select(u => u.Id).FirstAsync();
            foreach (var (task, state) in new[] { (overdue1, EscalationState.Open), (overdue2, EscalationState.Resolved) })
                db.Add(new Escalation
                {
                    TaskId = task, Reason = EscalationReason.Blocked, Question = "Thiếu vật liệu", RaisedById = officer,
                    RaisedOn = past, RaisedAt = past.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), ToUserId = head.Id, ToOrgUnitId = head.OrgUnitId,
                    RespondBy = past.AddDays(2), Status = state,
                });
            await db.SaveChangesAsync();
        }

        using var c = await app.As("leader");
        var village = await (await c.GetAsync("/api/dashboard?orgUnit=TL-DASHBOARD&period=2025-08")).Expect(HttpStatusCode.OK);
        var byStatus = village.GetProperty("tasks").GetProperty("byStatus");
        Assert.Equal(2, byStatus.GetProperty("overdue").GetInt32());
        Assert.Equal(1, byStatus.GetProperty("onTrack").GetInt32());
        Assert.Equal(1, byStatus.GetProperty("cancelled").GetInt32());
        Assert.Equal(0, byStatus.GetProperty("atRisk").GetInt32());
        Assert.Equal(1, village.GetProperty("escalationsWaiting").GetInt32());
        Assert.Empty(village.GetProperty("tasks").GetProperty("overdueByUnit").EnumerateArray());

        // From the commune above, the village is one of the direct children, with its 2 overdue tasks.
        var commune = await (await c.GetAsync("/api/dashboard?orgUnit=X-TRALINH&period=2025-08")).Expect(HttpStatusCode.OK);
        var row = Assert.Single(commune.GetProperty("tasks").GetProperty("overdueByUnit").EnumerateArray(),
            r => r.GetProperty("orgUnitCode").GetString() == "TL-DASHBOARD");
        Assert.Equal(2, row.GetProperty("count").GetInt32());
        Assert.True(commune.GetProperty("escalationsWaiting").GetInt32() >= 1);
    }

    [Fact]
    public async Task Without_a_period_the_latest_month_with_data_is_shown()
    {
        using var c = await app.As("leader");
        var d = await (await c.GetAsync("/api/dashboard?orgUnit=CB")).Expect(HttpStatusCode.OK);
        // The demo's monthly figures run to August 2025.
        Assert.Equal("2025-08", d.GetProperty("period").GetString());
    }

    [Fact]
    public async Task Scope_follows_the_callers_roles()
    {
        await TaskSeed.EnsureVillageAsync(app, "TL-DASHBOARD", "officer.dashboard", "head.dashboard");
        using var officer = await app.As("officer.dashboard");
        // An officer reads tasks of the village only, and no indicator data anywhere.
        await (await officer.GetAsync("/api/dashboard?orgUnit=CB&period=2025-08")).Expect(HttpStatusCode.Forbidden);
        var d = await (await officer.GetAsync("/api/dashboard?orgUnit=TL-DASHBOARD&period=2025-08")).Expect(HttpStatusCode.OK);
        Assert.Empty(d.GetProperty("indicators").EnumerateArray());
        Assert.Equal(7, d.GetProperty("tasks").GetProperty("byStatus").EnumerateObject().Count());
    }

    [Fact]
    public async Task Bad_input_is_a_problem()
    {
        using var c = await app.As("leader");
        await (await c.GetAsync("/api/dashboard?orgUnit=NOPE&period=2025-08")).Expect(HttpStatusCode.NotFound);
        var p = await (await c.GetAsync("/api/dashboard?orgUnit=CB&period=August")).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(["period"], p.GetProperty("errors").Keys());
        await (await app.Anonymous().GetAsync("/api/dashboard?orgUnit=CB")).Expect(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_page_shows_the_cards_under_100_KB()
    {
        using var c = await app.As("leader");
        var res = await c.GetAsync("/dashboard?unit=CB&period=2025-08");
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        var html = await res.Content.ReadAsStringAsync();
        Assert.True(html.Length < 100_000, $"{html.Length} characters");
        Assert.Contains("<svg", html);
        Assert.Contains("62,19", html); // 62.1875 % in Vietnamese formatting
        Assert.Contains("href=\"/inbox\"", html);
    }
}

public sealed class DashboardTestsOnSqlite(SqliteApp app) : DashboardTests(app), IClassFixture<SqliteApp>;

public sealed class DashboardTestsOnPostgres(PostgresApp app) : DashboardTests(app), IClassFixture<PostgresApp>;
