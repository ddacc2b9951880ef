using Microsoft.Playwright;
using ThreeClears.Web.Features.Demo;
using ThreeClears.Web.Tests.Support;
using static ThreeClears.E2E.PageChecks;

namespace ThreeClears.E2E;

/// <summary>A commune chair reads the strategic plan on a phone and adds a target for the commune.</summary>
public sealed class PlanPagesTests(SqliteApp app, Browser browser) : IClassFixture<SqliteApp>, IClassFixture<Browser>
{
    [Fact]
    public async Task Commune_chair_reads_the_plan_and_adds_a_target_on_a_phone()
    {
        var page = await browser.PhoneAsync(app.BaseAddress);
        await LogInAsync(page, "chair.tralinh", DemoData.Password);
        await PageChecks.OpenMenuAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Kế hoạch", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/plan");
        await Checks(page, "Kế hoạch chiến lược");
        var main = await page.Locator("main").InnerTextAsync();
        Assert.Contains("Liên kết vùng Cao Bằng – Lạng Sơn – Thái Nguyên", main);
        Assert.Contains("HOUSES_REPLACED", main);

        // Another commune is outside the chair's scope: refused, and what was typed stays.
        await page.GetByText("Thêm chỉ tiêu", new() { Exact = true }).First.ClickAsync();
        await page.Locator("#t-indicator").FillAsync("POVERTY_RATE");
        await page.Locator("#t-unit").SelectOptionAsync("X-HOAAN");
        await page.Locator("#t-baseline").FillAsync("30.5");
        await page.Locator("#t-value").FillAsync("27");
        await page.Locator("#t-year").FillAsync("2026");
        await page.Locator("#t-direction").SelectOptionAsync("decrease");
        await page.Locator("#t-goal").SelectOptionAsync("DH5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm chỉ tiêu" }).ClickAsync();
        await page.Locator("[role=alert]").WaitForAsync();
        Assert.Equal("POVERTY_RATE", await page.Locator("#t-indicator").InputValueAsync());
        await Checks(page, "Kế hoạch chiến lược", "refused");

        await page.Locator("#t-unit").SelectOptionAsync("X-TRALINH");
        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm chỉ tiêu" }).ClickAsync();
        await page.WaitForURLAsync("**/plan?done=target");
        Assert.Contains("Đã thêm chỉ tiêu.", await page.Locator("[role=status]").InnerTextAsync());
        var dh5 = await page.Locator("#goal-DH5").InnerTextAsync();
        Assert.Contains("POVERTY_RATE", dh5);
        Assert.Contains("30,5", dh5);
        await Checks(page, "Kế hoạch chiến lược", "added");
    }
}
