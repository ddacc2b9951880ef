using ThreeClears.Web.Infrastructure;

namespace ThreeClears.Web.Features.Public.Pages;

/// <summary>Every unit citizens may rate, with this year's rating (the mean only from 30 ratings).</summary>
public sealed class UnitsModel(PortalService portal) : AppPage
{
    public PublicUnitsDto? Units { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Units = await portal.UnitsAsync(ct);
}
