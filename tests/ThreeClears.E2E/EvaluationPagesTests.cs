using Microsoft.Playwright;
using ThreeClears.Web.Features.Demo;
using ThreeClears.Web.Tests.Support;
using static ThreeClears.E2E.PageChecks;

namespace ThreeClears.E2E;

/// <summary>
/// The province leader ranks the units of the demo by results score on a phone, opens a commune's and
/// its chair's score cards down to the evidence, and downloads a report from the reports page.
/// </summary>
public sealed class EvaluationPagesTests(SqliteApp app, Browser browser) : IClassFixture<SqliteApp>, IClassFixture<Browser>
{
    [Fact]
    public async Task Leader_ranks_the_units_and_opens_a_score_card_on_a_phone()
    {
        var page = await browser.PhoneAsync(app.BaseAddress);
        await LogInAsync(page, "leader", DemoData.Password);
        await PageChecks.OpenMenuAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Điểm kết quả", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/evaluations");
        await page.Locator("#period").FillAsync("2025");
        await page.Locator("#unitKind").SelectOptionAsync("commune");
        await page.GetByRole(AriaRole.Button, new() { Name = "Xem", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/evaluations?period=2025*");
        await Checks(page, "Điểm kết quả", "ranking");
        // Never called the official rating.
        Assert.Contains("không phải kết quả xếp loại chính thức", await page.Locator("main").InnerTextAsync());
        var first = page.Locator("table.ranking tbody tr").First;
        Assert.Equal("1", (await first.Locator("td.rank").InnerTextAsync()).Trim());
        Assert.Contains("Xã Quảng Uyên", await first.Locator("th").InnerTextAsync());
        Assert.Contains("Giao nộp sản phẩm", await first.Locator("ul.comps").InnerTextAsync());
        Assert.Contains("Xuất sắc", await first.Locator(".badge").InnerTextAsync());
        // Ranks never go up as the scores go down.
        var ranks = (await page.Locator("table.ranking td.rank").AllInnerTextsAsync()).Select(int.Parse).ToList();
        Assert.Equal(ranks.Order(), ranks);

        await first.GetByRole(AriaRole.Link).ClickAsync();
        await page.WaitForURLAsync("**/evaluations/unit/X-QUANGUYEN?period=2025");
        await Checks(page, "Điểm kết quả: Xã Quảng Uyên", "card");
        Assert.Matches(@"^\d{1,3},\d$", (await page.Locator("#score").InnerTextAsync()).Trim());
        Assert.Equal(1, await page.Locator("svg.trend").CountAsync());
        Assert.Equal(4, await page.Locator("table.compare tbody tr").CountAsync());
        Assert.Contains("2022", await page.Locator("table.compare").InnerTextAsync());
        Assert.True(await page.Locator("#delivery + p + ul.evidence li").CountAsync() >= 12);
        Assert.Contains("Hoạt động – không tính", await page.Locator("main").InnerTextAsync());
        Assert.True(await page.Locator("#responsiveness + p + ul.evidence li").CountAsync() >= 1);

        // The chair's own card: Citizens from the commune he heads.
        await page.GotoAsync("/evaluations/official/chair.quanguyen?period=2025Q4");
        await Checks(page, "Điểm kết quả: Nông Văn Khánh", "official");
        Assert.Contains("X-QUANGUYEN", await page.Locator("#citizens + p").InnerTextAsync());
        Assert.Equal(["2025Q1", "2025Q2", "2025Q3", "2025Q4"], (await page.Locator("table.compare tbody th").AllInnerTextsAsync()).ToArray());
    }

    [Fact]
    public async Task A_report_downloads_from_the_reports_page()
    {
        var page = await browser.PhoneAsync(app.BaseAddress);
        await LogInAsync(page, "leader", DemoData.Password);
        await PageChecks.OpenMenuAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Báo cáo", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/reports");
        await Checks(page, "Báo cáo", "reports");
        await page.Locator("#se-unit").FillAsync("CB");
        await page.Locator("#se-period").FillAsync("2025-08");
        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.Locator("#se-h + p + form").GetByRole(AriaRole.Button, new() { Name = "Tải XLSX" }).ClickAsync());
        Assert.Equal("bao-cao-kinh-te-xa-hoi-CB-2025-08.xlsx", download.SuggestedFilename);
        var file = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".xlsx");
        await download.SaveAsAsync(file);
        try { Assert.True(new FileInfo(file).Length > 2_000); }
        finally { File.Delete(file); }
        await page.Locator("#se-h + p + form .status.ok").WaitForAsync();

        // A refused report shows the server's reason in place.
        await page.Locator("#tk-period").FillAsync("2025Q5");
        await page.Locator("#tk-h + p + form").GetByRole(AriaRole.Button, new() { Name = "Tải PDF" }).ClickAsync();
        await page.Locator("#tk-h + p + form .status.error").WaitForAsync();
        Assert.Contains("period", await page.Locator("#tk-h + p + form .status").InnerTextAsync());
        await Checks(page, "Báo cáo", "refused");
    }
}
