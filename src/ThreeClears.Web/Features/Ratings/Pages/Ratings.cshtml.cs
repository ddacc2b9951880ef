using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ThreeClears.Domain.Access;
using ThreeClears.Web.Infrastructure;
using ThreeClears.Web.Infrastructure.Auth;

namespace ThreeClears.Web.Features.Ratings.Pages;

/// <summary>
/// Moderation of citizens' ratings: an administrator of the units reads them one by one, comments
/// included, and hides an abusive one with a reason. A hidden rating counts in no figure.
/// </summary>
[Authorize]
public sealed class RatingsModel(RatingsService ratings, Caller caller) : AppPage
{
    public const int PageSize = 50;
    public PageOf<RatingDto> Ratings { get; private set; } = new([], 0);
    public bool Allowed { get; private set; }
    [BindProperty(SupportsGet = true)] public string? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public string? Period { get; set; }
    [BindProperty(SupportsGet = true)] public bool Hidden { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    [BindProperty(SupportsGet = true)] public string? Done { get; set; }
    [BindProperty] public string? Reason { get; set; }
    public int? FailedId { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostHideAsync(int ratingId, CancellationToken ct)
    {
        if (await TryAsync(() => ratings.HideAsync(ratingId, new HideRequest(Reason), ct)))
            return Redirect($"/ratings?done=hidden{Query(false)}");
        FailedId = ratingId;
        var status = Response.StatusCode;
        await LoadAsync(ct);
        Response.StatusCode = status;
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Allowed = !(await caller.UnitsWithAsync(Permission.Administer, ct)).IsEmpty;
        if (!Allowed) return;
        await TryAsync(async () => Ratings = await ratings.ListAsync(string.IsNullOrWhiteSpace(Unit) ? null : Unit, Period, Hidden,
            Paging.From(Math.Max(1, PageNumber), PageSize), ct));
    }

    public string Query(bool withPage, int? page = null)
    {
        var q = "";
        if (!string.IsNullOrWhiteSpace(Unit)) q += "&unit=" + Uri.EscapeDataString(Unit);
        if (!string.IsNullOrWhiteSpace(Period)) q += "&period=" + Uri.EscapeDataString(Period);
        if (Hidden) q += "&hidden=true";
        if (withPage && page is > 1) q += "&p=" + page;
        return q;
    }
}
