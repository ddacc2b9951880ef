using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ThreeClears.Web.Infrastructure;

namespace ThreeClears.Web.Features.Organisation.Pages;

[Authorize]
public sealed class NewUnitModel(OrganisationService units) : AppPage
{
    [BindProperty] public UnitForm Form { get; set; } = new() { Kind = "commune" };
    public List<OrgUnitListItem> AllUnits { get; private set; } = [];

    public async Task OnGetAsync(string? parent, CancellationToken ct)
    {
        Form.ParentCode = parent;
        AllUnits = await units.TreeAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        OrgUnitDto? created = null;
        if (await TryAsync(async () => created = await units.CreateAsync(Form.ToRequest(), ct)))
            return Redirect($"/org/{Uri.EscapeDataString(created!.Code)}");
        AllUnits = await units.TreeAsync(ct);
        return Page();
    }
}
