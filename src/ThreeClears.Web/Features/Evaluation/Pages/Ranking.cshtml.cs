using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ThreeClears.Web.Infrastructure;

namespace ThreeClears.Web.Features.Evaluation.Pages;

/// <summary>The ranking of units or officials by results score for a period, with the four components.</summary>
[Authorize]
public sealed class RankingModel(EvaluationService evaluations, AppClock clock) : AppPage
{
    public const int PageSize = 200;

    [BindProperty(SupportsGet = true)] public string? Period { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public string? UnitKind { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int? PageNumber { get; set; }
    public EvaluationListDto? Ranking { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Period ??= clock.Today.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Kind ??= "unit";
        await TryAsync(async () => Ranking = await evaluations.RankingAsync(Period, Kind, string.IsNullOrWhiteSpace(Unit) ? null : Unit,
            string.IsNullOrWhiteSpace(UnitKind) ? null : UnitKind, Paging.From(PageNumber, PageSize), ct));
    }

    public string PageLink(int page) =>
        $"/evaluations?period={Uri.EscapeDataString(Period ?? "")}&kind={Uri.EscapeDataString(Kind ?? "")}&unit={Uri.EscapeDataString(Unit ?? "")}&unitKind={Uri.EscapeDataString(UnitKind ?? "")}&p={page}";
}
