using ThreeClears.Web.Features.Audit;
using ThreeClears.Web.Features.Drafts;
using ThreeClears.Web.Infrastructure;

namespace ThreeClears.Web.Features.Public.Pages;

/// <summary>The public portal's front page: where anonymous visitors land.</summary>
public sealed class PortalModel(PortalService portal, DraftsService drafts, AuditChainer chainer) : AppPage
{
    public (string Code, string Name, string NameEn) Root { get; private set; }
    public IReadOnlyList<DraftDto> OpenDrafts { get; private set; } = [];
    public PageOf<PublicProductDto> Products { get; private set; } = new([], 0);
    public PublicIndicatorsDto? Indicators { get; private set; }
    public PublicUnitsDto? Units { get; private set; }
    public AuditHead? Head { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Root = await portal.RootAsync(ct);
        OpenDrafts = (await drafts.ListAsync("open", null, new Paging(1, 10), ct)).Items;
        Products = await portal.ProductsAsync(null, new Paging(1, 4), ct);
        Indicators = await portal.IndicatorsAsync(null, ct);
        Units = await portal.UnitsAsync(ct);
        Head = await portal.HeadAsync(chainer, ct);
    }
}
