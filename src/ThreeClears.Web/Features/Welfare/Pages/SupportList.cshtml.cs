using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ThreeClears.Web.Infrastructure;

namespace ThreeClears.Web.Features.Welfare.Pages;

/// <summary>The support records of a unit's households for a year (personal data: the commune and above).</summary>
[Authorize]
public sealed class SupportListModel(HousingService housing) : AppPage
{
    public const int PageSize = 50;
    [BindProperty(SupportsGet = true)] public string? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int Number { get; set; } = 1;
    public PageOf<SupportDto>? List { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) =>
        await TryAsync(async () => List = await housing.ListSupportAsync(Unit, Year, Status, Paging.From(Math.Max(1, Number), PageSize), ct));

    public string Link(int page) => $"/housing/support?unit={Uri.EscapeDataString(Unit ?? "")}&year={Year}&status={Uri.EscapeDataString(Status ?? "")}&p={page}";
}
