using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ThreeClears.Domain.Access;
using ThreeClears.Domain.Drafts;
using ThreeClears.Web.Data;
using ThreeClears.Web.Features.Organisation;
using ThreeClears.Web.Infrastructure;
using ThreeClears.Web.Infrastructure.Auth;

namespace ThreeClears.Web.Features.Drafts.Pages;

public sealed class DraftForm
{
    public string? Title { get; set; }
    public string? OrgUnitCode { get; set; }
    public string? OpenFrom { get; set; }
    public string? OpenTo { get; set; }
    public string? Description { get; set; }
    /// <summary>One section a line: "key. title" (or "key title").</summary>
    public string? Sections { get; set; }

    public DraftRequest ToRequest() => new(Title, Date(OpenFrom), Date(OpenTo), OrgUnitCode, Description,
        Sections is null ? null : [.. Sections.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Section)]);

    internal static DateOnly? Date(string? s) =>
        DateOnly.TryParseExact(s?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static SectionRequest Section(string line)
    {
        var cut = line.IndexOfAny(['.', ' ', '\t']);
        return cut <= 0 ? new SectionRequest(line, line, null) : new SectionRequest(line[..cut], line[(cut + 1)..].Trim(), null);
    }
}

/// <summary>The officials' list of drafts in their units, with what still waits, and the form to put a new draft to consultation.</summary>
[Authorize]
public sealed class DraftsModel(DraftsService drafts, ThreeClearsDb db, Caller caller, AppClock clock) : AppPage
{
    public IReadOnlyList<DraftDto> Drafts { get; private set; } = [];
    public Dictionary<int, int> Unanswered { get; private set; } = [];
    public List<(string Code, string Name, string NameEn)> Units { get; private set; } = [];
    public bool Posted { get; private set; }
    [BindProperty] public DraftForm Form { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var me = caller.UserId;
        Form.OrgUnitCode = await db.Users.Where(u => u.Id == me).Select(u => u.OrgUnit!.Code).FirstAsync(ct);
        Form.OpenFrom = clock.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Form.OpenTo = clock.Today.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        DraftDto? made = null;
        if (await TryAsync(async () => made = await drafts.CreateAsync(Form.ToRequest(), ct))) return Redirect($"/drafts/{made!.Id}?done=created");
        Posted = true;
        var status = Response.StatusCode;
        await LoadAsync(ct);
        Response.StatusCode = status;
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Drafts = (await drafts.ListAsync(null, null, new Paging(1, 100), ct)).Items;
        var ids = Drafts.Select(d => d.Id).ToList();
        Unanswered = await db.Set<Opinion>().Where(o => ids.Contains(o.DraftId) && (o.Response == null || o.Response.State == ResponseState.Draft))
            .GroupBy(o => o.DraftId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        Units = [.. (await (await caller.Scoped(db.Set<OrgUnit>().AsNoTracking().Where(u => u.DissolvedOn == null), Permission.ManageDrafts, u => u.Id, ct))
            .OrderBy(u => u.Depth).ThenBy(u => u.Name).Select(u => new { u.Code, u.Name, u.NameEn }).ToListAsync(ct)).Select(u => (u.Code, u.Name, u.NameEn))];
    }
}
