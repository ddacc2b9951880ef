using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ThreeClears.Web.Tests.Support;

namespace ThreeClears.Web.Tests;

/// <summary>
/// Lineage in the analytics, with literal numbers: communes T-X1 and T-X2 merged into T-M on 1 July 2019 and
/// T-Y was split, 0.4 to T-M and 0.6 to T-N (a test reform in a year no other data uses). Their history rolls
/// into the successors, the province counts every value once, and nothing of the predecessors is deleted.
/// Then the discrepancies: the province's own figure against its communes, and a back-filled history.
/// </summary>
public abstract class LineageAnalyticsTests(AppFixture app) : IAsyncLifetime
{
    private static object Row(string indicator, string unit, string period, decimal value) =>
        new { indicatorCode = indicator, orgUnitCode = unit, period, value };

    private static decimal D(JsonElement e, string name) => e.GetProperty(name).GetDecimal();

    private async Task<JsonElement> Analytics(string query, string user = "leader")
    {
        using var c = await app.As(user);
        return await (await c.GetAsync("/api/analytics?" + query)).Expect(HttpStatusCode.OK);
    }

    public async Task InitializeAsync()
    {
        using var admin = await app.As("admin");
        if ((await admin.GetAsync("/api/org-units/T-M")).StatusCode == HttpStatusCode.OK) return; // once per fixture
        foreach (var code in new[] { "T-X1", "T-X2", "T-Y" })
            await (await admin.PostAsJsonAsync("/api/org-units", new { code, name = "Xã " + code, nameEn = code + " Commune", kind = "commune", parentCode = "CB" }))
                .Expect(HttpStatusCode.Created);

        // Retail sales a month: T-X1 10 in 2018, 12 in Jan–Jun 2019; T-X2 5, then 6; T-Y 20, then 25; from July 2019
        // T-M reports 30 and T-N 18. Households and poor households (yearly levels) for 2018 and 2019.
        var rows = new List<object>();
        foreach (var (unit, before, after) in new[] { ("T-X1", 10m, 12m), ("T-X2", 5m, 6m), ("T-Y", 20m, 25m) })
        {
            for (var m = 1; m <= 12; m++) rows.Add(Row("RETAIL_SALES", unit, $"2018-{m:D2}", before));
            for (var m = 1; m <= 6; m++) rows.Add(Row("RETAIL_SALES", unit, $"2019-{m:D2}", after));
        }
        rows.AddRange([
            Row("HOUSEHOLDS", "T-X1", "2018", 1000), Row("HOUSEHOLDS", "T-X2", "2018", 500), Row("HOUSEHOLDS", "T-Y", "2018", 2000),
            Row("POOR_HOUSEHOLDS", "T-X1", "2018", 300), Row("POOR_HOUSEHOLDS", "T-X2", "2018", 50), Row("POOR_HOUSEHOLDS", "T-Y", "2018", 400),
        ]);
        using var stats = await app.As("stats");
        var put = await (await stats.PutAsJsonAsync("/api/data-values", rows)).Expect(HttpStatusCode.OK);
        Assert.Equal(60, put.GetProperty("accepted").GetInt32());

        await (await admin.PostAsJsonAsync("/api/org-units", new
        {
            code = "T-M", name = "Xã T-M", nameEn = "T-M Commune", kind = "commune", parentCode = "CB",
            predecessors = new object[]
            {
                new { code = "T-X1", effectiveDate = "2019-07-01" }, new { code = "T-X2", effectiveDate = "2019-07-01" },
                new { code = "T-Y", effectiveDate = "2019-07-01", share = 0.4 },
            },
        })).Expect(HttpStatusCode.Created);
        await (await admin.PostAsJsonAsync("/api/org-units", new
        {
            code = "T-N", name = "Xã T-N", nameEn = "T-N Commune", kind = "commune", parentCode = "CB",
            predecessors = new object[] { new { code = "T-Y", effectiveDate = "2019-07-01", share = 0.6 } },
        })).Expect(HttpStatusCode.Created);

        rows.Clear();
        for (var m = 7; m <= 12; m++)
        {
            rows.Add(Row("RETAIL_SALES", "T-M", $"2019-{m:D2}", 30));
            rows.Add(Row("RETAIL_SALES", "T-N", $"2019-{m:D2}", 18));
        }
        rows.AddRange([
            Row("HOUSEHOLDS", "T-M", "2019", 2400), Row("HOUSEHOLDS", "T-N", "2019", 1250),
            Row("POOR_HOUSEHOLDS", "T-M", "2019", 360), Row("POOR_HOUSEHOLDS", "T-N", "2019", 200),
            Row("RETAIL_SALES", "T-X1", "2019-08", 1), // the merged commune takes nothing after the reform
        ]);
        put = await (await stats.PutAsJsonAsync("/api/data-values", rows)).Expect(HttpStatusCode.OK);
        Assert.Equal(16, put.GetProperty("accepted").GetInt32());
        Assert.Contains("dissolved on 2019-07-01", put.GetProperty("rejected")[0].GetProperty("errors").GetProperty("orgUnitCode")[0].GetString());
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_successors_series_carries_its_predecessors_history_times_the_share()
    {
        var m = await Analytics("indicator=RETAIL_SALES&orgUnit=T-M&period=2019");
        Assert.Equal(348m, D(m, "value"));             // Jan–Jun 6 × (12 + 6 + 25 × 0.4 = 28) + Jul–Dec 6 × 30
        Assert.Equal(276m, D(m, "valueYearBefore"));   // 12 × (10 + 5 + 20 × 0.4 = 23)
        Assert.Equal(26.087m, D(m, "yoyPercent"));     // (348 − 276) ÷ 276 × 100
        var n = await Analytics("indicator=RETAIL_SALES&orgUnit=T-N&period=2019");
        Assert.Equal(198m, D(n, "value"));             // 6 × 25 × 0.6 + 6 × 18
        Assert.Equal(144m, D(n, "valueYearBefore"));   // 12 × 20 × 0.6

        var august = await Analytics("indicator=RETAIL_SALES&orgUnit=T-M&period=2019-08");
        Assert.Equal(228m, D(august, "ytd"));          // 6 × 28 + 2 × 30
        Assert.Equal(184m, D(august, "ytdYearBefore")); // 8 × 23
        Assert.Equal(342m, D(august, "forecast"));     // 228 × 276 ÷ 184
        Assert.Equal("history", august.GetProperty("forecastMethod").GetString());
        Assert.Equal(JsonValueKind.Null, august.GetProperty("inherited").ValueKind);

        var march = await Analytics("indicator=RETAIL_SALES&orgUnit=T-M&period=2019-03");
        Assert.Equal(28m, D(march, "value"));
        Assert.Equal(28m, D(march, "inherited"));
        Assert.Equal(28m, D(march, "own"));
    }

    [Fact]
    public async Task The_province_counts_every_value_once_and_the_predecessors_keep_their_own()
    {
        var cb = await Analytics("indicator=RETAIL_SALES&orgUnit=CB&period=2019&children=true");
        Assert.Equal(546m, D(cb, "value"));            // 6 × (12 + 6 + 25) + 6 × (30 + 18)
        Assert.Equal(420m, D(cb, "valueYearBefore"));  // 12 × (10 + 5 + 20), not that again through T-M and T-N
        var children = cb.GetProperty("children").EnumerateArray().ToDictionary(c => c.GetProperty("orgUnitCode").GetString()!);
        Assert.Equal(72m, D(children["T-X1"], "value"));   // its own record: 6 × 12
        Assert.Equal(150m, D(children["T-Y"], "value"));   // 6 × 25
        Assert.Equal(348m, D(children["T-M"], "value"));

        // After the reform the merged communes are no longer listed among the province's units.
        var after = await Analytics("indicator=RETAIL_SALES&orgUnit=CB&period=2019-08&children=true");
        var listed = after.GetProperty("children").EnumerateArray().Select(c => c.GetProperty("orgUnitCode").GetString()).ToList();
        Assert.Contains("T-M", listed);
        Assert.DoesNotContain("T-X1", listed);

        using var c = await app.As("stats");
        var x1 = await (await c.GetAsync("/api/org-units/T-X1")).Expect(HttpStatusCode.OK);
        Assert.Equal("2019-07-01", x1.GetProperty("dissolvedOn").GetString());
        var kept = await (await c.GetAsync("/api/data-values?indicator=RETAIL_SALES&orgUnit=T-X1&period=2018")).Expect(HttpStatusCode.OK);
        Assert.Equal(12, kept.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_successors_poverty_rate_is_recomputed_from_its_inherited_parts()
    {
        var m = await Analytics("indicator=POVERTY_RATE&orgUnit=T-M&period=2019");
        Assert.Equal(15m, D(m, "value"));                  // 360 ÷ 2,400 × 100
        Assert.Equal(22.1739m, D(m, "valueYearBefore"));   // (300 + 50 + 400 × 0.4) ÷ (1,000 + 500 + 2,000 × 0.4) × 100 = 510 ÷ 2,300 × 100
        Assert.Equal(-7.1739m, D(m, "yoyPercent"));        // percentage points
        var households = await Analytics("indicator=HOUSEHOLDS&orgUnit=CB&period=2018");
        Assert.Equal(3500m, D(households, "value"));       // 1,000 + 500 + 2,000
        var after = await Analytics("indicator=HOUSEHOLDS&orgUnit=CB&period=2019");
        Assert.Equal(3650m, D(after, "value"));            // 2,400 + 1,250
    }

    [Fact]
    public async Task Discrepancies_are_listed_with_their_source()
    {
        using (var stats = await app.As("stats"))
        {
            // Tourist arrivals (kept apart from the other tests' retail sales). May 2018: T-X1 100, T-X2 50, T-Y 200,
            // and T-M back-fills 250 where its predecessors give 100 + 50 + 200 × 0.4 = 230. August 2019: T-M 300,
            // T-N 150, and the province's own figure 500 against their 450.
            var put = await (await stats.PutAsJsonAsync("/api/data-values", new[]
            {
                Row("TOURIST_ARRIVALS", "T-X1", "2018-05", 100), Row("TOURIST_ARRIVALS", "T-X2", "2018-05", 50),
                Row("TOURIST_ARRIVALS", "T-Y", "2018-05", 200), Row("TOURIST_ARRIVALS", "T-M", "2018-05", 250),
                Row("TOURIST_ARRIVALS", "T-M", "2019-08", 300), Row("TOURIST_ARRIVALS", "T-N", "2019-08", 150),
                Row("TOURIST_ARRIVALS", "CB", "2019-08", 500),
            })).Expect(HttpStatusCode.OK);
            Assert.Equal(7, put.GetProperty("accepted").GetInt32());
        }
        var cb = await Analytics("indicator=TOURIST_ARRIVALS&orgUnit=CB&period=2019-08");
        Assert.Equal(500m, D(cb, "value"));
        Assert.Equal(50m, D(cb.GetProperty("discrepancy"), "difference"));
        var may = await Analytics("indicator=TOURIST_ARRIVALS&orgUnit=T-M&period=2018-05");
        Assert.Equal(250m, D(may, "value"));
        Assert.Equal(230m, D(may, "inherited"));
        Assert.Equal(20m, D(may.GetProperty("lineageDiscrepancy"), "difference"));
        // The province's May 2018: T-M's official 250 + T-N's 200 × 0.6 = 120 (T-X1, T-X2, T-Y handed everything on).
        Assert.Equal(370m, D(await Analytics("indicator=TOURIST_ARRIVALS&orgUnit=CB&period=2018-05"), "value"));

        using var c = await app.As("leader");
        var list = await (await c.GetAsync("/api/analytics/discrepancies?orgUnit=CB&period=2019-08")).Expect(HttpStatusCode.OK);
        var item = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        Assert.Equal(("TOURIST_ARRIVALS", "CB", "children"),
            (item.GetProperty("indicatorCode").GetString(), item.GetProperty("orgUnitCode").GetString(), item.GetProperty("source").GetString()));
        Assert.Equal((500m, 450m, 50m), (D(item, "own"), D(item, "rolledUp"), D(item, "difference")));
        Assert.Equal("Lượt khách du lịch", item.GetProperty("indicatorName").GetString());

        var back = await (await c.GetAsync("/api/analytics/discrepancies?orgUnit=CB&period=2018-05")).Expect(HttpStatusCode.OK);
        item = Assert.Single(back.GetProperty("items").EnumerateArray());
        Assert.Equal(("T-M", "predecessors"), (item.GetProperty("orgUnitCode").GetString(), item.GetProperty("source").GetString()));
        Assert.Equal((250m, 230m, 20m), (D(item, "own"), D(item, "rolledUp"), D(item, "difference")));
        // Nothing of this is approved yet.
        var approved = await (await c.GetAsync("/api/analytics/discrepancies?orgUnit=CB&period=2019-08&approvedOnly=true")).Expect(HttpStatusCode.OK);
        Assert.Equal(0, approved.GetProperty("total").GetInt32());

        // Scoped: a commune's chair sees its own commune, not the province.
        using var hoaan = await app.As("chair.hoaan");
        await (await hoaan.GetAsync("/api/analytics/discrepancies?orgUnit=CB&period=2019-08")).Expect(HttpStatusCode.Forbidden);
        var own = await (await hoaan.GetAsync("/api/analytics/discrepancies?orgUnit=X-HOAAN&period=2019-08")).Expect(HttpStatusCode.OK);
        Assert.Equal(0, own.GetProperty("total").GetInt32());
        var bad = await (await hoaan.GetAsync("/api/analytics/discrepancies?period=2019-13")).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(new[] { "orgUnit", "period" }, bad.GetProperty("errors").Keys().Order());
        await (await hoaan.GetAsync("/api/analytics/discrepancies?orgUnit=NOPE&period=2019")).Expect(HttpStatusCode.NotFound);
        await (await app.Anonymous().GetAsync("/api/analytics/discrepancies?orgUnit=CB&period=2019")).Expect(HttpStatusCode.Unauthorized);
    }
}

public sealed class LineageAnalyticsTestsOnSqlite(SqliteApp app) : LineageAnalyticsTests(app), IClassFixture<SqliteApp>;

public sealed class LineageAnalyticsTestsOnPostgres(PostgresApp app) : LineageAnalyticsTests(app), IClassFixture<PostgresApp>;
