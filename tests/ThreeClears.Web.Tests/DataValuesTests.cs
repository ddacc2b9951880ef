using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ThreeClears.Web.Tests.Support;
using Xunit.Abstractions;

namespace ThreeClears.Web.Tests;

/// <summary>Data values: the batch with good and bad rows, scope, the bottom-up approval, locking and reopening.</summary>
public abstract class DataValuesTests(AppFixture app, ITestOutputHelper output)
{
    private static object Row(string indicator, string unit, string period, decimal value, string? comment = null) =>
        new { indicatorCode = indicator, orgUnitCode = unit, period, value, comment };

    private async Task<JsonElement> Batch(string user, params object[] rows)
    {
        using var c = await app.As(user);
        return await (await c.PutAsJsonAsync("/api/data-values", rows)).Expect(HttpStatusCode.OK);
    }

    private async Task<HttpResponseMessage> Post(string user, string action, object body)
    {
        using var c = await app.As(user);
        return await c.PostAsJsonAsync($"/api/data-values/{action}", body);
    }

    private async Task<JsonElement> One(string indicator, string unit, string period, string user = "stats")
    {
        using var c = await app.As(user);
        return await (await c.GetAsync($"/api/data-values/{indicator}/{unit}/{period}")).Expect(HttpStatusCode.OK);
    }

    private static Dictionary<int, JsonElement> Rejected(JsonElement result) =>
        result.GetProperty("rejected").EnumerateArray().ToDictionary(r => r.GetProperty("index").GetInt32(), r => r.GetProperty("errors"));

    [Fact]
    public async Task A_batch_keeps_its_good_rows_and_names_every_bad_one_by_index()
    {
        var result = await Batch("officer.tralinh",
            Row("RETAIL_SALES", "X-TRALINH", "2023-01", 120.5m, "Báo cáo tháng 1"),   // 0 good
            Row("NOPE", "X-TRALINH", "2023-01", 5),                                   // 1 unknown indicator
            Row("RETAIL_SALES", "NOWHERE", "2023-01", 5),                             // 2 unknown unit
            Row("POOR_HOUSEHOLDS", "X-TRALINH", "2023-03", 10),                       // 3 a month for a yearly indicator
            Row("EXPRESSWAY_PROGRESS", "X-TRALINH", "2023-01", 120),                  // 4 above the maximum 100
            Row("POVERTY_RATE", "X-TRALINH", "2023", 5),                              // 5 derived
            Row("RETAIL_SALES", "X-HOAAN", "2023-01", 5),                             // 6 outside officer.tralinh's units
            Row("RETAIL_SALES", "X-TRALINH", "2023Q1", 300),                          // 7 good: a coarser period is an official figure
            Row("RETAIL_SALES", "X-TRALINH", "2023-02", -1),                          // 8 below the minimum 0
            new { },                                                                  // 9 nothing given
            Row("RETAIL_SALES", "X-TRALINH", "2023-01", 1),                           // 10 the same key as row 0
            Row("RETAIL_SALES", "X-TRALINH", "2023-13", 1),                           // 11 not a period
            Row("POOR_HOUSEHOLDS", "X-TRALINH", "2023", 812));                        // 12 good

        Assert.Equal(3, result.GetProperty("accepted").GetInt32());
        var rejected = Rejected(result);
        Assert.Equal(new[] { 1, 2, 3, 4, 5, 6, 8, 9, 10, 11 }, rejected.Keys.Order());
        Assert.Equal(new[] { "indicatorCode" }, rejected[1].Keys());
        Assert.Contains("NOPE", rejected[1].GetProperty("indicatorCode")[0].GetString());
        Assert.Equal(new[] { "orgUnitCode" }, rejected[2].Keys());
        Assert.Equal(new[] { "period" }, rejected[3].Keys());
        Assert.Contains("use 2023 or a coarser period", rejected[3].GetProperty("period")[0].GetString());
        Assert.Equal(new[] { "value" }, rejected[4].Keys());
        Assert.Contains("above the maximum 100", rejected[4].GetProperty("value")[0].GetString());
        Assert.Equal(new[] { "indicatorCode" }, rejected[5].Keys());
        Assert.Contains("derived", rejected[5].GetProperty("indicatorCode")[0].GetString());
        Assert.Equal(new[] { "orgUnitCode" }, rejected[6].Keys());
        Assert.Contains("outside your units", rejected[6].GetProperty("orgUnitCode")[0].GetString());
        Assert.Contains("below the minimum 0", rejected[8].GetProperty("value")[0].GetString());
        Assert.Equal(new[] { "indicatorCode", "orgUnitCode", "period", "value" }, rejected[9].Keys().Order());
        Assert.Contains("row 0", rejected[10].GetProperty("period")[0].GetString());
        Assert.Equal(new[] { "period" }, rejected[11].Keys());

        using var c = await app.As("officer.tralinh");
        var list = await (await c.GetAsync("/api/data-values?indicator=RETAIL_SALES&orgUnit=X-TRALINH&period=2023")).Expect(HttpStatusCode.OK);
        Assert.Equal(2, list.GetProperty("total").GetInt32());
        var items = list.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(new[] { "2023-01", "2023Q1" }, items.Select(i => i.GetProperty("period").GetString()));
        Assert.Equal(new[] { 120.5m, 300m }, items.Select(i => i.GetProperty("value").GetDecimal()));
        Assert.All(items, i => Assert.Equal("draft", i.GetProperty("status").GetString()));
        Assert.All(items, i => Assert.Equal("officer.tralinh", i.GetProperty("enteredBy").GetString()));
        Assert.Equal("Báo cáo tháng 1", items[0].GetProperty("comment").GetString());

        // Reading is scoped: chair.hoaan sees nothing of Trà Lĩnh.
        using var hoaan = await app.As("chair.hoaan");
        var none = await (await hoaan.GetAsync("/api/data-values?orgUnit=X-TRALINH&period=2023")).Expect(HttpStatusCode.OK);
        Assert.Equal(0, none.GetProperty("total").GetInt32());
        await (await hoaan.GetAsync("/api/data-values/RETAIL_SALES/X-TRALINH/2023-01")).Expect(HttpStatusCode.Forbidden);
        await (await hoaan.GetAsync("/api/data-values?period=2023-14")).Expect(HttpStatusCode.BadRequest);
        await (await hoaan.GetAsync("/api/data-values?indicator=NOPE")).Expect(HttpStatusCode.NotFound);

        using var inspector = await app.As("inspector");
        await (await inspector.PutAsJsonAsync("/api/data-values", new[] { Row("RETAIL_SALES", "CB", "2023-01", 1) })).Expect(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_manager_enters_and_submits_but_approves_nothing()
    {
        var result = await Batch("chair.hoaan", Row("TOURIST_ARRIVALS", "X-HOAAN", "2019-05", 1250));
        Assert.Equal(1, result.GetProperty("accepted").GetInt32());
        var submitted = await (await Post("chair.hoaan", "submit", new { orgUnitCode = "X-HOAAN", period = "2019-05" })).Expect(HttpStatusCode.OK);
        Assert.Equal(1, submitted.GetProperty("changed").GetInt32());
        Assert.Equal("submitted", submitted.GetProperty("values")[0].GetProperty("status").GetString());
        Assert.Equal("chair.hoaan", submitted.GetProperty("values")[0].GetProperty("submittedBy").GetString());
        await (await Post("chair.hoaan", "approve", new { orgUnitCode = "X-HOAAN", period = "2019-05" })).Expect(HttpStatusCode.Forbidden);
        await (await Post("chair.hoaan", "submit", new { orgUnitCode = "X-TRALINH", period = "2019-05" })).Expect(HttpStatusCode.Forbidden);
        var nothing = await (await Post("chair.hoaan", "submit", new { orgUnitCode = "X-HOAAN", period = "2019" })).Expect(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("No values", nothing.GetProperty("detail").GetString());
        var bad = await (await Post("chair.hoaan", "submit", new { indicatorCodes = new[] { "NOPE" } })).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(new[] { "indicatorCodes[0]", "orgUnitCode", "period" }, bad.GetProperty("errors").Keys().Order());
        Assert.Equal("submitted", (await One("TOURIST_ARRIVALS", "X-HOAAN", "2019-05")).GetProperty("value").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Approval_goes_bottom_up_locks_and_reopens_with_a_reason()
    {
        const string P = "2019-06";
        var entered = await Batch("stats",
            Row("RETAIL_SALES", "X-TRALINH", P, 100), Row("RETAIL_SALES", "X-HOAAN", P, 50), Row("RETAIL_SALES", "CB", P, 150));
        Assert.Equal(3, entered.GetProperty("accepted").GetInt32());

        var refused = await (await Post("stats", "approve", new { orgUnitCode = "CB", period = P })).Expect(HttpStatusCode.UnprocessableEntity);
        var detail = refused.GetProperty("detail").GetString()!;
        Assert.True(detail.Contains("RETAIL_SALES at X-HOAAN, X-TRALINH", StringComparison.Ordinal), detail);

        // The commune's statistician approves straight from draft.
        var tralinh = await (await Post("officer.tralinh", "approve", new { orgUnitCode = "X-TRALINH", period = P, indicatorCodes = new[] { "RETAIL_SALES" } }))
            .Expect(HttpStatusCode.OK);
        Assert.Equal(1, tralinh.GetProperty("changed").GetInt32());
        Assert.Equal("approved", tralinh.GetProperty("values")[0].GetProperty("status").GetString());
        refused = await (await Post("stats", "approve", new { orgUnitCode = "CB", period = P })).Expect(HttpStatusCode.UnprocessableEntity);
        detail = refused.GetProperty("detail").GetString()!;
        Assert.True(detail.Contains("RETAIL_SALES at X-HOAAN.", StringComparison.Ordinal) && !detail.Contains("X-TRALINH", StringComparison.Ordinal), detail);

        await (await Post("leader", "approve", new { orgUnitCode = "X-HOAAN", period = P })).Expect(HttpStatusCode.OK);
        var cb = await (await Post("stats", "approve", new { orgUnitCode = "CB", period = P })).Expect(HttpStatusCode.OK);
        Assert.Equal(1, cb.GetProperty("changed").GetInt32());
        Assert.Equal("stats", cb.GetProperty("values")[0].GetProperty("approvedBy").GetString());

        // Approved values are locked: a batch rejects the row and keeps the others; a single write is a 409.
        // Approved at CB also locks the units below it, even one that had not reported.
        var locked = await Batch("stats", Row("RETAIL_SALES", "CB", P, 151), Row("RETAIL_SALES", "X-TRALINH", "2019-07", 101),
            Row("RETAIL_SALES", "X-NAMTUAN", P, 7));
        Assert.Equal(1, locked.GetProperty("accepted").GetInt32());
        var rejected = Rejected(locked);
        Assert.Equal(new[] { 0, 2 }, rejected.Keys.Order());
        Assert.Contains("approved and locked", rejected[0].GetProperty("period")[0].GetString());
        Assert.Contains("approved at CB", rejected[2].GetProperty("period")[0].GetString());
        using (var officer = await app.As("officer.tralinh"))
        {
            var current = await One("RETAIL_SALES", "X-TRALINH", P);
            var version = current.GetProperty("value").GetProperty("version").GetInt32();
            await (await officer.PutJson($"/api/data-values/RETAIL_SALES/X-TRALINH/{P}", new { value = 110 }, $"\"{version}\""))
                .Expect(HttpStatusCode.Conflict);
        }
        Assert.Equal(150m, (await One("RETAIL_SALES", "CB", P)).GetProperty("value").GetProperty("value").GetDecimal());

        // Reopening needs a reason and the approver's right over the unit; it reopens the approval above.
        await (await Post("chair.hoaan", "reopen", new { orgUnitCode = "X-TRALINH", period = P, reason = "x" })).Expect(HttpStatusCode.Forbidden);
        var noReason = await (await Post("officer.tralinh", "reopen", new { orgUnitCode = "X-TRALINH", period = P })).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(new[] { "reason" }, noReason.GetProperty("errors").Keys());
        var reopened = await (await Post("officer.tralinh", "reopen", new { orgUnitCode = "X-TRALINH", period = P, reason = "Sai số liệu tháng 6" }))
            .Expect(HttpStatusCode.OK);
        Assert.Equal(1, reopened.GetProperty("changed").GetInt32());
        Assert.Equal("draft", reopened.GetProperty("values")[0].GetProperty("status").GetString());
        Assert.Equal(new[] { "CB" }, reopened.GetProperty("reopenedAbove").EnumerateArray().Select(v => v.GetProperty("orgUnitCode").GetString()));
        Assert.Equal("draft", (await One("RETAIL_SALES", "CB", P)).GetProperty("value").GetProperty("status").GetString());
        Assert.Equal("approved", (await One("RETAIL_SALES", "X-HOAAN", P)).GetProperty("value").GetProperty("status").GetString());

        using (var officer = await app.As("officer.tralinh"))
        {
            var current = await One("RETAIL_SALES", "X-TRALINH", P);
            var version = current.GetProperty("value").GetProperty("version").GetInt32();
            await (await officer.PutJson($"/api/data-values/RETAIL_SALES/X-TRALINH/{P}", new { value = 110 }, null)).Expect((HttpStatusCode)428);
            await (await officer.PutJson($"/api/data-values/RETAIL_SALES/X-TRALINH/{P}", new { value = 110 }, $"\"{version - 1}\"")).Expect(HttpStatusCode.Conflict);
            var written = await (await officer.PutJson($"/api/data-values/RETAIL_SALES/X-TRALINH/{P}", new { value = 110 }, $"\"{version}\""))
                .Expect(HttpStatusCode.OK);
            Assert.Equal(110m, written.GetProperty("value").GetDecimal());
            Assert.Equal(version + 1, written.GetProperty("version").GetInt32());
            var bounds = await (await officer.PutJson($"/api/data-values/RETAIL_SALES/X-TRALINH/{P}", new { value = -5 }, $"\"{version + 1}\""))
                .Expect(HttpStatusCode.BadRequest);
            Assert.Equal(new[] { "value" }, bounds.GetProperty("errors").Keys());
            await (await officer.PutJson($"/api/data-values/RETAIL_SALES/X-HOAAN/{P}", new { value = 5 }, "\"1\"")).Expect(HttpStatusCode.Forbidden);
        }

        // The history keeps every change: who, when, what it was and what it became.
        var history = (await One("RETAIL_SALES", "X-TRALINH", P)).GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(new[] { "create", "approve", "reopen", "update" }, history.Select(h => h.GetProperty("action").GetString()));
        Assert.Equal(new[] { "stats", "officer.tralinh", "officer.tralinh", "officer.tralinh" }, history.Select(h => h.GetProperty("userName").GetString()));
        Assert.Equal("Sai số liệu tháng 6", history[2].GetProperty("reason").GetString());
        Assert.Equal("approved", history[2].GetProperty("oldStatus").GetString());
        Assert.Equal(100m, history[3].GetProperty("oldValue").GetDecimal());
        Assert.Equal(110m, history[3].GetProperty("newValue").GetDecimal());
        var cbHistory = (await One("RETAIL_SALES", "CB", P)).GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(new[] { "create", "approve", "reopen" }, cbHistory.Select(h => h.GetProperty("action").GetString()));
        Assert.Contains("X-TRALINH was reopened: Sai số liệu tháng 6", cbHistory[2].GetProperty("reason").GetString());

        using var inspector = await app.As("inspector");
        var audit = await (await inspector.GetAsync($"/api/audit?entity=dataValue&id=RETAIL_SALES/X-TRALINH/{P}")).Expect(HttpStatusCode.OK);
        Assert.Equal(new[] { "approve", "create", "reopen", "update" }, audit.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()).Order());
    }

    [Fact]
    public async Task A_year_is_approved_after_what_it_is_made_of_and_then_locks_its_quarters_and_months()
    {
        // Tourist arrivals (monthly) at Trà Lĩnh: January 100, February 110 and the commune's official 2017 figure 1,300.
        var entered = await Batch("stats", Row("TOURIST_ARRIVALS", "X-TRALINH", "2017-01", 100), Row("TOURIST_ARRIVALS", "X-TRALINH", "2017-02", 110),
            Row("TOURIST_ARRIVALS", "X-TRALINH", "2017", 1300), Row("TOURIST_ARRIVALS", "X-HOAAN", "2017-03", 50), Row("TOURIST_ARRIVALS", "CB", "2017", 5000));
        Assert.Equal(5, entered.GetProperty("accepted").GetInt32());

        // Bottom-up in time as in the tree: the year waits for its months.
        var refused = await (await Post("stats", "approve", new { orgUnitCode = "X-TRALINH", period = "2017" })).Expect(HttpStatusCode.UnprocessableEntity);
        var detail = refused.GetProperty("detail").GetString()!;
        Assert.True(detail.Contains("TOURIST_ARRIVALS at X-TRALINH (2017-01), X-TRALINH (2017-02)", StringComparison.Ordinal), detail);
        await (await Post("stats", "approve", new { orgUnitCode = "X-TRALINH", period = "2017-01" })).Expect(HttpStatusCode.OK);
        await (await Post("stats", "approve", new { orgUnitCode = "X-TRALINH", period = "2017-02" })).Expect(HttpStatusCode.OK);
        var year = await (await Post("stats", "approve", new { orgUnitCode = "X-TRALINH", period = "2017" })).Expect(HttpStatusCode.OK);
        Assert.Equal("approved", year.GetProperty("values")[0].GetProperty("status").GetString());

        // The province's year waits for every unit's months below it too.
        refused = await (await Post("stats", "approve", new { orgUnitCode = "CB", period = "2017" })).Expect(HttpStatusCode.UnprocessableEntity);
        detail = refused.GetProperty("detail").GetString()!;
        Assert.True(detail.Contains("TOURIST_ARRIVALS at X-HOAAN (2017-03).", StringComparison.Ordinal), detail);

        // An approved year locks the months and quarters inside it that were never reported; other units go on.
        var locked = await Batch("stats", Row("TOURIST_ARRIVALS", "X-TRALINH", "2017-03", 120), Row("TOURIST_ARRIVALS", "X-TRALINH", "2017Q2", 360),
            Row("TOURIST_ARRIVALS", "X-HOAAN", "2017-04", 55), Row("TOURIST_ARRIVALS", "X-TRALINH", "2018-01", 90));
        Assert.Equal(2, locked.GetProperty("accepted").GetInt32());
        var rejected = Rejected(locked);
        Assert.Equal(new[] { 0, 1 }, rejected.Keys.Order());
        Assert.Equal("TOURIST_ARRIVALS at X-TRALINH is approved for 2017, which contains 2017-03: the periods inside it are locked; reopen 2017 (with a reason) first.",
            rejected[0].GetProperty("period")[0].GetString());
        Assert.Contains("which contains 2017Q2", rejected[1].GetProperty("period")[0].GetString());
        using (var officer = await app.As("officer.tralinh"))
        {
            var conflict = await (await officer.PutJson("/api/data-values/TOURIST_ARRIVALS/X-TRALINH/2017-03", new { value = 120 }, null))
                .Expect(HttpStatusCode.Conflict);
            Assert.Contains("approved for 2017", conflict.GetProperty("detail").GetString());
        }

        // Reopening a month reopens the year built on it, with the reason; then the month can be written.
        var reopened = await (await Post("officer.tralinh", "reopen", new { orgUnitCode = "X-TRALINH", period = "2017-02", reason = "Thiếu số liệu khách lẻ" }))
            .Expect(HttpStatusCode.OK);
        Assert.Equal(new[] { "2017" }, reopened.GetProperty("reopenedAbove").EnumerateArray().Select(v => v.GetProperty("period").GetString()));
        var history = (await One("TOURIST_ARRIVALS", "X-TRALINH", "2017")).GetProperty("history").EnumerateArray().Last();
        Assert.Equal("X-TRALINH 2017-02 was reopened: Thiếu số liệu khách lẻ", history.GetProperty("reason").GetString());
        var after = await Batch("stats", Row("TOURIST_ARRIVALS", "X-TRALINH", "2017-03", 120));
        Assert.Equal(1, after.GetProperty("accepted").GetInt32());
        Assert.Equal("approved", (await One("TOURIST_ARRIVALS", "X-TRALINH", "2017-01")).GetProperty("value").GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_batch_of_ten_thousand_rows_is_written_at_once()
    {
        using var stats = await app.As("stats");
        var units = (await (await stats.GetAsync("/api/org-units?pageSize=500&includeDissolved=false")).Expect(HttpStatusCode.OK))
            .GetProperty("items").EnumerateArray().Select(u => u.GetProperty("code").GetString()!).Take(25).ToList();
        Assert.Equal(25, units.Count);
        var rows = new List<object>(10_000);
        for (var m = 0; m < 400; m++)
            foreach (var u in units)
                rows.Add(new { indicatorCode = "TOURIST_ARRIVALS", orgUnitCode = u, period = $"{2100 + m / 12}-{m % 12 + 1:D2}", value = m + 1 });

        var watch = Stopwatch.StartNew();
        var first = await (await stats.PutAsJsonAsync("/api/data-values", rows)).Expect(HttpStatusCode.OK);
        output.WriteLine($"{app.Provider}: 10,000 new values in {watch.ElapsedMilliseconds} ms");
        Assert.Equal(10_000, first.GetProperty("accepted").GetInt32());
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), $"took {watch.Elapsed}");
        Assert.Empty(first.GetProperty("rejected").EnumerateArray());

        // The audit chain catches up with the first batch before the second is timed.
        await (await app.Anonymous().GetAsync("/api/audit/verify")).Expect(HttpStatusCode.OK);
        var changed = rows.Select((r, i) => (object)new
        {
            indicatorCode = "TOURIST_ARRIVALS", orgUnitCode = units[i % 25], period = $"{2100 + i / 25 / 12}-{i / 25 % 12 + 1:D2}", value = i / 25 + 2,
        }).ToList();
        watch.Restart();
        var second = await (await stats.PutAsJsonAsync("/api/data-values", changed)).Expect(HttpStatusCode.OK);
        output.WriteLine($"{app.Provider}: 10,000 updated values in {watch.ElapsedMilliseconds} ms");
        Assert.Equal(10_000, second.GetProperty("accepted").GetInt32());
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), $"took {watch.Elapsed}");

        // The 20,000 audit entries written in bulk join the hash chain like any other.
        var verify = await (await app.Anonymous().GetAsync("/api/audit/verify")).Expect(HttpStatusCode.OK);
        Assert.True(verify.GetProperty("valid").GetBoolean());
        Assert.True(verify.GetProperty("entries").GetInt64() >= 20_000);

        var list = await (await stats.GetAsync($"/api/data-values?indicator=TOURIST_ARRIVALS&orgUnit={units[0]}&period=2133")).Expect(HttpStatusCode.OK);
        Assert.Equal(4, list.GetProperty("total").GetInt32());
        Assert.Equal(401m, list.GetProperty("items")[3].GetProperty("value").GetDecimal());
    }
}

public sealed class DataValuesTestsOnSqlite(SqliteApp app, ITestOutputHelper output) : DataValuesTests(app, output), IClassFixture<SqliteApp>;

public sealed class DataValuesTestsOnPostgres(PostgresApp app, ITestOutputHelper output) : DataValuesTests(app, output), IClassFixture<PostgresApp>;
