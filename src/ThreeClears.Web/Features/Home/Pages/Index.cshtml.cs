using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ThreeClears.Domain.Access;
using ThreeClears.Web.Data;
using ThreeClears.Web.Features.Access;
using ThreeClears.Web.Features.Audit;
using ThreeClears.Web.Features.Organisation;
using ThreeClears.Web.Infrastructure;
using ThreeClears.Web.Infrastructure.Auth;

namespace ThreeClears.Web.Features.Home.Pages;

/// <summary>
/// The home page of a logged-in official. Anonymous visitors land on the public portal instead:
/// the citizen's front door (PRODUCT.md §2), with a link to log in.
/// </summary>
public sealed class IndexModel(AccessService access, Caller caller, ThreeClearsDb db, AuditChainer chainer) : AppPage
{
    public MeDto? Me { get; private set; }
    public string? UnitName { get; private set; }
    public int UnitsInScope { get; private set; }
    public int OfficialsInScope { get; private set; }
    public AuditHead? Head { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!caller.IsAuthenticated) return LocalRedirect("/portal");
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Me = await access.MeAsync(ct);
        UnitName = await db.Set<OrgUnit>().Where(u => u.Code == Me.OrgUnitCode).Select(u => u.Name).FirstAsync(ct);
        var units = await caller.UnitsWithAsync(Permission.ReadUsers, ct);
        UnitsInScope = units.All ? await db.Set<OrgUnit>().CountAsync(ct) : units.Ids.Length;
        OfficialsInScope = await (await caller.Scoped(db.Users.AsNoTracking(), Permission.ReadUsers, u => u.OrgUnitId, ct)).CountAsync(ct);
        Head = await AuditApi.HeadAsync(db, chainer, ct);
    }
}
