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

    public static IServiceCollection AddThreeClearsRateLimits(this IServiceCollection services, IConfiguration config)
    {
        var publicPerMinute = config.GetValue("RateLimits:PublicPerMinute", 120);
        var loginPerMinute = config.GetValue("RateLimits:LoginPerMinute", 30);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(Public, http => PerAddress(http, publicPerMinute));
            o.AddPolicy(Login, http => PerAddress(http, loginPerMinute));
            o.OnRejected = async (ctx, ct) =>
            {
                if (ctx.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry))
                    ctx.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
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
