using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ThreeClears.Web.Tests.Support;

namespace ThreeClears.Web.Tests;

/// <summary>The indicator catalogue: the demo's indicators, the administrator's changes and their validation.</summary>
public abstract class IndicatorCatalogueTests(AppFixture app)
{
    [Fact]
    public async Task The_demo_catalogue_is_read_by_any_logged_in_user()
    {
        using var c = await app.As("officer.tralinh");
        var page = await (await c.GetAsync("/api/indicators?pageSize=500")).Expect(HttpStatusCode.OK);
        var items = page.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("code").GetString()!);
        Assert.True(items.Count >= 14);
        var retail = items["RETAIL_SALES"];
        Assert.Equal("Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng", retail.GetProperty("name").GetString());
        Assert.Equal("month", retail.GetProperty("periodicity").GetString());
        Assert.Equal("flow", retail.GetProperty("timeKind").GetString());
        Assert.Equal("sum", retail.GetProperty("aggregation").GetString());
        Assert.Equal("tỷ đồng", retail.GetProperty("unit").GetString());
        var poverty = items["POVERTY_RATE"];
        Assert.Equal("Tỷ lệ hộ nghèo", poverty.GetProperty("name").GetString());
        Assert.True(poverty.GetProperty("derived").GetBoolean());
        Assert.Equal("POOR_HOUSEHOLDS", poverty.GetProperty("numeratorCode").GetString());
        Assert.Equal("HOUSEHOLDS", poverty.GetProperty("denominatorCode").GetString());
        Assert.Equal(100m, poverty.GetProperty("factor").GetDecimal());
        Assert.Equal("FOREST_AREA", items["FOREST_COVER"].GetProperty("numeratorCode").GetString());
        Assert.Equal("level", items["FOREST_AREA"].GetProperty("timeKind").GetString());
        Assert.Equal("year", items["HOUSEHOLDS"].GetProperty("periodicity").GetString());
        Assert.Equal("rate", items["GRDP_GROWTH"].GetProperty("timeKind").GetString());

        var one = await c.GetAsync("/api/indicators/EXPRESSWAY_PROGRESS");
        var body = await one.Expect(HttpStatusCode.OK);
        Assert.Equal("\"1\"", one.Headers.ETag?.Tag);
        Assert.Equal(100m, body.GetProperty("max").GetDecimal());
        await (await app.Anonymous().GetAsync("/api/indicators")).Expect(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_administrator_creates_and_updates_an_indicator_with_its_version()
    {
        using var admin = await app.As("admin");
        var created = await admin.PostAsJsonAsync("/api/indicators", new
        {
            code = "NEW_SCHOOLS", name = "Số trường học đạt chuẩn quốc gia", nameEn = "Schools meeting the national standard", unit = "trường",
            periodicity = "year", timeKind = "level", aggregation = "sum", min = 0,
        });
        var dto = await created.Expect(HttpStatusCode.Created);
        Assert.Equal("/api/indicators/NEW_SCHOOLS", created.Headers.Location?.ToString());
        Assert.Equal(1, dto.GetProperty("version").GetInt32());
        Assert.False(dto.GetProperty("derived").GetBoolean());

        var update = new
        {
            name = "Số trường đạt chuẩn quốc gia", nameEn = "Schools meeting the national standard", unit = "trường",
            periodicity = "year", timeKind = "level", aggregation = "sum", min = 0, max = 2000,
        };
        await (await admin.PutJson("/api/indicators/NEW_SCHOOLS", update, null)).Expect((HttpStatusCode)428);
        var updated = await (await admin.PutJson("/api/indicators/NEW_SCHOOLS", update, "\"1\"")).Expect(HttpStatusCode.OK);
        Assert.Equal(2, updated.GetProperty("version").GetInt32());
        Assert.Equal(2000m, updated.GetProperty("max").GetDecimal());
        Assert.Equal("Số trường đạt chuẩn quốc gia", updated.GetProperty("name").GetString());
        await (await admin.PutJson("/api/indicators/NEW_SCHOOLS", update, "\"1\"")).Expect(HttpStatusCode.Conflict);

        await (await admin.PostAsJsonAsync("/api/indicators", new
        {
            code = "NEW_SCHOOLS", name = "x", nameEn = "x", unit = "x", periodicity = "year", timeKind = "level", aggregation = "sum",
        })).Expect(HttpStatusCode.Conflict);

        using var audit = await app.As("inspector");
        var entries = await (await audit.GetAsync("/api/audit?entity=indicator&id=NEW_SCHOOLS")).Expect(HttpStatusCode.OK);
        Assert.Equal(new[] { "create", "update" }, entries.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()).Order());
    }

    [Fact]
    public async Task Only_the_province_administrator_keeps_the_catalogue()
    {
        var body = new { code = "X1", name = "x", nameEn = "x", unit = "x", periodicity = "year", timeKind = "level", aggregation = "sum" };
        foreach (var user in new[] { "leader", "stats", "admin.tralinh" })
        {
            using var c = await app.As(user);
            await (await c.PostAsJsonAsync("/api/indicators", body)).Expect(HttpStatusCode.Forbidden);
        }
    }

    [Fact]
    public async Task Every_bad_field_is_named_including_the_derived_parts()
    {
        using var admin = await app.As("admin");
        var empty = await (await admin.PostAsJsonAsync("/api/indicators", new { })).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(new[] { "aggregation", "code", "name", "nameEn", "periodicity", "timeKind", "unit" }, empty.GetProperty("errors").Keys().Order());

        var bad = await (await admin.PostAsJsonAsync("/api/indicators", new
        {
            code = "bad code", name = "x", nameEn = "x", unit = "%", periodicity = "week", timeKind = "stock", aggregation = "max",
            min = 10, max = 5, numeratorCode = "NOPE", denominatorCode = "POVERTY_RATE", factor = 0,
        })).Expect(HttpStatusCode.BadRequest);
        var errors = bad.GetProperty("errors");
        Assert.Equal(new[] { "aggregation", "code", "denominatorCode", "factor", "min", "numeratorCode", "periodicity", "timeKind" }, errors.Keys().Order());
        Assert.Contains("NOPE", errors.GetProperty("numeratorCode")[0].GetString());
        Assert.Contains("derived", errors.GetProperty("denominatorCode")[0].GetString());

        var half = await (await admin.PostAsJsonAsync("/api/indicators", new
        {
            code = "HALF", name = "x", nameEn = "x", unit = "%", periodicity = "year", timeKind = "rate", aggregation = "none", numeratorCode = "FOREST_AREA",
        })).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(new[] { "denominatorCode" }, half.GetProperty("errors").Keys());

        // A part of a derived indicator cannot itself become derived.
        var part = await (await admin.PutJson("/api/indicators/FOREST_AREA", new
        {
            name = "Diện tích đất có rừng", nameEn = "Forest area", unit = "ha", periodicity = "year", timeKind = "level", aggregation = "sum",
            numeratorCode = "LAND_AREA", denominatorCode = "HOUSEHOLDS", factor = 1,
        }, "\"1\"")).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("FOREST_COVER", part.GetProperty("errors").GetProperty("numeratorCode")[0].GetString());
        await (await admin.GetAsync("/api/indicators?pageSize=501")).Expect(HttpStatusCode.BadRequest);
    }
}

public sealed class IndicatorCatalogueTestsOnSqlite(SqliteApp app) : IndicatorCatalogueTests(app), IClassFixture<SqliteApp>;

public sealed class IndicatorCatalogueTestsOnPostgres(PostgresApp app) : IndicatorCatalogueTests(app), IClassFixture<PostgresApp>;
