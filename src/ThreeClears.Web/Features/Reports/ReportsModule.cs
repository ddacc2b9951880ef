namespace ThreeClears.Web.Features.Reports;

/// <summary>The reports in two lines of the host: their services (and the socio-economic report's sections), and their routes.</summary>
public static class ReportsModule
{
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddScoped<ReportsService>();
        services.AddScoped<ISocioEconomicSection, KeyIndicatorsSection>();
        services.AddScoped<ISocioEconomicSection, TaskDeliverySection>();
        return services;
    }

    public static IEndpointRouteBuilder MapReports(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/reports").WithTags("Reports").RequireAuthorization();
        g.MapGet("/socio-economic", async (ReportsService s, string? orgUnit, string? period, string? format, CancellationToken ct) =>
            Answer(await s.SocioEconomicAsync(orgUnit, period, format, ct)));
        g.MapGet("/tasks", async (ReportsService s, string? orgUnit, string? period, string? format, CancellationToken ct) =>
            Answer(await s.TasksAsync(orgUnit, period, format, ct)));
        return app;
    }

    /// <summary>JSON inline; a file as an attachment named after the report, unit and period.</summary>
    private static IResult Answer(ReportFile file) => file.Bytes is null
        ? TypedResults.Json(ReportsService.Json(file.Document))
        : TypedResults.File(file.Bytes, file.ContentType, file.FileName);
}
