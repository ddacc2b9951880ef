using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ThreeClears.Web.Infrastructure;

namespace ThreeClears.Web.Features.Indicators.Pages;

/// <summary>
/// One indicator: its definition for everyone logged in, the form for the administrator. The form carries the
/// version it was read at, so that two administrators do not overwrite each other (409 answered on the form).
/// </summary>
[Authorize]
public sealed class EditIndicatorModel(IndicatorsService indicators) : AppPage
{
    [BindProperty] public IndicatorForm Form { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? Done { get; set; }
    public IndicatorDto? Indicator { get; private set; }
    public IReadOnlyList<IndicatorDto> Parts { get; private set; } = [];
    public IReadOnlyList<IndicatorDto> UsedBy { get; private set; } = [];
    public bool CanEdit { get; private set; }

    public async Task OnGetAsync(string code, CancellationToken ct)
    {
        if (await LoadAsync(code, ct)) Form = IndicatorForm.From(Indicator!);
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        Request.Headers.IfMatch = $"\"{Form.Version}\"";
        Form.Code = code;
        if (await TryAsync(() => indicators.UpdateAsync(code, Form.ToRequest(), HttpContext, ct)))
            return Redirect($"/indicators/{Uri.EscapeDataString(code)}?done=saved");
        var status = Response.StatusCode;
        await LoadAsync(code, ct); // keeps the refusal: a load that works sets no problem
        Response.StatusCode = status;
        return Page();
    }

    private async Task<bool> LoadAsync(string code, CancellationToken ct)
    {
        if (!await TryAsync(async () => Indicator = await indicators.GetAsync(code, ct))) return false;
        var all = (await indicators.ListAsync(new Paging(1, Paging.MaxPageSize), ct)).Items;
        Parts = [.. all.Where(i => !i.Derived && i.Code != code)];
        UsedBy = [.. all.Where(i => i.NumeratorCode == code || i.DenominatorCode == code)];
        CanEdit = await indicators.CanKeepCatalogueAsync(ct);
        return true;
    }
}
