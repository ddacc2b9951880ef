using Microsoft.AspNetCore.Mvc;
using ThreeClears.Web.Features.Drafts;
using ThreeClears.Web.Infrastructure;

namespace ThreeClears.Web.Features.Public.Pages;

/// <summary>
/// One opinion on the portal: in full with its answer once published. Before that only its number
/// and that it waits are told (the receipt a citizen gets after sending), never its text.
/// </summary>
public sealed class OpinionModel(OpinionsService opinions, DraftsService drafts) : AppPage
{
    public OpinionDto? Opinion { get; private set; }
    public DraftDto? Draft { get; private set; }
    public int Id { get; private set; }
    public bool Waiting { get; private set; }
    [BindProperty(SupportsGet = true)] public int? Sent { get; set; }

    public async Task OnGetAsync(int id, CancellationToken ct)
    {
        Id = id;
        var status = await opinions.StatusAsync(id, ct);
        if (status is null)
        {
            Response.StatusCode = 404;
            return;
        }
        await TryAsync(async () => Draft = await drafts.GetAsync(status.Value.DraftId, ct));
        if (Draft is null) return;
        if (status.Value.Answered) Opinion = await opinions.GetAsync(id, ct);
        else Waiting = true;
    }
}
