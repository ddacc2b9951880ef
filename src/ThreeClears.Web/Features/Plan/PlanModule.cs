namespace ThreeClears.Web.Features.Plan;

/// <summary>The strategic plan feature in two lines of the host: its services, and its routes.</summary>
public static class PlanModule
{
    public static IServiceCollection AddPlan(this IServiceCollection services)
    {
        services.AddScoped<PlanService>();
        return services;
    }

    public static IEndpointRouteBuilder MapPlan(this IEndpointRouteBuilder app) => app.MapPlanApi();
}
