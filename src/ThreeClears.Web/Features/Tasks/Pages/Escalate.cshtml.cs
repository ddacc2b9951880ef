using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ThreeClears.Web.Infrastructure;

namespace ThreeClears.Web.Features.Tasks.Pages;

[Authorize]
public sealed class EscalateModel(EscalationsService escalations) : AppPage
{
    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "";
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? Question { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        EscalationDto? raised = null;
        if (await TryAsync(async () => raised = await escalations.RaiseAsync(Id, new RaiseEscalationRequest(Reason, Question), ct)))
            return Redirect($"/escalations/{raised!.Id}");
        return Page();
    }
}
