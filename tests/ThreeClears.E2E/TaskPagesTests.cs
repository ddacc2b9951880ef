using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using ThreeClears.Web.Features.Demo;
using ThreeClears.Web.Tests.Support;
using static ThreeClears.E2E.PageChecks;

namespace ThreeClears.E2E;

/// <summary>
/// A director assigns a task on a phone, the officer in charge reports it done with a photo from a
/// second phone, and the director verifies it: the three clears end to end, through the pages only.
/// </summary>
public sealed class TaskPagesTests(SqliteApp app, Browser browser) : IClassFixture<SqliteApp>, IClassFixture<Browser>, IDisposable
{
    private readonly string _photo = Path.Combine(Path.GetTempPath(), $"nha-{Guid.NewGuid():N}.jpg");

    [Fact]
    public async Task Director_assigns_officer_reports_with_a_photo_and_director_verifies_on_phones()
    {
        // Vietnam's today, as the server's clock reads it.
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await PhoneSizedPhotoAsync(_photo);

        var director = await browser.PhoneAsync(app.BaseAddress);
        await LogInAsync(director, "director.xd", DemoData.Password);
        await director.GetByRole(AriaRole.Link, new() { Name = "Việc", Exact = true }).ClickAsync();
        await director.WaitForURLAsync("**/tasks");
        await Checks(director, "Việc của tôi", "director");
        await director.GetByRole(AriaRole.Link, new() { Name = "Giao việc" }).ClickAsync();
        await director.WaitForURLAsync("**/tasks/new");
        await Checks(director, "Giao việc");

        // A milestone above the target is refused by the server, next to its row; what was typed stays.
        await director.GetByLabel("Tên việc", new() { Exact = true }).FillAsync("Xây 3 nhà cho hộ nghèo xã Trà Lĩnh");
        await director.GetByLabel("Sản phẩm (kết quả cuối cùng phải đạt)").FillAsync("Nhà ở kiên cố bàn giao cho hộ nghèo");
        await director.GetByLabel("Chỉ tiêu (số lượng)").FillAsync("3");
        await director.GetByLabel("Đơn vị tính").FillAsync("căn nhà");
        await director.GetByLabel("Hạn hoàn thành").FillAsync(Iso(today.AddDays(60)));
        await director.GetByLabel("Người chịu trách nhiệm", new() { Exact = true }).SelectOptionAsync("officer.xd");
        await director.GetByText("Các mốc tiến độ (không bắt buộc)").ClickAsync();
        var first = director.GetByRole(AriaRole.Group, new() { Name = "Mốc 1", Exact = true });
        await first.GetByLabel("Tên mốc").FillAsync("Xong móng");
        await first.GetByLabel("Ngày", new() { Exact = true }).FillAsync(Iso(today.AddDays(30)));
        await first.GetByLabel("Khối lượng lũy kế").FillAsync("5");
        await director.GetByRole(AriaRole.Button, new() { Name = "Giao việc" }).ClickAsync();
        await director.WaitForSelectorAsync("[role=alert]");
        Assert.Contains("more than the target", await first.Locator(".field-error").InnerTextAsync());
        Assert.Equal("Xây 3 nhà cho hộ nghèo xã Trà Lĩnh", await director.GetByLabel("Tên việc", new() { Exact = true }).InputValueAsync());
        Assert.Equal("officer.xd", await director.GetByLabel("Người chịu trách nhiệm", new() { Exact = true }).InputValueAsync());
        await Checks(director, "Giao việc", "refused");
        await first.GetByLabel("Khối lượng lũy kế").FillAsync("2");
        await director.GetByRole(AriaRole.Button, new() { Name = "Giao việc" }).ClickAsync();
        await director.WaitForURLAsync(new Regex(@"/tasks/\d+$"));
        var taskUrl = new Uri(director.Url).AbsolutePath;
        await Checks(director, "Xây 3 nhà cho hộ nghèo xã Trà Lĩnh", "assigned");
        Assert.Contains("La Thị Hoa", await director.Locator("main").InnerTextAsync());

        // The officer in charge, on her own phone: her list, the task, a report with a photo.
        var officer = await browser.PhoneAsync(app.BaseAddress);
        await LogInAsync(officer, "officer.xd", DemoData.Password);
        await officer.GotoAsync("/tasks");
        await Checks(officer, "Việc của tôi", "officer");
        await officer.GetByRole(AriaRole.Link, new() { Name = "Xây 3 nhà cho hộ nghèo xã Trà Lĩnh" }).ClickAsync();
        await officer.WaitForURLAsync("**" + taskUrl);
        await Checks(officer, "Xây 3 nhà", "officer");
        Assert.Equal(0, await officer.GetByRole(AriaRole.Heading, new() { Name = "Xác nhận sản phẩm" }).CountAsync());
        Assert.Equal(0, await officer.GetByRole(AriaRole.Button, new() { Name = "Lưu kết quả xác nhận" }).CountAsync());
        Assert.Equal(0, await officer.GetByRole(AriaRole.Heading, new() { Name = "Quản lý việc" }).CountAsync());
        await officer.GetByLabel("Khối lượng đã thực hiện (lũy kế, căn nhà)").FillAsync("3");
        await officer.GetByLabel("Ghi chú", new() { Exact = true }).FillAsync("Đã bàn giao 3 căn nhà.");
        await officer.GetByLabel("Ảnh hoặc tài liệu (minh chứng)").SetInputFilesAsync(_photo);
        await officer.GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo" }).ClickAsync();
        await officer.WaitForURLAsync("**" + taskUrl + "?done=report");
        var thumbnail = officer.Locator(".timeline .files img");
        await thumbnail.ScrollIntoViewIfNeededAsync();
        await officer.WaitForFunctionAsync("() => { const i = document.querySelector('.timeline .files img'); return i && i.complete && i.naturalWidth > 0; }");
        Assert.StartsWith("Ảnh: ", await thumbnail.GetAttributeAsync("alt"));
        var full = await officer.Locator(".timeline .files a").GetAttributeAsync("href");
        var photo = await officer.Context.APIRequest.GetAsync(full!);
        Assert.Equal(200, photo.Status);
        Assert.Equal("image/jpeg", photo.Headers["content-type"]);
        Assert.Contains("Đã bàn giao 3 căn nhà.", await officer.Locator(".timeline").InnerTextAsync());
        await Checks(officer, "Xây 3 nhà", "reported");

        // The director verifies; the task reads completed on time for both.
        await director.ReloadAsync();
        await director.GetByRole(AriaRole.Heading, new() { Name = "Xác nhận sản phẩm" }).WaitForAsync();
        await director.GetByLabel("Chấp nhận: sản phẩm đã hoàn thành").CheckAsync();
        await director.GetByRole(AriaRole.Button, new() { Name = "Lưu kết quả xác nhận" }).ClickAsync();
        await director.WaitForURLAsync("**" + taskUrl + "?done=verify");
        Assert.Equal("Hoàn thành đúng hạn", await director.Locator("main .badge").First.InnerTextAsync());
        await Checks(director, "Xây 3 nhà", "verified");

        // As of yesterday, the history that came later is left out and nothing can be done.
        await director.GotoAsync($"{taskUrl}?asOf={Iso(today.AddDays(-1))}");
        await Checks(director, "Xây 3 nhà", "yesterday");
        Assert.Contains("2 mục sau ngày này không được hiển thị", await director.Locator("main").InnerTextAsync());
        Assert.Equal(0, await director.Locator("main form[method=post]").CountAsync());

        await director.GotoAsync("/tasks?tab=assigned");
        Assert.Contains("Hoàn thành đúng hạn", await director.Locator(".tasks").InnerTextAsync());
        await director.GotoAsync("/tasks/board?unit=SO-XD");
        await Checks(director, "Bảng việc");
        Assert.Contains("Xây 3 nhà", await director.Locator("section", new() { Has = director.Locator("#g-completed") }).InnerTextAsync());

        await officer.ReloadAsync();
        Assert.Equal("Hoàn thành đúng hạn", await officer.Locator("main .badge").First.InnerTextAsync());
        Assert.Equal(0, await officer.GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo" }).CountAsync());
    }

    [Fact]
    public async Task A_long_history_of_photos_stays_under_the_page_budget()
    {
        await PhoneSizedPhotoAsync(_photo);
        using var director = await app.As("director.xd");
        using var officer = await app.As("officer.xd");
        var due = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var created = await director.PostAsJsonAsync("/api/tasks", new
        {
            title = "Sửa 10 căn nhà dột nát", product = new { description = "Nhà được sửa chắc chắn", unit = "căn nhà", targetQuantity = 10, kind = "output" },
            ownerUserName = "officer.xd", dueDate = due,
        });
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var bytes = await File.ReadAllBytesAsync(_photo);
        for (var i = 1; i <= 8; i++)
        {
            using var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/jpeg");
            form.Add(file, "file", $"nha-{i}.jpg");
            var upload = await officer.PostAsync($"/api/tasks/{id}/attachments", form);
            upload.EnsureSuccessStatusCode();
            var attachment = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("attachmentId").GetInt32();
            var version = (await officer.GetAsync($"/api/tasks/{id}")).Headers.ETag!.Tag;
            using var report = new HttpRequestMessage(HttpMethod.Post, $"/api/tasks/{id}/progress")
            {
                Content = JsonContent.Create(new { cumulativeQuantity = i, note = $"Xong căn thứ {i}.", attachmentIds = new[] { attachment } }),
            };
            report.Headers.TryAddWithoutValidation("If-Match", version);
            (await officer.SendAsync(report)).EnsureSuccessStatusCode();
        }

        // Every image the page asks for, lazy or not, once scrolled to the end, within the budget.
        var page = await browser.PhoneAsync(app.BaseAddress);
        await LogInAsync(page, "director.xd", DemoData.Password);
        await page.GotoAsync($"/tasks/{id}");
        await page.EvaluateAsync("window.scrollTo(0, document.body.scrollHeight)");
        await page.WaitForFunctionAsync("() => [...document.images].every(i => i.complete)");
        Assert.Equal(3, await page.Locator(".timeline .files img").CountAsync());
        Assert.Equal(8, await page.Locator(".timeline .files a").CountAsync());
        await Checks(page, "Sửa 10 căn nhà", "history");
    }

    /// <summary>A valid JPEG of a phone photo's weight (noise does not compress): over the server's default 1 MB body limit.</summary>
    private static async Task PhoneSizedPhotoAsync(string path)
    {
        var random = new Random(7);
        using var image = new Image<Rgb24>(1600, 1200);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
                foreach (ref var px in rows.GetRowSpan(y)) px = new Rgb24((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));
        });
        await image.SaveAsJpegAsync(path, new SixLabors.ImageSharp.Formats.Jpeg.JpegEncoder { Quality = 95 });
        Assert.True(new FileInfo(path).Length > 1_000_000);
    }

    public void Dispose()
    {
        if (File.Exists(_photo)) File.Delete(_photo);
    }
}
