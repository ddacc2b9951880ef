using ThreeClears.Web.Infrastructure;

namespace ThreeClears.Web.Features.Indicators.Pages;

/// <summary>
/// The indicator form as a browser posts it: numbers as typed (read by <see cref="NumberInput"/>, so that
/// "0,5" and "1.000" mean what a Vietnamese keyboard means), an empty part for a plain indicator.
/// </summary>
public sealed class IndicatorForm
{
    public string? Code { get; set; }
    public string? Name { get; set; }
    public string? NameEn { get; set; }
    public string? Unit { get; set; }
    public string? Periodicity { get; set; }
    public string? TimeKind { get; set; }
    public string? Aggregation { get; set; }
    public string? Min { get; set; }
    public string? Max { get; set; }
    public string? NumeratorCode { get; set; }
    public string? DenominatorCode { get; set; }
    public string? Factor { get; set; }
    public int Version { get; set; }

    public static IndicatorForm From(IndicatorDto i) => new()
    {
        Code = i.Code, Name = i.Name, NameEn = i.NameEn, Unit = i.Unit, Periodicity = i.Periodicity, TimeKind = i.TimeKind,
        Aggregation = i.Aggregation, Min = Show(i.Min), Max = Show(i.Max), NumeratorCode = i.NumeratorCode,
        DenominatorCode = i.DenominatorCode, Factor = Show(i.Factor), Version = i.Version,
    };

    /// <summary>The API request; a number that cannot be read is a field error under the API's field name.</summary>
    public IndicatorRequest ToRequest()
    {
        var checks = new Checks();
        decimal? Number(string field, string? text)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            if (NumberInput.TryParse(text, out var v)) return v;
            checks.Add(field, $"'{text.Trim()}' is not a number: write it like 1234,5 or 1.234,5.");
            return null;
        }
        var min = Number("min", Min);
        var max = Number("max", Max);
        var factor = Number("factor", Factor);
        checks.ThrowIfAny();
        return new IndicatorRequest(Code, Name, NameEn, Unit, Periodicity, TimeKind, Aggregation, min, max,
            Blank(NumeratorCode), Blank(DenominatorCode), factor);
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static string? Show(decimal? v) => v is { } x ? NumberInput.Show(x) : null;
}

/// <summary>What the form partial needs: the page (for its errors), the form, and the indicators a part may name.</summary>
public sealed record IndicatorFormModel(AppPage Page, IndicatorForm Form, bool IsNew, IReadOnlyList<IndicatorDto> Parts);
