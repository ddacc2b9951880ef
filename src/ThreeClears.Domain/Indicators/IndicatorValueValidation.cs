using System.Globalization;
using ThreeClears.Domain.Periods;

namespace ThreeClears.Domain.Indicators;

/// <summary>One problem with an entered value; <see cref="Field"/> is the API's field name.</summary>
public readonly record struct IndicatorValueError(string Field, string Message);

/// <summary>
/// Checks one entered data value: the period string against the indicator's periodicity, the value
/// against the bounds. Every problem is reported at once; nothing is thrown for bad input.
/// </summary>
/// <remarks>
/// Periodicity rule (a reading of the brief): a value may be entered for a period of the indicator's
/// periodicity <b>or coarser</b> — a monthly indicator also takes an official quarter or year figure
/// (which then wins over the sum of its months, see <see cref="TimeAggregation"/>); a period finer than
/// the periodicity (a month for a quarterly indicator) is rejected. Bounds are inclusive. A derived
/// indicator is computed and takes no entered values.
/// </remarks>
public static class IndicatorValueValidation
{
    public const string PeriodField = "period";
    public const string ValueField = "value";
    public const string IndicatorField = "indicatorCode";

    /// <summary>All problems with (period, value) for the indicator; empty when the row is valid.</summary>
    public static IReadOnlyList<IndicatorValueError> Validate(IndicatorDefinition indicator, string? period, decimal? value, out Period parsed)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        List<IndicatorValueError>? errors = null;
        if (indicator.IsDerived)
            (errors ??= []).Add(new(IndicatorField,
                $"{indicator.Code} is derived (numerator ÷ denominator × factor) and is computed, not entered."));
        if (CheckPeriod(indicator, period, out parsed) is { } periodError)
            (errors ??= []).Add(new(PeriodField, periodError));
        if (CheckValue(indicator, value) is { } valueError)
            (errors ??= []).Add(new(ValueField, valueError));
        return errors ?? (IReadOnlyList<IndicatorValueError>)[];
    }

    /// <summary>The problem with the period string, or null when it is a period the indicator takes.</summary>
    public static string? CheckPeriod(IndicatorDefinition indicator, string? period, out Period parsed)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        if (string.IsNullOrWhiteSpace(period))
        {
            parsed = default;
            return "period is required: use 2025, 2025Q3 or 2025-08.";
        }
        if (!Period.TryParse(period, out parsed))
            return $"'{period}' is not a period: use 2025, 2025Q3 or 2025-08.";
        if (parsed.Kind < indicator.Periodicity) // Month < Quarter < Year
        {
            var suggestion = parsed.Enclosing(indicator.Periodicity);
            return $"'{parsed}' is a {Name(parsed.Kind)} but {indicator.Code} is reported by {Name(indicator.Periodicity)}: use {suggestion} or a coarser period.";
        }
        return null;
    }

    /// <summary>The problem with the value, or null when it is present and within the bounds.</summary>
    public static string? CheckValue(IndicatorDefinition indicator, decimal? value)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        if (value is not { } v) return "value is required.";
        if (indicator.Min is { } min && v < min)
            return string.Create(CultureInfo.InvariantCulture, $"{v} is below the minimum {min} for {indicator.Code}.");
        if (indicator.Max is { } max && v > max)
            return string.Create(CultureInfo.InvariantCulture, $"{v} is above the maximum {max} for {indicator.Code}.");
        return null;
    }

    private static string Name(Periodicity p) => p switch
    {
        Periodicity.Month => "month",
        Periodicity.Quarter => "quarter",
        _ => "year",
    };
}
