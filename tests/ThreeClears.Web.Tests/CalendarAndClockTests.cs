using System.Net;
using System.Net.Http.Json;
using ThreeClears.Web.Tests.Support;

namespace ThreeClears.Web.Tests;

public abstract class CalendarAndClockTests(AppFixture app)
{
    [Fact]
    public async Task The_2026_defaults_come_from_the_Labour_Code()
    {
        using var c = await app.As("officer.tralinh");
        var res = await c.GetAsync("/api/calendar?year=2026");
        var cal = await res.Expect(HttpStatusCode.OK);
        var dates = cal.GetProperty("holidays").EnumerateArray().Select(h => h.GetProperty("date").GetString()).ToList();
        // Tet 2026 is 17 Feb (lunar 1/1), so the last day of the old year is 16 Feb: 16–20 Feb.
        // Hung Kings day, lunar 10/3, is 26 Apr 2026, a Sunday: Monday 27 Apr is given off instead.
        foreach (var d in new[] { "2026-01-01", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20", "2026-04-26", "2026-04-27", "2026-04-30", "2026-05-01", "2026-09-01", "2026-09-02" })
            Assert.Contains(d, dates);
        Assert.False(cal.GetProperty("overridden").GetBoolean());
        Assert.Equal("\"0\"", res.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task An_administrator_replaces_a_year_and_the_version_guards_it()
    {
        using var admin = await app.As("admin");
        var body = new { holidays = new[] { new { date = "2032-01-01", name = "Tết Dương lịch" } }, workingDays = new[] { "2032-01-03" } };
        await (await admin.PutJson("/api/calendar/2032", body, null)).Expect((HttpStatusCode)428);
        var put = await (await admin.PutJson("/api/calendar/2032", body, "0")).Expect(HttpStatusCode.OK);
        Assert.True(put.GetProperty("overridden").GetBoolean());
        Assert.Equal(1, put.GetProperty("holidays").GetArrayLength());
        Assert.Equal("2032-01-03", put.GetProperty("workingDays")[0].GetString());
        await (await admin.PutJson("/api/calendar/2032", body, "0")).Expect(HttpStatusCode.Conflict);
        var wrong = await (await admin.PutJson("/api/calendar/2032", new { holidays = new[] { new { date = "2033-01-01", name = "" } }, workingDays = new[] { "2032-01-05" } }, "1"))
            .Expect(HttpStatusCode.BadRequest);
        // 2032-01-05 is a Monday: it is already a working day, so it cannot be a swap.
        Assert.Equal(new[] { "holidays[0].date", "holidays[0].name", "workingDays[0]" }, wrong.GetProperty("errors").Keys().Order());
        using var local = await app.As("admin.tralinh");
        await (await local.PutJson("/api/calendar/2032", body, "1")).Expect(HttpStatusCode.Forbidden);
        using var officer = await app.As("officer.xd");
        await (await officer.PutJson("/api/calendar/2032", body, "1")).Expect(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_test_clock_is_set_and_reset_by_an_administrator_only()
    {
        using var admin = await app.As("admin");
        var set = await (await admin.PutAsJsonAsync("/api/admin/clock", new { now = "2026-03-02T17:30:00Z" })).Expect(HttpStatusCode.OK);
        // 17:30 UTC is 00:30 the next day in Vietnam (UTC+7).
        Assert.Equal("2026-03-03", set.GetProperty("today").GetString());
        using var officer = await app.As("officer.xd");
        await (await officer.PutAsJsonAsync("/api/admin/clock", new { now = "2026-03-02T00:00:00Z" })).Expect(HttpStatusCode.Forbidden);
        await (await admin.DeleteAsync("/api/admin/clock")).Expect(HttpStatusCode.NoContent);
        var now = await (await admin.GetAsync("/api/admin/clock")).Expect(HttpStatusCode.OK);
        Assert.True(Math.Abs((DateTimeOffset.Parse(now.GetProperty("now").GetString()!) - DateTimeOffset.UtcNow).TotalMinutes) < 5);
    }
}

public sealed class CalendarAndClockTestsOnSqlite(SqliteApp app) : CalendarAndClockTests(app), IClassFixture<SqliteApp>;

public sealed class CalendarAndClockTestsOnPostgres(PostgresApp app) : CalendarAndClockTests(app), IClassFixture<PostgresApp>;

/// <summary>Without THREECLEARS_TEST_CLOCK the clock routes do not exist, and no demo is loaded.</summary>
public sealed class RealClockTests(SqliteAppRealClock app) : IClassFixture<SqliteAppRealClock>
{
    [Fact]
    public async Task Clock_routes_answer_404_without_the_test_clock()
    {
        using var admin = await app.As("admin");
        await (await admin.PutAsJsonAsync("/api/admin/clock", new { now = "2026-03-02T00:00:00Z" })).Expect(HttpStatusCode.NotFound);
        await (await admin.DeleteAsync("/api/admin/clock")).Expect(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Without_demo_the_database_holds_only_the_root_and_admin()
    {
        using var admin = await app.As("admin");
        var units = await (await admin.GetAsync("/api/org-units")).Expect(HttpStatusCode.OK);
        Assert.Equal(1, units.GetProperty("total").GetInt32());
        var users = await (await admin.GetAsync("/api/users")).Expect(HttpStatusCode.OK);
        Assert.Equal(1, users.GetProperty("total").GetInt32());
    }
}
