using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ThreeClears.Web.Data;
using ThreeClears.Web.Features.Organisation;
using ThreeClears.Web.Infrastructure;
using ThreeClears.Web.Infrastructure.Auth;

namespace ThreeClears.Web.Features.Indicators.Pages;

/// <summary>
/// Where a unit's own figure and what comes from below disagree, for a unit's subtree and a period: each with
/// both figures, the difference and links to the values' history — to be resolved, never hidden.
/// </summary>
[Authorize]
public sealed class DiscrepanciesModel(ThreeClearsDb db, Caller caller, DiscrepancyService discrepancies) : AppPage
{
    [BindProperty(SupportsGet = true)] public string? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public string? Period { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public PageOf<DiscrepancyItemDto>? Result { get; private set; }
    public const int PageSize = 50;

    public async Task OnGetAsync(CancellationToken ct) => await TryAsync(async () =>
    {
        if (string.IsNullOrWhiteSpace(Unit)) Unit = (await caller.GrantsAsync(ct)).Select(g => g.OrgUnitCode).FirstOrDefault();
        if (string.IsNullOrWhiteSpace(Unit)) throw new ForbiddenException("You have no role at any unit.");
        if (string.IsNullOrWhiteSpace(Period)
            && await db.Set<OrgUnit>().AsNoTracking().FirstOrDefaultAsync(u => u.Code == Unit.Trim(), ct) is { } unit
            && await discrepancies.LatestMonthAsync(unit, ct) is { } latest)
            Period = latest.ToString();
        Result = await discrepancies.ListAsync(Unit, Period, approvedOnly: false, new Paging(Math.Max(1, PageNumber), PageSize), ct);
    });

    /// <summary>A figure in the reader's culture (1.234,5 in Vietnamese).</summary>
    public static string N(decimal v) => v.ToString("#,##0.####", System.Globalization.CultureInfo.CurrentCulture);

    public string Link(int page) =>
        $"/data/discrepancies?unit={Uri.EscapeDataString(Unit ?? "")}&period={Uri.EscapeDataString(Period ?? "")}&p={page}";
}
