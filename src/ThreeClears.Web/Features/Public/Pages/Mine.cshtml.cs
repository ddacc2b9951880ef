using ThreeClears.Web.Features.Drafts;
using ThreeClears.Web.Infrastructure;

namespace ThreeClears.Web.Features.Public.Pages;

/// <summary>The opinions sent from this browser (by its portal cookie), with their answers once published.</summary>
public sealed class MineModel(OpinionsService opinions) : AppPage
{
    public IReadOnlyList<OpinionDto> Mine { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Mine = await opinions.MineAsync(PortalClient.Read(HttpContext), ct);
}
