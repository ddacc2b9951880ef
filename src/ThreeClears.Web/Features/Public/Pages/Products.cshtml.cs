using Microsoft.AspNetCore.Mvc;
using ThreeClears.Web.Infrastructure;

namespace ThreeClears.Web.Features.Public.Pages;

/// <summary>Every delivered product, newest first, with its evidence photos.</summary>
public sealed class ProductsModel(PortalService portal) : AppPage
{
    public const int PageSize = 10;
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    [BindProperty(SupportsGet = true)] public string? Unit { get; set; }
    public PageOf<PublicProductDto> Products { get; private set; } = new([], 0);

    public async Task OnGetAsync(CancellationToken ct) =>
        await TryAsync(async () => Products = await portal.ProductsAsync(Unit, Paging.From(Math.Max(1, PageNumber), PageSize), ct));
}
