using ThreeClears.Web.Infrastructure;

namespace ThreeClears.Web.Features.Public;

/// <summary>The public portal's JSON: what the portal pages show, for anyone, rate-limited per address.</summary>
public static class PublicModule
{
    public static IServiceCollection AddPublicPortal(this IServiceCollection services) => services.AddScoped<PortalService>();

    public static IEndpointRouteBuilder MapPublicPortal(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/public").WithTags("Public portal").RequireRateLimiting(RateLimits.Public);
        g.MapGet("/products", async (PortalService s, string? orgUnit, int? page, int? pageSize, CancellationToken ct) =>
            TypedResults.Ok(await s.ProductsAsync(orgUnit, Paging.From(page, pageSize, 20), ct)));
        g.MapGet("/indicators", async (PortalService s, string? period, CancellationToken ct) => TypedResults.Ok(await s.IndicatorsAsync(period, ct)));
        g.MapGet("/units", async (PortalService s, CancellationToken ct) => TypedResults.Ok(await s.UnitsAsync(ct)));
        g.MapGet("/photos/{id:int}", (PortalService s, int id, HttpContext http, CancellationToken ct) => Photo(s, id, false, http, ct));
        g.MapGet("/photos/{id:int}/thumbnail", (PortalService s, int id, HttpContext http, CancellationToken ct) => Photo(s, id, true, http, ct));
        return app;
    }

    private static async Task<IResult> Photo(PortalService s, int id, bool thumbnail, HttpContext http, CancellationToken ct)
    {
        var stream = await s.PhotoAsync(id, thumbnail, ct);
        // A delivered product stays delivered (a verified task cannot be reopened), so its photos may be cached.
        http.Response.Headers.CacheControl = "public,max-age=86400";
        return Results.File(stream, "image/jpeg");
    }
}
