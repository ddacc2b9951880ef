using Microsoft.Playwright;
using ThreeClears.Web.Features.Demo;
using ThreeClears.Web.Tests.Support;
using static ThreeClears.E2E.PageChecks;

namespace ThreeClears.E2E;

/// <summary>
/// A commune statistician enters two months on a phone (one refused next to its cell while the
/// other is kept), submits, and the province statistician approves: the cells lock.
/// </summary>
public sealed class DataEntryPagesTests(SqliteApp app, Browser browser) : IClassFixture<SqliteApp>, IClassFixture<Browser>
{
    private const string Grid = "/data?unit=X-TRALINH&indicator=RETAIL_SALES&year=2026";

    [Fact]
    public async Task Commune_enters_and_submits_a_month_and_province_approves_it_on_phones()
    {
        var officer = await browser.PhoneAsync(app.BaseAddress);
        await LogInAsync(officer, "officer.tralinh", DemoData.Password);
        await PageChecks.OpenMenuAsync(officer);
        await officer.GetByRole(AriaRole.Link, new() { Name = "Số liệu", Exact = true }).ClickAsync();
        await officer.WaitForURLAsync("**/data");
        await Checks(officer, "Nhập số liệu", "default");

        await officer.GotoAsync(Grid);
        await Checks(officer, "Nhập số liệu", "empty");
        var jan = officer.GetByLabel("Tháng 1", new() { Exact = true });
        var feb = officer.GetByLabel("Tháng 2", new() { Exact = true });
        var mar = officer.GetByLabel("Tháng 3", new() { Exact = true });
        Assert.Equal("decimal", await jan.GetAttributeAsync("inputmode"));
        await jan.FillAsync("1.234,5");
        await feb.FillAsync("-5");
        await mar.FillAsync("12x");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Lưu", Exact = true }).ClickAsync();
        await officer.Locator("[role=alert]").WaitForAsync();
        var febRow = officer.Locator("tr", new() { Has = feb });
        var marRow = officer.Locator("tr", new() { Has = mar });
        Assert.Contains("0", await febRow.Locator(".field-error").InnerTextAsync());
        Assert.Contains("not a number", await marRow.Locator(".field-error").InnerTextAsync());
        Assert.Equal("-5", await feb.InputValueAsync());
        Assert.Equal("12x", await mar.InputValueAsync());
        Assert.Equal("1.234,5", await jan.InputValueAsync());
        Assert.Contains("Nháp", await officer.Locator("tr", new() { Has = jan }).InnerTextAsync());
        Assert.Equal(0, await febRow.Locator(".badge").CountAsync());
        await Checks(officer, "Nhập số liệu", "refused");

        // Corrected (the Vietnamese decimal comma), saved, and January submitted.
        await feb.FillAsync("12,5");
        await mar.FillAsync("");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Lưu", Exact = true }).ClickAsync();
        await officer.WaitForURLAsync("**done=saved");
        Assert.Equal("1234.5", await jan.InputValueAsync());
        Assert.Equal("12.5", await feb.InputValueAsync());
        await officer.GetByLabel("Tháng", new() { Exact = true }).SelectOptionAsync("1");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Gửi duyệt" }).ClickAsync();
        await officer.WaitForURLAsync("**done=submitted");
        Assert.Contains("Đã gửi", await officer.Locator("tr", new() { Has = jan }).InnerTextAsync());
        Assert.Contains("Nháp", await officer.Locator("tr", new() { Has = feb }).InnerTextAsync());

        // The province statistician: a reopen without a reason is refused with the service's detail; then approves January.
        var stats = await browser.PhoneAsync(app.BaseAddress);
        await LogInAsync(stats, "stats", DemoData.Password);
        await stats.GotoAsync(Grid);
        await stats.GetByLabel("Tháng", new() { Exact = true }).SelectOptionAsync("1");
        await stats.GetByRole(AriaRole.Button, new() { Name = "Mở lại" }).ClickAsync();
        await stats.Locator("[role=alert]").WaitForAsync();
        Assert.Contains("required", await stats.Locator("#w-reason-err").InnerTextAsync());
        await stats.GetByRole(AriaRole.Button, new() { Name = "Phê duyệt" }).ClickAsync();
        await stats.WaitForURLAsync("**done=approved");
        var janCell = stats.GetByLabel("Tháng 1", new() { Exact = true });
        Assert.Contains("Đã duyệt", await stats.Locator("tr", new() { Has = janCell }).InnerTextAsync());
        Assert.True(await janCell.EvaluateAsync<bool>("e => e.readOnly"));
        Assert.False(await stats.GetByLabel("Tháng 2", new() { Exact = true }).EvaluateAsync<bool>("e => e.readOnly"));
        await Checks(stats, "Nhập số liệu", "approved");

        await officer.ReloadAsync();
        Assert.True(await jan.EvaluateAsync<bool>("e => e.readOnly"));
        Assert.Contains("Đã duyệt", await officer.Locator("tr", new() { Has = jan }).InnerTextAsync());

        // Leaving with an unsaved edit asks first (progressive enhancement).
        string? asked = null;
        officer.Dialog += (_, d) => { asked = d.Type; _ = d.AcceptAsync(); };
        await officer.GetByLabel("Tháng 2", new() { Exact = true }).FillAsync("13");
        await PageChecks.OpenMenuAsync(officer);
        await officer.GetByRole(AriaRole.Link, new() { Name = "Số liệu", Exact = true }).ClickAsync();
        await officer.WaitForURLAsync("**/data");
        Assert.Equal("beforeunload", asked);

        // The value's history: entered, submitted, approved, by whom.
        await stats.Locator("tr", new() { Has = janCell }).GetByRole(AriaRole.Link).ClickAsync();
        await stats.WaitForURLAsync("**/data/history?**");
        await Checks(stats, "Lịch sử số liệu");
        var history = await stats.Locator(".timeline").InnerTextAsync();
        Assert.Contains("officer.tralinh", history);
        Assert.Contains("stats", history);
        Assert.Contains("phê duyệt", history);
        Assert.Contains("1234.5", history);
    }
}
