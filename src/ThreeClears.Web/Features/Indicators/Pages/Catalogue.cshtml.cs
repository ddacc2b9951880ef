using Microsoft.AspNetCore.Authorization;
using ThreeClears.Web.Infrastructure;

namespace ThreeClears.Web.Features.Indicators.Pages;

/// <summary>The indicator catalogue: what is measured and how, for everyone logged in; the administrator's links to change it.</summary>
[Authorize]
public sealed class CatalogueModel(IndicatorsService indicators) : AppPage
{
    public IReadOnlyList<IndicatorDto> Items { get; private set; } = [];
    public bool CanEdit { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await TryAsync(async () =>
    {
        Items = (await indicators.ListAsync(new Paging(1, Paging.MaxPageSize), ct)).Items;
        CanEdit = await indicators.CanKeepCatalogueAsync(ct);
    });

    /// <summary>A bound as the page shows it, in the invariant spelling the form reads back.</summary>
    public static string Show(decimal? v) => v is { } x ? NumberInput.Show(x) : "";
}
