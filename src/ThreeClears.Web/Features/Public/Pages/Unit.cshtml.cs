using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using ThreeClears.Web.Features.Ratings;
using ThreeClears.Web.Infrastructure;

namespace ThreeClears.Web.Features.Public.Pages;

/// <summary>
/// A unit on the portal: its rating this year and the form to rate it. The browser's portal cookie
/// is its client id, so that it rates the unit once a month; posts are rate-limited per address.
/// </summary>
[EnableRateLimiting(RateLimits.PublicForm)]
public sealed class UnitModel(PortalService portal, RatingsService ratings) : AppPage
{
    public PublicUnitDto? Unit { get; private set; }
    public RatingSummaryDto? Summary { get; private set; }
    public PageOf<PublicProductDto> Products { get; private set; } = new([], 0);
    [BindProperty] public int? Stars { get; set; }
    [BindProperty] public string? Comment { get; set; }
    [BindProperty(SupportsGet = true)] public int? Rated { get; set; }

    public async Task OnGetAsync(string code, CancellationToken ct)
    {
        if (await LoadAsync(code, ct)) PortalClient.Ensure(HttpContext);
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        var client = PortalClient.Ensure(HttpContext);
        if (await TryAsync(() => ratings.RateAsync(new RatingRequest(code, Stars, Comment), client, ct)))
            return Redirect($"/portal/units/{Uri.EscapeDataString(code)}?rated=1");
        var status = Response.StatusCode;
        await LoadAsync(code, ct);
        Response.StatusCode = status;
        return Page();
    }

    private Task<bool> LoadAsync(string code, CancellationToken ct) => TryAsync(async () =>
    {
        (Unit, Summary) = await portal.UnitAsync(code, ct);
        Products = await portal.ProductsAsync(code, new Paging(1, 3), ct);
    });
}
