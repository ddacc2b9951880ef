using System.Security.Cryptography;

namespace ThreeClears.Web.Features.Public;

/// <summary>
/// The portal's client id: a random value in a long-lived cookie, the browser's name for the
/// "one rating per client per unit per month" rule and for finding its own opinions again. It
/// names a browser, not a person; the server keeps only its hash.
/// </summary>
public static class PortalClient
{
    public const string Cookie = "tc_client";

    /// <summary>The id from the cookie, or null when there is none (or it is not one of ours).</summary>
    public static string? Read(HttpContext http) =>
        http.Request.Cookies.TryGetValue(Cookie, out var v) && v is { Length: >= 16 and <= 64 } && v.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') ? v : null;

    /// <summary>The id from the cookie, set (for 400 days, the most browsers keep) when there is none yet.</summary>
    public static string Ensure(HttpContext http)
    {
        if (Read(http) is { } id) return id;
        id = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', '-').Replace('/', '_');
        http.Response.Cookies.Append(Cookie, id, new CookieOptions
        {
            MaxAge = TimeSpan.FromDays(400), HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps, IsEssential = true,
        });
        return id;
    }
}
