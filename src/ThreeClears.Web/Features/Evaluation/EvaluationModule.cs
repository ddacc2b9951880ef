using ThreeClears.Web.Infrastructure;

namespace ThreeClears.Web.Features.Evaluation;

/// <summary>The results score in two lines of the host: its services, and its routes.</summary>
public static class EvaluationModule
{
    public static IServiceCollection AddEvaluation(this IServiceCollection services)
    {
        services.AddScoped<EvaluationEngine>();
        services.AddScoped<EvaluationService>();
        return services;
    }

    public static IEndpointRouteBuilder MapEvaluation(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/evaluations").WithTags("Evaluation").RequireAuthorization();
        g.MapGet("", async (EvaluationService s, string? period, string? kind, string? orgUnit, string? unitKind, int? page, int? pageSize,
                CancellationToken ct) =>
            TypedResults.Ok(await s.RankingAsync(period, kind, orgUnit, unitKind, Paging.From(page, pageSize, Paging.MaxPageSize), ct)));
        g.MapGet("/{kind}/{subject}", async (EvaluationService s, string kind, string subject, string? period, CancellationToken ct) =>
            TypedResults.Ok(await s.DetailAsync(kind, subject, period, ct)));
        g.MapGet("/{kind}/{subject}/history", async (EvaluationService s, string kind, string subject, string? period, int? count,
                CancellationToken ct) =>
            TypedResults.Ok(await s.HistoryAsync(kind, subject, period, count, ct)));
        return app;
    }
}
