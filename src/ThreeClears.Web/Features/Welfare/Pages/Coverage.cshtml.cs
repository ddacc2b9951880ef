using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ThreeClears.Domain.Access;
using ThreeClears.Web.Data;
using ThreeClears.Web.Infrastructure;
using ThreeClears.Web.Infrastructure.Auth;

namespace ThreeClears.Web.Features.Welfare.Pages;

/// <summary>Coverage of the three questions for a unit and its children: a table with bars that fits a phone.</summary>
[Authorize]
public sealed class CoverageModel(CoverageService coverage, Caller caller, ThreeClearsDb db) : AppPage
{
    [BindProperty(SupportsGet = true)] public string? Unit { get; set; }
    public CoverageDto? View { get; private set; }
    /// <summary>Units (by code) whose household lists the caller may open: personal data stays with the commune and above.</summary>
    public HashSet<string> Listable { get; } = [];
    public bool CanManage { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Unit ??= await WelfareView.HomeUnitAsync(caller, Permission.ReadWelfare, ct);
        await TryAsync(async () => View = await coverage.GetAsync(Unit, ct));
        if (View is null) return;
        var units = await WelfareUnits.LoadAsync(db, ct);
        var read = await caller.UnitsWithAsync(Permission.ReadWelfare, ct);
        foreach (var code in View.Children.Select(c => c.OrgUnitCode).Append(View.OrgUnitCode))
            if (units.ByCode(code) is { } u && read.Contains(u.Id)) Listable.Add(code);
        CanManage = !(await caller.UnitsWithAsync(Permission.ManageWelfare, ct)).IsEmpty;
    }
}
