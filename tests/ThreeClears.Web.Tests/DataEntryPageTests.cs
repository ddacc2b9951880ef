using System.Net;
using System.Text.RegularExpressions;
using ThreeClears.Web.Features.Indicators.Pages;
using ThreeClears.Web.Tests.Support;

namespace ThreeClears.Web.Tests;

/// <summary>The data-entry page's handlers through real form posts: a partly refused save keeps what was typed.</summary>
public abstract partial class DataEntryPageTests(AppFixture app)
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    private async Task<(HttpClient Client, string Token)> LogInAsync(string user, string url)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = app.BaseAddress };
        var login = await client.GetStringAsync("/login");
        var res = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = user, ["Password"] = "demo", ["__RequestVerificationToken"] = TokenPattern().Match(login).Groups[1].Value,
        }));
        Assert.Equal(HttpStatusCode.Redirect, res.StatusCode);
        var page = await client.GetStringAsync(url);
        return (client, WebUtility.HtmlDecode(TokenPattern().Match(page).Groups[1].Value));
    }

    [Fact]
    public async Task A_partly_refused_save_keeps_the_good_cells_and_what_was_typed()
    {
        const string grid = "/data?unit=X-TRALINH&indicator=TOURIST_ARRIVALS&year=2031";
        var (client, token) = await LogInAsync("officer.tralinh", grid);
        using var _ = client;
        var res = await client.PostAsync(grid + "&handler=Save", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Cells[TOURIST_ARRIVALS:2031-01]"] = "1.234,5",
            ["Cells[TOURIST_ARRIVALS:2031-02]"] = "-3",
            ["Cells[TOURIST_ARRIVALS:2031-03]"] = "abc",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, res.StatusCode);
        var html = await res.Content.ReadAsStringAsync();
        Assert.Contains("value=\"-3\"", html);
        Assert.Contains("value=\"abc\"", html);
        Assert.Contains("&#x27;abc&#x27; is not a number", html);
        Assert.Contains("aria-invalid=\"true\"", html);

        using var api = await app.As("officer.tralinh");
        var saved = await (await api.GetAsync("/api/data-values/TOURIST_ARRIVALS/X-TRALINH/2031-01")).Expect(HttpStatusCode.OK);
        Assert.Equal(1234.5m, saved.GetProperty("value").GetProperty("value").GetDecimal());
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/api/data-values/TOURIST_ARRIVALS/X-TRALINH/2031-02")).StatusCode);

        // Submitting February (nothing entered) is refused with the service's detail.
        var submit = await client.PostAsync(grid + "&handler=Submit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Month"] = "2",
        }));
        Assert.Equal(422, (int)submit.StatusCode);
        Assert.Contains("No values are entered at X-TRALINH for 2031-02", await submit.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("1.234,5", 1234.5)]
    [InlineData("1234.5", 1234.5)]
    [InlineData("1,234.5", 1234.5)]
    [InlineData("1234,5", 1234.5)]
    [InlineData("1.234.567", 1234567)]
    [InlineData(" -12 ", -12)]
    public void Numbers_are_read_whatever_the_keyboard(string typed, double expected)
    {
        Assert.True(NumberInput.TryParse(typed, out var value));
        Assert.Equal((decimal)expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("12x")]
    [InlineData("1e5")]
    public void Non_numbers_are_refused(string typed) => Assert.False(NumberInput.TryParse(typed, out _));
}

public sealed class DataEntryPageTestsOnSqlite(SqliteApp app) : DataEntryPageTests(app), IClassFixture<SqliteApp>;

public sealed class DataEntryPageTestsOnPostgres(PostgresApp app) : DataEntryPageTests(app), IClassFixture<PostgresApp>;
