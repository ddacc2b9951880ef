using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ThreeClears.Domain.Access;
using ThreeClears.Web.Infrastructure;
using ThreeClears.Web.Infrastructure.Auth;

namespace ThreeClears.Web.Features.Access.Pages;

[Authorize]
public sealed class UserModel(AccessService access, Caller caller) : AppPage
{
    public UserDto? Official { get; private set; }
    public bool CanAdminister { get; private set; }

    public async Task OnGetAsync(string userName, CancellationToken ct) => await LoadAsync(userName, ct);

    public async Task<IActionResult> OnPostGrantAsync(string userName, string? role, string? orgUnitCode, CancellationToken ct)
    {
        if (await TryAsync(() => access.GrantAsync(userName, new RoleRequest(role, orgUnitCode), ct))) return Redirect(Request.Path);
        await LoadAsync(userName, ct, keepStatus: true);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(string userName, string role, string orgUnitCode, CancellationToken ct)
    {
        if (await TryAsync(() => access.RevokeAsync(userName, role, orgUnitCode, ct))) return Redirect(Request.Path);
        await LoadAsync(userName, ct, keepStatus: true);
        return Page();
    }

    private async Task LoadAsync(string userName, CancellationToken ct, bool keepStatus = false)
    {
        var problem = (Problem, FieldErrors, Response.StatusCode);
        if (!await TryAsync(async () => Official = await access.GetAsync(userName, ct))) return;
        if (keepStatus) Response.StatusCode = problem.StatusCode;
        CanAdminister = !(await caller.UnitsWithAsync(Permission.Administer, ct)).IsEmpty;
    }
}
