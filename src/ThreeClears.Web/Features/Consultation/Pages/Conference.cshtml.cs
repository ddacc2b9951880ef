using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ThreeClears.Web.Data;
using ThreeClears.Web.Infrastructure;

namespace ThreeClears.Web.Features.Drafts.Pages;

/// <summary>A conference: its facts, the opinions recorded from it, and the form to record one more.</summary>
[Authorize]
public sealed class ConferenceModel(DraftsService drafts, OpinionsService opinions, ThreeClearsDb db) : AppPage
{
    public DraftDto? Draft { get; private set; }
    public ConferenceDto? Conference { get; private set; }
    public PageOf<OpinionDto> Opinions { get; private set; } = new([], 0);
    public bool Runs { get; private set; }
    [BindProperty] public Public.Pages.OpinionForm Form { get; set; } = new() { Group = "citizens" };
    [BindProperty(SupportsGet = true)] public string? Done { get; set; }

    public async Task OnGetAsync(int id, int cid, CancellationToken ct) => await LoadAsync(id, cid, ct);

    public async Task<IActionResult> OnPostAsync(int id, int cid, CancellationToken ct)
    {
        var request = new OpinionRequest(Form.Text, Form.Group, Form.Section, cid, Form.SubmitterName, null);
        if (await TryAsync(() => opinions.SubmitAsync(id, request, null, ct))) return Redirect($"/drafts/{id}/conferences/{cid}?done=recorded");
        var status = Response.StatusCode;
        await LoadAsync(id, cid, ct);
        Response.StatusCode = status;
        return Page();
    }

    private Task LoadAsync(int id, int cid, CancellationToken ct) => TryAsync(async () =>
    {
        var draft = await drafts.VisibleAsync(id, ct);
        Draft = await drafts.ToDtoAsync(draft, ct);
        Runs = await drafts.RunsAsync(draft, ct);
        Conference = await db.Set<DraftConference>().AsNoTracking().Where(c => c.Id == cid && c.DraftId == id)
            .Select(c => new ConferenceDto(c.Id, c.DraftId, c.Organizer!.Code, c.Organizer.Name, c.Organizer.NameEn, c.Date, c.Location, c.Participants,
                db.Set<Opinion>().Count(o => o.ConferenceId == c.Id))).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException($"No conference {cid} is recorded for this draft.");
        if (Runs) Opinions = await opinions.ListAsync(id, null, null, null, cid, new Paging(1, 200), ct);
    });
}
