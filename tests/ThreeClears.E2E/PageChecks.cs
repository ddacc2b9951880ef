using Microsoft.Playwright;

namespace ThreeClears.E2E;

/// <summary>What every page must do on a phone, checked the same way by every browser test.</summary>
public static class PageChecks
{
    /// <summary>ARCHITECTURE.md "Pages": under 100 KB transferred for a page, scripts included.</summary>
    public const int PageBudget = 100_000;

    /// <summary>
    /// The heading, no horizontal scrolling at 360 px, labelled fields, and the transfer budget; with
    /// THREECLEARS_SCREENSHOTS set, a full-page screenshot named after the URL (and <paramref name="shot"/>).
    /// Returns the bytes the page transferred.
    /// </summary>
    public static async Task<double> Checks(IPage page, string heading, string? shot = null)
    {
        Assert.Contains(heading, await page.Locator("h1").InnerTextAsync());
        var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, $"{page.Url} scrolls sideways on a phone");
        var unlabelled = await page.EvaluateAsync<string[]>(
            """[...document.querySelectorAll('input:not([type=hidden]),select,textarea')].filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label')).map(e => e.name)""");
        Assert.Empty(unlabelled);
        var bytes = await page.EvaluateAsync<double>(
            "performance.getEntries().reduce((sum, e) => sum + (e.transferSize || e.encodedBodySize || 0), 0)");
        Assert.True(bytes < PageBudget, $"{page.Url} transferred {bytes} bytes");
        if (Environment.GetEnvironmentVariable("THREECLEARS_SCREENSHOTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            var name = new Uri(page.Url).PathAndQuery.Trim('/').Replace('/', '_').Replace('?', '_').Replace('=', '_').Replace('&', '_');
            if (shot is not null) name += "-" + shot;
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, (name.Length == 0 ? "home" : name) + ".png"), FullPage = true });
            File.AppendAllText(Path.Combine(folder, "sizes.txt"), $"{new Uri(page.Url).PathAndQuery} {shot} {bytes:0} bytes\n");
        }
        return bytes;
    }

    /// <summary>Opens the header's "More" menu (Thêm), where the less daily pages are.</summary>
    public static Task OpenMenuAsync(IPage page) => page.Locator("header li.more summary").ClickAsync();

    public static async Task LogInAsync(IPage page, string userName, string password)
    {
        await page.GotoAsync("/login");
        await page.GetByLabel("Tên đăng nhập", new() { Exact = true }).FillAsync(userName);
        await page.GetByLabel("Mật khẩu", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await page.WaitForURLAsync(u => u.EndsWith('/'));
    }
}
