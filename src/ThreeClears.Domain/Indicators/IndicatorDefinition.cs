using System.Globalization;
using ThreeClears.Domain.Periods;

namespace ThreeClears.Domain.Indicators;

/// <summary>
/// What the rules need to know about an indicator. A <b>derived</b> indicator names a numerator and a
/// denominator indicator and a factor: value = numerator ÷ denominator × factor, computed after both
/// parts are aggregated over units and time (poverty rate = poor households ÷ households × 100).
/// </summary>
/// <param name="Code">Stable code, e.g. <c>RETAIL_SALES</c>.</param>
/// <param name="Periodicity">The finest period values are entered for.</param>
/// <param name="TimeKind">Flow, level or rate.</param>
/// <param name="Aggregation">Sum, average or none over org units.</param>
/// <param name="Min">Inclusive lower bound for entered values, if any.</param>
/// <param name="Max">Inclusive upper bound for entered values, if any.</param>
/// <param name="NumeratorCode">For a derived indicator: the numerator indicator's code.</param>
/// <param name="DenominatorCode">For a derived indicator: the denominator indicator's code.</param>
/// <param name="Factor">For a derived indicator: the multiplier (100 for a percentage); 1 by default.</param>
public sealed record IndicatorDefinition(
    string Code,
    Periodicity Periodicity,
    TimeKind TimeKind,
    Aggregation Aggregation,
    decimal? Min = null,
    decimal? Max = null,
    string? NumeratorCode = null,
    string? DenominatorCode = null,
    decimal Factor = 1m)
{
    /// <summary>True when the indicator is computed from a numerator and a denominator.</summary>
    public bool IsDerived => NumeratorCode is not null || DenominatorCode is not null;

    /// <summary>
    /// True when year-on-year change is a difference in percentage points rather than a percent:
    /// rates and derived ratios.
    /// </summary>
    public bool ChangeInPercentagePoints => TimeKind == TimeKind.Rate || IsDerived;

    /// <summary>Consistency of the definition itself; empty when it is sound.</summary>
    public IReadOnlyList<string> Validate()
    {
        List<string>? errors = null;
        void Add(string message) => (errors ??= []).Add(message);

        if (string.IsNullOrWhiteSpace(Code)) Add("code is required.");
        if (!Enum.IsDefined(Periodicity)) Add("periodicity must be month, quarter or year.");
        if (!Enum.IsDefined(TimeKind)) Add("timeKind must be flow, level or rate.");
        if (!Enum.IsDefined(Aggregation)) Add("aggregation must be sum, average or none.");
        if (Min is { } min && Max is { } max && min > max)
            Add(string.Create(CultureInfo.InvariantCulture, $"min ({min}) is greater than max ({max})."));
        if (IsDerived)
        {
            if (string.IsNullOrWhiteSpace(NumeratorCode)) Add("a derived indicator needs a numerator.");
            if (string.IsNullOrWhiteSpace(DenominatorCode)) Add("a derived indicator needs a denominator.");
            if (string.Equals(NumeratorCode, Code, StringComparison.Ordinal) || string.Equals(DenominatorCode, Code, StringComparison.Ordinal))
                Add("a derived indicator cannot be computed from itself.");
            if (Factor == 0m) Add("factor must not be 0.");
        }
        return errors ?? (IReadOnlyList<string>)[];
    }
}
