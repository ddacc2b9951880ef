using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ThreeClears.Domain.Access;
using ThreeClears.Web.Infrastructure;
using ThreeClears.Web.Infrastructure.Auth;

namespace ThreeClears.Web.Features.Welfare.Pages;

/// <summary>The register of a unit: filter by village, name or code, and by the question still open (<c>missing=</c>).</summary>
[Authorize]
public sealed class HouseholdsModel(HouseholdsService households, Caller caller) : AppPage
{
    public const int PageSize = 50;
    [BindProperty(SupportsGet = true)] public string? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public string? Missing { get; set; }
    [BindProperty(SupportsGet = true)] public string? Village { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int Number { get; set; } = 1;
    public PageOf<HouseholdDto>? List { get; private set; }
    public bool CanManage { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Unit ??= await WelfareView.HomeUnitAsync(caller, Permission.ReadWelfare, ct);
        await TryAsync(async () => List = await households.ListAsync(Unit, Missing, Village, Q, Paging.From(Math.Max(1, Number), PageSize), ct));
        CanManage = !(await caller.UnitsWithAsync(Permission.ManageWelfare, ct)).IsEmpty;
    }

    public string Link(int page) =>
        $"/households?unit={Uri.EscapeDataString(Unit ?? "")}&missing={Uri.EscapeDataString(Missing ?? "")}&village={Uri.EscapeDataString(Village ?? "")}&q={Uri.EscapeDataString(Q ?? "")}&p={page}";
}
