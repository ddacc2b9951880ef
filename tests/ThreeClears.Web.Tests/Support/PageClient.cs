using System.Net;
using System.Text.RegularExpressions;

namespace ThreeClears.Web.Tests.Support;

/// <summary>
/// A browser without JavaScript over real HTTP: cookies kept, redirects not followed, forms posted
/// with the antiforgery token of the page they come from. For the pages' own handlers.
/// </summary>
public sealed partial class PageClient : IDisposable
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    public CookieContainer Cookies { get; } = new();
    public HttpClient Http { get; }

    public PageClient(AppFixture app) =>
        Http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = Cookies }) { BaseAddress = app.BaseAddress };

    public static async Task<PageClient> LogInAsync(AppFixture app, string user, string password = "demo")
    {
        var c = new PageClient(app);
        var res = await c.PostFormAsync("/login", "/login", new() { ["UserName"] = user, ["Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, res.StatusCode);
        return c;
    }

    public async Task<string> GetStringAsync(string url)
    {
        var res = await Http.GetAsync(url);
        Assert.True(res.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)res.StatusCode}");
        return await res.Content.ReadAsStringAsync();
    }

    /// <summary>Reads the form's token from <paramref name="pageUrl"/>, then posts the fields to <paramref name="action"/>.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string pageUrl, string action, Dictionary<string, string> fields)
    {
        var page = await Http.GetStringAsync(pageUrl);
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(TokenPattern().Match(page).Groups[1].Value);
        return await Http.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    public void Dispose() => Http.Dispose();
}
