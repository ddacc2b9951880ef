using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ThreeClears.Web.Features.Audit;
using ThreeClears.Web.Tests.Support;

namespace ThreeClears.Web.Tests;

/// <summary>Organisation, access, errors and audit through real HTTP, once per store.</summary>
public abstract class FoundationTests(AppFixture app)
{
    private static object Unit(string code, string parent = "X-TRALINH", object? predecessors = null) => new
    {
        code, name = "Thôn " + code, nameEn = "Village " + code, kind = "site", parentCode = parent, predecessors,
    };

    [Fact]
    public async Task Health_reports_the_database()
    {
        using var c = app.Anonymous();
        var body = await (await c.GetAsync("/healthz")).Expect(HttpStatusCode.OK);
        Assert.Equal("ok", body.GetProperty("status").GetString());
        Assert.Equal(app.Provider, body.GetProperty("database").GetString());
    }

    [Fact]
    public async Task OpenApi_describes_every_route()
    {
        using var c = app.Anonymous();
        var doc = await (await c.GetAsync("/openapi/v1.json")).Expect(HttpStatusCode.OK);
        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();
        foreach (var route in new[] { "/api/auth/login", "/api/me", "/api/org-units", "/api/org-units/{code}", "/api/users", "/api/users/{userName}",
                     "/api/users/{userName}/roles", "/api/audit", "/api/audit/verify", "/api/audit/head", "/api/calendar", "/api/calendar/{year}", "/api/admin/clock", "/healthz" })
            Assert.Contains(route, paths);
    }

    [Fact]
    public async Task First_start_made_the_root_and_the_admin()
    {
        using var c = await app.As("admin");
        var me = await (await c.GetAsync("/api/me")).Expect(HttpStatusCode.OK);
        Assert.Equal("admin", me.GetProperty("userName").GetString());
        Assert.Equal("CB", me.GetProperty("orgUnitCode").GetString());
        Assert.Equal("admin", me.GetProperty("roles")[0].GetProperty("role").GetString());
        var root = await (await c.GetAsync("/api/org-units/CB")).Expect(HttpStatusCode.OK);
        Assert.Equal("province", root.GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("parentCode").ValueKind);
    }

    [Fact]
    public async Task Demo_tree_has_departments_communes_gates_partners_and_lineage()
    {
        using var c = await app.As("leader");
        var list = await (await c.GetAsync("/api/org-units?pageSize=500")).Expect(HttpStatusCode.OK);
        var kinds = list.GetProperty("items").EnumerateArray().GroupBy(u => u.GetProperty("kind").GetString()!).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(kinds["department"] >= 10);
        Assert.Equal(3, kinds["ward"] - list.GetProperty("items").EnumerateArray().Count(u => u.GetProperty("kind").GetString() == "ward" && u.GetProperty("dissolvedOn").ValueKind != JsonValueKind.Null));
        Assert.Equal(2, kinds["partner"]);
        Assert.Equal(2, list.GetProperty("items").EnumerateArray().Count(u => u.GetProperty("kind").GetString() == "site" && u.GetProperty("code").GetString()!.StartsWith("CK-")));
        var tralinh = await (await c.GetAsync("/api/org-units/X-TRALINH")).Expect(HttpStatusCode.OK);
        Assert.Equal(3, tralinh.GetProperty("predecessors").GetArrayLength());
        Assert.Equal("2025-07-01", tralinh.GetProperty("predecessors")[0].GetProperty("effectiveDate").GetString());
        // Vinh Quang was split 0.6 / 0.4, and is dissolved because its shares add up to 1.
        var split = await (await c.GetAsync("/api/org-units/OLD-X-VINHQUANG")).Expect(HttpStatusCode.OK);
        Assert.Equal(new[] { 0.6m, 0.4m }.Order(), split.GetProperty("successors").EnumerateArray().Select(s => s.GetProperty("share").GetDecimal()).Order());
        Assert.Equal("2025-07-01", split.GetProperty("dissolvedOn").GetString());
    }

    [Fact]
    public async Task Login_refuses_a_wrong_password_and_locks_after_five_failures()
    {
        using var admin = await app.As("admin");
        var name = "lock" + Guid.NewGuid().ToString("N")[..6];
        await (await admin.PostAsJsonAsync("/api/users", new { userName = name, fullName = "Khóa Thử", password = "right-password", orgUnitCode = "X-HOAAN", position = "Cán bộ" }))
            .Expect(HttpStatusCode.Created);
        using var c = app.Anonymous();
        for (var i = 0; i < 5; i++)
            await (await c.PostAsJsonAsync("/api/auth/login", new { userName = name, password = "wrong" })).Expect(HttpStatusCode.Unauthorized);
        var locked = await (await c.PostAsJsonAsync("/api/auth/login", new { userName = name, password = "right-password" })).Expect(HttpStatusCode.Unauthorized);
        Assert.Contains("locked", locked.GetProperty("detail").GetString());
        var user = await (await admin.GetAsync($"/api/users/{name}")).Expect(HttpStatusCode.OK);
        Assert.True(user.GetProperty("lockedOut").GetBoolean());
    }

    [Fact]
    public async Task Anonymous_callers_get_401_problems()
    {
        using var c = app.Anonymous();
        foreach (var url in new[] { "/api/me", "/api/users", "/api/org-units", "/api/org-units/CB", "/api/audit", "/api/users/admin" })
            await (await c.GetAsync(url)).Expect(HttpStatusCode.Unauthorized);
        await (await c.PostAsJsonAsync("/api/org-units", Unit("ANON1"))).Expect(HttpStatusCode.Unauthorized);
        using var forged = app.Anonymous();
        forged.DefaultRequestHeaders.Authorization = new("Bearer", "not.a.token");
        await (await forged.GetAsync("/api/me")).Expect(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Scope_a_commune_reads_and_writes_only_its_own_subtree()
    {
        // officer.tralinh (officer at X-TRALINH) reads officials of Tra Linh, not of Hoa An.
        using var officer = await app.As("officer.tralinh");
        await (await officer.GetAsync("/api/users/chair.tralinh")).Expect(HttpStatusCode.OK);
        await (await officer.GetAsync("/api/users/officer.hoaan")).Expect(HttpStatusCode.Forbidden);
        var list = await (await officer.GetAsync("/api/users?pageSize=500")).Expect(HttpStatusCode.OK);
        Assert.All(list.GetProperty("items").EnumerateArray(), u => Assert.Equal("X-TRALINH", u.GetProperty("orgUnitCode").GetString()));
        // An officer administers nothing.
        await (await officer.PostAsJsonAsync("/api/org-units", Unit("OFF1"))).Expect(HttpStatusCode.Forbidden);

        // The manager of Hoa An reads Hoa An and not Tra Linh.
        using var chair = await app.As("chair.hoaan");
        await (await chair.GetAsync("/api/users/welfare.hoaan")).Expect(HttpStatusCode.OK);
        await (await chair.GetAsync("/api/users/welfare.tralinh")).Expect(HttpStatusCode.Forbidden);
        await (await chair.GetAsync("/api/users?orgUnit=X-TRALINH")).Expect(HttpStatusCode.OK)
            .ContinueWith(t => Assert.Equal(0, t.Result.GetProperty("total").GetInt32()));

        // A commune administrator works inside its commune and is refused outside it.
        using var local = await app.As("admin.tralinh");
        await (await local.PostAsJsonAsync("/api/org-units", Unit("TL-BAN1"))).Expect(HttpStatusCode.Created);
        await (await local.PostAsJsonAsync("/api/org-units", Unit("HA-BAN1", "X-HOAAN"))).Expect(HttpStatusCode.Forbidden);
        await (await local.PostAsJsonAsync("/api/users", new { userName = "tl.new", fullName = "Nguyễn Văn Mới", password = "password-123", orgUnitCode = "X-TRALINH", position = "Cán bộ" }))
            .Expect(HttpStatusCode.Created);
        await (await local.PostAsJsonAsync("/api/users", new { userName = "ha.new", fullName = "Nguyễn Văn Mới", password = "password-123", orgUnitCode = "X-HOAAN", position = "Cán bộ" }))
            .Expect(HttpStatusCode.Forbidden);
        await (await local.PostAsJsonAsync("/api/users/officer.hoaan/roles", new { role = "leader", orgUnitCode = "X-HOAAN" })).Expect(HttpStatusCode.Forbidden);
        var hoaan = await (await local.GetAsync("/api/org-units/X-HOAAN")).Expect(HttpStatusCode.OK);
        await (await local.PutJson("/api/org-units/X-HOAAN", Unit("X-HOAAN", "CB"), hoaan.GetProperty("version").ToString())).Expect(HttpStatusCode.Forbidden);
        // ... and cannot lift its own creation out of its subtree.
        var ban = await (await local.GetAsync("/api/org-units/TL-BAN1")).Expect(HttpStatusCode.OK);
        await (await local.PutJson("/api/org-units/TL-BAN1", Unit("TL-BAN1", "CB"), ban.GetProperty("version").ToString())).Expect(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Scope_roles_at_the_province_reach_everything_they_are_allowed()
    {
        using var leader = await app.As("leader");
        await (await leader.GetAsync("/api/users/officer.hoaan")).Expect(HttpStatusCode.OK);
        await (await leader.GetAsync("/api/users/welfare.tralinh")).Expect(HttpStatusCode.OK);
        // A leader is not an administrator.
        await (await leader.PostAsJsonAsync("/api/org-units", Unit("LEAD1"))).Expect(HttpStatusCode.Forbidden);
        await (await leader.GetAsync("/api/audit")).Expect(HttpStatusCode.Forbidden);

        using var inspector = await app.As("inspector");
        var audit = await (await inspector.GetAsync("/api/audit?entity=orgUnit&id=X-TRALINH")).Expect(HttpStatusCode.OK);
        Assert.True(audit.GetProperty("total").GetInt32() >= 1);

        // A statistician enters data; reading officials and the audit is not theirs.
        using var stats = await app.As("stats");
        await (await stats.GetAsync("/api/users/officer.hoaan")).Expect(HttpStatusCode.Forbidden);
        await (await stats.GetAsync("/api/audit")).Expect(HttpStatusCode.Forbidden);
        await (await stats.GetAsync("/api/users/stats")).Expect(HttpStatusCode.OK); // one's own record

        using var welfare = await app.As("welfare.tralinh");
        await (await welfare.GetAsync("/api/audit")).Expect(HttpStatusCode.Forbidden);
        await (await welfare.GetAsync("/api/users")).Expect(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Revoking_a_role_takes_effect_on_the_next_request()
    {
        using var admin = await app.As("admin");
        var name = "rev" + Guid.NewGuid().ToString("N")[..6];
        await (await admin.PostAsJsonAsync("/api/users", new { userName = name, fullName = "Thu Hồi", password = "password-123", orgUnitCode = "X-HOAAN", position = "Cán bộ" })).Expect(HttpStatusCode.Created);
        await (await admin.PostAsJsonAsync($"/api/users/{name}/roles", new { role = "inspector", orgUnitCode = "CB" })).Expect(HttpStatusCode.OK);
        using var c = await app.As(name, "password-123");
        await (await c.GetAsync("/api/audit")).Expect(HttpStatusCode.OK);
        await (await admin.DeleteAsync($"/api/users/{name}/roles/inspector/CB")).Expect(HttpStatusCode.NoContent);
        await (await c.GetAsync("/api/audit")).Expect(HttpStatusCode.Forbidden);
        await (await admin.DeleteAsync($"/api/users/{name}/roles/inspector/CB")).Expect(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Units_carry_versions_and_stale_writes_are_refused()
    {
        using var admin = await app.As("admin");
        var created = await admin.PostAsJsonAsync("/api/org-units", Unit("VER1"));
        await created.Expect(HttpStatusCode.Created);
        Assert.Equal("\"1\"", created.Headers.ETag?.Tag);
        var body = new { name = "Thôn Một", nameEn = "Village One", kind = "site", parentCode = "X-TRALINH" };
        await (await admin.PutJson("/api/org-units/VER1", body, null)).Expect((HttpStatusCode)428);
        var ok = await admin.PutJson("/api/org-units/VER1", body, "\"1\"");
        Assert.Equal("Thôn Một", (await ok.Expect(HttpStatusCode.OK)).GetProperty("name").GetString());
        Assert.Equal("\"2\"", ok.Headers.ETag?.Tag);
        await (await admin.PutJson("/api/org-units/VER1", body, "1")).Expect(HttpStatusCode.Conflict);
        await (await admin.PutJson("/api/org-units/VER1", body, "2")).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Lineage_shares_may_not_exceed_one_and_a_whole_share_dissolves_the_predecessor()
    {
        using var admin = await app.As("admin");
        await (await admin.PostAsJsonAsync("/api/org-units", Unit("LIN-OLD"))).Expect(HttpStatusCode.Created);
        await (await admin.PostAsJsonAsync("/api/org-units", Unit("LIN-A", predecessors: new[] { new { code = "LIN-OLD", effectiveDate = "2025-07-01", share = 0.7 } })))
            .Expect(HttpStatusCode.Created);
        var old = await (await admin.GetAsync("/api/org-units/LIN-OLD")).Expect(HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, old.GetProperty("dissolvedOn").ValueKind);
        var tooMuch = await (await admin.PostAsJsonAsync("/api/org-units", Unit("LIN-B", predecessors: new[] { new { code = "LIN-OLD", effectiveDate = "2025-07-01", share = 0.4 } })))
            .Expect(HttpStatusCode.BadRequest);
        Assert.Contains("predecessors[0].share", tooMuch.GetProperty("errors").Keys());
        await (await admin.PostAsJsonAsync("/api/org-units", Unit("LIN-C", predecessors: new[] { new { code = "LIN-OLD", effectiveDate = "2025-07-01", share = 0.3 } })))
            .Expect(HttpStatusCode.Created);
        old = await (await admin.GetAsync("/api/org-units/LIN-OLD")).Expect(HttpStatusCode.OK);
        Assert.Equal("2025-07-01", old.GetProperty("dissolvedOn").GetString());
        Assert.Equal(2, old.GetProperty("successors").GetArrayLength());
    }

    [Fact]
    public async Task A_head_must_be_an_official_of_the_unit()
    {
        using var admin = await app.As("admin");
        var unit = await (await admin.GetAsync("/api/org-units/X-HOAAN")).Expect(HttpStatusCode.OK);
        var bad = await (await admin.PutJson("/api/org-units/X-HOAAN",
            new { name = "Xã Hòa An", nameEn = "Hoa An Commune", kind = "commune", parentCode = "CB", headUserName = "chair.tralinh" }, unit.GetProperty("version").ToString()))
            .Expect(HttpStatusCode.BadRequest);
        Assert.Equal(["headUserName"], bad.GetProperty("errors").Keys());
    }

    [Fact]
    public async Task Every_write_is_audited_and_the_chain_verifies()
    {
        using var admin = await app.As("admin");
        await (await admin.PostAsJsonAsync("/api/org-units", Unit("AUD1"))).Expect(HttpStatusCode.Created);
        using var inspector = await app.As("inspector");
        var entries = await (await inspector.GetAsync("/api/audit?entity=orgUnit&id=AUD1")).Expect(HttpStatusCode.OK);
        var e = entries.GetProperty("items")[0];
        Assert.Equal("create", e.GetProperty("action").GetString());
        Assert.Equal("admin", e.GetProperty("userName").GetString());
        Assert.Contains("Village AUD1", e.GetProperty("after").GetString());
        Assert.Equal(64, e.GetProperty("hash").GetString()!.Length);
        using var anon = app.Anonymous();
        var verify = await (await anon.GetAsync("/api/audit/verify")).Expect(HttpStatusCode.OK);
        Assert.True(verify.GetProperty("valid").GetBoolean());
        var head = await (await anon.GetAsync("/api/audit/head")).Expect(HttpStatusCode.OK);
        Assert.True(head.GetProperty("entries").GetInt64() >= verify.GetProperty("entries").GetInt64());
        Assert.EndsWith("Z", head.GetProperty("at").GetString());
    }

    [Fact]
    public async Task Concurrent_writes_from_many_connections_keep_one_unforked_chain()
    {
        using var admin = await app.As("admin");
        var before = (await (await admin.GetAsync("/api/audit/head")).Expect(HttpStatusCode.OK)).GetProperty("entries").GetInt64();
        const int writers = 40;
        var results = await Task.WhenAll(Enumerable.Range(0, writers).Select(async i =>
        {
            using var c = await app.As("admin");
            return (await c.PostAsJsonAsync("/api/org-units", Unit($"CONC-{i}"))).StatusCode;
        }));
        Assert.All(results, s => Assert.Equal(HttpStatusCode.Created, s));
        using var anon = app.Anonymous();
        var verify = await (await anon.GetAsync("/api/audit/verify")).Expect(HttpStatusCode.OK);
        Assert.True(verify.GetProperty("valid").GetBoolean(), verify.ToString());
        Assert.True(verify.GetProperty("entries").GetInt64() >= before + writers);
        await using var scope = app.Scope(out var db);
        var sequences = await db.Set<AuditEntry>().Where(x => x.Sequence != null).Select(x => x.Sequence!.Value).OrderBy(x => x).ToListAsync();
        Assert.Equal(Enumerable.Range(1, sequences.Count).Select(x => (long)x), sequences);
    }

    [Fact]
    public async Task Editing_an_entry_in_the_database_is_named_by_verify()
    {
        using var admin = await app.As("admin");
        await (await admin.PostAsJsonAsync("/api/org-units", Unit("TAMPER1"))).Expect(HttpStatusCode.Created);
        using var anon = app.Anonymous();
        await (await anon.GetAsync("/api/audit/verify")).Expect(HttpStatusCode.OK);
        long id;
        await using (var scope = app.Scope(out var db))
        {
            id = await db.Set<AuditEntry>().Where(x => x.EntityId == "TAMPER1").Select(x => x.Id).SingleAsync();
            await db.Database.ExecuteSqlRawAsync("UPDATE audit_entries SET after = REPLACE(after, 'TAMPER1', 'TAMPER2') WHERE id = {0}", id);
        }
        try
        {
            var verify = await (await anon.GetAsync("/api/audit/verify")).Expect(HttpStatusCode.OK);
            Assert.False(verify.GetProperty("valid").GetBoolean());
            Assert.Equal(id, verify.GetProperty("firstBrokenId").GetInt64());
        }
        finally
        {
            await using var scope = app.Scope(out var db);
            await db.Database.ExecuteSqlRawAsync("UPDATE audit_entries SET after = REPLACE(after, 'TAMPER2', 'TAMPER1') WHERE id = {0}", id);
        }
        Assert.True((await (await anon.GetAsync("/api/audit/verify")).Expect(HttpStatusCode.OK)).GetProperty("valid").GetBoolean());
    }
}

public sealed class FoundationTestsOnSqlite(SqliteApp app) : FoundationTests(app), IClassFixture<SqliteApp>;

public sealed class FoundationTestsOnPostgres(PostgresApp app) : FoundationTests(app), IClassFixture<PostgresApp>;
