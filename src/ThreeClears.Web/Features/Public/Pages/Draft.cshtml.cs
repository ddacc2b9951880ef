using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using ThreeClears.Web.Features.Drafts;
using ThreeClears.Web.Infrastructure;

namespace ThreeClears.Web.Features.Public.Pages;

public sealed class OpinionForm
{
    public string? Text { get; set; }
    public string? Group { get; set; } = "citizens";
    public string? Section { get; set; }
    public string? SubmitterName { get; set; }
    public string? Contact { get; set; }
}

/// <summary>
/// A draft on the portal: what it is, the form to send an opinion while it is open (no account,
/// rate-limited per address), its figures, and its answered opinions with their answers.
/// </summary>
[EnableRateLimiting(RateLimits.PublicForm)]
public sealed class DraftModel(DraftsService drafts, OpinionsService opinions) : AppPage
{
    public const int PageSize = 20;
    public DraftDto? Draft { get; private set; }
    public DraftSummaryDto? Summary { get; private set; }
    public PageOf<OpinionDto> Answered { get; private set; } = new([], 0);
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    [BindProperty] public OpinionForm Form { get; set; } = new();

    public async Task OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) && Draft!.Phase == "open") PortalClient.Ensure(HttpContext);
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        OpinionDto? sent = null;
        var client = PortalClient.Ensure(HttpContext);
        var request = new OpinionRequest(Form.Text, Form.Group, Form.Section, null, Form.SubmitterName, Form.Contact);
        if (await TryAsync(async () => sent = await opinions.SubmitAsync(id, request, client, ct)))
            return Redirect($"/portal/opinions/{sent!.Id}?sent=1");
        // The refusal's messages stay on the page (a successful reload does not clear them), and what was typed stays in the form.
        var status = Response.StatusCode;
        await LoadAsync(id, ct);
        Response.StatusCode = status;
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct) => await TryAsync(async () =>
    {
        Draft = await drafts.GetAsync(id, ct);
        Summary = await drafts.SummaryAsync(id, ct);
        Answered = await opinions.ListAsync(id, "answered", null, null, null, Paging.From(Math.Max(1, PageNumber), PageSize), ct);
    });
}
