using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ThreeClears.Domain;
using ThreeClears.Domain.Access;
using ThreeClears.Domain.Welfare;
using ThreeClears.Web.Data;
using ThreeClears.Web.Infrastructure;
using ThreeClears.Web.Infrastructure.Auth;

namespace ThreeClears.Web.Features.Welfare.Pages;

/// <summary>One household: its data (read with the welfare permission), its edit form, its revisions and housing support.</summary>
[Authorize]
public sealed class HouseholdModel(HouseholdsService households, HousingService housing, Caller caller, ThreeClearsDb db) : AppPage
{
    [BindProperty(SupportsGet = true)] public string Code { get; set; } = "";
    [BindProperty] public HouseholdForm Form { get; set; } = new();
    public HouseholdDto? Household { get; private set; }
    public IReadOnlyList<HouseholdRevisionDto> Revisions { get; private set; } = [];
    public IReadOnlyList<SupportDto> Support { get; private set; } = [];
    public bool CanEdit { get; private set; }
    public bool Saved { get; private set; }

    public static IReadOnlyList<string> Poverty => ApiSpelling.All<PovertyStatus>();
    public static IReadOnlyList<string> Housing => ApiSpelling.All<HousingCondition>();
    public static IReadOnlyList<string> Kitchens => ApiSpelling.All<KitchenCondition>();
    public static IReadOnlyList<string> Sanitation => ApiSpelling.All<SanitationCondition>();

    public async Task<IActionResult> OnGetAsync(bool saved, CancellationToken ct)
    {
        Saved = saved;
        if (!await TryAsync(() => LoadAsync(ct))) return Page();
        Form = HouseholdForm.Of(Household!);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // Loaded first, so that a refused change shows what was typed next to its errors.
        if (!await TryAsync(() => LoadAsync(ct))) return Page();
        if (await TryAsync(() => households.UpdateAsync(Code, Form.ToWrite(), WelfareApi.Expect(Form.Version), ct)))
            return Redirect($"/households/{Uri.EscapeDataString(Code)}?saved=true");
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Household = await households.GetAsync(Code, ct);
        Revisions = await households.RevisionsAsync(Code, ct);
        var id = await db.Set<Household>().Where(h => h.Code == Household.Code).Select(h => h.OrgUnitId).FirstAsync(ct);
        CanEdit = await caller.CanAsync(Permission.ManageWelfare, id, ct);
        var ids = await db.Set<HousingSupport>().Where(s => s.Household!.Code == Household.Code).OrderByDescending(s => s.Year).Select(s => s.Id).ToListAsync(ct);
        var list = new List<SupportDto>();
        foreach (var s in ids) list.Add(await housing.GetSupportAsync(s, ct));
        Support = list;
    }

    public sealed class HouseholdForm
    {
        public string? CommuneCode { get; set; }
        public string? Village { get; set; }
        public string? HeadName { get; set; }
        public int? Members { get; set; }
        public string? Poverty { get; set; }
        public string? Housing { get; set; }
        public string? Kitchen { get; set; }
        public string? Sanitation { get; set; }
        public int Version { get; set; }

        public static HouseholdForm Of(HouseholdDto h) => new()
        {
            CommuneCode = h.CommuneCode, Village = h.Village, HeadName = h.HeadName, Members = h.Members, Poverty = h.Poverty, Housing = h.Housing,
            Kitchen = h.Kitchen, Sanitation = h.Sanitation, Version = h.Version,
        };

        public HouseholdWrite ToWrite() => new(CommuneCode, Village, HeadName, Members, Poverty, Housing, Kitchen, Sanitation);
    }
}
