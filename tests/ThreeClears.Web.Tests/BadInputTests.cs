using System.Net;
using System.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ThreeClears.Web.Tests.Support;

namespace ThreeClears.Web.Tests;

/// <summary>
/// Bad input on every route: malformed JSON, wrong types, missing fields, oversized bodies and
/// unknown ids all get a 4xx problem detail that names the problem, never a 500.
/// </summary>
public abstract class BadInputTests(AppFixture app)
{
    /// <summary>Every API route: (method, url to call, url with an unknown id or null, takes a JSON body).</summary>
    private static readonly (string Method, string Template, string Url, string? Unknown, bool Body)[] Routes =
    [
        ("POST", "/api/auth/login", "/api/auth/login", null, true),
        ("GET", "/api/me", "/api/me", null, false),
        ("GET", "/api/users", "/api/users", null, false),
        ("GET", "/api/users/{userName}", "/api/users/leader", "/api/users/nobody-here", false),
        ("POST", "/api/users", "/api/users", null, true),
        ("PUT", "/api/users/{userName}", "/api/users/officer.xd", "/api/users/nobody-here", true),
        ("POST", "/api/users/{userName}/roles", "/api/users/officer.xd/roles", "/api/users/nobody-here/roles", true),
        ("DELETE", "/api/users/{userName}/roles/{role}/{orgUnitCode}", "/api/users/officer.xd/roles/officer/SO-XD", "/api/users/officer.xd/roles/leader/NOPE", false),
        ("GET", "/api/org-units", "/api/org-units", null, false),
        ("GET", "/api/org-units/{code}", "/api/org-units/CB", "/api/org-units/NOPE", false),
        ("POST", "/api/org-units", "/api/org-units", null, true),
        ("PUT", "/api/org-units/{code}", "/api/org-units/SO-YT", "/api/org-units/NOPE", true),
        ("GET", "/api/audit", "/api/audit", null, false),
        ("GET", "/api/audit/verify", "/api/audit/verify", null, false),
        ("GET", "/api/audit/head", "/api/audit/head", null, false),
        ("GET", "/api/admin/clock", "/api/admin/clock", null, false),
        ("PUT", "/api/admin/clock", "/api/admin/clock", null, true),
        ("DELETE", "/api/admin/clock", "/api/admin/clock", null, false),
        ("GET", "/api/calendar", "/api/calendar?year=2026", null, false),
        ("PUT", "/api/calendar/{year:int}", "/api/calendar/2031", null, true),
        ("POST", "/api/tasks", "/api/tasks", null, true),
        ("GET", "/api/tasks", "/api/tasks", null, false),
        ("GET", "/api/tasks/{id}", "/api/tasks/1", "/api/tasks/999999", false),
        ("POST", "/api/tasks/{id}/progress", "/api/tasks/1/progress", "/api/tasks/999999/progress", true),
        ("POST", "/api/tasks/{id}/verify", "/api/tasks/1/verify", "/api/tasks/999999/verify", true),
        ("POST", "/api/tasks/{id}/target", "/api/tasks/1/target", "/api/tasks/999999/target", true),
        ("POST", "/api/tasks/{id}/reassign", "/api/tasks/1/reassign", "/api/tasks/999999/reassign", true),
        ("POST", "/api/tasks/{id}/cancel", "/api/tasks/1/cancel", "/api/tasks/999999/cancel", true),
        ("POST", "/api/tasks/{id}/attachments", "/api/tasks/1/attachments", "/api/tasks/999999/attachments", false),
        ("GET", "/api/attachments/{id:int}", "/api/attachments/1", "/api/attachments/999999", false),
        ("GET", "/api/attachments/{id:int}/thumbnail", "/api/attachments/1/thumbnail", "/api/attachments/999999/thumbnail", false),
        ("POST", "/api/tasks/{id}/consultations", "/api/tasks/1/consultations", "/api/tasks/999999/consultations", true),
        ("GET", "/api/consultations", "/api/consultations", null, false),
        ("GET", "/api/consultations/{id:int}", "/api/consultations/1", "/api/consultations/999999", false),
        ("POST", "/api/consultations/{id:int}/respond", "/api/consultations/1/respond", "/api/consultations/999999/respond", true),
        ("GET", "/api/org-units/{code}/responsiveness", "/api/org-units/CB/responsiveness", "/api/org-units/NOPE/responsiveness", false),
        ("POST", "/api/tasks/{id}/escalations", "/api/tasks/1/escalations", "/api/tasks/999999/escalations", true),
        ("GET", "/api/escalations", "/api/escalations", null, false),
        ("GET", "/api/escalations/{id:int}", "/api/escalations/1", "/api/escalations/999999", false),
        ("POST", "/api/escalations/{id:int}/resolve", "/api/escalations/1/resolve", "/api/escalations/999999/resolve", true),
        ("POST", "/api/admin/sweep", "/api/admin/sweep?asOf=2026-01-05", null, false),
        ("GET", "/api/inbox", "/api/inbox", null, false),
        ("GET", "/api/goals", "/api/goals", null, false),
        ("GET", "/api/goals/{code}", "/api/goals/DH1", "/api/goals/NOPE", false),
        ("POST", "/api/goals", "/api/goals", null, true),
        ("PUT", "/api/goals/{code}", "/api/goals/DH1", "/api/goals/NOPE", true),
        ("GET", "/api/targets", "/api/targets", null, false),
        ("GET", "/api/targets/{id:int}", "/api/targets/1", "/api/targets/999999", false),
        ("POST", "/api/targets", "/api/targets", null, true),
        ("PUT", "/api/targets/{id:int}", "/api/targets/1", "/api/targets/999999", true),
        ("GET", "/api/indicators", "/api/indicators", null, false),
        ("GET", "/api/indicators/{code}", "/api/indicators/RETAIL_SALES", "/api/indicators/NOPE", false),
        ("POST", "/api/indicators", "/api/indicators", null, true),
        ("PUT", "/api/indicators/{code}", "/api/indicators/RETAIL_SALES", "/api/indicators/NOPE", true),
        ("PUT", "/api/data-values", "/api/data-values", null, true),
        ("GET", "/api/data-values", "/api/data-values", null, false),
        ("GET", "/api/data-values/{indicatorCode}/{orgUnitCode}/{period}", "/api/data-values/RETAIL_SALES/CB/2025-08", "/api/data-values/NOPE/CB/2025-08", false),
        ("PUT", "/api/data-values/{indicatorCode}/{orgUnitCode}/{period}", "/api/data-values/RETAIL_SALES/CB/2025-08", "/api/data-values/NOPE/CB/2025-08", true),
        ("POST", "/api/data-values/submit", "/api/data-values/submit", null, true),
        ("POST", "/api/data-values/approve", "/api/data-values/approve", null, true),
        ("POST", "/api/data-values/reopen", "/api/data-values/reopen", null, true),
        ("GET", "/api/analytics", "/api/analytics?indicator=RETAIL_SALES&orgUnit=CB&period=2025-08", "/api/analytics?indicator=NOPE&orgUnit=CB&period=2025-08", false),
        ("GET", "/api/analytics/discrepancies", "/api/analytics/discrepancies?orgUnit=CB&period=2025-08", "/api/analytics/discrepancies?orgUnit=NOPE&period=2025-08", false),
        ("GET", "/api/dashboard", "/api/dashboard?orgUnit=CB&period=2025-08", "/api/dashboard?orgUnit=NOPE&period=2025-08", false),
        ("POST", "/api/ratings", "/api/ratings", null, true),
        ("GET", "/api/ratings", "/api/ratings", null, false),
        ("GET", "/api/ratings/summary", "/api/ratings/summary?orgUnit=CB", "/api/ratings/summary?orgUnit=NOPE", false),
        ("POST", "/api/ratings/{id:int}/hide", "/api/ratings/1/hide", "/api/ratings/999999/hide", true),
        ("GET", "/api/evaluations", "/api/evaluations?period=2025&kind=unit", "/api/evaluations?period=2025&kind=unit&orgUnit=NOPE", false),
        ("GET", "/api/evaluations/{kind}/{subject}", "/api/evaluations/unit/CB?period=2025", "/api/evaluations/unit/NOPE?period=2025", false),
        ("GET", "/api/reports/socio-economic", "/api/reports/socio-economic?orgUnit=CB&period=2025-08", "/api/reports/socio-economic?orgUnit=NOPE&period=2025-08", false),
        ("GET", "/api/reports/tasks", "/api/reports/tasks?orgUnit=CB&period=2025-08", "/api/reports/tasks?orgUnit=NOPE&period=2025-08", false),
        ("GET", "/api/evaluations/{kind}/{subject}/history", "/api/evaluations/official/leader/history?period=2025", "/api/evaluations/official/nobody-here/history?period=2025", false),
        ("GET", "/api/households", "/api/households?orgUnit=X-TRALINH", "/api/households?orgUnit=NOPE", false),
        ("GET", "/api/households/imports/{id:int}", "/api/households/imports/1", "/api/households/imports/999999", false),
        ("GET", "/api/households/{code}", "/api/households/TRALINH-00001", "/api/households/NOPE-1", false),
        ("PUT", "/api/households/{code}", "/api/households/TRALINH-00001", "/api/households/NOPE-1", true),
        ("GET", "/api/households/{code}/revisions", "/api/households/TRALINH-00001/revisions", "/api/households/NOPE-1/revisions", false),
        ("GET", "/api/welfare/coverage", "/api/welfare/coverage?orgUnit=CB", "/api/welfare/coverage?orgUnit=NOPE", false),
        ("GET", "/api/housing-programme", "/api/housing-programme?orgUnit=CB&year=2025", "/api/housing-programme?orgUnit=NOPE&year=2025", false),
        ("POST", "/api/housing-programme", "/api/housing-programme", null, true),
        ("PUT", "/api/housing-programme/{orgUnitCode}/{year:int}", "/api/housing-programme/CB/2025", "/api/housing-programme/NOPE/2025", true),
        ("GET", "/api/housing-support", "/api/housing-support?orgUnit=X-TRALINH", "/api/housing-support?orgUnit=NOPE", false),
        ("GET", "/api/housing-support/{id:int}", "/api/housing-support/1", "/api/housing-support/999999", false),
        ("POST", "/api/housing-support", "/api/housing-support", null, true),
        ("PUT", "/api/housing-support/{id:int}", "/api/housing-support/1", "/api/housing-support/999999", true),
        ("POST", "/api/happiness/responses", "/api/happiness/responses", null, true),
        ("GET", "/api/happiness/index", "/api/happiness/index?orgUnit=CB&year=2025", "/api/happiness/index?orgUnit=NOPE&year=2025", false),
        // Multipart household files and photos: the JSON cases do not apply; an unknown household is 404 before the form is read.
        ("POST", "/api/households/import", "/api/households/import", null, false),
        ("POST", "/api/households/{code}/attachments", "/api/households/TRALINH-00001/attachments", "/api/households/NOPE-1/attachments", false),
        ("POST", "/api/drafts", "/api/drafts", null, true),
        ("GET", "/api/drafts", "/api/drafts", null, false),
        ("GET", "/api/drafts/{id:int}", "/api/drafts/1", "/api/drafts/999999", false),
        ("PUT", "/api/drafts/{id:int}", "/api/drafts/1", "/api/drafts/999999", true),
        ("POST", "/api/drafts/{id:int}/sections", "/api/drafts/1/sections", "/api/drafts/999999/sections", true),
        ("POST", "/api/drafts/{id:int}/conferences", "/api/drafts/1/conferences", "/api/drafts/999999/conferences", true),
        ("GET", "/api/drafts/{id:int}/conferences", "/api/drafts/1/conferences", "/api/drafts/999999/conferences", false),
        ("POST", "/api/drafts/{id:int}/opinions", "/api/drafts/1/opinions", "/api/drafts/999999/opinions", true),
        ("GET", "/api/drafts/{id:int}/opinions", "/api/drafts/1/opinions", "/api/drafts/999999/opinions", false),
        ("POST", "/api/drafts/{id:int}/responses", "/api/drafts/1/responses", "/api/drafts/999999/responses", true),
        // The body is optional (all the draft's responses kept as drafts): only unknown ids are checked here.
        ("POST", "/api/drafts/{id:int}/publish-responses", "/api/drafts/1/publish-responses", "/api/drafts/999999/publish-responses", false),
        ("GET", "/api/drafts/{id:int}/summary", "/api/drafts/1/summary", "/api/drafts/999999/summary", false),
        ("GET", "/api/drafts/{id:int}/notices", "/api/drafts/1/notices", "/api/drafts/999999/notices", false),
        ("GET", "/api/opinions/{id:int}", "/api/opinions/1", "/api/opinions/999999", false),
        ("GET", "/api/opinions/mine", "/api/opinions/mine", null, false),
        ("POST", "/api/opinions/{id:int}/response", "/api/opinions/1/response", "/api/opinions/999999/response", true),
        ("GET", "/api/public/products", "/api/public/products", null, false),
        ("GET", "/api/public/indicators", "/api/public/indicators", null, false),
        ("GET", "/api/public/units", "/api/public/units", null, false),
        ("GET", "/api/public/photos/{id:int}", "/api/public/photos/1", "/api/public/photos/999999", false),
        ("GET", "/api/public/photos/{id:int}/thumbnail", "/api/public/photos/1/thumbnail", "/api/public/photos/999999/thumbnail", false),
        // Multipart, not JSON: the JSON cases do not apply, and without a form it answers 400 before looking the task up.
        ("POST", "/api/tasks/{id}/attachments", "/api/tasks/1/attachments", null, false),
        ("GET", "/api/attachments/{id:int}", "/api/attachments/1", "/api/attachments/999999", false),
        ("GET", "/api/attachments/{id:int}/thumbnail", "/api/attachments/1/thumbnail", "/api/attachments/999999/thumbnail", false),
        ("POST", "/api/admin/reminders/mail", "/api/admin/reminders/mail", null, false),
        ("GET", "/healthz", "/healthz", null, false),
        ("GET", "/openapi/v1.json", "/openapi/v1.json", null, false),
    ];

    [Fact]
    public void The_table_covers_every_API_route()
    {
        var mapped = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api") || e.RoutePattern.RawText!.StartsWith("api"))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => $"{m} /{e.RoutePattern.RawText!.Trim('/')}"))
            .ToHashSet();
        var listed = Routes.Select(r => $"{r.Method} {r.Template}").ToHashSet();
        Assert.Empty(mapped.Except(listed));
    }

    private static HttpRequestMessage Request(string method, string url, string? body, string? ifMatch = "\"1\"")
    {
        var req = new HttpRequestMessage(new HttpMethod(method), url);
        if (body is not null) req.Content = new StringContent(body, Encoding.UTF8, "application/json");
        if (ifMatch is not null && method == "PUT") req.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return req;
    }

    [Fact]
    public async Task Malformed_JSON_is_a_400_problem_on_every_body_route()
    {
        using var c = await app.As("admin");
        foreach (var r in Routes.Where(r => r.Body))
        {
            foreach (var body in new[] { "{\"name\": ", "not json at all", "[1,2,", "" })
            {
                var res = await c.SendAsync(Request(r.Method, r.Url, body));
                var problem = await res.Expect(HttpStatusCode.BadRequest);
                Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()), $"{r.Method} {r.Url}: {problem}");
            }
        }
    }

    [Fact]
    public async Task Wrong_types_name_the_field()
    {
        using var c = await app.As("admin");
        var cases = new (string Method, string Url, string Body, string Field)[]
        {
            ("POST", "/api/org-units", "{\"code\":\"T1\",\"name\":5,\"nameEn\":\"x\",\"kind\":\"site\",\"parentCode\":\"CB\"}", "name"),
            ("POST", "/api/org-units", "{\"code\":\"T1\",\"name\":\"x\",\"nameEn\":\"x\",\"kind\":\"site\",\"parentCode\":\"CB\",\"predecessors\":[{\"code\":\"OLD-X-LUUNGOC\",\"effectiveDate\":\"July\"}]}", "predecessors[0].effectiveDate"),
            ("POST", "/api/users", "{\"userName\":[1]}", "userName"),
            ("PUT", "/api/admin/clock", "{\"now\":\"yesterday\"}", "now"),
            ("PUT", "/api/calendar/2031", "{\"holidays\":[{\"date\":\"2031-13-01\",\"name\":\"x\"}]}", "holidays[0].date"),
            ("POST", "/api/auth/login", "{\"userName\":true,\"password\":1}", "userName"),
            ("POST", "/api/goals", "{\"code\":5,\"title\":\"x\",\"kind\":\"programme\"}", "code"),
            ("PUT", "/api/goals/DH1", "{\"title\":\"x\",\"kind\":\"orientation\",\"parentCode\":[\"DH2\"]}", "parentCode"),
            ("POST", "/api/targets", "{\"indicatorCode\":\"GRDP_GROWTH\",\"targetYear\":\"next year\"}", "targetYear"),
            ("PUT", "/api/targets/1", "{\"indicatorCode\":\"GRDP_GROWTH\",\"targetValue\":\"eight\"}", "targetValue"),
        };
        foreach (var (method, url, body, field) in cases)
        {
            var problem = await (await c.SendAsync(Request(method, url, body))).Expect(HttpStatusCode.BadRequest);
            Assert.Contains(field, problem.GetProperty("errors").Keys());
        }
    }

    [Fact]
    public async Task Missing_fields_are_all_named_at_once()
    {
        using var c = await app.As("admin");
        var unit = await (await c.SendAsync(Request("POST", "/api/org-units", "{}"))).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(new[] { "code", "kind", "name", "nameEn", "parentCode" }, unit.GetProperty("errors").Keys().Order());
        var user = await (await c.SendAsync(Request("POST", "/api/users", "{}"))).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(new[] { "fullName", "orgUnitCode", "password", "position", "userName" }, user.GetProperty("errors").Keys().Order());
        var role = await (await c.SendAsync(Request("POST", "/api/users/officer.xd/roles", "{}"))).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(new[] { "orgUnitCode", "role" }, role.GetProperty("errors").Keys().Order());
        var login = await (await c.SendAsync(Request("POST", "/api/auth/login", "{}"))).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(new[] { "password", "userName" }, login.GetProperty("errors").Keys().Order());
        var clock = await (await c.SendAsync(Request("PUT", "/api/admin/clock", "{}"))).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(new[] { "now" }, clock.GetProperty("errors").Keys());
    }

    [Fact]
    public async Task Out_of_range_values_are_refused()
    {
        using var c = await app.As("admin");
        var longName = new string('a', 501);
        var p = await (await c.SendAsync(Request("POST", "/api/org-units",
            $"{{\"code\":\"has space\",\"name\":\"{longName}\",\"nameEn\":\"x\",\"kind\":\"planet\",\"parentCode\":\"CB\",\"predecessors\":[{{\"code\":\"OLD-X-COMUOI\",\"effectiveDate\":\"2025-07-01\",\"share\":1.5}}]}}")))
            .Expect(HttpStatusCode.BadRequest);
        Assert.Equal(new[] { "code", "kind", "name", "predecessors[0].share" }, p.GetProperty("errors").Keys().Order());
        await (await c.GetAsync("/api/users?pageSize=501")).Expect(HttpStatusCode.BadRequest);
        await (await c.GetAsync("/api/org-units?page=0")).Expect(HttpStatusCode.BadRequest);
        var weak = await (await c.SendAsync(Request("POST", "/api/users", "{\"userName\":\"weak.pw\",\"fullName\":\"A\",\"password\":\"short\",\"orgUnitCode\":\"CB\",\"position\":\"B\"}")))
            .Expect(HttpStatusCode.BadRequest);
        Assert.Equal(["password"], weak.GetProperty("errors").Keys());
        await (await c.SendAsync(Request("POST", "/api/users/officer.xd/roles", "{\"role\":\"emperor\",\"orgUnitCode\":\"CB\"}"))).Expect(HttpStatusCode.BadRequest);
        await (await c.GetAsync("/api/calendar?year=99999")).Expect(HttpStatusCode.BadRequest);
        await (await c.SendAsync(Request("PUT", "/api/org-units/SO-YT", "{\"name\":\"x\",\"nameEn\":\"x\",\"kind\":\"department\",\"parentCode\":\"CB\"}", "abc")))
            .Expect(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Oversized_bodies_are_a_413_problem_on_every_body_route()
    {
        using var c = await app.As("admin");
        var big = "{\"name\":\"" + new string('x', 1_100_000) + "\"}";
        foreach (var r in Routes.Where(r => r.Body))
        {
            // A client that asks before sending (Expect: 100-continue) hears 413 without uploading the megabyte.
            var req = Request(r.Method, r.Url, big);
            req.Headers.ExpectContinue = true;
            await (await c.SendAsync(req)).Expect(HttpStatusCode.RequestEntityTooLarge);
        }
    }

    [Fact]
    public async Task Unknown_ids_are_a_404_problem()
    {
        using var c = await app.As("admin");
        foreach (var r in Routes.Where(r => r.Unknown is not null))
        {
            var body = r.Method switch
            {
                "PUT" when r.Template.StartsWith("/api/users") => "{\"fullName\":\"A\",\"orgUnitCode\":\"CB\",\"position\":\"B\"}",
                "PUT" => "{\"name\":\"x\",\"nameEn\":\"x\",\"kind\":\"site\",\"parentCode\":\"CB\"}",
                "POST" => "{\"role\":\"officer\",\"orgUnitCode\":\"CB\"}",
                _ => null,
            };
            await (await c.SendAsync(Request(r.Method, r.Unknown!, body))).Expect(HttpStatusCode.NotFound);
        }
        await (await c.GetAsync("/api/users?orgUnit=NOPE")).Expect(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Duplicates_are_a_409_problem()
    {
        using var c = await app.As("admin");
        await (await c.SendAsync(Request("POST", "/api/org-units", "{\"code\":\"SO-YT\",\"name\":\"x\",\"nameEn\":\"x\",\"kind\":\"department\",\"parentCode\":\"CB\"}")))
            .Expect(HttpStatusCode.Conflict);
        await (await c.SendAsync(Request("POST", "/api/users", "{\"userName\":\"leader\",\"fullName\":\"A\",\"password\":\"password-1\",\"orgUnitCode\":\"CB\",\"position\":\"B\"}")))
            .Expect(HttpStatusCode.Conflict);
        await (await c.SendAsync(Request("POST", "/api/users/officer.xd/roles", "{\"role\":\"officer\",\"orgUnitCode\":\"SO-XD\"}"))).Expect(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_connection_stays_usable_after_a_bad_body()
    {
        using var c = await app.As("admin");
        for (var i = 0; i < 5; i++)
        {
            await (await c.SendAsync(Request("POST", "/api/org-units", "{\"name\": [1, 2, {"))).Expect(HttpStatusCode.BadRequest);
            await (await c.GetAsync("/api/me")).Expect(HttpStatusCode.OK);
        }
    }
}

public sealed class BadInputTestsOnSqlite(SqliteApp app) : BadInputTests(app), IClassFixture<SqliteApp>;

public sealed class BadInputTestsOnPostgres(PostgresApp app) : BadInputTests(app), IClassFixture<PostgresApp>;
