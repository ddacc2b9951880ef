using System.Diagnostics;
using System.Net;
using System.Text.Json;
using ThreeClears.Web.Tests.Support;

namespace ThreeClears.Web.Tests;

/// <summary>
/// The results score over real HTTP on both stores, against the crafted quarter of
/// <see cref="EvaluationSeed"/> (2024Q2), with every figure worked by hand.
/// </summary>
public abstract class EvaluationTests(AppFixture app) : IAsyncLifetime
{
    public Task InitializeAsync() => EvaluationSeed.EnsureAsync(app);

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<JsonElement> GetAsync(string user, string url, HttpStatusCode status = HttpStatusCode.OK)
    {
        using var c = await app.As(user);
        return await (await c.GetAsync(url)).Expect(status);
    }

    private static decimal? N(JsonElement e, string name) =>
        e.GetProperty(name).ValueKind == JsonValueKind.Null ? null : e.GetProperty(name).GetDecimal();

    private static (decimal?, decimal?, decimal?, decimal?) Components(JsonElement e)
    {
        var c = e.GetProperty("components");
        return (N(c, "delivery"), N(c, "targets"), N(c, "responsiveness"), N(c, "citizens"));
    }

    [Fact]
    public async Task A_village_scored_from_every_kind_of_item_by_hand()
    {
        var d = await GetAsync("leader", $"/api/evaluations/unit/EV-A?period={EvaluationSeed.Period}");
        // Delivery: on time 1, late 0.5, overdue 0, completed after the quarter 0; the process task and the one
        //   cancelled in the quarter do not count; the one due in July is not in the quarter → 1.5 ÷ 4 = 0.375.
        // Targets: houses 30 + 30 + 20 approved = 80 of 100 → 0.8 (March's 50 is a draft); tourists: no figure → 0
        //   → (0.8 + 0) ÷ 2 = 0.4.
        // Responsiveness: consultation on time 1, a day late 0, deemed agreed 0; escalation resolved on its
        //   deadline 1, escalation missed by the head (it climbed) 0 → 2 ÷ 5 = 0.4.
        // Citizens: 30 visible ratings, 20 × 4 + 10 × 5 = 130, mean 4.3333 → (4.3333 − 1) ÷ 4 = 0.8333.
        // Score: 0.5 × 0.375 + 0.3 × 0.4 + 0.1 × 0.4 + 0.1 × 0.8333 = 0.1875 + 0.12 + 0.04 + 0.0833 = 0.4308 → 43.1.
        Assert.Equal((0.375m, 0.4m, 0.4m, 0.8333m), Components(d));
        Assert.Equal(43.1m, N(d, "score"));
        Assert.Equal("notCompleted", d.GetProperty("classification").GetString());
        Assert.Equal(("2024-04-01", "2024-06-30", "2024-06-30"),
            (d.GetProperty("periodStart").GetString(), d.GetProperty("periodEnd").GetString(), d.GetProperty("asOf").GetString()));

        var delivery = d.GetProperty("delivery");
        Assert.Equal((4, 1.5m), (delivery.GetProperty("counted").GetInt32(), delivery.GetProperty("creditSum").GetDecimal()));
        // In due-date order: 04-10 on time, 05-01 process, 05-10 late, 06-01 cancelled, 06-10 open, 06-20 completed after the end.
        Assert.Equal(["completedOnTime", "excludedProcess", "completedLate", "excludedCancelled", "openAtCutoff", "openAtCutoff"],
            delivery.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("outcome").GetString()!).ToArray());
        Assert.Equal([1m, null, 0.5m, null, 0m, 0m], delivery.GetProperty("tasks").EnumerateArray().Select(t => N(t, "credit")).ToArray());
        Assert.DoesNotContain(delivery.GetProperty("tasks").EnumerateArray(), t => t.GetProperty("dueDate").GetString() == "2024-07-15");

        var targets = d.GetProperty("targets").GetProperty("items").EnumerateArray().ToDictionary(t => t.GetProperty("indicatorCode").GetString()!);
        Assert.Equal((80m, 80m, 0.8m), (N(targets["HOUSES_REPLACED"], "actual"), N(targets["HOUSES_REPLACED"], "achievementPercent"),
            N(targets["HOUSES_REPLACED"], "credit")));
        Assert.Equal(((decimal?)null, 0m), (N(targets["TOURIST_ARRIVALS"], "achievementPercent"), N(targets["TOURIST_ARRIVALS"], "credit")));

        // The achievement is the analytics API's, from approved values (with the draft it would be 130 %).
        var analytics = await GetAsync("leader", "/api/analytics?indicator=HOUSES_REPLACED&orgUnit=EV-A&period=2024Q2&approvedOnly=true");
        Assert.Equal(N(targets["HOUSES_REPLACED"], "achievementPercent"), N(analytics, "achievementPercent"));
        Assert.Equal(130m, N(await GetAsync("leader", "/api/analytics?indicator=HOUSES_REPLACED&orgUnit=EV-A&period=2024Q2"), "achievementPercent"));

        var responses = d.GetProperty("responsiveness");
        Assert.Equal((5, 2), (responses.GetProperty("counted").GetInt32(), responses.GetProperty("onTime").GetInt32()));
        Assert.Equal(
            [("escalation", "2024-04-03", "resolved", true), ("consultation", "2024-04-15", "agreed", true), ("escalation", "2024-05-06", "climbed", false),
             ("consultation", "2024-05-15", "deemedAgreed", false), ("consultation", "2024-06-05", "deemedAgreed", false)],
            responses.GetProperty("items").EnumerateArray().Select(r => (r.GetProperty("kind").GetString(), r.GetProperty("deadline").GetString(),
                r.GetProperty("status").GetString(), r.GetProperty("onTime").GetBoolean())).ToArray());
        // The late objection keeps its date of answer, so the inspector sees why it is not on time.
        Assert.Equal("2024-05-16", responses.GetProperty("items")[3].GetProperty("answeredOn").GetString());

        var citizens = d.GetProperty("citizens");
        Assert.Equal((30, 130L, 4.3333m), (citizens.GetProperty("ratings").GetInt32(), citizens.GetProperty("starsSum").GetInt64(), N(citizens, "mean")));
        var w = d.GetProperty("weights");
        Assert.Equal((0.5m, 0.3m, 0.1m, 0.1m), (N(w, "delivery"), N(w, "targets"), N(w, "responsiveness"), N(w, "citizens")));
    }

    [Fact]
    public async Task Officials_components_present_and_absent_reweigh()
    {
        // The officer: Delivery 0.375, Targets 0.8 (the houses target is theirs), no responses, no Citizens (not a head):
        // (0.5 × 0.375 + 0.3 × 0.8) ÷ 0.8 = (0.1875 + 0.24) ÷ 0.8 = 0.534375 → 53.4, completed.
        var officer = await GetAsync("leader", $"/api/evaluations/official/ev.officer.a?period={EvaluationSeed.Period}");
        Assert.Equal((0.375m, 0.8m, (decimal?)null, (decimal?)null), Components(officer));
        Assert.Equal((53.4m, "completed"), (N(officer, "score"), officer.GetProperty("classification").GetString()));
        Assert.Equal((0.625m, 0.375m), (N(officer.GetProperty("weights"), "delivery"), N(officer.GetProperty("weights"), "targets")));
        Assert.Equal(JsonValueKind.Null, officer.GetProperty("citizens").GetProperty("orgUnitCode").ValueKind);

        // The head: no tasks, no targets; escalations 1 of 2 on time = 0.5; Citizens of the village they head 0.8333:
        // (0.1 × 0.5 + 0.1 × 0.8333) ÷ 0.2 = 0.6667 → 66.7, completed.
        var head = await GetAsync("leader", $"/api/evaluations/official/ev.head.a?period={EvaluationSeed.Period}");
        Assert.Equal(((decimal?)null, (decimal?)null, 0.5m, 0.8333m), Components(head));
        Assert.Equal((66.7m, "completed"), (N(head, "score"), head.GetProperty("classification").GetString()));
        Assert.Equal("EV-A", head.GetProperty("citizens").GetProperty("orgUnitCode").GetString());

        // The leader resolved the climbed escalation on its deadline: 1 of 1 → 100.0, excellent.
        var leader = await GetAsync("leader", $"/api/evaluations/official/leader?period={EvaluationSeed.Period}");
        Assert.Equal(((decimal?)null, (decimal?)null, 1m, (decimal?)null), Components(leader));
        Assert.Equal((100.0m, "excellent"), (N(leader, "score"), leader.GetProperty("classification").GetString()));
    }

    [Fact]
    public async Task Equal_scores_share_a_rank_and_the_next_rank_skips()
    {
        // B and C: one task on time, one late → 0.75 → 75.0 each; A 43.1.
        var units = await GetAsync("leader", $"/api/evaluations?period={EvaluationSeed.Period}&kind=unit&orgUnit=X-TRALINH&unitKind=site");
        Assert.Equal([("EV-B", 75.0m, 1, "good"), ("EV-C", 75.0m, 1, "good"), ("EV-A", 43.1m, 3, "notCompleted")],
            units.GetProperty("items").EnumerateArray().Select(i => (i.GetProperty("subject").GetString(), N(i, "score")!.Value,
                i.GetProperty("rank").GetInt32(), i.GetProperty("classification").GetString())).ToArray());
        Assert.Equal("X-TRALINH", units.GetProperty("orgUnitCode").GetString());
        var a = units.GetProperty("items")[2].GetProperty("counts");
        Assert.Equal((4, 2, 5, 30), (a.GetProperty("tasks").GetInt32(), a.GetProperty("targets").GetInt32(), a.GetProperty("responses").GetInt32(),
            a.GetProperty("ratings").GetInt32()));

        var officials = await GetAsync("leader", $"/api/evaluations?period={EvaluationSeed.Period}&kind=official&orgUnit=X-TRALINH");
        var ranked = officials.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("rank").ValueKind == JsonValueKind.Number)
            .Select(i => (i.GetProperty("subject").GetString(), N(i, "score")!.Value, i.GetProperty("rank").GetInt32())).ToArray();
        Assert.Equal([("ev.officer.b", 75.0m, 1), ("ev.officer.c", 75.0m, 1), ("ev.head.a", 66.7m, 3), ("ev.officer.a", 53.4m, 4)], ranked);
        // Officials with nothing to judge are listed last, unranked and unscored.
        var unscored = officials.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("rank").ValueKind == JsonValueKind.Null).ToList();
        Assert.Contains(unscored, i => i.GetProperty("subject").GetString() == "chair.tralinh");
        Assert.All(unscored, i => Assert.Equal(JsonValueKind.Null, i.GetProperty("score").ValueKind));
        Assert.Equal(officials.GetProperty("total").GetInt32(), officials.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task A_commune_manager_reads_their_commune_only_and_an_official_their_own_score()
    {
        await GetAsync("chair.tralinh", $"/api/evaluations/unit/EV-A?period={EvaluationSeed.Period}");
        await GetAsync("chair.hoaan", $"/api/evaluations/unit/EV-A?period={EvaluationSeed.Period}", HttpStatusCode.Forbidden);
        await GetAsync("chair.hoaan", $"/api/evaluations/official/ev.officer.a?period={EvaluationSeed.Period}", HttpStatusCode.Forbidden);
        await GetAsync("chair.hoaan", $"/api/evaluations?period={EvaluationSeed.Period}&kind=unit&orgUnit=X-TRALINH", HttpStatusCode.Forbidden);
        await GetAsync("chair.hoaan", $"/api/evaluations/unit/EV-A/history?period={EvaluationSeed.Period}", HttpStatusCode.Forbidden);
        // Without orgUnit, the ranking holds only the units the caller's roles cover.
        var own = await GetAsync("chair.hoaan", $"/api/evaluations?period={EvaluationSeed.Period}&kind=unit");
        Assert.Equal(["X-HOAAN"], own.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("subject").GetString()!).ToArray());
        // An officer has no evaluations to read, but reads their own score.
        await GetAsync("ev.officer.a", $"/api/evaluations?period={EvaluationSeed.Period}&kind=official", HttpStatusCode.Forbidden);
        await GetAsync("ev.officer.a", $"/api/evaluations/official/ev.officer.b?period={EvaluationSeed.Period}", HttpStatusCode.Forbidden);
        Assert.Equal(53.4m, N(await GetAsync("ev.officer.a", $"/api/evaluations/official/ev.officer.a?period={EvaluationSeed.Period}"), "score"));
        // The inspector reads everything.
        await GetAsync("inspector", $"/api/evaluations/unit/EV-A?period={EvaluationSeed.Period}");
        using var anonymous = app.Anonymous();
        await (await anonymous.GetAsync($"/api/evaluations?period={EvaluationSeed.Period}&kind=unit")).Expect(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Bad_period_kind_and_count_are_problems_naming_the_field()
    {
        var both = await GetAsync("leader", "/api/evaluations", HttpStatusCode.BadRequest);
        Assert.Equal(["kind", "period"], both.GetProperty("errors").Keys().Order().ToArray());
        foreach (var period in new[] { "2024Q5", "2024-13", "24", "last year", "2031" })
            Assert.Equal(["period"], (await GetAsync("leader", $"/api/evaluations?period={Uri.EscapeDataString(period)}&kind=unit", HttpStatusCode.BadRequest))
                .GetProperty("errors").Keys());
        Assert.Equal(["kind"], (await GetAsync("leader", "/api/evaluations?period=2024&kind=team", HttpStatusCode.BadRequest)).GetProperty("errors").Keys());
        Assert.Equal(["unitKind"], (await GetAsync("leader", "/api/evaluations?period=2024&kind=unit&unitKind=planet", HttpStatusCode.BadRequest))
            .GetProperty("errors").Keys());
        Assert.Equal(["kind"], (await GetAsync("leader", "/api/evaluations/team/EV-A?period=2024", HttpStatusCode.BadRequest)).GetProperty("errors").Keys());
        Assert.Equal(["count"], (await GetAsync("leader", "/api/evaluations/unit/EV-A/history?period=2024&count=13", HttpStatusCode.BadRequest))
            .GetProperty("errors").Keys());
        await GetAsync("leader", "/api/evaluations/unit/NOPE?period=2024", HttpStatusCode.NotFound);
        await GetAsync("leader", "/api/evaluations/official/nobody-here?period=2024", HttpStatusCode.NotFound);
        await GetAsync("leader", "/api/evaluations?period=2024&kind=unit&orgUnit=NOPE", HttpStatusCode.NotFound);
        await GetAsync("leader", "/api/evaluations?period=2024&kind=unit&pageSize=501", HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task History_compares_consecutive_periods()
    {
        // 2024Q1: nothing due; the 2024 targets have no approved figure by March → Targets 0 → 0.0.
        var h = await GetAsync("leader", $"/api/evaluations/unit/EV-A/history?period={EvaluationSeed.Period}&count=2");
        Assert.Equal([("2024Q1", 0.0m), ("2024Q2", 43.1m)],
            h.GetProperty("items").EnumerateArray().Select(i => (i.GetProperty("period").GetString(), N(i, "score")!.Value)).ToArray());
        var years = await GetAsync("leader", "/api/evaluations/unit/EV-A/history?period=2024");
        Assert.Equal(["2021", "2022", "2023", "2024"], years.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("period").GetString()!).ToArray());
    }

    [Fact]
    public async Task The_whole_province_ranks_quickly()
    {
        using var c = await app.As("leader");
        await (await c.GetAsync("/api/evaluations?period=2026&kind=official")).Expect(HttpStatusCode.OK);
        var watch = Stopwatch.StartNew();
        var units = await (await c.GetAsync("/api/evaluations?period=2026&kind=unit")).Expect(HttpStatusCode.OK);
        var officials = await (await c.GetAsync("/api/evaluations?period=2026&kind=official")).Expect(HttpStatusCode.OK);
        Assert.True(watch.ElapsedMilliseconds < 5_000, $"{watch.ElapsedMilliseconds} ms");
        Assert.True(units.GetProperty("total").GetInt32() > 30);
        Assert.True(officials.GetProperty("total").GetInt32() > 10);
    }
}

public sealed class EvaluationTestsOnSqlite(SqliteApp app) : EvaluationTests(app), IClassFixture<SqliteApp>;

public sealed class EvaluationTestsOnPostgres(PostgresApp app) : EvaluationTests(app), IClassFixture<PostgresApp>;
