using Microsoft.Playwright;
using ThreeClears.Web.Features.Demo;
using ThreeClears.Web.Tests.Support;
using static ThreeClears.E2E.PageChecks;

namespace ThreeClears.E2E;

/// <summary>
/// The indicator catalogue kept by the administrator, the discrepancies page and the dashboard's trend
/// charts, on a phone.
/// </summary>
public sealed class IndicatorPagesTests(SqliteApp app, Browser browser) : IClassFixture<SqliteApp>, IClassFixture<Browser>
{
    [Fact]
    public async Task Administrator_adds_a_derived_indicator_with_errors_answered_next_to_the_fields()
    {
        var page = await browser.PhoneAsync(app.BaseAddress);
        await LogInAsync(page, "admin", AppFixture.AdminPassword);
        await page.GotoAsync("/indicators");
        await Checks(page, "Danh mục chỉ tiêu thống kê");
        Assert.Contains("POOR_HOUSEHOLDS ÷ HOUSEHOLDS × 100", await page.Locator("#ind-POVERTY_RATE").InnerTextAsync());
        await page.GetByRole(AriaRole.Link, new() { Name = "Thêm chỉ tiêu thống kê" }).ClickAsync();
        await page.WaitForURLAsync("**/indicators/new");
        await Checks(page, "Thêm chỉ tiêu thống kê");

        // Bounds the wrong way round, a numerator without its denominator, no English name: each answered in place.
        await page.GetByLabel("Mã").FillAsync("HH_WATER_RATE");
        await page.GetByLabel("Tên tiếng Việt").FillAsync("Tỷ lệ hộ dùng nước sạch");
        await page.GetByLabel("Đơn vị tính").FillAsync("%");
        await page.GetByLabel("Kỳ báo cáo").SelectOptionAsync("year");
        await page.GetByLabel("Cộng theo thời gian").SelectOptionAsync("rate");
        await page.GetByLabel("Tổng hợp theo đơn vị").SelectOptionAsync("none");
        await page.GetByLabel("Giá trị nhỏ nhất cho phép").FillAsync("100");
        await page.GetByLabel("Giá trị lớn nhất cho phép").FillAsync("0");
        await page.GetByLabel("Tử số").SelectOptionAsync("POOR_HOUSEHOLDS");
        await page.GetByLabel("Hệ số").FillAsync("100");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
        await page.Locator("[role=alert]").WaitForAsync();
        Assert.Contains("is required", await page.Locator("#nameEn-err").InnerTextAsync());
        Assert.Contains("greater than max", await page.Locator("#min-err").InnerTextAsync());
        Assert.Contains("required for a derived indicator", await page.Locator("#denominatorCode-err").InnerTextAsync());
        Assert.Equal("true", await page.Locator("#min").GetAttributeAsync("aria-invalid"));
        Assert.Equal("Tỷ lệ hộ dùng nước sạch", await page.GetByLabel("Tên tiếng Việt").InputValueAsync());
        await Checks(page, "Thêm chỉ tiêu thống kê", "refused");

        // A number that cannot be read is answered too; then everything put right saves.
        await page.GetByLabel("Tên tiếng Anh").FillAsync("Households with clean water");
        await page.GetByLabel("Giá trị nhỏ nhất cho phép").FillAsync("0");
        await page.GetByLabel("Giá trị lớn nhất cho phép").FillAsync("một trăm");
        await page.GetByLabel("Mẫu số").SelectOptionAsync("HOUSEHOLDS");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
        await page.Locator("#max-err").Filter(new() { HasText = "not a number" }).WaitForAsync();
        await page.GetByLabel("Giá trị lớn nhất cho phép").FillAsync("100");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
        await page.WaitForURLAsync("**/indicators/HH_WATER_RATE?done=created");
        Assert.Contains("Đã thêm chỉ tiêu vào danh mục.", await page.Locator("[role=status]").InnerTextAsync());
        Assert.Contains("POOR_HOUSEHOLDS ÷ HOUSEHOLDS × 100", await page.Locator("dl.facts").InnerTextAsync());

        // Editing: the form carries its version; the change is saved.
        await page.GetByLabel("Tên tiếng Việt").FillAsync("Tỷ lệ hộ được dùng nước sạch");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
        await page.WaitForURLAsync("**/indicators/HH_WATER_RATE?done=saved");
        Assert.Contains("Tỷ lệ hộ được dùng nước sạch", await page.Locator("h1").InnerTextAsync());
        await Checks(page, "Tỷ lệ hộ được dùng nước sạch", "saved");
    }

    [Fact]
    public async Task A_leader_reads_the_catalogue_but_has_no_form()
    {
        var page = await browser.PhoneAsync(app.BaseAddress);
        await LogInAsync(page, "leader", DemoData.Password);
        await page.GotoAsync("/indicators");
        await Checks(page, "Danh mục chỉ tiêu thống kê");
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "Thêm chỉ tiêu thống kê" }).CountAsync());
        await page.GotoAsync("/indicators/RETAIL_SALES");
        await Checks(page, "Tổng mức bán lẻ");
        Assert.Equal(0, await page.Locator("form.indicator-form").CountAsync());
    }

    [Fact]
    public async Task The_statistician_sees_the_province_total_against_its_communes_and_follows_the_history()
    {
        var page = await browser.PhoneAsync(app.BaseAddress);
        await LogInAsync(page, "stats", DemoData.Password);
        await page.GotoAsync("/data");
        await page.GetByRole(AriaRole.Link, new() { Name = "Số liệu chênh lệch" }).ClickAsync();
        await page.WaitForURLAsync("**/data/discrepancies**");
        await page.GotoAsync("/data/discrepancies?unit=CB&period=2025-08");
        await Checks(page, "Số liệu chênh lệch");
        var item = await page.Locator("ul.discrepancies li").First.InnerTextAsync();
        Assert.Contains("Lượt khách du lịch", item);
        Assert.Contains("266.933", item);   // the province's own August
        Assert.Contains("71.632", item);    // the demo's communes
        await page.GetByRole(AriaRole.Link, new() { Name = "Lịch sử số liệu đã nhập" }).First.ClickAsync();
        await page.WaitForURLAsync("**/data/history**");
        await Checks(page, "Lịch sử số liệu");
    }

    [Fact]
    public async Task The_dashboard_draws_this_year_against_last_year_and_the_target()
    {
        var page = await browser.PhoneAsync(app.BaseAddress);
        await LogInAsync(page, "leader", DemoData.Password);
        await page.GotoAsync("/dashboard?unit=CB&period=2025-08");
        var bytes = await Checks(page, "Tổng quan");
        Assert.True(bytes < PageBudget);
        var chart = page.Locator("#card-TOURIST_ARRIVALS svg.trend");
        Assert.Equal(1, await chart.CountAsync());
        Assert.Contains("Lũy kế năm 2025", await chart.GetAttributeAsync("aria-label"));
        Assert.Equal(1, await chart.Locator("polyline.now").CountAsync());
        Assert.Equal(1, await chart.Locator("polyline.before").CountAsync());
        Assert.Equal(1, await chart.Locator("line.goal").CountAsync());
        // Eight points this year (January to August), twelve last year.
        Assert.Equal(8, (await chart.Locator("polyline.now").GetAttributeAsync("points"))!.Split(' ').Length);
        Assert.Equal(12, (await chart.Locator("polyline.before").GetAttributeAsync("points"))!.Split(' ').Length);
        // The province's own total differs from its communes' (the demo has only some of them): said, with a link.
        Assert.Contains("Chênh lệch với số tổng hợp từ cấp dưới: +195.301", await page.Locator("#card-TOURIST_ARRIVALS").InnerTextAsync());
        var box = await chart.BoundingBoxAsync();
        Assert.True(box!.Width <= 360, $"the chart is {box.Width} px wide");
    }
}
