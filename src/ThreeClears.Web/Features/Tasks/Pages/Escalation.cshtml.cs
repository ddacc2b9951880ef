using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ThreeClears.Web.Infrastructure;

namespace ThreeClears.Web.Features.Tasks.Pages;

[Authorize]
public sealed class EscalationModel(EscalationsService escalations) : AppPage
{
    public EscalationDto? Escalation { get; private set; }
    [BindProperty] public string? Decision { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public int Version { get; set; }

    public async Task OnGetAsync(int id, CancellationToken ct) => await TryAsync(async () => Escalation = await escalations.GetAsync(id, ct));

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        Request.Headers.IfMatch = $"\"{Version}\"";
        if (await TryAsync(() => escalations.ResolveAsync(id, new ResolveEscalationRequest(Decision, Note), HttpContext, ct)))
            return Redirect($"/escalations/{id}");
        var status = Response.StatusCode;
        await TryAsync(async () => Escalation = await escalations.GetAsync(id, ct));
        Response.StatusCode = status;
        return Page();
    }
}
