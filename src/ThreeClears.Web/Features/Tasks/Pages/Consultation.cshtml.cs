using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ThreeClears.Domain.Tasks;
using ThreeClears.Web.Infrastructure;

namespace ThreeClears.Web.Features.Tasks.Pages;

[Authorize]
public sealed class ConsultationModel(ConsultationsService consultations) : AppPage
{
    public ConsultationDto? Consultation { get; private set; }
    [BindProperty] public string? Outcome { get; set; }
    [BindProperty] public string? Reasons { get; set; }
    [BindProperty] public string? Alternative { get; set; }
    [BindProperty] public int Version { get; set; }

    public async Task OnGetAsync(int id, CancellationToken ct) => await TryAsync(async () => Consultation = await consultations.GetAsync(id, ct));

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        Request.Headers.IfMatch = $"\"{Version}\"";
        if (await TryAsync(() => consultations.RespondAsync(id, new ConsultationResponseInput(Outcome, Reasons, Alternative), HttpContext, ct)))
            return Redirect($"/consultations/{id}");
        var status = Response.StatusCode;
        await TryAsync(async () => Consultation = await consultations.GetAsync(id, ct));
        Response.StatusCode = status;
        return Page();
    }
}
