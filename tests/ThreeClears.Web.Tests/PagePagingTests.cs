using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using ThreeClears.Web.Tests.Support;

namespace ThreeClears.Web.Tests;

/// <summary>
/// Paged pages turn their pages. Razor Pages keep a route value named "page" (the page's own name),
/// which would win over a query parameter of that name and pin every list to its first page, so the
/// pages take theirs as "p".
/// </summary>
public abstract partial class PagePagingTests(AppFixture app)
{
    [GeneratedRegex("<a href=\"/users/([^\"]+)\">")]
    private static partial Regex UserLink();

    [Fact]
    public async Task The_officials_page_shows_other_officials_on_its_second_page()
    {
        using var admin = await app.As("admin", AppFixture.AdminPassword);
        var total = (await (await admin.GetAsync("/api/users?pageSize=1")).Expect(HttpStatusCode.OK)).GetProperty("total").GetInt32();
        // More than one page of 50.
        for (var i = total; i <= 55; i++)
            await (await admin.PostAsJsonAsync("/api/users", new
            {
                userName = $"paging.{i}", fullName = $"Cán bộ thử {i}", password = "long-enough-1", orgUnitCode = "X-HOAAN", position = "Chuyên viên",
            })).Expect(HttpStatusCode.Created);

        using var page = await PageClient.LogInAsync(app, "admin", AppFixture.AdminPassword);
        var first = UserLink().Matches(await page.GetStringAsync("/users")).Select(m => m.Groups[1].Value).ToList();
        var second = UserLink().Matches(await page.GetStringAsync("/users?p=2")).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(50, first.Count);
        Assert.NotEmpty(second);
        Assert.Empty(first.Intersect(second));
    }
}

public sealed class PagePagingTestsOnSqlite(SqliteApp app) : PagePagingTests(app), IClassFixture<SqliteApp>;
