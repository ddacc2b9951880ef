using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ThreeClears.Web.Infrastructure;

namespace ThreeClears.Web.Features.Indicators.Pages;

/// <summary>The administrator adds an indicator to the catalogue; refused fields are answered next to themselves.</summary>
[Authorize]
public sealed class NewIndicatorModel(IndicatorsService indicators) : AppPage
{
    [BindProperty] public IndicatorForm Form { get; set; } = new() { Periodicity = "month", TimeKind = "flow", Aggregation = "sum" };
    public IReadOnlyList<IndicatorDto> Parts { get; private set; } = [];
    public bool CanEdit { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        IndicatorDto? created = null;
        if (await TryAsync(async () => created = await indicators.CreateAsync(Form.ToRequest(), ct)))
            return Redirect($"/indicators/{Uri.EscapeDataString(created!.Code)}?done=created");
        var status = Response.StatusCode;
        await LoadAsync(ct);
        Response.StatusCode = status;
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        CanEdit = await indicators.CanKeepCatalogueAsync(ct);
        Parts = [.. (await indicators.ListAsync(new Paging(1, Paging.MaxPageSize), ct)).Items.Where(i => !i.Derived)];
    }
}
