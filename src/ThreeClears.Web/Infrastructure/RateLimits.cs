using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace ThreeClears.Web.Infrastructure;

/// <summary>
/// Burst limits per client address. They are per node: a burst limit needs no shared state, and
/// the rules that must hold across nodes (one rating per client per unit per month) live in the database.
/// </summary>
public static class RateLimits
{
    public const string Public = "public";
    public const string Login = "login";
    /// <summary>
    /// The portal's pages with a form (an opinion, a rating): reading them is free, each post counts
    /// against the same per-address allowance as the public API.
    /// </summary>
    public const string PublicForm = "public-form";

    public static IServiceCollection AddThreeClearsRateLimits(this IServiceCollection services, IConfiguration config)
    {
        var publicPerMinute = config.GetValue("RateLimits:PublicPerMinute", 120);
        var loginPerMinute = config.GetValue("RateLimits:LoginPerMinute", 30);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(Public, http => PerAddress(http, publicPerMinute));
            o.AddPolicy(Login, http => PerAddress(http, loginPerMinute));
            o.AddPolicy(PublicForm, http => HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
                ? RateLimitPartition.GetNoLimiter("read")
                : PerAddress(http, publicPerMinute));
            o.OnRejected = async (ctx, ct) =>
            {
                var seconds = ctx.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? (int)Math.Ceiling(retry.TotalSeconds) : 60;
                ctx.HttpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (!ctx.HttpContext.Request.Path.StartsWithSegments("/api"))
                {
                    // A person at a form gets a page in their language, not JSON.
                    var en = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
                    ctx.HttpContext.Response.ContentType = "text/html; charset=utf-8";
                    await ctx.HttpContext.Response.WriteAsync(en
                        ? $"<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Too many requests</title><h1>Too many requests</h1><p>Too many forms were sent from this address. Please wait {seconds} seconds and try again.</p><p><a href=\"/portal\">Back to the portal</a></p></html>"
                        : $"<!doctype html><html lang=\"vi\"><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Quá nhiều yêu cầu</title><h1>Quá nhiều yêu cầu</h1><p>Địa chỉ của bạn đã gửi quá nhiều lần. Vui lòng chờ {seconds} giây rồi thử lại.</p><p><a href=\"/portal\">Về cổng thông tin</a></p></html>", ct);
                    return;
                }
                var problems = ctx.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = ctx.HttpContext,
                    ProblemDetails = { Status = 429, Title = "Too many requests", Detail = "Too many requests from this address; wait and try again." },
                });
            };
        });
        return services;
    }

    private static RateLimitPartition<string> PerAddress(HttpContext http, int perMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
}
