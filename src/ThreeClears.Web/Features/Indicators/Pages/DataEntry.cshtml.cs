using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ThreeClears.Domain.Access;
using ThreeClears.Domain.Periods;
using ThreeClears.Web.Data;
using ThreeClears.Web.Features.Organisation;
using ThreeClears.Web.Infrastructure;
using ThreeClears.Web.Infrastructure.Auth;

namespace ThreeClears.Web.Features.Indicators.Pages;

/// <summary>
/// The statistician's grid: a unit's monthly indicators by month for a year, saved in one batch
/// (good cells kept, bad ones answered next to themselves), and the month's submit, approve and reopen.
/// </summary>
[Authorize]
public sealed class DataEntryModel(ThreeClearsDb db, Caller caller, DataValuesService values) : AppPage
{
    [BindProperty(SupportsGet = true)] public string? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public string? Indicator { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Done { get; set; }
    /// <summary>What was typed, by cell key ("CODE:2026-01"); kept as typed when anything is refused.</summary>
    [BindProperty] public Dictionary<string, string?> Cells { get; set; } = [];
    [BindProperty] public int? Month { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public OrgUnit? UnitRow { get; private set; }
    public List<Indicator> Indicators { get; private set; } = [];
    public Dictionary<string, DataValueDto> Stored { get; private set; } = [];
    public Dictionary<string, string> CellErrors { get; } = [];
    public bool CanEnter { get; private set; }
    public bool CanSubmit { get; private set; }
    public bool CanApprove { get; private set; }
    public bool Unsaved => CellErrors.Count > 0;

    public static string Key(string indicator, int year, int month) => $"{indicator}:{Period.OfMonth(year, month)}";

    public string Link(string? handler = null) =>
        $"/data?unit={Uri.EscapeDataString(Unit ?? "")}&year={Year}"
        + (string.IsNullOrEmpty(Indicator) ? "" : $"&indicator={Uri.EscapeDataString(Indicator)}")
        + (handler is null ? "" : $"&handler={handler}");

    /// <summary>What the cell's input shows: what was typed if it was posted, else the stored value.</summary>
    public string Shown(string key) =>
        Cells.TryGetValue(key, out var typed) ? typed ?? "" : Stored.TryGetValue(key, out var v) ? NumberInput.Show(v.Value) : "";

    public async Task OnGetAsync(CancellationToken ct) => await TryAsync(() => LoadAsync(ct));

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        if (!await TryAsync(() => LoadAsync(ct))) return Page();
        var rows = new List<DataValueRow?>();
        var keys = new List<string>();
        foreach (var ind in Indicators)
        {
            for (var m = 1; m <= 12; m++)
            {
                var key = Key(ind.Code, Year!.Value, m);
                if (!Cells.TryGetValue(key, out var typed) || string.IsNullOrWhiteSpace(typed)) continue;
                if (!NumberInput.TryParse(typed, out var number))
                {
                    CellErrors[key] = $"'{typed.Trim()}' is not a number: write it like 1234,5 or 1.234,5.";
                    continue;
                }
                if (Stored.TryGetValue(key, out var old) && old.Value == number) continue;
                rows.Add(new DataValueRow(ind.Code, UnitRow!.Code, Period.OfMonth(Year.Value, m).ToString(), number, null, null));
                keys.Add(key);
            }
        }
        if (rows.Count > 0)
        {
            BatchResult? result = null;
            if (!await TryAsync(async () => result = await values.PutBatchAsync(rows, ct))) return Page();
            foreach (var r in result!.Rejected)
                CellErrors[keys[r.Index]] = string.Join(" ", r.Errors.SelectMany(e => e.Value));
        }
        if (CellErrors.Count == 0) return Redirect(Link() + "&done=saved");
        await TryAsync(() => LoadAsync(ct)); // the accepted cells now show their new status
        Response.StatusCode = 400;
        return Page();
    }

    public Task<IActionResult> OnPostSubmitAsync(CancellationToken ct) => WorkflowAsync("submitted", r => values.SubmitAsync(r, ct), ct);

    public Task<IActionResult> OnPostApproveAsync(CancellationToken ct) => WorkflowAsync("approved", r => values.ApproveAsync(r, ct), ct);

    public Task<IActionResult> OnPostReopenAsync(CancellationToken ct) => WorkflowAsync("reopened", r => values.ReopenAsync(r, ct), ct);

    private async Task<IActionResult> WorkflowAsync(string done, Func<WorkflowRequest, Task<WorkflowResult>> action, CancellationToken ct)
    {
        if (!await TryAsync(() => LoadAsync(ct))) return Page();
        var period = Month is >= 1 and <= 12 ? Period.OfMonth(Year!.Value, Month.Value).ToString() : null;
        List<string?> codes = [.. Indicators.Select(i => (string?)i.Code)];
        if (await TryAsync(() => action(new WorkflowRequest(UnitRow!.Code, period, codes, Reason))))
            return Redirect(Link() + "&done=" + done);
        Cells = []; // the grid shows what is stored; the workflow form keeps its month and reason
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Year ??= DateTime.UtcNow.AddHours(7).Year;
        if (Year is < 2000 or > 2100) throw new ValidationException(new Dictionary<string, string[]> { ["year"] = ["must be between 2000 and 2100."] });
        if (string.IsNullOrWhiteSpace(Unit))
            Unit = (await caller.GrantsAsync(ct)).Select(g => g.OrgUnitCode).FirstOrDefault();
        if (string.IsNullOrWhiteSpace(Unit)) throw new ForbiddenException("You have no role at any unit.");
        UnitRow = await db.Set<OrgUnit>().AsNoTracking().FirstOrDefaultAsync(u => u.Code == Unit, ct)
            ?? throw new NotFoundException($"No org unit has code '{Unit}'.");
        await caller.RequireAsync(Permission.ReadData, UnitRow.Id, ct);
        var q = db.Set<Indicator>().AsNoTracking().Where(i => i.Periodicity == Periodicity.Month && i.NumeratorCode == null && i.DenominatorCode == null);
        if (!string.IsNullOrWhiteSpace(Indicator)) q = q.Where(i => i.Code == Indicator);
        Indicators = await q.OrderBy(i => i.Code).ToListAsync(ct);
        if (!string.IsNullOrWhiteSpace(Indicator) && Indicators.Count == 0)
            throw new NotFoundException($"No monthly indicator has code '{Indicator}'.");
        var page = await values.ListAsync(null, UnitRow.Code, Year.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), false, null,
            new Paging(1, Paging.MaxPageSize), ct);
        Stored = page.Items.Where(v => v.Period.Length == 7).ToDictionary(v => $"{v.IndicatorCode}:{v.Period}");
        CanEnter = await caller.CanAsync(Permission.EnterData, UnitRow.Id, ct);
        CanSubmit = await caller.CanAsync(Permission.SubmitData, UnitRow.Id, ct);
        CanApprove = await caller.CanAsync(Permission.ApproveData, UnitRow.Id, ct);
    }
}
