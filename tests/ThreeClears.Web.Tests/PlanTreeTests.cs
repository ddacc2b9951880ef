using System.Net;
using System.Text.Json;
using ThreeClears.Web.Tests.Support;

namespace ThreeClears.Web.Tests;

/// <summary>The demo plan as any official reads it: the tree, its targets, and the target list. Reads only.</summary>
public abstract class PlanTreeTests(AppFixture app)
{
    private static JsonElement Find(JsonElement nodes, string code)
    {
        foreach (var n in nodes.EnumerateArray())
        {
            if (n.GetProperty("code").GetString() == code) return n;
            var inner = Find(n.GetProperty("children"), code);
            if (inner.ValueKind != JsonValueKind.Undefined) return inner;
        }
        return default;
    }

    private static int CountTargets(JsonElement nodes) =>
        nodes.EnumerateArray().Sum(n => n.GetProperty("targets").GetArrayLength() + CountTargets(n.GetProperty("children")));

    private static string[] Codes(JsonElement nodes) => [.. nodes.EnumerateArray().Select(n => n.GetProperty("code").GetString()!)];

    [Fact]
    public async Task The_plan_is_the_Congress_tree_with_programmes_targets_and_linkage()
    {
        using var c = await app.As("officer.tralinh");
        var tree = await (await c.GetAsync("/api/goals")).Expect(HttpStatusCode.OK);
        // Roots: five orientations, then three breakthroughs, then the linkage.
        Assert.Equal(["DH1", "DH2", "DH3", "DH4", "DH5", "DP1", "DP2", "DP3", "LK-CB-LS-TN"], Codes(tree));
        Assert.Equal(["orientation", "orientation", "orientation", "orientation", "orientation", "breakthrough", "breakthrough", "breakthrough", "linkage"],
            tree.EnumerateArray().Select(n => n.GetProperty("kind").GetString()));
        Assert.Equal(16, CountTargets(tree));

        var dh1 = Find(tree, "DH1");
        Assert.Equal("Phát triển kết cấu hạ tầng chiến lược, tăng cường liên kết vùng làm đòn bẩy tăng trưởng", dh1.GetProperty("title").GetString());
        Assert.Equal(0, dh1.GetProperty("children").GetArrayLength());

        var dh2 = Find(tree, "DH2");
        Assert.Equal(["CT-CUA-KHAU", "CT-DU-LICH"], Codes(dh2.GetProperty("children")));
        Assert.Equal(4, dh2.GetProperty("targets").GetArrayLength());
        var growth = dh2.GetProperty("targets").EnumerateArray()
            .Single(t => t.GetProperty("indicatorCode").GetString() == "GRDP_GROWTH" && t.GetProperty("targetYear").GetInt32() == 2025);
        Assert.Equal("CB", growth.GetProperty("orgUnitCode").GetString());
        Assert.Equal(8m, growth.GetProperty("targetValue").GetDecimal());
        Assert.Equal(2025, growth.GetProperty("targetYear").GetInt32());
        Assert.Equal("increase", growth.GetProperty("direction").GetString());

        var houses = Find(tree, "CT-NHA-TAM");
        Assert.Equal("programme", houses.GetProperty("kind").GetString());
        Assert.Equal("DH5", houses.GetProperty("parentCode").GetString());
        Assert.Equal("Elimination of temporary and dilapidated houses", houses.GetProperty("titleEn").GetString());
        var ht = houses.GetProperty("targets");
        Assert.Equal(2, ht.GetArrayLength());
        Assert.Equal(19_067m, ht.EnumerateArray().Single(t => t.GetProperty("orgUnitCode").GetString() == "CB").GetProperty("targetValue").GetDecimal());
        Assert.Equal("chair.tralinh", ht.EnumerateArray().Single(t => t.GetProperty("orgUnitCode").GetString() == "X-TRALINH").GetProperty("ownerUserName").GetString());
        Assert.Equal(0, houses.GetProperty("tasks").GetProperty("count").GetInt32());

        Assert.Equal(["CT-NHA-TAM"], Codes(Find(tree, "DH5").GetProperty("children")));
        Assert.Equal(["CT-CAO-TOC-DDTL"], Codes(Find(tree, "DP2").GetProperty("children")));
        var poverty = Find(tree, "DH5").GetProperty("targets").EnumerateArray().ToList();
        Assert.Equal(2, poverty.Count);
        Assert.All(poverty, t => Assert.Equal("decrease", t.GetProperty("direction").GetString()));

        var trade = Find(tree, "CT-CUA-KHAU").GetProperty("targets")[0];
        Assert.Equal(("IMPORT_EXPORT", 1_600m, 2025), (trade.GetProperty("indicatorCode").GetString(), trade.GetProperty("targetValue").GetDecimal(), trade.GetProperty("targetYear").GetInt32()));

        var linkage = Find(tree, "LK-CB-LS-TN");
        Assert.Contains("9/1/2026", linkage.GetProperty("description").GetString());
        Assert.Equal(["LS", "TN"], linkage.GetProperty("targets").EnumerateArray().Select(t => t.GetProperty("orgUnitCode").GetString()).Order());
    }

    [Fact]
    public async Task One_goal_reads_with_its_version_and_subtree()
    {
        using var c = await app.As("officer.xd");
        var res = await c.GetAsync("/api/goals/DP2");
        var dp2 = await res.Expect(HttpStatusCode.OK);
        Assert.Equal("\"1\"", res.Headers.ETag?.Tag);
        Assert.Equal("breakthrough", dp2.GetProperty("kind").GetString());
        Assert.Equal("CB", dp2.GetProperty("orgUnitCode").GetString());
        Assert.Equal(["CT-CAO-TOC-DDTL"], Codes(dp2.GetProperty("children")));
        var road = dp2.GetProperty("children")[0].GetProperty("targets")[0];
        Assert.Equal(("EXPRESSWAY_PROGRESS", "SO-XD", "director.xd"),
            (road.GetProperty("indicatorCode").GetString(), road.GetProperty("orgUnitCode").GetString(), road.GetProperty("ownerUserName").GetString()));
        await (await c.GetAsync("/api/goals/NOPE")).Expect(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Targets_list_by_unit_subtree_year_and_goal_subtree()
    {
        using var c = await app.As("officer.tralinh");
        async Task<int> Total(string query) => (await (await c.GetAsync("/api/targets" + query)).Expect(HttpStatusCode.OK)).GetProperty("total").GetInt32();
        Assert.Equal(16, await Total(""));
        Assert.Equal(10, await Total("?orgUnit=CB&year=2025"));
        Assert.Equal(6, await Total("?orgUnit=CB&year=2026"));
        Assert.Equal(1, await Total("?orgUnit=X-TRALINH"));
        Assert.Equal(7, await Total("?goal=DH2"));
        Assert.Equal(1, await Total("?goal=CT-NHA-TAM&orgUnit=X-TRALINH"));
        Assert.Equal(2, await Total("?goal=LK-CB-LS-TN"));
        var page = await (await c.GetAsync("/api/targets?year=2026&pageSize=2&page=2")).Expect(HttpStatusCode.OK);
        Assert.Equal(2, page.GetProperty("items").GetArrayLength());
        await (await c.GetAsync("/api/targets?orgUnit=NOPE")).Expect(HttpStatusCode.NotFound);
        await (await c.GetAsync("/api/targets?goal=NOPE")).Expect(HttpStatusCode.NotFound);
        await (await c.GetAsync("/api/targets?year=1850")).Expect(HttpStatusCode.BadRequest);
        await (await c.GetAsync("/api/targets?pageSize=501")).Expect(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_plan_needs_a_login_and_its_page_sends_strangers_to_log_in()
    {
        using var anon = app.Anonymous();
        await (await anon.GetAsync("/api/goals")).Expect(HttpStatusCode.Unauthorized);
        await (await anon.GetAsync("/api/targets")).Expect(HttpStatusCode.Unauthorized);
        var page = await anon.GetAsync("/plan");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/login", page.Headers.Location?.IsAbsoluteUri == true ? page.Headers.Location.PathAndQuery : page.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_page_shows_the_tree_to_officials_and_the_forms_to_those_who_manage_the_plan()
    {
        using var leader = await app.As("leader");
        var res = await leader.GetAsync("/plan");
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        var html = await res.Content.ReadAsStringAsync();
        Assert.Contains("Xóa nhà tạm, nhà dột nát", html);
        Assert.Contains("id=\"goal-LK-CB-LS-TN\"", html);
        Assert.Contains("HOUSES_REPLACED", html);
        Assert.Contains("name=\"Target.IndicatorCode\"", html);
        Assert.Contains("name=\"Goal.Code\"", html);

        using var officer = await app.As("officer.tralinh");
        var plain = await (await officer.GetAsync("/plan?lang=en")).Content.ReadAsStringAsync();
        Assert.Contains("Elimination of temporary and dilapidated houses", plain);
        Assert.DoesNotContain("name=\"Target.IndicatorCode\"", plain);
    }
}

public sealed class PlanTreeTestsOnSqlite(SqliteApp app) : PlanTreeTests(app), IClassFixture<SqliteApp>;

public sealed class PlanTreeTestsOnPostgres(PostgresApp app) : PlanTreeTests(app), IClassFixture<PostgresApp>;
