using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ThreeClears.Domain.Access;
using ThreeClears.Web.Features.Access;
using ThreeClears.Web.Infrastructure;
using ThreeClears.Web.Infrastructure.Auth;

namespace ThreeClears.Web.Features.Organisation.Pages;

[Authorize]
public sealed class UnitModel(OrganisationService units, AccessService access, Caller caller, Tasks.ResponsivenessService responsiveness) : AppPage
{
    public OrgUnitDto? Unit { get; private set; }
    public List<OrgUnitListItem> Children { get; private set; } = [];
    public List<OrgUnitListItem> AllUnits { get; private set; } = [];
    public IReadOnlyList<UserDto>? Officials { get; private set; }
    public bool CanAdminister { get; private set; }
    /// <summary>"Passing the buck made visible": how the unit answers consultations this year.</summary>
    public Tasks.ResponsivenessDto? Responsiveness { get; private set; }
    [BindProperty] public UnitForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        await LoadAsync(code, ct);
        if (Unit is not null) Form = UnitForm.From(Unit);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        Request.Headers.IfMatch = $"\"{Form.Version}\"";
        if (await TryAsync(() => units.UpdateAsync(code, Form.ToRequest(), HttpContext, ct)))
            return Redirect($"/org/{Uri.EscapeDataString(code)}");
        await LoadAsync(code, ct, keepProblem: true);
        return Page();
    }

    private async Task LoadAsync(string code, CancellationToken ct, bool keepProblem = false)
    {
        var status = Response.StatusCode;
        if (!await TryAsync(async () => Unit = await units.GetAsync(code, ct))) return;
        if (keepProblem) Response.StatusCode = status;
        AllUnits = await units.TreeAsync(ct);
        Children = [.. AllUnits.Where(u => u.ParentCode == code)];
        var unitId = (await units.FindAsync(code, ct)).Id;
        if (await caller.CanAsync(Permission.ReadUsers, unitId, ct))
            Officials = (await access.ListAsync(new Paging(1, Paging.MaxPageSize), code, ct)).Items.Where(o => o.OrgUnitCode == code).ToList();
        CanAdminister = await caller.CanAsync(Permission.Administer, unitId, ct);
        if (await caller.CanAsync(Permission.ReadTasks, unitId, ct)) Responsiveness = await responsiveness.GetAsync(code, null, ct);
    }
}
