using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ThreeClears.Web.Tests.Support;

namespace ThreeClears.Web.Tests;

/// <summary>Writing the plan: goals and targets, their validation, scope, the linkage rule, If-Match and the audit.</summary>
public abstract class PlanTests(AppFixture app)
{
    private static object Target(string indicator = "HOUSES_REPLACED", string unit = "X-TRALINH", decimal? baseline = 0, decimal? target = 40,
        int? year = 2026, string? direction = "increase", string? goal = "CT-NHA-TAM", string? owner = null) => new
    {
        indicatorCode = indicator, orgUnitCode = unit, baseline, targetValue = target, targetYear = year, direction, goalCode = goal, ownerUserName = owner,
    };

    private static object Goal(string code, string kind = "programme", string? parent = "DH1", string? unit = null, string title = "Chương trình thử nghiệm") =>
        new { code, title, titleEn = "A test programme", kind, parentCode = parent, orgUnitCode = unit };

    private static string[] Errors(JsonElement problem) => [.. problem.GetProperty("errors").Keys().Order()];

    [Fact]
    public async Task A_goal_names_every_bad_field_at_once()
    {
        using var c = await app.As("leader");
        Assert.Equal(["code", "kind", "title"], Errors(await (await c.PostAsJsonAsync("/api/goals", new { })).Expect(HttpStatusCode.BadRequest)));
        var bad = await (await c.PostAsJsonAsync("/api/goals", new
        {
            code = "has space", title = new string('a', 501), titleEn = "x\u0001", kind = "dream", parentCode = "NOPE", orgUnitCode = "NOPE",
            description = new string('d', 10_001),
        })).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(["code", "description", "kind", "orgUnitCode", "parentCode", "title", "titleEn"], Errors(bad));
        // Orientations, breakthroughs and linkage are the province's roots.
        var root = await (await c.PostAsJsonAsync("/api/goals", Goal("DH9", kind: "orientation", parent: "DH1", unit: "X-TRALINH"))).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(["orgUnitCode", "parentCode"], Errors(root));
        await (await c.PostAsJsonAsync("/api/goals", Goal("DH1", kind: "orientation", parent: null))).Expect(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Leaders_add_goals_to_the_tree_within_their_units()
    {
        using var leader = await app.As("leader");
        var res = await leader.PostAsJsonAsync("/api/goals", Goal("CT-CAO-TOC-BKCB", parent: "DH1", title: "Cao tốc Bắc Kạn – Cao Bằng"));
        var created = await res.Expect(HttpStatusCode.Created);
        Assert.Equal("/api/goals/CT-CAO-TOC-BKCB", res.Headers.Location?.OriginalString);
        Assert.Equal(("programme", "DH1", "CB", 1), (created.GetProperty("kind").GetString(), created.GetProperty("parentCode").GetString(),
            created.GetProperty("orgUnitCode").GetString(), created.GetProperty("version").GetInt32()));
        var dh1 = await (await leader.GetAsync("/api/goals/DH1")).Expect(HttpStatusCode.OK);
        Assert.Equal(["CT-CAO-TOC-BKCB"], dh1.GetProperty("children").EnumerateArray().Select(n => n.GetProperty("code").GetString()));

        // A commune chair leads programmes of the commune, not of another one nor the province's orientations.
        using var chair = await app.As("chair.tralinh");
        await (await chair.PostAsJsonAsync("/api/goals", Goal("CT-TRALINH-NHA", parent: "CT-NHA-TAM", unit: "X-TRALINH"))).Expect(HttpStatusCode.Created);
        await (await chair.PostAsJsonAsync("/api/goals", Goal("CT-HOAAN-NHA", parent: "CT-NHA-TAM", unit: "X-HOAAN"))).Expect(HttpStatusCode.Forbidden);
        await (await chair.PostAsJsonAsync("/api/goals", Goal("DH6", kind: "orientation", parent: null))).Expect(HttpStatusCode.Forbidden);
        using var officer = await app.As("officer.tralinh");
        await (await officer.PostAsJsonAsync("/api/goals", Goal("CT-OFFICER", unit: "X-TRALINH"))).Expect(HttpStatusCode.Forbidden);

        var houses = await (await leader.GetAsync("/api/goals/CT-NHA-TAM")).Expect(HttpStatusCode.OK);
        Assert.Equal(["CT-TRALINH-NHA"], houses.GetProperty("children").EnumerateArray().Select(n => n.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task A_goal_changes_only_with_its_current_version()
    {
        using var c = await app.As("leader");
        await (await c.PostAsJsonAsync("/api/goals", Goal("CT-SO-HOA", parent: "DP3", title: "Chuyển đổi số cấp xã"))).Expect(HttpStatusCode.Created);
        var body = new { title = "Chuyển đổi số toàn diện cấp xã", titleEn = "Digital transformation in every commune", kind = "programme", parentCode = "DP3" };
        await (await c.PutJson("/api/goals/CT-SO-HOA", body, null)).Expect((HttpStatusCode)428);
        await (await c.PutJson("/api/goals/CT-SO-HOA", body, "\"7\"")).Expect(HttpStatusCode.Conflict);
        var res = await c.PutJson("/api/goals/CT-SO-HOA", body, "\"1\"");
        var updated = await res.Expect(HttpStatusCode.OK);
        Assert.Equal(("Chuyển đổi số toàn diện cấp xã", 2), (updated.GetProperty("title").GetString(), updated.GetProperty("version").GetInt32()));
        Assert.Equal("\"2\"", res.Headers.ETag?.Tag);
        await (await c.PutJson("/api/goals/CT-SO-HOA", body, "\"1\"")).Expect(HttpStatusCode.Conflict);
        // Codes are stable; a goal cannot sit under itself.
        var moved = await (await c.PutJson("/api/goals/CT-SO-HOA", new { code = "OTHER", title = "x", kind = "programme", parentCode = "CT-SO-HOA" }, "2"))
            .Expect(HttpStatusCode.BadRequest);
        Assert.Equal(["code", "parentCode"], Errors(moved));
        await (await c.PutJson("/api/goals/NOPE", body, "1")).Expect(HttpStatusCode.NotFound);

        using var inspector = await app.As("inspector");
        var audit = await (await inspector.GetAsync("/api/audit?entity=goal&id=CT-SO-HOA")).Expect(HttpStatusCode.OK);
        Assert.Equal(2, audit.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_target_names_every_bad_field_at_once()
    {
        using var c = await app.As("leader");
        Assert.Equal(["baseline", "direction", "indicatorCode", "orgUnitCode", "targetValue", "targetYear"],
            Errors(await (await c.PostAsJsonAsync("/api/targets", new { })).Expect(HttpStatusCode.BadRequest)));
        var bad = await (await c.PostAsJsonAsync("/api/targets",
            Target(indicator: "not a code!", unit: "NOPE", year: 1999, direction: "sideways", goal: "NOPE", owner: "nobody.here"))).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(["direction", "goalCode", "indicatorCode", "orgUnitCode", "ownerUserName", "targetYear"], Errors(bad));
        // A decrease target lies below its baseline; the owner is an official of the owning unit; a dissolved unit owns nothing new.
        var wrong = await (await c.PostAsJsonAsync("/api/targets",
            Target(indicator: "POVERTY_RATE", baseline: 20, target: 22, year: 2101, direction: "decrease", owner: "officer.hoaan"))).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(["ownerUserName", "targetValue", "targetYear"], Errors(wrong));
        var gone = await (await c.PostAsJsonAsync("/api/targets", Target(unit: "OLD-X-COMUOI"))).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(["orgUnitCode"], Errors(gone));
        var typed = await (await c.PostRaw("/api/targets", "{\"baseline\":\"lots\"}")).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(["baseline"], Errors(typed));
    }

    [Fact]
    public async Task A_commune_manager_sets_targets_for_its_own_commune_only()
    {
        using var chair = await app.As("chair.tralinh");
        await (await chair.PostAsJsonAsync("/api/targets", Target(unit: "X-HOAAN", owner: "officer.hoaan"))).Expect(HttpStatusCode.Forbidden);
        await (await chair.PostAsJsonAsync("/api/targets", Target(unit: "CB"))).Expect(HttpStatusCode.Forbidden);
        var res = await chair.PostAsJsonAsync("/api/targets", Target(owner: "officer.tralinh"));
        var created = await res.Expect(HttpStatusCode.Created);
        Assert.Equal($"/api/targets/{created.GetProperty("id").GetInt32()}", res.Headers.Location?.OriginalString);
        Assert.Equal(("HOUSES_REPLACED", "X-TRALINH", "officer.tralinh", 40m, 2026, "increase", "CT-NHA-TAM", 1),
            (created.GetProperty("indicatorCode").GetString(), created.GetProperty("orgUnitCode").GetString(), created.GetProperty("ownerUserName").GetString(),
             created.GetProperty("targetValue").GetDecimal(), created.GetProperty("targetYear").GetInt32(), created.GetProperty("direction").GetString(),
             created.GetProperty("goalCode").GetString(), created.GetProperty("version").GetInt32()));
        // One target per indicator, unit and year.
        await (await chair.PostAsJsonAsync("/api/targets", Target())).Expect(HttpStatusCode.Conflict);
        using var officer = await app.As("officer.tralinh");
        await (await officer.PostAsJsonAsync("/api/targets", Target(indicator: "POVERTY_RATE", baseline: 30, target: 27, direction: "decrease")))
            .Expect(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Partner_units_own_targets_only_under_a_linkage_goal()
    {
        using var leader = await app.As("leader");
        var outside = await (await leader.PostAsJsonAsync("/api/targets", Target(indicator: "IMPORT_EXPORT", unit: "LS", baseline: 6000, target: 7000, year: 2027, goal: "DH1")))
            .Expect(HttpStatusCode.BadRequest);
        Assert.Equal(["orgUnitCode"], Errors(outside));
        await (await leader.PostAsJsonAsync("/api/targets", Target(indicator: "IMPORT_EXPORT", unit: "LS", baseline: 6000, target: 7000, year: 2027, goal: null)))
            .Expect(HttpStatusCode.BadRequest);
        await (await leader.PostAsJsonAsync("/api/targets", Target(indicator: "IMPORT_EXPORT", unit: "LS", baseline: 6000, target: 7000, year: 2027, goal: "LK-CB-LS-TN")))
            .Expect(HttpStatusCode.Created);

        // A programme under the linkage counts as under it; moving it out would strand the partner's target.
        await (await leader.PostAsJsonAsync("/api/goals", Goal("LK-HANH-LANG", parent: "LK-CB-LS-TN", title: "Hành lang kinh tế ra biển"))).Expect(HttpStatusCode.Created);
        await (await leader.PostAsJsonAsync("/api/targets", Target(indicator: "RETAIL_SALES", unit: "TN", baseline: 66000, target: 70000, year: 2027, goal: "LK-HANH-LANG")))
            .Expect(HttpStatusCode.Created);
        var stranded = await (await leader.PutJson("/api/goals/LK-HANH-LANG", new { title = "Hành lang kinh tế", kind = "programme", parentCode = "DH1" }, "1"))
            .Expect(HttpStatusCode.BadRequest);
        Assert.Equal(["kind"], Errors(stranded));

        // A partner lies outside a province department's scope.
        using var director = await app.As("director.xd");
        await (await director.PostAsJsonAsync("/api/targets", Target(indicator: "GRDP_GROWTH", unit: "TN", baseline: 7, target: 8, year: 2027, goal: "LK-CB-LS-TN")))
            .Expect(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_target_changes_only_with_its_current_version_and_is_audited()
    {
        using var director = await app.As("director.xd");
        var created = await (await director.PostAsJsonAsync("/api/targets",
            Target(indicator: "EXPRESSWAY_PROGRESS", unit: "SO-XD", baseline: 100, target: 100.5m, year: 2027, goal: "CT-CAO-TOC-DDTL", owner: "officer.xd")))
            .Expect(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt32();
        var res = await director.GetAsync($"/api/targets/{id}");
        await res.Expect(HttpStatusCode.OK);
        Assert.Equal("\"1\"", res.Headers.ETag?.Tag);

        var change = Target(indicator: "EXPRESSWAY_PROGRESS", unit: "SO-XD", baseline: 50, target: 100, year: 2027, goal: "CT-CAO-TOC-DDTL", owner: "director.xd");
        await (await director.PutJson($"/api/targets/{id}", change, null)).Expect((HttpStatusCode)428);
        await (await director.PutJson($"/api/targets/{id}", change, "\"2\"")).Expect(HttpStatusCode.Conflict);
        var updated = await (await director.PutJson($"/api/targets/{id}", change, "\"1\"")).Expect(HttpStatusCode.OK);
        Assert.Equal((50m, "director.xd", 2), (updated.GetProperty("baseline").GetDecimal(), updated.GetProperty("ownerUserName").GetString(), updated.GetProperty("version").GetInt32()));
        // Moving it to a unit outside the director's scope is refused.
        await (await director.PutJson($"/api/targets/{id}", Target(indicator: "EXPRESSWAY_PROGRESS", unit: "X-TRALINH", year: 2027), "2")).Expect(HttpStatusCode.Forbidden);
        using var chair = await app.As("chair.tralinh");
        await (await chair.PutJson($"/api/targets/{id}", change, "2")).Expect(HttpStatusCode.Forbidden);
        var invalid = await (await director.PutJson($"/api/targets/{id}", new { indicatorCode = "EXPRESSWAY_PROGRESS" }, "2")).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("orgUnitCode", Errors(invalid));

        using var inspector = await app.As("inspector");
        var audit = await (await inspector.GetAsync($"/api/audit?entity=target&id={id}")).Expect(HttpStatusCode.OK);
        Assert.Equal(2, audit.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Tasks_show_under_their_goal_with_codes_for_those_who_may_read_them()
    {
        using var director = await app.As("director.xd");
        var task = await (await director.PostAsJsonAsync("/api/tasks", new
        {
            title = "Giải phóng mặt bằng đoạn Km 20 – Km 25",
            product = new { description = "Mặt bằng bàn giao cho nhà thầu", unit = "km", targetQuantity = 5, kind = "output" },
            ownerUserName = "officer.xd", dueDate = "2026-12-31", goalCode = "CT-CAO-TOC-DDTL",
        })).Expect(HttpStatusCode.Created);
        var code = task.GetProperty("code").GetString();

        var road = await (await director.GetAsync("/api/goals/CT-CAO-TOC-DDTL")).Expect(HttpStatusCode.OK);
        Assert.Equal(1, road.GetProperty("tasks").GetProperty("count").GetInt32());
        Assert.Equal([code], road.GetProperty("tasks").GetProperty("codes").EnumerateArray().Select(x => x.GetString()));

        using var chair = await app.As("chair.tralinh");
        var seen = await (await chair.GetAsync("/api/goals/CT-CAO-TOC-DDTL")).Expect(HttpStatusCode.OK);
        Assert.Equal(1, seen.GetProperty("tasks").GetProperty("count").GetInt32());
        Assert.Equal(0, seen.GetProperty("tasks").GetProperty("codes").GetArrayLength());
    }
}

public sealed class PlanTestsOnSqlite(SqliteApp app) : PlanTests(app), IClassFixture<SqliteApp>;

public sealed class PlanTestsOnPostgres(PostgresApp app) : PlanTests(app), IClassFixture<PostgresApp>;
