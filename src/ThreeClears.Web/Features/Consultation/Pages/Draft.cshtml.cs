using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ThreeClears.Web.Infrastructure;

namespace ThreeClears.Web.Features.Drafts.Pages;

public sealed class ConferenceForm
{
    public string? OrganizerOrgUnitCode { get; set; }
    public string? Date { get; set; }
    public string? Location { get; set; }
    public string? Participants { get; set; }

    public ConferenceRequest ToRequest() => new(OrganizerOrgUnitCode, DraftForm.Date(Date), Location,
        int.TryParse(Participants, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null);
}

public sealed class BatchForm
{
    public List<int> OpinionIds { get; set; } = [];
    public string? Decision { get; set; }
    public string? Explanation { get; set; }
    public bool Publish { get; set; }
}

/// <summary>
/// A draft for the officials who run it: its figures, the opinions still waiting (answered one by
/// one or several at once), publishing the answers kept as drafts, conferences and sections.
/// </summary>
[Authorize]
public sealed class DraftAdminModel(DraftsService drafts, OpinionsService opinions, ResponsesService responses) : AppPage
{
    public const int PageSize = 25;
    public DraftDto? Draft { get; private set; }
    public DraftSummaryDto? Summary { get; private set; }
    public PageOf<OpinionDto> Opinions { get; private set; } = new([], 0);
    public PageOf<ConferenceDto> Conferences { get; private set; } = new([], 0);
    public bool Runs { get; private set; }
    public string? Posted { get; private set; }
    [BindProperty(SupportsGet = true)] public string State { get; set; } = "unanswered";
    [BindProperty(SupportsGet = true)] public string? Group { get; set; }
    [BindProperty(SupportsGet = true)] public string? Section { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    [BindProperty(SupportsGet = true, Name = "cpage")] public int ConferencePage { get; set; } = 1;
    [BindProperty(SupportsGet = true)] public string? Done { get; set; }
    [BindProperty(SupportsGet = true)] public int? Skipped { get; set; }
    [BindProperty] public BatchForm Batch { get; set; } = new();
    [BindProperty] public ConferenceForm Conference { get; set; } = new();
    [BindProperty] public SectionRequest NewSection { get; set; } = new(null, null, null);
    [BindProperty] public DraftForm Edit { get; set; } = new();
    [BindProperty] public int Version { get; set; }

    public static readonly string[] States = ["unanswered", "waiting", "drafted", "answered", "all"];

    public async Task OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct);

    public Task<IActionResult> OnPostBatchAsync(int id, CancellationToken ct) => PostAsync(id, "batch", async () =>
    {
        var r = await responses.AnswerManyAsync(id, new BatchResponseRequest([.. Batch.OpinionIds.Select(i => (int?)i)], Batch.Decision, Batch.Explanation, Batch.Publish), ct);
        // An opinion answered meanwhile by someone else is skipped: the page says how many.
        return (r.Published > 0 ? "published" : "answered") + (r.Rejected.Count > 0 ? "&skipped=" + r.Rejected.Count.ToString(CultureInfo.InvariantCulture) : "");
    }, ct);

    public Task<IActionResult> OnPostPublishAsync(int id, CancellationToken ct) => PostAsync(id, "publish", async () =>
    {
        await responses.PublishAsync(id, null, ct);
        return "published";
    }, ct);

    public Task<IActionResult> OnPostConferenceAsync(int id, CancellationToken ct) => PostAsync(id, "conference", async () =>
    {
        await drafts.AddConferenceAsync(id, Conference.ToRequest(), ct);
        return "conference";
    }, ct);

    public Task<IActionResult> OnPostSectionAsync(int id, CancellationToken ct) => PostAsync(id, "section", async () =>
    {
        await drafts.AddSectionAsync(id, NewSection, ct);
        return "section";
    }, ct);

    public Task<IActionResult> OnPostEditAsync(int id, CancellationToken ct) => PostAsync(id, "edit", async () =>
    {
        Request.Headers.IfMatch = $"\"{Version}\"";
        await drafts.UpdateAsync(id, new DraftUpdateRequest(Edit.Title, DraftForm.Date(Edit.OpenFrom), DraftForm.Date(Edit.OpenTo), Edit.Description), HttpContext, ct);
        return "edited";
    }, ct);

    private async Task<IActionResult> PostAsync(int id, string form, Func<Task<string>> work, CancellationToken ct)
    {
        string? done = null;
        if (await TryAsync(async () => done = await work())) return Redirect($"/drafts/{id}?done={done}");
        Posted = form;
        var status = Response.StatusCode;
        await LoadAsync(id, ct);
        Response.StatusCode = status;
        return Page();
    }

    private async Task LoadAsync(int id, CancellationToken ct)
    {
        if (!States.Contains(State)) State = "unanswered";
        await TryAsync(async () =>
        {
            var draft = await drafts.VisibleAsync(id, ct);
            Runs = await drafts.RunsAsync(draft, ct);
            Draft = await drafts.ToDtoAsync(draft, ct);
            Summary = await drafts.SummaryAsync(id, ct);
            Conferences = await drafts.ConferencesAsync(id, Paging.From(Math.Max(1, ConferencePage), 10), ct);
            if (Runs)
                Opinions = await opinions.ListAsync(id, State == "all" ? null : State, Group, Section, null, Paging.From(Math.Max(1, PageNumber), PageSize), ct);
            if (Edit.Title is null)
            {
                Edit = new DraftForm
                {
                    Title = Draft.Title, Description = Draft.Description, OpenFrom = Draft.OpenFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    OpenTo = Draft.OpenTo.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                };
                Version = Draft.Version;
            }
            Conference.OrganizerOrgUnitCode ??= Draft.OrgUnitCode;
        });
    }

    /// <summary>The page's own address with one query value changed (the tabs and the pager).</summary>
    public string Link(string? state = null, int? page = null)
    {
        var q = new List<string> { "state=" + (state ?? State) };
        if (Group is not null) q.Add("group=" + Uri.EscapeDataString(Group));
        if (Section is not null) q.Add("section=" + Uri.EscapeDataString(Section));
        if ((page ?? (state is null ? PageNumber : 1)) is var p and > 1) q.Add("p=" + p.ToString(CultureInfo.InvariantCulture));
        return $"/drafts/{Draft!.Id}?{string.Join('&', q)}";
    }
}
