namespace ThreeClears.Web.Features.Dashboard;

/// <summary>The dashboard in two lines of the host: its service, and its route.</summary>
public static class DashboardModule
{
    public static IServiceCollection AddDashboard(this IServiceCollection services) => services.AddScoped<DashboardService>();

    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/dashboard", async (DashboardService s, string? orgUnit, string? period, bool? approvedOnly, CancellationToken ct) =>
                TypedResults.Ok((await s.GetAsync(orgUnit, period, approvedOnly ?? false, ct)).Dto))
            .WithTags("Dashboard").RequireAuthorization();
        return app;
    }
}
