using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ThreeClears.Web.Features.Organisation;
using ThreeClears.Web.Infrastructure;

namespace ThreeClears.Web.Features.Access.Pages;

[Authorize]
public sealed class NewUserModel(AccessService access, OrganisationService units) : AppPage
{
    [BindProperty] public string? UserName { get; set; }
    [BindProperty] public string? FullName { get; set; }
    [BindProperty] public string? Position { get; set; }
    [BindProperty(SupportsGet = true)] public string? OrgUnitCode { get; set; }
    [BindProperty] public string? Password { get; set; }
    public List<OrgUnitListItem> Units { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Units = await units.TreeAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await TryAsync(() => access.CreateAsync(new CreateUserRequest(UserName, FullName, Password, OrgUnitCode, Position), ct)))
            return Redirect($"/users/{Uri.EscapeDataString(UserName!.Trim())}");
        Units = await units.TreeAsync(ct);
        return Page();
    }
}
