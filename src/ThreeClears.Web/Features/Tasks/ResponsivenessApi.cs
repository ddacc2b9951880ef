using Microsoft.AspNetCore.Http.HttpResults;

namespace ThreeClears.Web.Features.Tasks;

public static class ResponsivenessApi
{
    /// <summary><c>GET /api/org-units/{code}/responsiveness?period=</c>: for anyone who reads the unit's tasks.</summary>
    public static IEndpointRouteBuilder MapResponsiveness(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/org-units/{code}/responsiveness", Get).WithTags("Tasks").RequireAuthorization();
        return app;
    }

    private static async Task<Ok<ResponsivenessDto>> Get(ResponsivenessService service, string code, string? period, CancellationToken ct) =>
        TypedResults.Ok(await service.GetAsync(code, period, ct));
}
