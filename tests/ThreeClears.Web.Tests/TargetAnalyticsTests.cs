using System.Net;
using ThreeClears.Web.Tests.Support;

namespace ThreeClears.Web.Tests;

/// <summary>Analytics meet the plan: the demo's 2025 figures against its 2025 targets (PRODUCT.md §4).</summary>
public abstract class TargetAnalyticsTests(AppFixture app)
{
    [Fact]
    public async Task Import_export_after_eight_months_against_the_plan()
    {
        using var c = await app.As("leader");
        var a = await (await c.GetAsync("/api/analytics?indicator=IMPORT_EXPORT&orgUnit=CB&period=2025-08&approvedOnly=true")).Expect(HttpStatusCode.OK);
        // First 8 months of 2025: USD 995 million; the 2025 target is USD 1,600 million.
        // Achievement = 995 ÷ 1,600 × 100 = 62.1875 %. No 2024 figures, so the forecast is the run rate:
        // 995 × 12 ÷ 8 = 1,492.5, below the target → not on track.
        Assert.Equal(995m, a.GetProperty("ytd").GetDecimal());
        Assert.Equal(1600m, a.GetProperty("target").GetDecimal());
        Assert.Equal(62.1875m, a.GetProperty("achievementPercent").GetDecimal());
        Assert.Equal(1492.5m, a.GetProperty("forecast").GetDecimal());
        Assert.False(a.GetProperty("onTrack").GetBoolean());
    }

    [Fact]
    public async Task Houses_replaced_in_2025_meet_the_target_exactly()
    {
        using var c = await app.As("leader");
        var a = await (await c.GetAsync("/api/analytics?indicator=HOUSES_REPLACED&orgUnit=CB&period=2025&approvedOnly=true")).Expect(HttpStatusCode.OK);
        // 19,067 solid houses in 2025 against a target of 19,067: 19,067 ÷ 19,067 × 100 = 100 %.
        Assert.Equal(19067m, a.GetProperty("ytd").GetDecimal());
        Assert.Equal(100m, a.GetProperty("achievementPercent").GetDecimal());
        Assert.True(a.GetProperty("onTrack").GetBoolean());
    }

    [Fact]
    public async Task A_target_needs_an_indicator_of_the_catalogue()
    {
        using var c = await app.As("leader");
        var p = await (await c.PostAsync("/api/targets", System.Net.Http.Json.JsonContent.Create(new
        {
            indicatorCode = "NO_SUCH_INDICATOR", orgUnitCode = "CB", baseline = 1, targetValue = 2, targetYear = 2026, direction = "increase",
        }))).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(["indicatorCode"], p.GetProperty("errors").Keys());
    }
}

public sealed class TargetAnalyticsTestsOnSqlite(SqliteApp app) : TargetAnalyticsTests(app), IClassFixture<SqliteApp>;

public sealed class TargetAnalyticsTestsOnPostgres(PostgresApp app) : TargetAnalyticsTests(app), IClassFixture<PostgresApp>;
