using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ThreeClears.Web.Tests.Support;
using static ThreeClears.Web.Tests.Welfare.WelfareSeed;

namespace ThreeClears.Web.Tests.Welfare;

/// <summary>Coverage, the housing programme and the happiness index through the API, with hand-worked figures.</summary>
public abstract class WelfareFiguresTests(AppFixture app)
{
    private static double D(JsonElement e, string name) => e.GetProperty(name).GetDouble();
    private static int I(JsonElement e, string name) => e.GetProperty(name).GetInt32();
    private static JsonElement Child(JsonElement e, string code) =>
        e.GetProperty("children").EnumerateArray().Single(c => c.GetProperty("orgUnitCode").GetString() == code);

    // ------------------------------------------------------------------ coverage

    [Fact]
    public async Task Coverage_of_eight_crafted_households_worked_by_hand()
    {
        await CommuneAsync(app, "X-COV");
        using var c = await WelfareOf(app, "X-COV");
        using var leader = await app.As("leader");
        var before = await (await leader.GetAsync("/api/welfare/coverage?orgUnit=CB")).Expect(HttpStatusCode.OK);

        //  #  housing      kitchen    sanitation   H K S all
        //  1  solid        hygienic   hygienic     1 1 1 1
        //  2  semiSolid    hygienic   unhygienic   1 1 0 0
        //  3  temporary    makeshift  hygienic     0 0 1 0
        //  4  (empty)      hygienic   hygienic     0 1 1 0
        //  5  dilapidated  none       none         0 0 0 0
        //  6  solid        hygienic   (empty)      1 1 0 0
        //  7  semiSolid    hygienic   hygienic     1 1 1 1
        //  8  (empty)      (empty)    (empty)      0 0 0 0
        //                               sums:      4 5 4 2 of 8 → 50 %, 62.5 %, 50 %, 25 %
        var csv = Header + "\n" +
            "COV-1,X-COV,Bản A,Người Một,3,poor,solid,hygienic,hygienic\n" +
            "COV-2,X-COV,Bản A,Người Hai,3,poor,semiSolid,hygienic,unhygienic\n" +
            "COV-3,X-COV,Bản A,Người Ba,3,poor,temporary,makeshift,hygienic\n" +
            "COV-4,X-COV,Bản B,Người Bốn,3,poor,,hygienic,hygienic\n" +
            "COV-5,X-COV,Bản B,Người Năm,3,poor,dilapidated,none,none\n" +
            "COV-6,X-COV,Bản B,Người Sáu,3,poor,solid,hygienic,\n" +
            "COV-7,X-COV,Bản C,Người Bảy,3,poor,semiSolid,hygienic,hygienic\n" +
            "COV-8,X-COV,Bản C,Người Tám,3,poor,,,\n";
        Assert.Equal(8, I(await (await ImportCsvAsync(c, csv)).Expect(HttpStatusCode.OK), "imported"));

        var cov = await (await c.GetAsync("/api/welfare/coverage?orgUnit=X-COV")).Expect(HttpStatusCode.OK);
        Assert.Equal((8, 4, 5, 4, 2), (I(cov, "households"), I(cov, "housingAdequate"), I(cov, "kitchenAdequate"), I(cov, "sanitationAdequate"), I(cov, "allThree")));
        Assert.Equal((50.0, 62.5, 50.0, 25.0), (D(cov, "housingPercent"), D(cov, "kitchenPercent"), D(cov, "sanitationPercent"), D(cov, "allThreePercent")));

        // The province adds the eight to what it had, and lists the commune among its children.
        var after = await (await leader.GetAsync("/api/welfare/coverage?orgUnit=CB")).Expect(HttpStatusCode.OK);
        Assert.Equal(I(before, "households") + 8, I(after, "households"));
        Assert.Equal(I(before, "allThree") + 2, I(after, "allThree"));
        Assert.Equal(100.0 * I(after, "kitchenAdequate") / I(after, "households"), D(after, "kitchenPercent"), 9);
        var child = Child(after, "X-COV");
        Assert.Equal((8, 5, 62.5), (I(child, "households"), I(child, "kitchenAdequate"), D(child, "kitchenPercent")));
        Assert.Equal(after.GetProperty("children").EnumerateArray().Sum(x => I(x, "households")), I(after, "households"));

        // missing= lists the households not adequate in that question, not recorded included.
        string[] Missing(JsonElement list) => [.. list.GetProperty("items").EnumerateArray().Select(h => h.GetProperty("code").GetString()!).Order()];
        Assert.Equal(["COV-3", "COV-4", "COV-5", "COV-8"], Missing(await (await c.GetAsync("/api/households?orgUnit=X-COV&missing=housing")).Expect(HttpStatusCode.OK)));
        Assert.Equal(["COV-3", "COV-5", "COV-8"], Missing(await (await c.GetAsync("/api/households?orgUnit=X-COV&missing=kitchen")).Expect(HttpStatusCode.OK)));
        Assert.Equal(["COV-2", "COV-5", "COV-6", "COV-8"], Missing(await (await c.GetAsync("/api/households?orgUnit=X-COV&missing=sanitation")).Expect(HttpStatusCode.OK)));
        var bad = await (await c.GetAsync("/api/households?orgUnit=X-COV&missing=roof")).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(["missing"], bad.GetProperty("errors").Keys());
        await (await c.GetAsync("/api/welfare/coverage?orgUnit=NOPE")).Expect(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_commune_without_households_has_no_percents()
    {
        await CommuneAsync(app, "X-EMPTY");
        using var c = await WelfareOf(app, "X-EMPTY");
        var cov = await (await c.GetAsync("/api/welfare/coverage?orgUnit=X-EMPTY")).Expect(HttpStatusCode.OK);
        Assert.Equal(0, I(cov, "households"));
        Assert.Equal(JsonValueKind.Null, cov.GetProperty("allThreePercent").ValueKind);
    }

    [Fact]
    public async Task The_demo_has_the_province_2025_programme_of_the_sources()
    {
        using var leader = await app.As("leader");
        var p = await (await leader.GetAsync("/api/housing-programme?orgUnit=CB&year=2025")).Expect(HttpStatusCode.OK);
        Assert.Equal(19_067, I(p, "targetHouses"));
        Assert.Equal(955_000_000_000m, p.GetProperty("funding").GetDecimal());
        Assert.Equal((19_067, 19_067), (I(p, "supported"), I(p, "completed")));
        Assert.Equal(955_000_000_000m, p.GetProperty("spent").GetDecimal());
        Assert.Equal(100.0, D(p, "completedPercent"), 9);
        // Each commune's own target is what it delivered; the children add up to the province.
        Assert.Equal(19_067, p.GetProperty("children").EnumerateArray().Sum(x => I(x, "completed")));
        var tralinh = Child(p, "X-TRALINH");
        Assert.Equal(I(tralinh, "targetHouses"), I(tralinh, "completed"));
        Assert.True(I(tralinh, "completed") > 500);
    }

    // ------------------------------------------------------------------ housing programme

    [Fact]
    public async Task Programme_progress_of_a_commune_worked_by_hand_with_photo_evidence()
    {
        await CommuneAsync(app, "X-HOU");
        using var c = await WelfareOf(app, "X-HOU");
        await (await ImportCsvAsync(c, Header + "\n" +
            "HOU-1,X-HOU,Bản Nhà,Chủ Một,4,poor,dilapidated,makeshift,none\n" +
            "HOU-2,X-HOU,Bản Nhà,Chủ Hai,3,poor,temporary,makeshift,none\n" +
            "HOU-3,X-HOU,Bản Nhà,Chủ Ba,5,nearPoor,dilapidated,none,none\n")).Expect(HttpStatusCode.OK);
        await app.SetTodayAsync("2026-09-15");
        try
        {
            var prog = await c.PostAsJsonAsync("/api/housing-programme", new { orgUnitCode = "X-HOU", year = 2026, targetHouses = 4, funding = 200_000_000m });
            await prog.Expect(HttpStatusCode.Created);
            await (await c.PostAsJsonAsync("/api/housing-programme", new { orgUnitCode = "X-HOU", year = 2026, targetHouses = 4, funding = 1m })).Expect(HttpStatusCode.Conflict);
            var badProg = await (await c.PostAsJsonAsync("/api/housing-programme", new { orgUnitCode = "X-HOAAN", year = 1900, targetHouses = -1 })).Expect(HttpStatusCode.BadRequest);
            Assert.Equal(["funding", "targetHouses", "year"], badProg.GetProperty("errors").Keys().Order());
            await (await c.PostAsJsonAsync("/api/housing-programme", new { orgUnitCode = "X-HOAAN", year = 2026, targetHouses = 1, funding = 1m })).Expect(HttpStatusCode.Forbidden);

            // A photo of the new house, uploaded for the household, then attached to its record.
            var photo = await (await Upload(c, "HOU-1")).Expect(HttpStatusCode.Created);
            var photoId = photo.GetProperty("attachmentId").GetInt32();
            using var other = await app.As("welfare.hoaan");
            await (await Upload(other, "HOU-1")).Expect(HttpStatusCode.Forbidden);
            await (await Upload(c, "NOPE-9")).Expect(HttpStatusCode.NotFound);

            //  HOU-1  newBuild 60 m  completed 2026-06-30   spent 60
            //  HOU-2  repair   30 m  underway               spent 30
            //  HOU-3  newBuild 60 m  planned                spent  0
            //  supported 3, completed 1 of the target 4 → 25 %; spent 90 of 200 m → 45 %; committed 150 m
            var s1 = await (await c.PostAsJsonAsync("/api/housing-support", new
            {
                householdCode = "HOU-1", year = 2026, kind = "newBuild", budget = 60_000_000m, status = "completed", completedOn = "2026-06-30", attachmentIds = new[] { photoId },
            })).Expect(HttpStatusCode.Created);
            Assert.Equal(photoId, s1.GetProperty("attachments")[0].GetProperty("attachmentId").GetInt32());
            Assert.StartsWith("/api/attachments/", s1.GetProperty("attachments")[0].GetProperty("url").GetString());
            var s2 = await (await c.PostAsJsonAsync("/api/housing-support", new { householdCode = "HOU-2", year = 2026, kind = "repair", budget = 30_000_000m, status = "underway" }))
                .Expect(HttpStatusCode.Created);
            await (await c.PostAsJsonAsync("/api/housing-support", new { householdCode = "HOU-3", year = 2026, kind = "newBuild", budget = 60_000_000m, status = "planned" }))
                .Expect(HttpStatusCode.Created);

            var p = await (await c.GetAsync("/api/housing-programme?orgUnit=X-HOU&year=2026")).Expect(HttpStatusCode.OK);
            Assert.Equal((4, 3, 1, 1, 2, 1), (I(p, "targetHouses"), I(p, "supported"), I(p, "completed"), I(p, "underway"), I(p, "newBuilds"), I(p, "repairs")));
            Assert.Equal((90_000_000m, 150_000_000m, 200_000_000m), (p.GetProperty("spent").GetDecimal(), p.GetProperty("committed").GetDecimal(), p.GetProperty("funding").GetDecimal()));
            Assert.Equal((25.0, 45.0), (D(p, "completedPercent"), D(p, "spentPercent")));

            // The province has no 2026 programme of its own: its target is the sum of its children's.
            using var leader = await app.As("leader");
            var cb = await (await leader.GetAsync("/api/housing-programme?orgUnit=CB&year=2026")).Expect(HttpStatusCode.OK);
            Assert.False(cb.GetProperty("ownTarget").GetBoolean());
            Assert.Equal((4, 1), (I(cb, "targetHouses"), I(cb, "completed")));
            Assert.Equal(3, I(Child(cb, "X-HOU"), "supported"));

            // The repair is finished: If-Match, then it counts as completed today.
            var id2 = s2.GetProperty("id").GetInt32();
            await (await c.PutJson($"/api/housing-support/{id2}", new { status = "completed" }, null)).Expect((HttpStatusCode)428);
            await (await c.PutJson($"/api/housing-support/{id2}", new { status = "completed" }, "\"5\"")).Expect(HttpStatusCode.Conflict);
            var done = await (await c.PutJson($"/api/housing-support/{id2}", new { status = "completed" }, "\"1\"")).Expect(HttpStatusCode.OK);
            Assert.Equal(("completed", "2026-09-15", 2), (done.GetProperty("status").GetString(), done.GetProperty("completedOn").GetString(), I(done, "version")));
            Assert.Equal(2, I(await (await c.GetAsync("/api/housing-programme?orgUnit=X-HOU&year=2026")).Expect(HttpStatusCode.OK), "completed"));

            // Bad records name every field; one record per household and year.
            var bad = await (await c.PostAsJsonAsync("/api/housing-support", new { householdCode = "HOU-3", kind = "palace", budget = -1m, status = "planned", completedOn = "2026-01-01" }))
                .Expect(HttpStatusCode.BadRequest);
            Assert.Equal(["budget", "completedOn", "kind", "year"], bad.GetProperty("errors").Keys().Order());
            await (await c.PostAsJsonAsync("/api/housing-support", new { householdCode = "HOU-3", year = 2026, kind = "repair", budget = 1m, status = "planned" }))
                .Expect(HttpStatusCode.Conflict);
            var reused = await (await c.PostAsJsonAsync("/api/housing-support", new { householdCode = "HOU-3", year = 2027, kind = "repair", budget = 1m, status = "planned", attachmentIds = new[] { photoId, 999_999 } }))
                .Expect(HttpStatusCode.BadRequest);
            Assert.Equal(["attachmentIds[0]", "attachmentIds[1]"], reused.GetProperty("errors").Keys().Order());
            await (await c.PostAsJsonAsync("/api/housing-support", new { householdCode = "HOU-3", year = 2027, kind = "repair", budget = 1m, status = "completed", completedOn = "2026-12-01" }))
                .Expect(HttpStatusCode.BadRequest);

            // Support names households: personal data for the commune and above only; the photo too.
            await (await other.GetAsync($"/api/housing-support/{id2}")).Expect(HttpStatusCode.Forbidden);
            await (await other.GetAsync("/api/housing-support?orgUnit=X-HOU")).Expect(HttpStatusCode.Forbidden);
            Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/api/attachments/{photoId}")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await leader.GetAsync($"/api/attachments/{photoId}")).StatusCode);
            var list = await (await c.GetAsync("/api/housing-support?orgUnit=X-HOU&year=2026&status=completed")).Expect(HttpStatusCode.OK);
            Assert.Equal(["HOU-1", "HOU-2"], list.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("householdCode").GetString()));
        }
        finally
        {
            await app.ResetClockAsync();
        }
    }

    private static Task<HttpResponseMessage> Upload(HttpClient c, string household)
    {
        // The smallest valid PNG: 1 × 1 pixel.
        byte[] png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(png);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "file", "nha-moi.png");
        return c.PostAsync($"/api/households/{household}/attachments", form);
    }

    // ------------------------------------------------------------------ happiness

    //  The four respondents of the domain rule's test, as raw answers:
    //  R1  every domain [5]                                        scores all 1           8 sufficient  happy
    //  R2  six domains [3] (0.5), governance [1], life [1, 1]      six at 0.5, two at 0   6 sufficient  happy (75 % ≥ 66 %)
    //  R3  five domains [4] (0.75), culture, governance, life [2]  five at 0.75, three at 0.25   5     not happy, 3/8 insufficient
    //  R4  living [3], health [3], the rest [1]                    two at 0.5, six at 0   2             not happy, 6/8 insufficient
    private static object Answers(int[] ls, int[] h, int[] e, int[] env, int[] s, int[] c, int[] g, int[] l) =>
        new { livingStandards = ls, health = h, education = e, environment = env, safety = s, culture = c, governance = g, lifeSatisfaction = l };

    private static readonly object R1 = Answers([5], [5], [5], [5], [5], [5], [5], [5]);
    private static readonly object R2 = Answers([3], [2, 4], [3], [3, 3, 3], [3], [3], [1], [1, 1]);
    private static readonly object R3 = Answers([4], [4], [4], [4], [4], [2], [2], [2]);
    private static readonly object R4 = Answers([3], [3], [1], [1], [1], [1], [1], [1]);

    private static object Row(string unit, string respondent, object answers, int year = 2026) => new { orgUnitCode = unit, year, respondentCode = respondent, answers };

    [Fact]
    public async Task The_index_of_crafted_respondents_worked_by_hand_published_from_thirty()
    {
        await CommuneAsync(app, "R-HAP", kind: "department");
        await CommuneAsync(app, "X-HAP1", parent: "R-HAP");
        await CommuneAsync(app, "X-HAP2", parent: "R-HAP");
        using var c = await WelfareOf(app, "R-HAP");

        // X-HAP1: R1, R2, R3, R4 eight times each = 32 respondents.
        //   Hn = 16 not happy / 32 = 0.5; An = (8 × 3/8 + 8 × 6/8) / 16 = 9/16 = 0.5625
        //   index = 1 − 0.5 × 0.5625 = 0.71875; happy share 16/32 = 0.5
        //   living = (8 × 1 + 8 × 0.5 + 8 × 0.75 + 8 × 0.5) / 32 = 22/32 = 0.6875; governance = (8 + 0 + 2 + 0)/32 = 0.3125
        var rows = new List<object>();
        var four = new[] { R1, R2, R3, R4 };
        for (var i = 0; i < 32; i++) rows.Add(Row("X-HAP1", $"H1-{i:00}", four[i % 4]));
        // X-HAP2: R4 29 times → fewer than 30: not published, only the count.
        for (var i = 0; i < 29; i++) rows.Add(Row("X-HAP2", $"H2-{i:00}", R4));
        var posted = await (await c.PostAsJsonAsync("/api/happiness/responses", rows)).Expect(HttpStatusCode.OK);
        Assert.Equal((61, 0), (I(posted, "accepted"), posted.GetProperty("rejected").GetArrayLength()));

        var one = await (await c.GetAsync("/api/happiness/index?orgUnit=X-HAP1&year=2026")).Expect(HttpStatusCode.OK);
        Assert.True(one.GetProperty("published").GetBoolean());
        Assert.Equal(32, I(one, "respondents"));
        Assert.Equal(0.71875, D(one, "index"), 12);
        Assert.Equal(0.5, D(one, "happyShare"), 12);
        Assert.Equal(0.6875, D(one.GetProperty("domains"), "livingStandards"), 12);
        Assert.Equal(0.5625, D(one.GetProperty("domains"), "education"), 12);
        Assert.Equal(0.4375, D(one.GetProperty("domains"), "culture"), 12);
        Assert.Equal(0.3125, D(one.GetProperty("domains"), "governance"), 12);

        var two = await (await c.GetAsync("/api/happiness/index?orgUnit=X-HAP2&year=2026")).Expect(HttpStatusCode.OK);
        Assert.False(two.GetProperty("published").GetBoolean());
        Assert.Equal(29, I(two, "respondents"));
        Assert.Equal(JsonValueKind.Null, two.GetProperty("index").ValueKind);
        Assert.Equal(JsonValueKind.Null, two.GetProperty("domains").ValueKind);

        // The parent covers all 61: R1 ×8, R2 ×8, R3 ×8, R4 ×37. Not happy: 8 + 37 = 45.
        //   Hn = 45/61; An = (8 × 3/8 + 37 × 6/8) / 45 = (3 + 27.75) / 45 = 30.75/45
        //   index = 1 − 45/61 × 30.75/45 = 1 − 30.75/61 = 30.25/61 = 0.495901639…
        //   (not the mean of the children's indices); happy share 16/61; living = (8 + 4 + 6 + 37 × 0.5)/61 = 36.5/61
        var parent = await (await c.GetAsync("/api/happiness/index?orgUnit=R-HAP&year=2026")).Expect(HttpStatusCode.OK);
        Assert.Equal(61, I(parent, "respondents"));
        Assert.Equal(30.25 / 61, D(parent, "index"), 12);
        Assert.Equal(16.0 / 61, D(parent, "happyShare"), 12);
        Assert.Equal(36.5 / 61, D(parent.GetProperty("domains"), "livingStandards"), 12);
        Assert.Equal([true, false], parent.GetProperty("children").EnumerateArray().OrderBy(x => x.GetProperty("orgUnitCode").GetString())
            .Select(x => x.GetProperty("published").GetBoolean()));

        // One more respondent for X-HAP2 publishes it: 30 × R4 → Hn 1, An 6/8 → index 0.25.
        await (await c.PostAsJsonAsync("/api/happiness/responses", new[] { Row("X-HAP2", "H2-29", R4) })).Expect(HttpStatusCode.OK);
        var thirty = await (await c.GetAsync("/api/happiness/index?orgUnit=X-HAP2&year=2026")).Expect(HttpStatusCode.OK);
        Assert.Equal((true, 0.25), (thirty.GetProperty("published").GetBoolean(), D(thirty, "index")));

        // The same respondent again replaces their answers instead of counting twice: R1 for H2-29 → 29 × 6/8 / (30 × 8)…
        //   Hn = 29/30, An = 6/8 → index = 1 − 29/30 × 3/4 = 1 − 0.725 = 0.275
        var again = await (await c.PostAsJsonAsync("/api/happiness/responses", new[] { Row("X-HAP2", "H2-29", R1) })).Expect(HttpStatusCode.OK);
        Assert.Equal((1, 1), (I(again, "accepted"), I(again, "replaced")));
        var replaced = await (await c.GetAsync("/api/happiness/index?orgUnit=X-HAP2&year=2026")).Expect(HttpStatusCode.OK);
        Assert.Equal((30, 0.275), (I(replaced, "respondents"), Math.Round(D(replaced, "index"), 12)));
    }

    [Fact]
    public async Task A_batch_keeps_good_responses_and_reports_bad_ones_by_index()
    {
        await CommuneAsync(app, "X-SURV");
        using var c = await WelfareOf(app, "X-SURV");
        var body = new object?[]
        {
            Row("X-SURV", "S-1", R1),                                                           // 0 good
            Row("X-SURV", "S-2", new { livingStandards = new[] { 6, 0 }, health = new[] { 2.5 } }), // 1 answers out of range, six domains missing
            Row("X-HOAAN", "S-3", R1),                                                          // 2 another commune's
            new { orgUnitCode = "NOPE", respondentCode = "bad code!", answers = R2 },           // 3 unit, year, code
            Row("X-SURV", "S-1", R2),                                                           // 4 S-1 again in one batch
            null,                                                                                // 5 not an object
            Row("X-SURV", "S-6", R3),                                                           // 6 good
        };
        var result = await (await c.PostAsJsonAsync("/api/happiness/responses", body)).Expect(HttpStatusCode.OK);
        Assert.Equal(2, I(result, "accepted"));
        var rejected = result.GetProperty("rejected").EnumerateArray().ToDictionary(r => I(r, "index"), r => r.GetProperty("errors").Keys().Order().ToArray());
        Assert.Equal([1, 2, 3, 4, 5], rejected.Keys.Order());
        Assert.Equal(["answers.culture", "answers.education", "answers.environment", "answers.governance", "answers.health[0]",
            "answers.lifeSatisfaction", "answers.livingStandards[0]", "answers.livingStandards[1]", "answers.safety"], rejected[1]);
        Assert.Equal(["orgUnitCode"], rejected[2]);
        Assert.Equal(["orgUnitCode", "respondentCode", "year"], rejected[3]);
        Assert.Equal(["respondentCode"], rejected[4]);
        Assert.Equal(2, I(await (await c.GetAsync("/api/happiness/index?orgUnit=X-SURV&year=2026")).Expect(HttpStatusCode.OK), "respondents"));

        // Only the welfare role records responses; the index is an aggregate any official reads.
        using var officer = await app.As("officer.tralinh");
        await (await officer.PostAsJsonAsync("/api/happiness/responses", new[] { Row("X-TRALINH", "O-1", R1) })).Expect(HttpStatusCode.Forbidden);
        await (await officer.GetAsync("/api/happiness/index?orgUnit=X-SURV&year=2026")).Expect(HttpStatusCode.OK);
        await (await c.GetAsync("/api/happiness/index?orgUnit=X-SURV&year=1999")).Expect(HttpStatusCode.BadRequest);
        await (await c.PostRaw("/api/happiness/responses", "{\"orgUnitCode\":\"X-SURV\"}")).Expect(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_demo_survey_publishes_some_units_and_not_others()
    {
        using var leader = await app.As("leader");
        var cb = await (await leader.GetAsync("/api/happiness/index?orgUnit=CB&year=2025")).Expect(HttpStatusCode.OK);
        Assert.True(cb.GetProperty("published").GetBoolean());
        Assert.True(Child(cb, "X-TRALINH").GetProperty("published").GetBoolean());
        Assert.True(Child(cb, "P-THUCPHAN").GetProperty("published").GetBoolean());
        Assert.False(Child(cb, "X-HOAAN").GetProperty("published").GetBoolean());
        Assert.Equal(22, I(Child(cb, "X-HOAAN"), "respondents"));
        Assert.Equal(48 + 35 + 22 + 12, I(cb, "respondents"));
        Assert.InRange(D(cb, "index"), 0, 1);
    }
}

public sealed class WelfareFiguresTestsOnSqlite(SqliteApp app) : WelfareFiguresTests(app), IClassFixture<SqliteApp>;

public sealed class WelfareFiguresTestsOnPostgres(PostgresApp app) : WelfareFiguresTests(app), IClassFixture<PostgresApp>;
