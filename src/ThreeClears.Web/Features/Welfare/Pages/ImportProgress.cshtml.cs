using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ThreeClears.Web.Infrastructure;

namespace ThreeClears.Web.Features.Welfare.Pages;

/// <summary>How far an import is; while it runs, the page asks again every few seconds by itself (a meta refresh, no script).</summary>
[Authorize]
public sealed class ImportProgressModel(HouseholdsService households) : AppPage
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    public ImportProgressDto? Import { get; private set; }
    public bool Running => Import?.Status == "running";

    public async Task OnGetAsync(CancellationToken ct) => await TryAsync(async () => Import = await households.ImportProgressAsync(Id, ct));

    public double? Percent => Import is { LinesTotal: > 0 } i ? Math.Min(100, 100.0 * Math.Max(0, i.LinesDone - 1) / i.LinesTotal.Value) : null;
}
