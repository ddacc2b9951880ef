using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using ThreeClears.Web.Tests.Support;
using static ThreeClears.E2E.PageChecks;

namespace ThreeClears.E2E;

/// <summary>
/// A citizen sends an opinion from a phone without an account; the commune's chair answers and
/// publishes it from his phone; the citizen sees the answer on the portal.
/// </summary>
public sealed class ConsultationPagesTests(SqliteApp app, Browser browser) : IClassFixture<SqliteApp>, IClassFixture<Browser>
{
    [Fact]
    public async Task A_citizen_comments_on_a_phone_the_chair_answers_and_the_citizen_sees_the_answer()
    {
        const string title = "Dự thảo Kế hoạch làm đường giao thông nông thôn xã Trà Lĩnh năm 2027";
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        using (var chairApi = await app.As("chair.tralinh"))
        {
            var res = await chairApi.PostAsJsonAsync("/api/drafts", new
            {
                title, orgUnitCode = "X-TRALINH", openFrom = today.AddDays(-1).ToString("yyyy-MM-dd"), openTo = today.AddDays(14).ToString("yyyy-MM-dd"),
                description = "Danh mục các tuyến đường thôn được bê tông hóa trong năm 2027.",
                sections = new[] { new { key = "1", title = "Danh mục tuyến đường" }, new { key = "2", title = "Nguồn vốn và đóng góp của Nhân dân" } },
            });
            res.EnsureSuccessStatusCode();
        }

        // The citizen lands on the portal and finds the draft.
        var citizen = await browser.PhoneAsync(app.BaseAddress);
        await citizen.GotoAsync("/");
        await citizen.WaitForURLAsync("**/portal");
        await Checks(citizen, "Cổng thông tin công khai", "citizen");
        await citizen.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await citizen.WaitForURLAsync("**/portal/drafts/*");
        await Checks(citizen, title, "citizen");
        await citizen.GetByLabel("Bạn góp ý với tư cách").SelectOptionAsync("citizens");
        await citizen.GetByLabel("Về nội dung").SelectOptionAsync("1");
        await citizen.GetByLabel("Ý kiến của bạn", new() { Exact = true }).FillAsync("Đề nghị ưu tiên tuyến đường từ thôn Bản Khau ra trường tiểu học, học sinh đi lại rất khó khăn mùa mưa.");
        // A contact that is neither an address nor a phone is refused in place; what was typed stays.
        await citizen.GetByLabel("Thư điện tử hoặc số điện thoại để nhận thông báo khi có trả lời (không bắt buộc)").FillAsync("gọi cho tôi");
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Gửi ý kiến" }).ClickAsync();
        await citizen.WaitForSelectorAsync("[role=alert]");
        Assert.Contains("e-mail address or a Vietnamese phone number", await citizen.Locator("#o-contact-err").InnerTextAsync());
        Assert.StartsWith("Đề nghị ưu tiên tuyến đường", await citizen.GetByLabel("Ý kiến của bạn", new() { Exact = true }).InputValueAsync());
        await citizen.GetByLabel("Thư điện tử hoặc số điện thoại để nhận thông báo khi có trả lời (không bắt buộc)").FillAsync("0912 345 678");
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Gửi ý kiến" }).ClickAsync();
        await citizen.WaitForURLAsync("**/portal/opinions/*?sent=1");
        await Checks(citizen, "Ý kiến số", "sent");
        var receipt = new Uri(citizen.Url).AbsolutePath;
        Assert.Contains("Cảm ơn bạn", await citizen.Locator("main").InnerTextAsync());
        Assert.Contains("đang chờ trả lời", await citizen.Locator("main").InnerTextAsync());

        // The chair of the commune finds it waiting, answers and publishes.
        var chair = await browser.PhoneAsync(app.BaseAddress);
        await LogInAsync(chair, "chair.tralinh", "demo");
        await OpenMenuAsync(chair);
        await chair.GetByRole(AriaRole.Link, new() { Name = "Lấy ý kiến", Exact = true }).ClickAsync();
        await chair.WaitForURLAsync("**/drafts");
        await Checks(chair, "Lấy ý kiến dự thảo", "chair");
        await chair.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await chair.WaitForURLAsync("**/drafts/*");
        await Checks(chair, title, "chair");
        var waiting = chair.Locator(".opinion", new() { HasText = "Bản Khau ra trường tiểu học" });
        Assert.Contains("Chờ trả lời", await waiting.InnerTextAsync());
        Assert.Contains("có để lại liên hệ", await waiting.InnerTextAsync());
        Assert.DoesNotContain("0912", await chair.Locator("main").InnerTextAsync()); // the contact is shown to no one
        await waiting.GetByRole(AriaRole.Link, new() { Name = "Trả lời ý kiến này" }).ClickAsync();
        await chair.WaitForURLAsync("**/drafts/*/opinions/*");
        await Checks(chair, "Ý kiến số", "answer");
        await chair.GetByLabel("Tiếp thu", new() { Exact = true }).CheckAsync();
        await chair.GetByLabel("Nội dung trả lời").FillAsync("Tiếp thu: tuyến Bản Khau – trường tiểu học được đưa lên đầu danh mục năm 2027.");
        await chair.GetByLabel("Công bố ngay (nếu không, lưu dưới dạng bản nháp)").CheckAsync();
        await chair.GetByRole(AriaRole.Button, new() { Name = "Lưu câu trả lời" }).ClickAsync();
        await chair.WaitForURLAsync("**/drafts/*?done=published*");
        Assert.Contains("Đã công bố câu trả lời.", await chair.Locator("[role=status]").InnerTextAsync());
        await Checks(chair, title, "published");

        // The citizen sees the answer where the receipt said it would be.
        await citizen.GotoAsync(receipt);
        var text = await citizen.Locator("main").InnerTextAsync();
        Assert.Contains("Đề nghị ưu tiên tuyến đường từ thôn Bản Khau", text);
        Assert.Contains("Tiếp thu: tuyến Bản Khau – trường tiểu học được đưa lên đầu danh mục năm 2027.", text);
        await Checks(citizen, "Ý kiến số", "answered");
        await citizen.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await citizen.WaitForURLAsync("**/portal/drafts/*");
        Assert.Contains("Tiếp thu: tuyến Bản Khau", await citizen.Locator("section[aria-labelledby=answers]").InnerTextAsync());
        await citizen.GotoAsync("/portal/mine");
        await Checks(citizen, "Ý kiến của tôi", "citizen");
        Assert.Contains("Tiếp thu: tuyến Bản Khau", await citizen.Locator("main").InnerTextAsync());
    }

    [Fact]
    public async Task A_citizen_reads_the_portal_and_rates_a_unit_on_a_phone()
    {
        var page = await browser.PhoneAsync(app.BaseAddress);
        await page.GotoAsync("/portal");
        await page.GetByRole(AriaRole.Link, new() { Name = "Sản phẩm", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/portal/products");
        await Checks(page, "Sản phẩm đã hoàn thành");
        // The newest products come first; the provincial office's expressway carries photos.
        await page.GotoAsync("/portal/products?unit=VP-UBND");
        var thumb = page.Locator(".photos img").First;
        await thumb.ScrollIntoViewIfNeededAsync();
        await page.WaitForFunctionAsync("() => { const i = document.querySelector('.photos img'); return i && i.complete && i.naturalWidth > 0; }");
        await page.GetByRole(AriaRole.Link, new() { Name = "Chỉ tiêu", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/portal/indicators");
        await Checks(page, "Chỉ tiêu chủ yếu");
        Assert.Contains("8.900", await page.Locator("main").InnerTextAsync());
        await page.GetByRole(AriaRole.Link, new() { Name = "Góp ý dự thảo", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/portal/drafts");
        await Checks(page, "Lấy ý kiến dự thảo");
        await page.GetByRole(AriaRole.Link, new() { Name = "Dự thảo Báo cáo chính trị" }).First.ClickAsync();
        await page.WaitForURLAsync("**/portal/drafts/*");
        await Checks(page, "Dự thảo Báo cáo chính trị", "report");
        Assert.Contains("13.524", await page.Locator(".cards").InnerTextAsync());
        await page.GetByRole(AriaRole.Link, new() { Name = "Đánh giá đơn vị", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/portal/units");
        await Checks(page, "Các đơn vị và đánh giá của người dân");
        await page.GetByRole(AriaRole.Link, new() { Name = "Xã Hòa An" }).ClickAsync();
        await page.WaitForURLAsync("**/portal/units/X-HOAAN");
        await Checks(page, "Xã Hòa An");
        await page.GetByLabel("4 sao: hài lòng").CheckAsync();
        await page.GetByLabel("Nhận xét (không bắt buộc)").FillAsync("Cán bộ xã hướng dẫn thủ tục nhanh.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi đánh giá" }).ClickAsync();
        await page.WaitForURLAsync("**/portal/units/X-HOAAN?rated=1");
        Assert.Contains("đánh giá đã được ghi nhận", await page.Locator("[role=status]").InnerTextAsync());
        // The same phone again this month is told it has already rated.
        await page.GetByLabel("1 sao: rất không hài lòng").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi đánh giá" }).ClickAsync();
        Assert.Contains("already rated", await page.Locator("[role=alert]").InnerTextAsync());
        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await page.WaitForURLAsync("**/portal/units/X-HOAAN*");
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        await Checks(page, "Hoa An Commune");
    }
}
