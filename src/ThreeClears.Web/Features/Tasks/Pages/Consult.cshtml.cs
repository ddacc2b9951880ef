using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ThreeClears.Domain.Tasks;
using ThreeClears.Web.Features.Organisation;
using ThreeClears.Web.Infrastructure;

namespace ThreeClears.Web.Features.Tasks.Pages;

[Authorize]
public sealed class ConsultModel(ConsultationsService consultations, OrganisationService units) : AppPage
{
    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "";
    [BindProperty] public string? ToOrgUnitCode { get; set; }
    [BindProperty] public string? Question { get; set; }
    [BindProperty] public DateOnly? Deadline { get; set; }
    [BindProperty] public string? LegalBasis { get; set; }
    public List<OrgUnitListItem> Units { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Units = await units.TreeAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ConsultationDto? asked = null;
        if (await TryAsync(async () => asked = await consultations.AskAsync(Id, new ConsultationRequestInput(ToOrgUnitCode, Question, Deadline, LegalBasis), ct)))
            return Redirect($"/consultations/{asked!.Id}");
        Units = await units.TreeAsync(ct);
        return Page();
    }
}
