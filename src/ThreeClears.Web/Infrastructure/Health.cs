using Microsoft.AspNetCore.Http.HttpResults;
using ThreeClears.Web.Data;

namespace ThreeClears.Web.Infrastructure;

public sealed record HealthDto(string Status, string Database);

public static class Health
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", Check).WithTags("Health").AllowAnonymous();
        return app;
    }

    private static async Task<Results<Ok<HealthDto>, ProblemHttpResult>> Check(ThreeClearsDb db, CancellationToken ct)
    {
        var provider = db.IsPostgres ? "postgres" : "sqlite";
        try
        {
            if (await db.Database.CanConnectAsync(ct)) return TypedResults.Ok(new HealthDto("ok", provider));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return TypedResults.Problem($"The {provider} database is not reachable: {e.Message}", statusCode: 503, title: "Unhealthy");
        }
        return TypedResults.Problem($"The {provider} database is not reachable.", statusCode: 503, title: "Unhealthy");
    }
}
