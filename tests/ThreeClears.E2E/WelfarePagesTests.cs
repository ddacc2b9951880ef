using System.Text;
using Microsoft.Playwright;
using ThreeClears.Web.Features.Demo;
using ThreeClears.Web.Tests.Support;
using static ThreeClears.E2E.PageChecks;

namespace ThreeClears.E2E;

/// <summary>
/// People's lives on a phone: a commune's welfare officer follows the three questions, opens the
/// households still lacking a solid house and fixes one, imports a file, records a surveyed
/// respondent; the province leader reads coverage, the housing programme and the index.
/// </summary>
public sealed class WelfarePagesTests(SqliteApp app, Browser browser) : IClassFixture<SqliteApp>, IClassFixture<Browser>
{
    [Fact]
    public async Task Welfare_officer_follows_coverage_and_fixes_a_household_on_a_phone()
    {
        var page = await browser.PhoneAsync(app.BaseAddress);
        await LogInAsync(page, "welfare.tralinh", DemoData.Password);
        await PageChecks.OpenMenuAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Đời sống dân cư", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/welfare");
        await Checks(page, "Đời sống dân cư", "commune");
        Assert.Contains("Xã Trà Lĩnh", await page.Locator("h1").InnerTextAsync());
        Assert.Contains("Toàn đơn vị", await page.Locator("table.cov").InnerTextAsync());

        // The housing percent opens the households without a solid or semi-solid house.
        await page.Locator("table.cov tr.total a[href*='missing=housing']").ClickAsync();
        await page.WaitForURLAsync("**missing=housing**");
        await Checks(page, "Hộ gia đình", "missing");
        var first = page.Locator("ul.hh li").First;
        Assert.Contains("Nhà ở:", await first.InnerTextAsync());
        Assert.DoesNotContain("kiên cố", (await first.Locator(".q .badge").First.InnerTextAsync()).Replace("bán kiên cố", ""));
        await first.Locator("a").First.ClickAsync();
        await page.WaitForURLAsync("**/households/TRALINH-*");
        await Checks(page, "Hộ", "edit");
        var code = page.Url.Split('/').Last();

        await page.GetByLabel("Ở đâu?", new() { Exact = true }).SelectOptionAsync("solid");
        // Moving the household to another commune is refused next to the field; what was typed stays.
        await page.GetByLabel("Xã, phường (mã)", new() { Exact = true }).FillAsync("X-HOAAN");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu", Exact = true }).ClickAsync();
        await page.Locator("[role=alert]").WaitForAsync();
        Assert.Contains("X-HOAAN", await page.Locator(".field-error").First.InnerTextAsync());
        Assert.Equal("solid", await page.GetByLabel("Ở đâu?", new() { Exact = true }).InputValueAsync());
        await Checks(page, "Hộ", "refused");
        await page.GetByLabel("Xã, phường (mã)", new() { Exact = true }).FillAsync("X-TRALINH");
        await page.GetByLabel("Số nhân khẩu", new() { Exact = true }).FillAsync("5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**saved=true");
        Assert.Contains("Đã lưu", await page.Locator("[role=status]").InnerTextAsync());
        Assert.Equal("solid", await page.GetByLabel("Ở đâu?", new() { Exact = true }).InputValueAsync());
        Assert.Equal(2, await page.Locator("ol.timeline li").CountAsync());

        // The household left the list of those lacking housing.
        await page.GotoAsync("/households?unit=X-TRALINH&missing=housing&q=" + code);
        Assert.Equal(0, await page.Locator("ul.hh li").CountAsync());
        await Checks(page, "Hộ gia đình", "fixed");
    }

    [Fact]
    public async Task Welfare_officer_imports_a_file_and_sees_the_bad_lines()
    {
        var page = await browser.PhoneAsync(app.BaseAddress);
        await LogInAsync(page, "welfare.hoaan", DemoData.Password);
        await page.GotoAsync("/households/import");
        await Checks(page, "Nhập danh sách hộ");
        var csv = "householdCode,communeCode,village,headName,members,poverty,housing,kitchen,sanitation\n" +
                  "E2E-1,X-HOAAN,Bản Mới,Nông Thị Mới,3,poor,temporary,makeshift,none\n" +
                  "E2E-2,X-HOAAN,Bản Mới,,x,,,,\n";
        await page.GetByLabel("Tệp", new() { Exact = true }).SetInputFilesAsync(new FilePayload
        {
            Name = "ho.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Nhập", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/households/imports/*");
        // The page refreshes itself until the import is done.
        await page.Locator("text=đã xong").WaitForAsync(new() { Timeout = 20_000 });
        await Checks(page, "Nhập danh sách hộ", "done");
        var rejected = await page.Locator("table").InnerTextAsync();
        Assert.Contains("headName", rejected);
        Assert.Contains("members", rejected);
        Assert.Contains("3", rejected);
    }

    [Fact]
    public async Task Surveyor_enters_a_respondent_on_a_phone()
    {
        var page = await browser.PhoneAsync(app.BaseAddress);
        await LogInAsync(page, "welfare.hoaan", DemoData.Password);
        await page.GotoAsync("/happiness/survey?year=2025&respondent=KS25-E2E-001");
        await Checks(page, "Khảo sát hạnh phúc", "empty");
        // Without all sixteen answers the browser does not send the form; answer them all with 4.
        var scales = page.Locator("fieldset.scale");
        Assert.Equal(16, await scales.CountAsync());
        for (var i = 0; i < 16; i++) await scales.Nth(i).GetByLabel("4", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu và sang người tiếp theo" }).ClickAsync();
        await page.WaitForURLAsync("**saved=KS25-E2E-001**");
        Assert.Contains("KS25-E2E-002", await page.Locator("[role=status]").InnerTextAsync());
        Assert.Equal("KS25-E2E-002", await page.GetByLabel("Mã người trả lời").InputValueAsync());
        await Checks(page, "Khảo sát hạnh phúc", "saved");

        // Hòa An had 22 respondents in the demo: now 23, still not published.
        await page.GotoAsync("/happiness?unit=X-HOAAN&year=2025");
        Assert.Contains("23", await page.Locator(".notice").InnerTextAsync());
        await Checks(page, "Chỉ số hạnh phúc", "unpublished");
    }

    [Fact]
    public async Task Leader_reads_the_province_on_a_phone()
    {
        var page = await browser.PhoneAsync(app.BaseAddress);
        await LogInAsync(page, "leader", DemoData.Password);
        await page.GotoAsync("/welfare?unit=CB");
        await Checks(page, "Đời sống dân cư", "province");
        Assert.True(await page.Locator("table.cov tbody tr").CountAsync() > 20);

        await page.GotoAsync("/housing?unit=CB&year=2025");
        await Checks(page, "Chương trình nhà ở", "province");
        var cards = await page.Locator(".cards").InnerTextAsync();
        Assert.Contains("19.067", cards);
        Assert.Contains("955", cards);
        Assert.Equal(1, await page.Locator("svg.hbars").CountAsync());

        await page.GotoAsync("/happiness?unit=CB&year=2025");
        await Checks(page, "Chỉ số hạnh phúc", "province");
        Assert.Matches(@"0,\d{3}", await page.Locator("#index").InnerTextAsync());
        Assert.Contains("chưa công bố", await page.Locator("table").Last.InnerTextAsync());
    }
}
