using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ThreeClears.Web.Tests.Support;

namespace ThreeClears.Web.Tests;

/// <summary>GET /api/analytics with literal numbers: roll-up, the official figure at the parent, discrepancy, YTD, year-on-year, forecast, derived ratios.</summary>
public abstract class IndicatorAnalyticsTests(AppFixture app)
{
    private static object Row(string indicator, string unit, string period, decimal value) =>
        new { indicatorCode = indicator, orgUnitCode = unit, period, value };

    private async Task<JsonElement> Analytics(string query, string user = "leader")
    {
        using var c = await app.As(user);
        return await (await c.GetAsync("/api/analytics?" + query)).Expect(HttpStatusCode.OK);
    }

    private static JsonElement Child(JsonElement row, string code) =>
        row.GetProperty("children").EnumerateArray().Single(c => c.GetProperty("orgUnitCode").GetString() == code);

    private static decimal D(JsonElement e, string name) => e.GetProperty(name).GetDecimal();

    [Fact]
    public async Task A_flow_rolls_up_the_parent_figure_wins_and_the_difference_is_shown()
    {
        var rows = new List<object>();
        for (var m = 1; m <= 12; m++)
        {
            rows.Add(Row("RETAIL_SALES", "X-TRALINH", $"2021-{m:D2}", 10));
            rows.Add(Row("RETAIL_SALES", "X-HOAAN", $"2021-{m:D2}", 5));
        }
        for (var m = 1; m <= 8; m++)
        {
            rows.Add(Row("RETAIL_SALES", "X-TRALINH", $"2022-{m:D2}", 12));
            rows.Add(Row("RETAIL_SALES", "X-HOAAN", $"2022-{m:D2}", 6));
        }
        rows.Add(Row("RETAIL_SALES", "CB", "2022-08", 20)); // the province's own figure for August: the children give 18
        using (var stats = await app.As("stats"))
        {
            var put = await (await stats.PutAsJsonAsync("/api/data-values", rows)).Expect(HttpStatusCode.OK);
            Assert.Equal(41, put.GetProperty("accepted").GetInt32());
        }

        var cb = await Analytics("indicator=RETAIL_SALES&orgUnit=CB&period=2022-08&children=true");
        Assert.Equal(20m, D(cb, "value"));
        Assert.Equal(15m, D(cb, "valueYearBefore"));
        Assert.Equal(33.3333m, D(cb, "yoyPercent"));
        Assert.Equal(146m, D(cb, "ytd"));             // 7 × 18 + 20
        Assert.Equal(120m, D(cb, "ytdYearBefore"));   // 8 × 15
        Assert.Equal(21.6667m, D(cb, "ytdYoyPercent"));
        Assert.Equal(219m, D(cb, "forecast"));        // 146 × 180 ÷ 120
        Assert.Equal("history", cb.GetProperty("forecastMethod").GetString());
        Assert.Equal(20m, D(cb, "own"));
        Assert.Equal(18m, D(cb, "rolledUp"));
        Assert.Equal(2m, D(cb.GetProperty("discrepancy"), "difference"));
        Assert.False(cb.GetProperty("changeInPercentagePoints").GetBoolean());

        var hoaan = Child(cb, "X-HOAAN");
        Assert.Equal(6m, D(hoaan, "value"));
        Assert.Equal(20m, D(hoaan, "yoyPercent"));
        Assert.Equal(48m, D(hoaan, "ytd"));
        Assert.Equal(72m, D(hoaan, "forecast"));      // 48 × 60 ÷ 40
        Assert.Equal(JsonValueKind.Null, hoaan.GetProperty("discrepancy").ValueKind);
        var tralinh = Child(cb, "X-TRALINH");
        Assert.Equal(96m, D(tralinh, "ytd"));
        Assert.Equal(144m, D(tralinh, "forecast"));

        // A quarter: the sum of its months; Q3 2022 holds July and August only.
        var q3 = await Analytics("indicator=RETAIL_SALES&orgUnit=CB&period=2022Q3");
        Assert.Equal(38m, D(q3, "value"));            // 18 + 20
        Assert.Empty(q3.GetProperty("children").EnumerateArray());

        // Approved values only: nothing is approved yet, then the commune's August.
        var none = await Analytics("indicator=RETAIL_SALES&orgUnit=CB&period=2022-08&approvedOnly=true");
        Assert.Equal(JsonValueKind.Null, none.GetProperty("value").ValueKind);
        using (var officer = await app.As("officer.tralinh"))
            await (await officer.PostAsJsonAsync("/api/data-values/approve", new { orgUnitCode = "X-TRALINH", period = "2022-08" })).Expect(HttpStatusCode.OK);
        var approved = await Analytics("indicator=RETAIL_SALES&orgUnit=CB&period=2022-08&approvedOnly=true");
        Assert.Equal(12m, D(approved, "value"));
        Assert.Equal(12m, D(approved, "ytd"));
        Assert.Equal(18m, D(approved, "forecast"));   // no history: 12 × 12 ÷ 8
        Assert.Equal("runRate", approved.GetProperty("forecastMethod").GetString());
    }

    [Fact]
    public async Task The_demo_carries_the_province_figures_of_the_first_eight_months_of_2025()
    {
        var retail = await Analytics("indicator=RETAIL_SALES&orgUnit=CB&period=2025-08&approvedOnly=true", "inspector");
        Assert.Equal(8900m, D(retail, "ytd"));
        Assert.Equal(13.7m, Math.Round(D(retail, "ytdYoyPercent"), 1));
        Assert.Equal("history", retail.GetProperty("forecastMethod").GetString());
        var investment = await Analytics("indicator=PUBLIC_INVESTMENT&orgUnit=CB&period=2025-08&approvedOnly=true", "inspector");
        Assert.Equal(3408m, D(investment, "ytd"));
        Assert.Equal(57.8m, Math.Round(D(investment, "ytdYoyPercent"), 1));
        var revenue = await Analytics("indicator=BUDGET_REVENUE&orgUnit=CB&period=2025-08&approvedOnly=true", "inspector");
        Assert.Equal(79m, Math.Round(D(revenue, "ytdYoyPercent"), 1));
        var trade = await Analytics("indicator=IMPORT_EXPORT&orgUnit=CB&period=2025-08&approvedOnly=true", "inspector");
        Assert.Equal(995m, D(trade, "ytd"));
        Assert.Equal(1492.5m, D(trade, "forecast"));   // no 2024 history: 995 × 12 ÷ 8
        var houses = await Analytics("indicator=HOUSES_REPLACED&orgUnit=CB&period=2025&approvedOnly=true", "inspector");
        Assert.Equal(19067m, D(houses, "value"));
        var expressway = await Analytics("indicator=EXPRESSWAY_PROGRESS&orgUnit=CB&period=2025-08", "inspector");
        Assert.Equal(34.3m, D(expressway, "value"));
    }

    [Fact]
    public async Task The_demo_carries_the_merged_communes_history_into_their_successors()
    {
        // Tân Giang ward = former Ngọc Xuân (4,000 arrivals in an average month of 2024) + 0.4 of former Vĩnh Quang
        // (3,000): 5,200, times the month's weight (August 1.1), and 10 % more in 2025.
        var tangiang = await Analytics("indicator=TOURIST_ARRIVALS&orgUnit=P-TANGIANG&period=2025-08&approvedOnly=true", "inspector");
        Assert.Equal(6292m, D(tangiang, "value"));          // its own August: 5,200 × 1.1 × 1.1
        Assert.Equal(5720m, D(tangiang, "valueYearBefore")); // inherited: 4,000 × 1.1 + 0.4 × 3,000 × 1.1
        Assert.Equal(10m, D(tangiang, "yoyPercent"));
        Assert.Equal(50908m, D(tangiang, "ytd"));           // 5,200 × 1.1 × (1.3 + 1.5 + 1.1 + 0.9 + 0.9 + 1.0 + 1.1 + 1.1 = 8.9)
        Assert.Equal(46280m, D(tangiang, "ytdYearBefore")); // 5,200 × 8.9
        var june = await Analytics("indicator=TOURIST_ARRIVALS&orgUnit=P-TANGIANG&period=2025-06", "inspector");
        Assert.Equal(5720m, D(june, "inherited"));          // 5,200 × 1.0 × 1.1, before the merger

        // Its poverty rate, recomputed from inherited parts: 2024 (150 + 0.4 × 390) ÷ (1,800 + 0.4 × 1,500) × 100
        // = 306 ÷ 2,400 × 100 = 12.75 %; 2025 291 ÷ 2,424 × 100 = 12.005 %.
        var poverty = await Analytics("indicator=POVERTY_RATE&orgUnit=P-TANGIANG&period=2025", "inspector");
        Assert.Equal(12.75m, D(poverty, "valueYearBefore"));
        Assert.Equal(12.005m, D(poverty, "value"));
        Assert.Equal(-0.745m, D(poverty, "yoyPercent"));

        // The province's own total counts; the demo's communes give only 65,120 of it in August 2024, shown.
        var cb = await Analytics("indicator=TOURIST_ARRIVALS&orgUnit=CB&period=2024-08", "inspector");
        Assert.Equal(238333m, D(cb, "value"));
        Assert.Equal(65120m, D(cb, "rolledUp"));            // (9,000 + 12,000 + … + 2,500 = 59,200) × 1.1
    }

    [Fact]
    public async Task The_units_own_row_is_the_same_whether_or_not_its_children_are_asked_for()
    {
        // Without children the analytics read only the months below the unit that can change its figures; the
        // row must be the one computed from every value. Mixed here: the province's own April and May 2021, a
        // commune's quarter and another's months, and the demo's province totals over communes across the merger.
        using (var stats = await app.As("stats"))
        {
            var put = await (await stats.PutAsJsonAsync("/api/data-values", new[]
            {
                Row("TOURIST_ARRIVALS", "CB", "2021-04", 1000), Row("TOURIST_ARRIVALS", "CB", "2021-05", 1100),
                Row("TOURIST_ARRIVALS", "X-HOAAN", "2021Q2", 900), Row("TOURIST_ARRIVALS", "X-TRALINH", "2021-04", 100),
                Row("TOURIST_ARRIVALS", "X-TRALINH", "2021-05", 110), Row("TOURIST_ARRIVALS", "X-TRALINH", "2021-06", 120),
                Row("TOURIST_ARRIVALS", "X-TRALINH", "2020-06", 90), Row("TOURIST_ARRIVALS", "CB", "2020-05", 800),
            })).Expect(HttpStatusCode.OK);
            Assert.Equal(8, put.GetProperty("accepted").GetInt32());
        }
        foreach (var (indicator, unit, period) in new[]
        {
            ("TOURIST_ARRIVALS", "CB", "2021-06"), ("TOURIST_ARRIVALS", "CB", "2021Q2"), ("TOURIST_ARRIVALS", "CB", "2021"),
            ("TOURIST_ARRIVALS", "CB", "2021-05"), ("TOURIST_ARRIVALS", "CB", "2025-08"), ("TOURIST_ARRIVALS", "CB", "2025"),
            ("TOURIST_ARRIVALS", "CB", "2024-05"), ("TOURIST_ARRIVALS", "P-NUNGTRICAO", "2025-08"), ("TOURIST_ARRIVALS", "X-TRALINH", "2025Q3"),
            ("POVERTY_RATE", "CB", "2025"), ("POVERTY_RATE", "P-TANGIANG", "2025"), ("RETAIL_SALES", "CB", "2025-08"),
        })
        {
            var q = $"indicator={indicator}&orgUnit={unit}&period={period}";
            var alone = await Analytics(q);
            var withChildren = await Analytics(q + "&children=true");
            static string Top(JsonElement e) =>
                JsonSerializer.Serialize(e.EnumerateObject().Where(p => p.Name != "children").ToDictionary(p => p.Name, p => p.Value));
            Assert.Equal(Top(withChildren), Top(alone));
        }
    }

    [Fact]
    public async Task An_average_over_units_with_a_decrease_target_and_the_parents_own_figure()
    {
        // Days to settle a land-use application (a level, averaged over units on purpose), with the province's
        // 2014 target: from 7 days down to 3.
        using (var admin = await app.As("admin"))
            await (await admin.PostAsJsonAsync("/api/indicators", new
            {
                code = "LAND_DAYS", name = "Số ngày giải quyết hồ sơ đất đai", nameEn = "Days to settle a land application", unit = "ngày",
                periodicity = "year", timeKind = "level", aggregation = "average", min = 0,
            })).Expect(HttpStatusCode.Created);
        using (var leader = await app.As("leader"))
            await (await leader.PostAsJsonAsync("/api/targets", new
            {
                indicatorCode = "LAND_DAYS", orgUnitCode = "CB", baseline = 7, targetValue = 3, targetYear = 2014, direction = "decrease",
            })).Expect(HttpStatusCode.Created);
        using (var stats = await app.As("stats"))
            await (await stats.PutAsJsonAsync("/api/data-values", new[]
            {
                Row("LAND_DAYS", "X-TRALINH", "2013", 8), Row("LAND_DAYS", "X-HOAAN", "2013", 6),
                Row("LAND_DAYS", "X-TRALINH", "2014", 6), Row("LAND_DAYS", "X-HOAAN", "2014", 4),
            })).Expect(HttpStatusCode.OK);

        var cb = await Analytics("indicator=LAND_DAYS&orgUnit=CB&period=2014");
        Assert.Equal(5m, D(cb, "value"));                 // (6 + 4) ÷ 2, the plain mean of the communes that reported
        Assert.Equal(7m, D(cb, "valueYearBefore"));       // (8 + 6) ÷ 2
        Assert.Equal(-28.5714m, D(cb, "yoyPercent"));     // (5 − 7) ÷ 7 × 100
        Assert.Equal(50m, D(cb, "achievementPercent"));   // decrease: (7 − 5) ÷ (7 − 3) × 100
        Assert.Equal(5m, D(cb, "forecast"));              // a level's forecast is its latest value
        Assert.False(cb.GetProperty("onTrack").GetBoolean()); // 5 is not ≤ 3

        // The province's own figure is official; the communes' mean is shown beside it.
        using (var stats = await app.As("stats"))
            await (await stats.PutAsJsonAsync("/api/data-values", new[] { Row("LAND_DAYS", "CB", "2014", 4.5m) })).Expect(HttpStatusCode.OK);
        cb = await Analytics("indicator=LAND_DAYS&orgUnit=CB&period=2014");
        Assert.Equal(4.5m, D(cb, "value"));
        Assert.Equal(5m, D(cb, "rolledUp"));
        Assert.Equal(-0.5m, D(cb.GetProperty("discrepancy"), "difference"));
        Assert.Equal(62.5m, D(cb, "achievementPercent")); // (7 − 4.5) ÷ (7 − 3) × 100
    }

    [Fact]
    public async Task A_derived_ratio_divides_the_sums_and_changes_in_points()
    {
        using (var stats = await app.As("stats"))
        {
            var put = await (await stats.PutAsJsonAsync("/api/data-values", new[]
            {
                Row("POOR_HOUSEHOLDS", "X-TRALINH", "2021", 250), Row("POOR_HOUSEHOLDS", "X-HOAAN", "2021", 150),
                Row("HOUSEHOLDS", "X-TRALINH", "2021", 1000), Row("HOUSEHOLDS", "X-HOAAN", "2021", 3000),
                Row("POOR_HOUSEHOLDS", "X-TRALINH", "2022", 200), Row("POOR_HOUSEHOLDS", "X-HOAAN", "2022", 100),
                Row("HOUSEHOLDS", "X-TRALINH", "2022", 1000), Row("HOUSEHOLDS", "X-HOAAN", "2022", 3000),
            })).Expect(HttpStatusCode.OK);
            Assert.Equal(8, put.GetProperty("accepted").GetInt32());
        }
        var cb = await Analytics("indicator=POVERTY_RATE&orgUnit=CB&period=2022&children=true");
        Assert.Equal(7.5m, D(cb, "value"));            // 300 ÷ 4,000 × 100, not the mean of 20 and 3.33
        Assert.Equal(10m, D(cb, "valueYearBefore"));   // 400 ÷ 4,000 × 100
        Assert.Equal(-2.5m, D(cb, "yoyPercent"));      // percentage points
        Assert.True(cb.GetProperty("changeInPercentagePoints").GetBoolean());
        Assert.Equal(20m, D(Child(cb, "X-TRALINH"), "value"));
        Assert.Equal(3.3333m, D(Child(cb, "X-HOAAN"), "value"));

        using var c = await app.As("chair.hoaan");
        await (await c.GetAsync("/api/analytics?indicator=POVERTY_RATE&orgUnit=CB&period=2022")).Expect(HttpStatusCode.Forbidden);
        var hoaan = await (await c.GetAsync("/api/analytics?indicator=POVERTY_RATE&orgUnit=X-HOAAN&period=2022")).Expect(HttpStatusCode.OK);
        Assert.Equal(3.3333m, D(hoaan, "value"));
        var bad = await (await c.GetAsync("/api/analytics?period=2022-13")).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(new[] { "indicator", "orgUnit", "period" }, bad.GetProperty("errors").Keys().Order());
        await (await c.GetAsync("/api/analytics?indicator=POVERTY_RATE&orgUnit=NOPE&period=2022")).Expect(HttpStatusCode.NotFound);
    }
}

public sealed class IndicatorAnalyticsTestsOnSqlite(SqliteApp app) : IndicatorAnalyticsTests(app), IClassFixture<SqliteApp>;

public sealed class IndicatorAnalyticsTestsOnPostgres(PostgresApp app) : IndicatorAnalyticsTests(app), IClassFixture<PostgresApp>;
