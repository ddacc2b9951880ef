namespace ThreeClears.Web.Features.Welfare;

/// <summary>People's lives (households, coverage, housing programme, happiness) in two lines of the host.</summary>
public static class WelfareModule
{
    public static IServiceCollection AddWelfare(this IServiceCollection services)
    {
        services.AddScoped<HouseholdsService>();
        services.AddScoped<HouseholdImporter>();
        services.AddScoped<CoverageService>();
        services.AddScoped<HousingService>();
        services.AddScoped<HappinessService>();
        services.AddScoped<Reports.ISocioEconomicSection, WelfareCoverageSection>();
        services.AddScoped<Reports.ISocioEconomicSection, HappinessReportSection>();
        services.AddSingleton<HouseholdImportRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<HouseholdImportRunner>());
        return services;
    }

    public static IEndpointRouteBuilder MapWelfare(this IEndpointRouteBuilder app) => app.MapWelfareApi();
}
