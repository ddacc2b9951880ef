using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ThreeClears.Web.Tests.Support;

namespace ThreeClears.Web.Tests;

/// <summary>
/// Citizens' ratings: one per client per unit per calendar month, 1 to 5 stars, the mean published
/// only from 30 ratings, and an administrator hiding an abusive one out of every figure.
/// </summary>
public abstract class RatingsTests(AppFixture app)
{
    private static HttpRequestMessage Rate(string unit, int? stars, string? client, string? comment = null)
    {
        var req = new HttpRequestMessage(HttpMethod.Post, "/api/ratings") { Content = JsonContent.Create(new { orgUnitCode = unit, stars, comment }) };
        if (client is not null) req.Headers.Add("X-Client-Id", client);
        return req;
    }

    private async Task<JsonElement> RateAsync(string unit, int stars, string client, string? comment = null)
    {
        using var c = app.Anonymous();
        return await (await c.SendAsync(Rate(unit, stars, client, comment))).Expect(HttpStatusCode.Created);
    }

    private async Task<JsonElement> SummaryAsync(string unit, string period)
    {
        using var c = app.Anonymous();
        return await (await c.GetAsync($"/api/ratings/summary?orgUnit={unit}&period={period}")).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task One_rating_per_client_per_unit_per_month()
    {
        await app.SetTodayAsync("2031-03-10");
        try
        {
            var first = await RateAsync("X-TRALINH", 4, "client-one", "Đường đã sạch hơn");
            Assert.Equal(("X-TRALINH", 4, "2031-03", "Đường đã sạch hơn"), (first.GetProperty("orgUnitCode").GetString(),
                first.GetProperty("stars").GetInt32(), first.GetProperty("period").GetString(), first.GetProperty("comment").GetString()));
            using var c = app.Anonymous();
            var again = await (await c.SendAsync(Rate("X-TRALINH", 5, "client-one"))).Expect(HttpStatusCode.Conflict);
            Assert.Contains("2031-03", again.GetProperty("detail").GetString());
            // Another client, or another unit, or the same client next month: each is a new rating.
            await RateAsync("X-TRALINH", 5, "client-two");
            await RateAsync("X-HOAAN", 2, "client-one");
            await app.SetTodayAsync("2031-04-01");
            await RateAsync("X-TRALINH", 3, "client-one");
            Assert.Equal(2, (await SummaryAsync("X-TRALINH", "2031-03")).GetProperty("ratings").GetInt32());
            Assert.Equal(1, (await SummaryAsync("X-TRALINH", "2031Q2")).GetProperty("ratings").GetInt32());
            Assert.Equal(3, (await SummaryAsync("X-TRALINH", "2031")).GetProperty("ratings").GetInt32());
        }
        finally { await app.ResetClockAsync(); }
    }

    [Fact]
    public async Task Bad_ratings_are_refused_with_every_reason()
    {
        using var c = app.Anonymous();
        var none = await (await c.SendAsync(Rate("X-TRALINH", null, null))).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(["stars", "X-Client-Id"], none.GetProperty("errors").Keys().Order());
        foreach (var stars in new[] { 0, 6, -1 })
        {
            var bad = await (await c.SendAsync(Rate("X-TRALINH", stars, "c"))).Expect(HttpStatusCode.BadRequest);
            Assert.Equal(["stars"], bad.GetProperty("errors").Keys());
        }
        var tooLong = await (await c.SendAsync(Rate("X-TRALINH", 3, new string('x', 201), new string('y', 2_001)))).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(["comment", "X-Client-Id"], tooLong.GetProperty("errors").Keys().Order());
        await (await c.SendAsync(Rate("NOPE", 3, "c"))).Expect(HttpStatusCode.NotFound);
        await (await c.PostRaw("/api/ratings", "{\"orgUnitCode\": \"X-TRALINH\", \"stars\": \"five\"}")).Expect(HttpStatusCode.BadRequest);
        await (await c.GetAsync("/api/ratings/summary?orgUnit=X-TRALINH&period=2026-13")).Expect(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_mean_is_published_from_thirty_ratings_and_a_hidden_rating_counts_nowhere()
    {
        await app.SetTodayAsync("2031-05-20");
        try
        {
            // 29 ratings: 10 × 5, 10 × 4, 9 × 3 — below 30, so only the count is told.
            var ids = new List<int>();
            for (var i = 0; i < 29; i++)
                ids.Add((await RateAsync("X-HOAAN", i < 10 ? 5 : i < 20 ? 4 : 3, $"mean-{i}")).GetProperty("id").GetInt32());
            var below = await SummaryAsync("X-HOAAN", "2031-05");
            Assert.Equal((29, false, JsonValueKind.Null), (below.GetProperty("ratings").GetInt32(), below.GetProperty("published").GetBoolean(),
                below.GetProperty("mean").ValueKind));
            // The 30th, 3 stars: sum = 50 + 40 + 30 = 120 over 30 ratings, mean 4.0.
            await RateAsync("X-HOAAN", 3, "mean-29");
            var at = await SummaryAsync("X-HOAAN", "2031-05");
            Assert.Equal((30, true, 4.0), (at.GetProperty("ratings").GetInt32(), at.GetProperty("published").GetBoolean(), at.GetProperty("mean").GetDouble()));
            Assert.Equal(10, at.GetProperty("byStars").GetProperty("5").GetInt32());

            // An administrator of the province hides a 5-star rating: 29 left, unpublished again.
            using var admin = await app.As("admin", AppFixture.AdminPassword);
            var hidden = await (await admin.PostAsJsonAsync($"/api/ratings/{ids[0]}/hide", new { reason = "Lời lẽ xúc phạm" })).Expect(HttpStatusCode.OK);
            Assert.True(hidden.GetProperty("hidden").GetBoolean());
            Assert.Equal("admin", hidden.GetProperty("hiddenByUserName").GetString());
            Assert.False((await SummaryAsync("X-HOAAN", "2031-05")).GetProperty("published").GetBoolean());
            await (await admin.PostAsJsonAsync($"/api/ratings/{ids[0]}/hide", new { reason = "again" })).Expect(HttpStatusCode.Conflict);
            // One more, 2 stars: 30 visible, sum = 120 − 5 + 2 = 117, mean 117 ÷ 30 = 3.9.
            await RateAsync("X-HOAAN", 2, "mean-30");
            Assert.Equal(3.9, (await SummaryAsync("X-HOAAN", "2031-05")).GetProperty("mean").GetDouble());

            var list = await (await admin.GetAsync("/api/ratings?orgUnit=X-HOAAN&period=2031-05&pageSize=100")).Expect(HttpStatusCode.OK);
            Assert.Equal(30, list.GetProperty("total").GetInt32());
            var all = await (await admin.GetAsync("/api/ratings?orgUnit=X-HOAAN&period=2031-05&includeHidden=true&pageSize=100")).Expect(HttpStatusCode.OK);
            Assert.Equal(31, all.GetProperty("total").GetInt32());

            var trail = await (await admin.GetAsync($"/api/audit?entity=rating&id={ids[0]}")).Expect(HttpStatusCode.OK);
            var actions = trail.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()!).Order().ToArray();
            Assert.Equal(["create", "hide"], actions);
        }
        finally { await app.ResetClockAsync(); }
    }

    [Fact]
    public async Task Only_an_administrator_of_the_unit_reads_and_hides_its_ratings()
    {
        var tralinh = (await RateAsync("X-TRALINH", 1, "scope-a", "spam")).GetProperty("id").GetInt32();
        var hoaan = (await RateAsync("X-HOAAN", 1, "scope-a", "spam")).GetProperty("id").GetInt32();
        using var local = await app.As("admin.tralinh");
        await (await local.PostAsJsonAsync($"/api/ratings/{hoaan}/hide", new { reason = "spam" })).Expect(HttpStatusCode.Forbidden);
        await (await local.PostAsJsonAsync($"/api/ratings/{tralinh}/hide", new { })).Expect(HttpStatusCode.BadRequest);
        await (await local.PostAsJsonAsync($"/api/ratings/{tralinh}/hide", new { reason = "spam" })).Expect(HttpStatusCode.OK);
        var seen = await (await local.GetAsync("/api/ratings?includeHidden=true&pageSize=500")).Expect(HttpStatusCode.OK);
        Assert.All(seen.GetProperty("items").EnumerateArray(), r => Assert.Equal("X-TRALINH", r.GetProperty("orgUnitCode").GetString()));
        using var leader = await app.As("leader");
        await (await leader.PostAsJsonAsync($"/api/ratings/{hoaan}/hide", new { reason = "spam" })).Expect(HttpStatusCode.Forbidden);
        Assert.Equal(0, (await (await leader.GetAsync("/api/ratings")).Expect(HttpStatusCode.OK)).GetProperty("total").GetInt32());
        using var anonymous = app.Anonymous();
        await (await anonymous.PostAsJsonAsync($"/api/ratings/{hoaan}/hide", new { reason = "spam" })).Expect(HttpStatusCode.Unauthorized);
        await (await local.PostAsJsonAsync("/api/ratings/999999/hide", new { reason = "spam" })).Expect(HttpStatusCode.NotFound);
    }
}

public sealed class RatingsTestsOnSqlite(SqliteApp app) : RatingsTests(app), IClassFixture<SqliteApp>;

public sealed class RatingsTestsOnPostgres(PostgresApp app) : RatingsTests(app), IClassFixture<PostgresApp>;
