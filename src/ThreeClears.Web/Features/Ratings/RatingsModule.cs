using Microsoft.AspNetCore.Http.HttpResults;
using ThreeClears.Web.Infrastructure;

namespace ThreeClears.Web.Features.Ratings;

/// <summary>Citizens' ratings of units: rating is public and rate-limited; hiding is the administrator's.</summary>
public static class RatingsModule
{
    public static IServiceCollection AddRatings(this IServiceCollection services)
    {
        services.AddScoped<RatingsService>();
        return services;
    }

    public static IEndpointRouteBuilder MapRatings(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/ratings").WithTags("Ratings");
        g.MapPost("", Rate).AllowAnonymous().RequireRateLimiting(RateLimits.Public);
        g.MapGet("/summary", async (RatingsService s, string? orgUnit, string? period, CancellationToken ct) =>
            TypedResults.Ok(await s.SummaryAsync(orgUnit, period, ct))).AllowAnonymous().RequireRateLimiting(RateLimits.Public);
        g.MapGet("", async (RatingsService s, string? orgUnit, string? period, bool? includeHidden, int? page, int? pageSize, CancellationToken ct) =>
            TypedResults.Ok(await s.ListAsync(orgUnit, period, includeHidden ?? false, Paging.From(page, pageSize), ct))).RequireAuthorization();
        g.MapPost("/{id:int}/hide", async (RatingsService s, int id, HideRequest body, CancellationToken ct) =>
            TypedResults.Ok(await s.HideAsync(id, body, ct))).RequireAuthorization();
        return app;
    }

    private static async Task<Created<RatingDto>> Rate(RatingsService s, RatingRequest body, HttpContext http, CancellationToken ct)
    {
        var dto = await s.RateAsync(body, http.Request.Headers[RatingsService.ClientHeader].FirstOrDefault(), ct);
        return TypedResults.Created($"/api/ratings/{dto.Id}", dto);
    }
}
