using Microsoft.AspNetCore.Authorization;
using ThreeClears.Domain.Access;
using ThreeClears.Web.Infrastructure;
using ThreeClears.Web.Infrastructure.Auth;

namespace ThreeClears.Web.Features.Organisation.Pages;

[Authorize]
public sealed class TreeModel(OrganisationService units, Caller caller) : AppPage
{
    public List<OrgUnitListItem> Units { get; private set; } = [];
    public bool CanAdminister { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Units = await units.TreeAsync(ct);
        CanAdminister = !(await caller.UnitsWithAsync(Permission.Administer, ct)).IsEmpty;
    }
}
