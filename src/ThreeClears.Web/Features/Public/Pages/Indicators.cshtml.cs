using Microsoft.AspNetCore.Mvc;
using ThreeClears.Web.Infrastructure;

namespace ThreeClears.Web.Features.Public.Pages;

/// <summary>The key indicators against their targets, from approved values only.</summary>
public sealed class IndicatorsModel(PortalService portal) : AppPage
{
    [BindProperty(SupportsGet = true)] public string? Period { get; set; }
    public PublicIndicatorsDto? Indicators { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await TryAsync(async () => Indicators = await portal.IndicatorsAsync(Period, ct));
}
