using Microsoft.Playwright;
using ThreeClears.Web.Features.Demo;
using ThreeClears.Web.Tests.Support;
using static ThreeClears.E2E.PageChecks;

namespace ThreeClears.E2E;

/// <summary>The province leader sees the province at a glance on a phone (PRODUCT.md §2).</summary>
public sealed class DashboardPagesTests(SqliteApp app, Browser browser) : IClassFixture<SqliteApp>, IClassFixture<Browser>
{
    [Fact]
    public async Task Leader_sees_import_export_against_the_target_on_a_phone()
    {
        var page = await browser.PhoneAsync(app.BaseAddress);
        await LogInAsync(page, "leader", DemoData.Password);
        await page.GetByRole(AriaRole.Link, new() { Name = "Tổng quan", Exact = true }).WaitForAsync();
        await page.GotoAsync("/dashboard?unit=CB&period=2025-08");
        await Checks(page, "Tổng quan");
        var card = await page.Locator("#card-IMPORT_EXPORT").InnerTextAsync();
        // 995 of 1,600 (USD million) after eight months: 62.19 % achieved, not on track.
        Assert.Contains("62", card);
        Assert.Contains("995", card);
        Assert.Contains("1.600", card);
        Assert.Contains("Có nguy cơ không đạt", card);
        Assert.Equal(1, await page.Locator("#card-IMPORT_EXPORT svg:not(.trend)").CountAsync()); // actual against target
        Assert.Equal(1, await page.Locator("#card-IMPORT_EXPORT svg.trend").CountAsync());       // the months of 2025
        Assert.Contains("Kiến nghị đang chờ", await page.Locator("a[href='/inbox'].button").InnerTextAsync());
    }
}
