using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ThreeClears.Web.Features.Public;
using ThreeClears.Web.Features.Ratings;
using ThreeClears.Web.Tests.Support;

namespace ThreeClears.Web.Tests;

/// <summary>
/// Nothing unpublished leaks (issue 7): a crawler starts where an anonymous visitor lands, follows
/// every link of every public page in both languages, reads every public API answer, and finds
/// none of the secrets planted below, while it does find what is published (so that the crawl is
/// known to reach the places a leak would show).
/// </summary>
public abstract partial class LeakCrawlTests(AppFixture app)
{
    /// <summary>
    /// The register's household heads (the demo's open households first, then the generated ones): no
    /// public page or answer may show one. Short names are left out, as they could be part of any text.
    /// </summary>
    private async Task<List<string>> HouseholdNamesAsync()
    {
        await using var scope = app.Scope(out var db);
        return await db.Set<ThreeClears.Web.Features.Welfare.Household>().AsNoTracking()
            .Where(h => h.HeadName.Length >= 10).OrderByDescending(h => h.Id).Select(h => h.HeadName).Distinct().Take(400).ToListAsync();
    }

    [GeneratedRegex("(?:href|src)=\"([^\"]+)\"")]
    private static partial Regex Links();

    [GeneratedRegex("^/(?:portal|api/public|api/drafts|api/opinions|api/audit)[^\\s\"]*$")]
    private static partial Regex PublicUrl();

    [Fact]
    public async Task The_public_pages_and_API_answers_show_no_household_unverified_task_unapproved_value_or_personal_data()
    {
        var mark = Guid.NewGuid().ToString("N")[..8];
        var (secrets, published) = await PlantAsync(mark);
        secrets.AddRange(await SecretsAsync());
        var households = await HouseholdNamesAsync();
        Assert.True(households.Count >= 100, $"only {households.Count} household names to look for");
        secrets.AddRange(households);

        var seen = new Dictionary<string, string>(); // url → what it showed (decoded)
        foreach (var culture in new[] { "vi-VN", "en" })
        {
            var cookies = new CookieContainer();
            cookies.Add(app.BaseAddress, new Cookie(".AspNetCore.Culture", $"c={culture}|uic={culture}"));
            using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies }) { BaseAddress = app.BaseAddress };
            await CrawlAsync(client, culture, seen);
        }


        var leaks = (from s in secrets.Distinct()
                     from page in seen
                     where page.Value.Contains(s, StringComparison.Ordinal)
                     select $"'{s}' on {page.Key}").Take(20).ToList();
        Assert.True(leaks.Count == 0, "Leaked:\n" + string.Join("\n", leaks));

        // The crawl reached the pages and answers a leak would show on.
        Assert.True(seen.Count > 150, $"only {seen.Count} public answers were read");
        foreach (var url in new[] { "/portal", "/portal/products", "/portal/indicators", "/portal/drafts", "/portal/units", "/api/public/products?pageSize=500" })
            Assert.Contains(seen.Keys, k => k.StartsWith(url + "|", StringComparison.Ordinal));
        var all = string.Join("\n", seen.Values);
        foreach (var p in published) Assert.Contains(p, all);
    }

    /// <summary>Follows every local link from where a visitor lands, and every public API answer, in one language.</summary>
    private async Task CrawlAsync(HttpClient client, string culture, Dictionary<string, string> seen)
    {
        var queue = new Queue<string>(["/", "/portal/mine", "/api/public/products?pageSize=500", "/api/public/indicators", "/api/public/units",
            "/api/drafts?pageSize=100", "/api/audit/head"]);
        var visited = new HashSet<string>();
        while (queue.TryDequeue(out var url))
        {
            if (!visited.Add(url) || visited.Count > 1500) continue;
            var res = await client.GetAsync(url);
            Assert.True((int)res.StatusCode < 500, $"GET {url}: {(int)res.StatusCode}");
            if (res.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found && res.Headers.Location is { } to)
            {
                queue.Enqueue(to.IsAbsoluteUri ? to.PathAndQuery : to.OriginalString);
                continue;
            }
            if (res.StatusCode != HttpStatusCode.OK) continue;
            var type = res.Content.Headers.ContentType?.MediaType ?? "";
            if (type.StartsWith("image/", StringComparison.Ordinal)) continue;
            var body = await res.Content.ReadAsStringAsync();
            string text;
            if (type == "text/html")
            {
                foreach (Match m in Links().Matches(body)) Follow(WebUtility.HtmlDecode(m.Groups[1].Value), queue);
                text = WebUtility.HtmlDecode(body);
            }
            else
            {
                var strings = new List<string>();
                Collect(JsonDocument.Parse(body).RootElement, strings);
                foreach (var s in strings) Follow(s, queue);
                text = string.Join("\n", strings);
                if (url.StartsWith("/api/drafts?", StringComparison.Ordinal)) QueueDrafts(JsonDocument.Parse(body).RootElement, queue);
                if (url.Contains("/opinions?page=1&", StringComparison.Ordinal)) QueueOpinions(url, JsonDocument.Parse(body).RootElement, queue);
            }
            seen[url + "|" + culture] = text;
        }
    }

    private static void Follow(string link, Queue<string> queue)
    {
        var l = link.Split('#')[0];
        if (l.Length == 0 || !l.StartsWith('/') || l.StartsWith("//", StringComparison.Ordinal)) return;
        if (l.StartsWith("/login", StringComparison.Ordinal) || l.StartsWith("/logout", StringComparison.Ordinal) || l.StartsWith("/lang/", StringComparison.Ordinal)
            || l.StartsWith("/css/", StringComparison.Ordinal)) return;
        if (!l.StartsWith("/portal", StringComparison.Ordinal) && l != "/" && !PublicUrl().IsMatch(l)) return;
        queue.Enqueue(l);
    }

    /// <summary>Every public draft's answers: itself, its summary, every page of its opinions and conferences.</summary>
    private static void QueueDrafts(JsonElement list, Queue<string> queue)
    {
        foreach (var d in list.GetProperty("items").EnumerateArray())
        {
            var id = d.GetProperty("id").GetInt32();
            queue.Enqueue($"/api/drafts/{id}");
            queue.Enqueue($"/api/drafts/{id}/summary");
            queue.Enqueue($"/api/drafts/{id}/opinions?page=1&pageSize=100");
            queue.Enqueue($"/api/drafts/{id}/conferences?page=1&pageSize=500");
        }
    }

    /// <summary>The other pages of a draft's opinions, and each opinion of the first page one by one.</summary>
    private static void QueueOpinions(string url, JsonElement page, Queue<string> queue)
    {
        var total = page.GetProperty("total").GetInt32();
        for (var p = 2; p <= (total + 99) / 100; p++) queue.Enqueue(url.Replace("page=1&", $"page={p}&", StringComparison.Ordinal));
        foreach (var o in page.GetProperty("items").EnumerateArray().Take(20)) queue.Enqueue($"/api/opinions/{o.GetProperty("id").GetInt32()}");
    }

    private static void Collect(JsonElement e, List<string> into)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in e.EnumerateObject())
                {
                    into.Add(p.Name);
                    Collect(p.Value, into);
                }
                break;
            case JsonValueKind.Array:
                foreach (var x in e.EnumerateArray()) Collect(x, into);
                break;
            case JsonValueKind.String:
                into.Add(e.GetString()!);
                break;
            case JsonValueKind.Number:
                into.Add(e.GetRawText());
                break;
        }
    }

    /// <summary>
    /// Plants what must stay private next to what must be published: returns the secrets and the
    /// published strings (the crawl must find the latter).
    /// </summary>
    private async Task<(List<string> Secrets, List<string> Published)> PlantAsync(string mark)
    {
        var secrets = new List<string>();
        var published = new List<string> { "Thông tuyến kỹ thuật cao tốc Đồng Đăng – Trà Lĩnh", "8.900", "Dự thảo Báo cáo chính trị" };

        // Officials' personal data: an e-mail and a phone number on file.
        using var admin = await app.As("admin");
        var thu = await (await admin.GetAsync("/api/users/officer.tralinh")).Expect(HttpStatusCode.OK);
        await (await admin.PutJson("/api/users/officer.tralinh", new
        {
            fullName = "Lương Thị Thu", orgUnitCode = "X-TRALINH", position = "Công chức", email = $"thu.{mark}@tralinh.example",
        }, thu.GetProperty("version").ToString())).Expect(HttpStatusCode.OK);
        await using (var scope = app.Scope(out var db))
        {
            var quan = await db.Users.SingleAsync(u => u.UserName == "chair.tralinh");
            quan.PhoneNumber = "0206 3851 777";
            await db.SaveChangesAsync();
        }
        secrets.AddRange([$"thu.{mark}@tralinh.example", "0206 3851 777", "02063851777"]);

        // Tasks: one reported done with a photo but not verified, one process verified.
        using var chair = await app.As("chair.tralinh");
        using var owner = await app.As("officer.tralinh");
        var due = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).AddDays(20).ToString("yyyy-MM-dd");
        async Task<int> Task(string title, string kind, string product)
        {
            var t = await (await chair.PostAsJsonAsync("/api/tasks", new
            {
                title, product = new { description = product, unit = "căn", targetQuantity = 1, kind }, ownerUserName = "officer.tralinh", dueDate = due,
            })).Expect(HttpStatusCode.Created);
            var id = t.GetProperty("id").GetInt32();
            using var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(Jpeg());
            file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            form.Add(file, "file", $"ho-{mark}.jpg");
            var photo = (await (await owner.PostAsync($"/api/tasks/{id}/attachments", form)).Expect(HttpStatusCode.Created)).GetProperty("attachmentId").GetInt32();
            var req = new HttpRequestMessage(HttpMethod.Post, $"/api/tasks/{id}/progress")
            {
                Content = JsonContent.Create(new { cumulativeQuantity = 1, note = "Xong", attachmentIds = new[] { photo } }),
            };
            req.Headers.TryAddWithoutValidation("If-Match", t.GetProperty("version").ToString());
            await (await owner.SendAsync(req)).Expect(HttpStatusCode.OK);
            using var anonymous = app.Anonymous();
            await (await anonymous.GetAsync($"/api/public/photos/{photo}/thumbnail")).Expect(HttpStatusCode.NotFound);
            return id;
        }
        await Task($"Nhà chờ xác nhận LEAK-{mark}", "output", $"Sản phẩm chưa xác nhận LEAK-{mark}");
        var process = await Task($"Họp giao ban LEAK-{mark}", "process", $"Biên bản họp LEAK-{mark}");
        await (await chair.PostAsJsonAsync($"/api/tasks/{process}/verify", new { approve = true, note = "Đã họp" })).Expect(HttpStatusCode.OK);
        secrets.AddRange([$"Nhà chờ xác nhận LEAK-{mark}", $"Sản phẩm chưa xác nhận LEAK-{mark}", $"Họp giao ban LEAK-{mark}", $"Biên bản họp LEAK-{mark}", $"ho-{mark}.jpg"]);
        secrets.AddRange(PortalDemo.Unpublished);

        // Data values entered but not approved (a province figure for a later month, a commune's year).
        using var stats = await app.As("stats");
        var put = await (await stats.PutAsJsonAsync("/api/data-values", new object[]
        {
            new { indicatorCode = "RETAIL_SALES", orgUnitCode = "CB", period = "2025-10", value = 7654321.98m },
            new { indicatorCode = "POOR_HOUSEHOLDS", orgUnitCode = "X-TRALINH", period = "2026", value = 98765.4m },
        })).Expect(HttpStatusCode.OK);
        Assert.Equal(2, put.GetProperty("accepted").GetInt32());
        secrets.AddRange(["7654321.98", "7.654.321,98", "7,654,321.98", "7654321,98", "98765.4", "98.765,4", "98,765.4"]);

        // Opinions: one answered (published) with a name and a contact left, one waiting, one with a drafted answer.
        int draft;
        await using (var scope = app.Scope(out var db))
            draft = await db.Set<Features.Drafts.Draft>().Where(d => d.Title == Features.Drafts.ConsultationDemoTexts.HappinessPlan).Select(d => d.Id).SingleAsync();
        using var citizen = app.Anonymous();
        async Task<int> Opinion(string text, string? name, string? contact) =>
            (await (await citizen.PostAsJsonAsync($"/api/drafts/{draft}/opinions", new { text, group = "citizens", submitterName = name, contact }))
                .Expect(HttpStatusCode.Created)).GetProperty("id").GetInt32();
        var answered = await Opinion($"Ý kiến đã trả lời PUBLIC-{mark}", $"Người Góp Ý {mark}", $"gopy.{mark}@example.vn");
        var waiting = await Opinion($"Ý kiến chưa trả lời LEAK-{mark}", $"Người Chờ {mark}", "0987 654 321");
        var drafted = await Opinion($"Ý kiến có trả lời nháp LEAK-{mark}", null, null);
        using var leader = await app.As("leader");
        await (await leader.PostAsJsonAsync($"/api/opinions/{answered}/response", new { decision = "accepted", explanation = $"Trả lời công khai PUBLIC-{mark}", publish = true }))
            .Expect(HttpStatusCode.OK);
        await (await leader.PostAsJsonAsync($"/api/opinions/{drafted}/response", new { decision = "notAccepted", explanation = $"Trả lời nháp LEAK-{mark}" }))
            .Expect(HttpStatusCode.OK);
        published.AddRange([$"Ý kiến đã trả lời PUBLIC-{mark}", $"Trả lời công khai PUBLIC-{mark}"]);
        secrets.AddRange([$"Ý kiến chưa trả lời LEAK-{mark}", $"Ý kiến có trả lời nháp LEAK-{mark}", $"Trả lời nháp LEAK-{mark}", $"Người Góp Ý {mark}",
            $"Người Chờ {mark}", $"gopy.{mark}@example.vn", "0987 654 321", "0987654321"]);
        await (await citizen.GetAsync($"/api/opinions/{waiting}")).Expect(HttpStatusCode.NotFound);
        await (await citizen.GetAsync($"/api/opinions/{drafted}")).Expect(HttpStatusCode.NotFound);

        // A rating's comment is for the unit's administrators only.
        var rate = new HttpRequestMessage(HttpMethod.Post, "/api/ratings") { Content = JsonContent.Create(new { orgUnitCode = "X-TRALINH", stars = 2, comment = $"Bình luận LEAK-{mark}" }) };
        rate.Headers.Add("X-Client-Id", "crawl-" + mark);
        await (await citizen.SendAsync(rate)).Expect(HttpStatusCode.Created);
        secrets.Add($"Bình luận LEAK-{mark}");
        return (secrets, published);
    }

    /// <summary>What the database holds that the portal must never show: officials' names and contacts, ratings' comments.</summary>
    private async Task<List<string>> SecretsAsync()
    {
        await using var scope = app.Scope(out var db);
        var users = await db.Users.AsNoTracking().Select(u => new { u.UserName, u.FullName, u.Email, u.PhoneNumber }).ToListAsync();
        var comments = await db.Set<Rating>().AsNoTracking().Where(r => r.Comment != null).Select(r => r.Comment!).ToListAsync();
        var contacts = await db.Set<Features.Drafts.Opinion>().AsNoTracking().Where(o => o.Contact != null).Select(o => o.Contact!).ToListAsync();
        // Single-word user names (admin, leader, stats) are ordinary words; dotted ones name a person.
        return [.. users.Select(u => u.FullName), .. users.Where(u => u.UserName!.Contains('.')).Select(u => u.UserName!),
            .. users.Select(u => u.Email).OfType<string>(), .. users.Select(u => u.PhoneNumber).OfType<string>(), .. comments, .. contacts, RatingsDemo.HiddenComment];
    }

    private static byte[] Jpeg()
    {
        using var image = new SixLabors.ImageSharp.Image<SixLabors.ImageSharp.PixelFormats.Rgb24>(64, 48);
        using var ms = new MemoryStream();
        SixLabors.ImageSharp.ImageExtensions.SaveAsJpeg(image, ms);
        return ms.ToArray();
    }
}

public sealed class LeakCrawlTestsOnSqlite(SqliteApp app) : LeakCrawlTests(app), IClassFixture<SqliteApp>;

public sealed class LeakCrawlTestsOnPostgres(PostgresApp app) : LeakCrawlTests(app), IClassFixture<PostgresApp>;
