namespace ThreeClears.Web.Features.Indicators;

/// <summary>The indicators feature in two lines of the host: its services, and its routes.</summary>
public static class IndicatorsModule
{
    public static IServiceCollection AddIndicators(this IServiceCollection services)
    {
        services.AddScoped<IndicatorsService>();
        services.AddScoped<DataValuesService>();
        services.AddScoped<AnalyticsService>();
        services.AddScoped<DiscrepancyService>();
        return services;
    }

    public static IEndpointRouteBuilder MapIndicatorsFeature(this IEndpointRouteBuilder app) => app.MapIndicators();
}
