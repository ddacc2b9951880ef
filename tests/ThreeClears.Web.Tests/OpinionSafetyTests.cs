using System.Net;
using System.Net.Http.Json;
using System.Text;
using ThreeClears.Web.Tests.Support;

namespace ThreeClears.Web.Tests;

/// <summary>
/// Citizens' text is kept exactly as given and shown escaped everywhere; size limits and malformed
/// Unicode are refused with a problem naming the field.
/// </summary>
public abstract class OpinionSafetyTests(AppFixture app)
{
    private const string Script = "<script>alert('xss')</script><img src=x onerror=alert(1)> & \"quoted\" 🌾 Đề nghị";

    private async Task<int> OpenDraftAsync()
    {
        using var chair = await app.As("chair.tralinh");
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        var d = await (await chair.PostAsJsonAsync("/api/drafts", new
        {
            title = "Dự thảo <b>kiểm thử</b> an toàn " + Guid.NewGuid().ToString("N")[..6], orgUnitCode = "X-TRALINH",
            openFrom = today.AddDays(-1).ToString("yyyy-MM-dd"), openTo = today.AddDays(10).ToString("yyyy-MM-dd"),
            sections = new[] { new { key = "1", title = "Mục <i>một</i>" } },
        })).Expect(HttpStatusCode.Created);
        return d.GetProperty("id").GetInt32();
    }

    [Fact]
    public async Task Hostile_text_is_stored_as_given_and_shown_escaped_on_every_page()
    {
        var id = await OpenDraftAsync();
        using var citizen = app.Anonymous();
        var sent = await (await citizen.PostAsJsonAsync($"/api/drafts/{id}/opinions", new { text = Script, group = "citizens", section = "1", submitterName = "<b>Tên</b>" }))
            .Expect(HttpStatusCode.Created);
        var oid = sent.GetProperty("id").GetInt32();
        Assert.Equal(Script, sent.GetProperty("text").GetString());
        using var chair = await app.As("chair.tralinh");
        await (await chair.PostAsJsonAsync($"/api/opinions/{oid}/response", new { decision = "explained", explanation = "</p><script>alert(2)</script>", publish = true }))
            .Expect(HttpStatusCode.OK);
        var back = await (await citizen.GetAsync($"/api/opinions/{oid}")).Expect(HttpStatusCode.OK);
        Assert.Equal(Script, back.GetProperty("text").GetString());

        using var official = await PageClient.LogInAsync(app, "chair.tralinh");
        using var visitor = new PageClient(app);
        foreach (var (client, url) in new[]
                 {
                     (visitor, $"/portal/drafts/{id}"), (visitor, $"/portal/opinions/{oid}"), (official, $"/drafts/{id}?state=all"),
                     (official, $"/drafts/{id}/opinions/{oid}"),
                 })
        {
            var html = await client.GetStringAsync(url);
            Assert.DoesNotContain("<script>alert", html);
            Assert.DoesNotContain("<img src=x", html);
            Assert.DoesNotContain("<b>Tên</b>", html);
            Assert.DoesNotContain("<i>một</i>", html);
            Assert.Contains("&lt;script&gt;alert(", html);
            Assert.Contains("🌾 Đề nghị", WebUtility.HtmlDecode(html)); // the emoji is written as a character reference
        }
    }

    [Fact]
    public async Task Size_limits_and_malformed_Unicode_are_refused_naming_the_field()
    {
        var id = await OpenDraftAsync();
        using var c = app.Anonymous();
        var longest = string.Concat(Enumerable.Repeat("Đề nghị ", 1250)); // 8 × 1,250 = 10,000 characters
        Assert.Equal(10_000, longest.Length);
        var ok = await (await c.PostAsJsonAsync($"/api/drafts/{id}/opinions", new { text = longest, group = "citizens" })).Expect(HttpStatusCode.Created);
        Assert.Equal(longest, ok.GetProperty("text").GetString());
        var tooLong = await (await c.PostAsJsonAsync($"/api/drafts/{id}/opinions", new { text = longest + "x", group = "citizens", submitterName = new string('n', 201) }))
            .Expect(HttpStatusCode.BadRequest);
        Assert.Equal(["submitterName", "text"], tooLong.GetProperty("errors").Keys().Order());
        // A lone surrogate, escaped in the JSON or as raw bytes that are not UTF-8, is not text.
        foreach (var body in new[] { "{\"text\":\"abc\\ud800def\",\"group\":\"citizens\"}", "{\"text\":\"\\udc00\",\"group\":\"citizens\"}" })
        {
            var p = await (await c.PostRaw($"/api/drafts/{id}/opinions", body)).Expect(HttpStatusCode.BadRequest);
            Assert.Contains("text", p.GetProperty("errors").Keys());
        }
        var raw = new ByteArrayContent([.. Encoding.UTF8.GetBytes("{\"text\":\"a"), 0xED, 0xA0, 0x80, .. Encoding.UTF8.GetBytes("\",\"group\":\"citizens\"}")]);
        raw.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        await (await c.PostAsync($"/api/drafts/{id}/opinions", raw)).Expect(HttpStatusCode.BadRequest);
        var control = await (await c.PostAsJsonAsync($"/api/drafts/{id}/opinions", new { text = "a\u0007b", group = "citizens" })).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(["text"], control.GetProperty("errors").Keys());
        // An emoji is a surrogate pair: kept.
        var emoji = await (await c.PostAsJsonAsync($"/api/drafts/{id}/opinions", new { text = "🌾🏔️", group = "citizens" })).Expect(HttpStatusCode.Created);
        Assert.Equal("🌾🏔️", emoji.GetProperty("text").GetString());
        // A body over 1 MB is refused before it is read.
        var big = new HttpRequestMessage(HttpMethod.Post, $"/api/drafts/{id}/opinions")
        {
            Content = new StringContent("{\"text\":\"" + new string('x', 1_100_000) + "\",\"group\":\"citizens\"}", Encoding.UTF8, "application/json"),
        };
        big.Headers.ExpectContinue = true; // the client waits to hear 413 instead of sending the megabyte
        await (await c.SendAsync(big)).Expect(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task The_public_form_sends_an_opinion_without_an_account_and_keeps_what_was_typed_when_refused()
    {
        var id = await OpenDraftAsync();
        using var visitor = new PageClient(app);
        var refused = await visitor.PostFormAsync($"/portal/drafts/{id}", $"/portal/drafts/{id}", new()
        {
            ["Form.Group"] = "citizens", ["Form.Text"] = Script, ["Form.Contact"] = "not a contact",
        });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("e-mail address or a Vietnamese phone number", html);
        Assert.Contains("&lt;script&gt;alert(&#x27;xss&#x27;)&lt;/script&gt;", html); // what was typed, escaped, in the textarea
        var sent = await visitor.PostFormAsync($"/portal/drafts/{id}", $"/portal/drafts/{id}", new()
        {
            ["Form.Group"] = "businesses", ["Form.Section"] = "1", ["Form.Text"] = "Đề nghị làm rõ mục 1.", ["Form.Contact"] = "0912 345 678",
        });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var receipt = sent.Headers.Location!.ToString();
        Assert.Matches(@"^/portal/opinions/\d+\?sent=1$", receipt);
        var page = await visitor.GetStringAsync(receipt);
        Assert.Contains("đang chờ trả lời", page);
        Assert.DoesNotContain("Đề nghị làm rõ mục 1.", page); // not published before it is answered
        // The browser finds its own opinion again by its portal cookie; another browser does not.
        Assert.Contains("Đề nghị làm rõ mục 1.", await visitor.GetStringAsync("/portal/mine"));
        using var other = new PageClient(app);
        Assert.DoesNotContain("Đề nghị làm rõ mục 1.", await other.GetStringAsync("/portal/mine"));
    }
}

public sealed class OpinionSafetyTestsOnSqlite(SqliteApp app) : OpinionSafetyTests(app), IClassFixture<SqliteApp>;

public sealed class OpinionSafetyTestsOnPostgres(PostgresApp app) : OpinionSafetyTests(app), IClassFixture<PostgresApp>;

/// <summary>A host whose public allowance is 5 requests a minute per address.</summary>
public sealed class SqliteAppLowPublicLimit : SqliteApp
{
    public const int PerMinute = 5;
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraConfig => [new("RateLimits:PublicPerMinute", PerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture))];
}

/// <summary>Opinions and ratings are rate-limited per address: the sixth in a minute is a 429 with Retry-After.</summary>
public sealed class OpinionRateLimitTests(SqliteAppLowPublicLimit app) : IClassFixture<SqliteAppLowPublicLimit>
{
    [Fact]
    public async Task The_API_answers_429_with_Retry_After_past_the_allowance()
    {
        int id;
        await using (var scope = app.Scope(out var db))
            id = db.Set<Features.Drafts.Draft>().Single(d => d.Title == Features.Drafts.ConsultationDemoTexts.HappinessPlan).Id;
        using var c = app.Anonymous();
        for (var i = 0; i < SqliteAppLowPublicLimit.PerMinute; i++)
            await (await c.PostAsJsonAsync($"/api/drafts/{id}/opinions", new { text = $"Ý kiến {i}", group = "citizens" })).Expect(HttpStatusCode.Created);
        var limited = await c.PostAsJsonAsync($"/api/drafts/{id}/opinions", new { text = "Ý kiến thứ sáu", group = "citizens" });
        await limited.Expect(HttpStatusCode.TooManyRequests);
        var retry = limited.Headers.RetryAfter?.Delta ?? TimeSpan.Zero;
        Assert.InRange(retry.TotalSeconds, 1, 60);
        // Reading the portal's pages is not limited: a citizen can still read while waiting.
        for (var i = 0; i < 8; i++) Assert.Equal(HttpStatusCode.OK, (await c.GetAsync($"/portal/drafts/{id}")).StatusCode);
    }

    [Fact]
    public async Task The_portals_forms_answer_a_page_with_Retry_After_past_the_allowance()
    {
        using var visitor = new PageClient(app);
        HttpResponseMessage? last = null;
        for (var i = 0; i <= SqliteAppLowPublicLimit.PerMinute; i++)
        {
            last = await visitor.PostFormAsync("/portal/units/X-HOAAN", "/portal/units/X-HOAAN", new() { ["Stars"] = "4" });
            if (i < SqliteAppLowPublicLimit.PerMinute) Assert.NotEqual(HttpStatusCode.TooManyRequests, last.StatusCode);
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, last!.StatusCode);
        Assert.NotNull(last.Headers.RetryAfter);
        Assert.Equal("text/html", last.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Quá nhiều yêu cầu", await last.Content.ReadAsStringAsync());
    }
}
