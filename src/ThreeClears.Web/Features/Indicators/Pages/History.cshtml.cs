using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ThreeClears.Web.Infrastructure;

namespace ThreeClears.Web.Features.Indicators.Pages;

/// <summary>One value's history: who changed it, when, from what to what, and every status change with its reason.</summary>
[Authorize]
public sealed class HistoryModel(DataValuesService values) : AppPage
{
    [BindProperty(SupportsGet = true)] public string? Indicator { get; set; }
    [BindProperty(SupportsGet = true)] public string? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public string? Period { get; set; }

    public DataValueDetail? Detail { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) =>
        await TryAsync(async () => Detail = await values.GetOneAsync(Indicator ?? "", Unit ?? "", Period ?? "", HttpContext, ct));
}
