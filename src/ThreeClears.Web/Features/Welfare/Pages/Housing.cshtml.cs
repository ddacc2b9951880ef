using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ThreeClears.Domain.Access;
using ThreeClears.Web.Data;
using ThreeClears.Web.Infrastructure;
using ThreeClears.Web.Infrastructure.Auth;

namespace ThreeClears.Web.Features.Welfare.Pages;

/// <summary>The housing programme of a unit and year: progress against target and funding, by child unit, and the unit's target.</summary>
[Authorize]
public sealed class HousingModel(HousingService housing, Caller caller, ThreeClearsDb db, AppClock clock) : AppPage
{
    [BindProperty(SupportsGet = true)] public string? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty] public int? TargetHouses { get; set; }
    [BindProperty] public decimal? Funding { get; set; }
    public ProgrammeProgressDto? View { get; private set; }
    public ProgrammeDto? Own { get; private set; }
    public bool CanManage { get; private set; }
    public bool CanRead { get; private set; }
    public bool Saved { get; private set; }

    public async Task OnGetAsync(bool saved, CancellationToken ct)
    {
        Saved = saved;
        await LoadAsync(ct);
        if (Own is not null) (TargetHouses, Funding) = (Own.TargetHouses, Own.Funding);
    }

    public async Task<IActionResult> OnPostAsync(int? version, CancellationToken ct)
    {
        await LoadAsync(ct);
        var ok = await TryAsync(async () =>
        {
            var year = Year ?? clock.Today.Year;
            var req = new ProgrammeRequest(Unit, year, TargetHouses, Funding);
            if (version is { } v) await housing.UpdateProgrammeAsync(Unit ?? "", year, req, WelfareApi.Expect(v), ct);
            else await housing.CreateProgrammeAsync(req, ct);
        });
        return ok ? Redirect($"/housing?unit={Uri.EscapeDataString(Unit ?? "")}&year={Year}&saved=true") : Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Unit ??= await WelfareView.HomeUnitAsync(caller, Permission.ManageWelfare, ct) ?? await WelfareView.HomeUnitAsync(caller, Permission.ReadWelfare, ct);
        Year ??= await WelfareView.DefaultYearAsync<HousingProgramme>(db, q => q.Select(p => p.Year), clock.Today.Year, ct);
        if (!await TryAsync(async () => View = await housing.ProgressAsync(Unit, Year, ct))) return;
        var units = await WelfareUnits.LoadAsync(db, ct);
        var unit = units.ByCode(View!.OrgUnitCode)!;
        CanManage = await caller.CanAsync(Permission.ManageWelfare, unit.Id, ct);
        CanRead = await caller.CanAsync(Permission.ReadWelfare, unit.Id, ct);
        Own = await db.Set<HousingProgramme>().AsNoTracking().Where(p => p.OrgUnitId == unit.Id && p.Year == View.Year)
            .Select(p => new ProgrammeDto(unit.Code, p.Year, p.TargetHouses, p.Funding, p.Version)).FirstOrDefaultAsync(ct);
    }
}
