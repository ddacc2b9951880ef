using ThreeClears.Web.Features.Drafts;
using ThreeClears.Web.Infrastructure;

namespace ThreeClears.Web.Features.Public.Pages;

/// <summary>Drafts open for opinions, and closed ones whose answers stay readable.</summary>
public sealed class DraftsModel(DraftsService drafts) : AppPage
{
    public IReadOnlyList<DraftDto> Open { get; private set; } = [];
    public IReadOnlyList<DraftDto> Closed { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Open = (await drafts.ListAsync("open", null, new Paging(1, 50), ct)).Items;
        Closed = (await drafts.ListAsync("closed", null, new Paging(1, 50), ct)).Items;
    }
}
