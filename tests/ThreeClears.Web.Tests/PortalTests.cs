using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;
using ThreeClears.Web.Features.Public;
using ThreeClears.Web.Tests.Support;

namespace ThreeClears.Web.Tests;

/// <summary>
/// What the public portal publishes: delivered products (verified outputs and outcomes) with
/// metadata-free photos, key indicators from approved values only, units with their rating (the
/// mean from 30), and the audit chain head; anonymous visitors land on it.
/// </summary>
public abstract class PortalTests(AppFixture app)
{
    [Fact]
    public async Task Anonymous_visitors_land_on_the_portal_and_officials_on_their_home()
    {
        using var anonymous = app.Anonymous();
        var res = await anonymous.GetAsync("/");
        Assert.Equal((HttpStatusCode.Redirect, "/portal"), (res.StatusCode, res.Headers.Location?.ToString()));
        var portal = await anonymous.GetStringAsync("/portal");
        Assert.Contains("Cổng thông tin công khai tỉnh Cao Bằng", portal);
        Assert.Contains("href=\"/login\"", portal);
        using var official = await PageClient.LogInAsync(app, "chair.tralinh");
        Assert.Contains("Xin chào, Hà Văn Quân", await official.GetStringAsync("/"));
    }

    [Fact]
    public async Task Delivered_products_are_verified_outputs_and_outcomes_with_photos_without_metadata()
    {
        using var anonymous = app.Anonymous();
        var titles = (await Products(anonymous)).Select(p => p.GetProperty("title").GetString()!).ToList();
        Assert.Equal(PortalDemo.PublishedCount, PortalDemo.PublishedTitles.Count());
        Assert.All(PortalDemo.PublishedTitles, t => Assert.Contains(t, titles));
        Assert.DoesNotContain(titles, PortalDemo.Unpublished.Contains);

        // An output with a phone photo carrying GPS and a name in its metadata, and a process with a photo.
        var photo = PhoneJpeg();
        var (output, outputPhoto) = await ReportedTaskAsync("Kiểm thử: 2 cầu treo dân sinh " + Guid.NewGuid().ToString("N")[..6], "output", photo);
        var (process, processPhoto) = await ReportedTaskAsync("Kiểm thử: hội nghị triển khai " + Guid.NewGuid().ToString("N")[..6], "process", photo);
        // Reported at the target but not yet verified: not published, its photo as if it did not exist.
        Assert.DoesNotContain(await Products(anonymous), p => p.GetProperty("taskId").GetInt32() == output);
        await (await anonymous.GetAsync($"/api/public/photos/{outputPhoto}")).Expect(HttpStatusCode.NotFound);
        await (await anonymous.GetAsync($"/api/public/photos/{outputPhoto}/thumbnail")).Expect(HttpStatusCode.NotFound);
        // The officials' route needs a login.
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/attachments/{outputPhoto}")).StatusCode);

        using var chair = await app.As("chair.tralinh");
        foreach (var id in new[] { output, process })
            await (await chair.PostAsJsonAsync($"/api/tasks/{id}/verify", new { approve = true, note = "Đã kiểm tra" })).Expect(HttpStatusCode.OK);
        var listed = (await Products(anonymous)).Single(p => p.GetProperty("taskId").GetInt32() == output);
        Assert.Equal(("output", 2m, "X-TRALINH"), (listed.GetProperty("kind").GetString(), listed.GetProperty("delivered").GetDecimal(),
            listed.GetProperty("orgUnitCode").GetString()));
        var json = listed.GetRawText();
        Assert.DoesNotContain("Lương Thị Thu", json); // the official in charge is not named
        Assert.DoesNotContain("officer.tralinh", json);
        Assert.DoesNotContain("cau-treo.jpg", json);  // nor the file
        Assert.DoesNotContain(await Products(anonymous), p => p.GetProperty("taskId").GetInt32() == process); // activity is never a product
        await (await anonymous.GetAsync($"/api/public/photos/{processPhoto}")).Expect(HttpStatusCode.NotFound);

        var thumb = await anonymous.GetAsync($"/api/public/photos/{outputPhoto}/thumbnail");
        Assert.Equal((HttpStatusCode.OK, "image/jpeg"), (thumb.StatusCode, thumb.Content.Headers.ContentType?.MediaType));
        var full = await anonymous.GetAsync($"/api/public/photos/{outputPhoto}");
        Assert.Equal(HttpStatusCode.OK, full.StatusCode);
        var bytes = await full.Content.ReadAsByteArrayAsync();
        Assert.False(Has(bytes, "Nông Văn Ảnh"u8), "the served photo still names the photographer");
        using var served = Image.Load<Rgb24>(bytes);
        Assert.Null(served.Metadata.ExifProfile);
        Assert.Equal((1600, 1000), (served.Width, served.Height)); // 2,400 × 1,500 scaled to fit 1,600
        // The same copy again, made once.
        Assert.Equal(bytes, await anonymous.GetByteArrayAsync($"/api/public/photos/{outputPhoto}"));
    }

    private static async Task<List<JsonElement>> Products(HttpClient c) =>
        [.. (await (await c.GetAsync("/api/public/products?pageSize=500")).Expect(HttpStatusCode.OK)).GetProperty("items").EnumerateArray()];

    /// <summary>A JPEG as a phone takes it: large, with the place and the photographer in its EXIF.</summary>
    private static byte[] PhoneJpeg()
    {
        using var image = new Image<Rgb24>(2400, 1500, new Rgb24(90, 140, 70));
        var exif = new ExifProfile();
        exif.SetValue(ExifTag.Artist, "Nông Văn Ảnh");
        exif.SetValue(ExifTag.GPSLatitudeRef, "N");
        exif.SetValue(ExifTag.GPSLatitude, [new Rational(22, 1), new Rational(40, 1), new Rational(1234, 100)]);
        image.Metadata.ExifProfile = exif;
        using var ms = new MemoryStream();
        image.SaveAsJpeg(ms);
        var bytes = ms.ToArray();
        Assert.True(Has(bytes, "Nông Văn Ảnh"u8)); // the test photo does carry it
        return bytes;
    }

    private static bool Has(byte[] hay, ReadOnlySpan<byte> needle) => hay.AsSpan().IndexOf(needle) >= 0;

    /// <summary>A task of Tra Linh's chair to its officer, reported at its target with one photo; returns (task id, attachment id).</summary>
    private async Task<(int Task, int Attachment)> ReportedTaskAsync(string title, string kind, byte[] photo)
    {
        using var chair = await app.As("chair.tralinh");
        var due = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).AddDays(30).ToString("yyyy-MM-dd");
        var task = await (await chair.PostAsJsonAsync("/api/tasks", new
        {
            title, product = new { description = "Cầu treo cho hai thôn", unit = "cầu", targetQuantity = 2, kind }, ownerUserName = "officer.tralinh", dueDate = due,
        })).Expect(HttpStatusCode.Created);
        var id = task.GetProperty("id").GetInt32();
        using var owner = await app.As("officer.tralinh");
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(photo);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(file, "file", "cau-treo.jpg");
        var up = await (await owner.PostAsync($"/api/tasks/{id}/attachments", form)).Expect(HttpStatusCode.Created);
        var attachment = up.GetProperty("attachmentId").GetInt32();
        var req = new HttpRequestMessage(HttpMethod.Post, $"/api/tasks/{id}/progress")
        {
            Content = JsonContent.Create(new { cumulativeQuantity = 2, note = "Đã bàn giao", attachmentIds = new[] { attachment } }),
        };
        req.Headers.TryAddWithoutValidation("If-Match", task.GetProperty("version").ToString());
        await (await owner.SendAsync(req)).Expect(HttpStatusCode.OK);
        return (id, attachment);
    }

    [Fact]
    public async Task Key_indicators_use_approved_values_only()
    {
        using var anonymous = app.Anonymous();
        var before = await (await anonymous.GetAsync("/api/public/indicators")).Expect(HttpStatusCode.OK);
        Assert.Equal(("CB", "2025-08"), (before.GetProperty("orgUnitCode").GetString(), before.GetProperty("period").GetString()));
        var retail = Item(before, "RETAIL_SALES");
        // Approved: 8,900 for January to August 2025, against 13,500 for the year (65.93 %).
        Assert.Equal((8900m, 13500m), (retail.GetProperty("ytd").GetDecimal(), retail.GetProperty("target").GetDecimal()));

        // A statistician enters September: a draft, so the portal does not move.
        using var stats = await app.As("stats");
        var put = await (await stats.PutAsJsonAsync("/api/data-values", new[] { new { indicatorCode = "RETAIL_SALES", orgUnitCode = "CB", period = "2025-09", value = 1234.5m } }))
            .Expect(HttpStatusCode.OK);
        Assert.Equal(1, put.GetProperty("accepted").GetInt32());
        var officials = await (await stats.GetAsync("/api/analytics?indicator=RETAIL_SALES&orgUnit=CB&period=2025-09")).Expect(HttpStatusCode.OK);
        Assert.Equal(1234.5m, officials.GetProperty("value").GetDecimal()); // the officials see the draft figure
        Assert.Equal("2025-08", (await (await anonymous.GetAsync("/api/public/indicators")).Expect(HttpStatusCode.OK)).GetProperty("period").GetString());
        var september = Item(await (await anonymous.GetAsync("/api/public/indicators?period=2025-09")).Expect(HttpStatusCode.OK), "RETAIL_SALES");
        Assert.Equal(JsonValueKind.Null, september.GetProperty("value").ValueKind);
        Assert.Equal(8900m, september.GetProperty("ytd").GetDecimal());
        Assert.DoesNotContain("1.234,5", await anonymous.GetStringAsync("/portal/indicators?period=2025-09"));

        await (await stats.PostAsJsonAsync("/api/data-values/approve", new { orgUnitCode = "CB", period = "2025-09", indicatorCodes = new[] { "RETAIL_SALES" } }))
            .Expect(HttpStatusCode.OK);
        var after = await (await anonymous.GetAsync("/api/public/indicators")).Expect(HttpStatusCode.OK);
        Assert.Equal("2025-09", after.GetProperty("period").GetString());
        // 8,900 + 1,234.5 = 10,134.5
        Assert.Equal((1234.5m, 10134.5m), (Item(after, "RETAIL_SALES").GetProperty("value").GetDecimal(), Item(after, "RETAIL_SALES").GetProperty("ytd").GetDecimal()));
        Assert.Contains("10.134,5", await anonymous.GetStringAsync("/portal/indicators"));
        await (await anonymous.GetAsync("/api/public/indicators?period=someday")).Expect(HttpStatusCode.BadRequest);
    }

    private static JsonElement Item(JsonElement indicators, string code) =>
        indicators.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("code").GetString() == code).GetProperty("figures");

    [Fact]
    public async Task Units_show_the_mean_only_from_thirty_ratings_and_the_portal_rates_by_its_cookie()
    {
        using var anonymous = app.Anonymous();
        var units = await (await anonymous.GetAsync("/api/public/units")).Expect(HttpStatusCode.OK);
        Assert.Equal(30, units.GetProperty("minimumRatings").GetInt32());
        JsonElement Unit(JsonElement all, string code) => all.GetProperty("items").EnumerateArray().Single(u => u.GetProperty("code").GetString() == code);
        // Tra Linh: 46 ratings, 191 stars: 191 ÷ 46 = 4.152… → 4.15. Hoa An: 17, below 30: no mean.
        var tralinh = Unit(units, "X-TRALINH");
        Assert.Equal((46, true, 4.15), (tralinh.GetProperty("ratings").GetInt32(), tralinh.GetProperty("published").GetBoolean(), tralinh.GetProperty("mean").GetDouble()));
        var hoaan = Unit(units, "X-HOAAN");
        Assert.Equal((17, false, JsonValueKind.Null), (hoaan.GetProperty("ratings").GetInt32(), hoaan.GetProperty("published").GetBoolean(), hoaan.GetProperty("mean").ValueKind));
        var codes = units.GetProperty("items").EnumerateArray().Select(u => u.GetProperty("code").GetString()).ToList();
        Assert.DoesNotContain("LS", codes);             // partner provinces are not rated here
        Assert.DoesNotContain("OLD-X-LUUNGOC", codes);  // nor dissolved units

        using var visitor = new PageClient(app);
        var page = await visitor.GetStringAsync("/portal/units/X-TRALINH");
        Assert.Contains("4,15", page);
        var rated = await visitor.PostFormAsync("/portal/units/X-HOAAN", "/portal/units/X-HOAAN", new() { ["Stars"] = "5", ["Comment"] = "Tốt" });
        Assert.Equal("/portal/units/X-HOAAN?rated=1", rated.Headers.Location?.ToString());
        // The same browser again this month: refused, and the page says why.
        var again = await visitor.PostFormAsync("/portal/units/X-HOAAN", "/portal/units/X-HOAAN", new() { ["Stars"] = "1" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("already rated", await again.Content.ReadAsStringAsync());
        var missing = await visitor.PostFormAsync("/portal/units/X-HOAAN", "/portal/units/X-HOAAN", new());
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal(18, Unit(await (await anonymous.GetAsync("/api/public/units")).Expect(HttpStatusCode.OK), "X-HOAAN").GetProperty("ratings").GetInt32());
    }

    [Fact]
    public async Task An_administrator_hides_an_abusive_rating_with_a_reason_from_the_moderation_page()
    {
        using var c = app.Anonymous();
        var req = new HttpRequestMessage(HttpMethod.Post, "/api/ratings") { Content = JsonContent.Create(new { orgUnitCode = "SO-YT", stars = 1, comment = "Quảng cáo vay tiền nhanh" }) };
        req.Headers.Add("X-Client-Id", "spam-" + Guid.NewGuid().ToString("N"));
        var id = (await (await c.SendAsync(req)).Expect(HttpStatusCode.Created)).GetProperty("id").GetInt32();
        using var admin = await PageClient.LogInAsync(app, "admin", AppFixture.AdminPassword);
        var list = await admin.GetStringAsync("/ratings?unit=SO-YT");
        Assert.Contains("Quảng cáo vay tiền nhanh", list);
        var refused = await admin.PostFormAsync("/ratings?unit=SO-YT", $"/ratings?handler=Hide&ratingId={id}", new() { ["Reason"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var hidden = await admin.PostFormAsync("/ratings?unit=SO-YT", $"/ratings?handler=Hide&ratingId={id}", new() { ["Reason"] = "Quảng cáo" });
        Assert.Equal(HttpStatusCode.Redirect, hidden.StatusCode);
        Assert.DoesNotContain("Quảng cáo vay tiền nhanh", await admin.GetStringAsync("/ratings?unit=SO-YT"));
        Assert.Contains("Quảng cáo vay tiền nhanh", await admin.GetStringAsync("/ratings?unit=SO-YT&hidden=true"));
        using var officer = await PageClient.LogInAsync(app, "officer.tralinh");
        Assert.DoesNotContain("Quảng cáo vay tiền nhanh", await officer.GetStringAsync("/ratings"));
    }

    [Fact]
    public async Task The_audit_chain_head_is_on_the_portal()
    {
        using var c = app.Anonymous();
        var head = await (await c.GetAsync("/api/audit/head")).Expect(HttpStatusCode.OK);
        var portal = await c.GetStringAsync("/portal");
        Assert.Contains(head.GetProperty("lastHash").GetString()!, portal);
        Assert.Contains(head.GetProperty("entries").GetInt64().ToString("N0", new System.Globalization.CultureInfo("vi-VN")), portal);
    }
}

public sealed class PortalTestsOnSqlite(SqliteApp app) : PortalTests(app), IClassFixture<SqliteApp>;

public sealed class PortalTestsOnPostgres(PostgresApp app) : PortalTests(app), IClassFixture<PostgresApp>;
