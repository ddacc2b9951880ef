using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ThreeClears.Web.Data;
using ThreeClears.Web.Infrastructure;
using ThreeClears.Web.Infrastructure.Auth;

namespace ThreeClears.Web.Features.Reports.Pages;

/// <summary>
/// The reports page: a form per report whose format buttons download the file from the reports API
/// (plain GET forms, so they work without JavaScript; with it, the page shows that it is busy).
/// </summary>
[Authorize]
public sealed class ReportsModel(ThreeClearsDb db, Caller caller, AppClock clock) : AppPage
{
    [BindProperty(SupportsGet = true)] public string? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public string? Period { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var me = caller.UserId;
        Unit ??= await db.Users.Where(u => u.Id == me).Select(u => u.OrgUnit!.Code).FirstOrDefaultAsync(ct);
        var today = clock.Today;
        // The last month ended: the period a monthly report is usually made for.
        Period ??= Domain.Periods.Period.OfMonth(today.AddMonths(-1).Year, today.AddMonths(-1).Month).ToString();
    }
}
