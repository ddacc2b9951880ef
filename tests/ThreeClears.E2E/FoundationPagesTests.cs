using Microsoft.Playwright;
using ThreeClears.Web.Tests.Support;
using static ThreeClears.E2E.PageChecks;

namespace ThreeClears.E2E;

/// <summary>An administrator logs in on a phone and walks the foundation's pages.</summary>
public sealed class FoundationPagesTests(SqliteApp app, Browser browser) : IClassFixture<SqliteApp>, IClassFixture<Browser>
{
    [Fact]
    public async Task Admin_logs_in_and_walks_home_tree_unit_users_and_calendar_on_a_phone()
    {
        var page = await browser.PhoneAsync(app.BaseAddress);
        // An anonymous visitor lands on the public portal; officials log in from there.
        await page.GotoAsync("/");
        Assert.EndsWith("/portal", page.Url);
        Assert.Equal("vi", await page.GetAttributeAsync("html", "lang"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Đăng nhập", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/login");
        await page.GetByLabel("Tên đăng nhập", new() { Exact = true }).FillAsync("admin");
        await page.GetByLabel("Mật khẩu", new() { Exact = true }).FillAsync("wrong password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        Assert.Contains("Wrong user name or password", await page.Locator("[role=alert]").InnerTextAsync());
        await page.GetByLabel("Mật khẩu", new() { Exact = true }).FillAsync(AppFixture.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await page.WaitForURLAsync(u => u.EndsWith('/'));
        await Checks(page, "Xin chào");

        // The header keeps the daily pages in sight; the others fold under "Thêm", opened from the keyboard.
        var header = await page.Locator("header").BoundingBoxAsync();
        Assert.True(header!.Height <= 110, $"the header takes {header.Height} px on a phone");
        Assert.False(await page.GetByRole(AriaRole.Link, new() { Name = "Tổ chức", Exact = true }).IsVisibleAsync());
        await page.Locator("header summary").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Checks(page, "Xin chào", "menu");
        await page.GetByRole(AriaRole.Link, new() { Name = "Tổ chức", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/org");
        await Checks(page, "Tổ chức");
        await page.GetByRole(AriaRole.Link, new() { Name = "Xã Trà Lĩnh" }).First.ClickAsync();
        await page.WaitForURLAsync("**/org/X-TRALINH");
        await Checks(page, "Xã Trà Lĩnh");
        Assert.Contains("Thị trấn Hùng Quốc (cũ)", await page.Locator("main").InnerTextAsync());

        await OpenMenuAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Cán bộ", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/users");
        await Checks(page, "Cán bộ");
        Assert.Contains("Hà Văn Quân", await page.Locator("main").InnerTextAsync());

        await page.GotoAsync("/calendar?y=2026");
        await Checks(page, "Lịch làm việc 2026");
        Assert.Contains("Giỗ Tổ Hùng Vương", await page.Locator("main").InnerTextAsync());

        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await page.WaitForURLAsync("**/calendar?y=2026");
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        await Checks(page, "Working calendar 2026");
    }

    [Fact]
    public async Task Admin_creates_a_unit_from_the_phone()
    {
        var page = await browser.PhoneAsync(app.BaseAddress);
        await LogInAsync(page, "admin", AppFixture.AdminPassword);
        await page.GotoAsync("/org/new");
        // A code that is taken is refused by the server; what was typed stays on the form.
        await page.GetByLabel("Mã", new() { Exact = true }).FillAsync("X-HOAAN");
        await page.GetByLabel("Tên tiếng Việt", new() { Exact = true }).FillAsync("Thôn Bản Thử");
        await page.GetByLabel("Tên tiếng Anh", new() { Exact = true }).FillAsync("Ban Thu Village");
        await page.GetByLabel("Loại", new() { Exact = true }).SelectOptionAsync("site");
        await page.GetByLabel("Đơn vị cấp trên", new() { Exact = true }).SelectOptionAsync("X-TRALINH");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
        Assert.Contains("already exists", await page.Locator("[role=alert]").InnerTextAsync());
        Assert.Equal("Thôn Bản Thử", await page.GetByLabel("Tên tiếng Việt", new() { Exact = true }).InputValueAsync());
        await page.GetByLabel("Mã", new() { Exact = true }).FillAsync("E2E-THON");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
        await page.WaitForURLAsync("**/org/E2E-THON");
        await Checks(page, "Thôn Bản Thử");
    }
}
