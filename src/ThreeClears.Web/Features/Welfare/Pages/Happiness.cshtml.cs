using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ThreeClears.Domain.Access;
using ThreeClears.Web.Data;
using ThreeClears.Web.Infrastructure;
using ThreeClears.Web.Infrastructure.Auth;

namespace ThreeClears.Web.Features.Welfare.Pages;

/// <summary>The happiness index of a unit and its children; a unit with fewer than 30 respondents shows only their count.</summary>
[Authorize]
public sealed class HappinessModel(HappinessService happiness, Caller caller, ThreeClearsDb db, AppClock clock) : AppPage
{
    [BindProperty(SupportsGet = true)] public string? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    public HappinessIndexDto? View { get; private set; }
    public bool CanSurvey { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Year ??= await WelfareView.DefaultYearAsync<HappinessResponse>(db, q => q.Select(r => r.Year), clock.Today.Year, ct);
        await TryAsync(async () => View = await happiness.IndexAsync(Unit, Year, ct));
        CanSurvey = !(await caller.UnitsWithAsync(Permission.ManageWelfare, ct)).IsEmpty;
    }

    public static readonly string[] Domains = ["livingStandards", "health", "education", "environment", "safety", "culture", "governance", "lifeSatisfaction"];

    public static double Of(DomainsDto d, string domain) => domain switch
    {
        "livingStandards" => d.LivingStandards, "health" => d.Health, "education" => d.Education, "environment" => d.Environment,
        "safety" => d.Safety, "culture" => d.Culture, "governance" => d.Governance, _ => d.LifeSatisfaction,
    };
}
