using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ThreeClears.Web.Infrastructure;

namespace ThreeClears.Web.Features.Drafts.Pages;

/// <summary>One opinion for the officials of its draft: the whole text and the form to answer it.</summary>
[Authorize]
public sealed class OpinionAdminModel(DraftsService drafts, OpinionsService opinions, ResponsesService responses) : AppPage
{
    public DraftDto? Draft { get; private set; }
    public OpinionDto? Opinion { get; private set; }
    [BindProperty] public string? Decision { get; set; }
    [BindProperty] public string? Explanation { get; set; }
    [BindProperty] public bool Publish { get; set; }
    [BindProperty] public int? Version { get; set; }

    public async Task OnGetAsync(int id, int oid, CancellationToken ct)
    {
        await LoadAsync(id, oid, ct);
        if (Opinion?.Response is { } r)
        {
            Decision = r.Decision;
            Explanation = r.Explanation;
        }
    }

    public async Task<IActionResult> OnPostAsync(int id, int oid, CancellationToken ct)
    {
        if (Version is { } v) Request.Headers.IfMatch = $"\"{v}\"";
        if (await TryAsync(() => responses.AnswerAsync(oid, new ResponseRequest(Decision, Explanation, Publish), HttpContext, ct)))
            return Redirect($"/drafts/{id}?done={(Publish ? "published" : "answered")}#opinions");
        var status = Response.StatusCode;
        await LoadAsync(id, oid, ct);
        Response.StatusCode = status;
        return Page();
    }

    private Task LoadAsync(int id, int oid, CancellationToken ct) => TryAsync(async () =>
    {
        Draft = await drafts.GetAsync(id, ct);
        var o = await opinions.GetAsync(oid, ct);
        if (o.DraftId != id) throw new NotFoundException($"Opinion {oid} is not an opinion on this draft.");
        Opinion = o;
    });
}
