using ThreeClears.Domain.Periods;

namespace ThreeClears.Domain.Indicators;

/// <summary>
/// A derived indicator: numerator ÷ denominator × factor, computed <b>after</b> both parts are aggregated
/// over units and time — never by averaging the units' own ratios. Poverty rate of a district = Σ poor
/// households ÷ Σ households × 100, not the mean of its communes' rates.
/// </summary>
/// <remarks>
/// Computed as (numerator × factor) ÷ denominator, which is the same number with less rounding in the
/// last digit. Null when either part is missing or the denominator is 0. Full decimal precision is
/// kept; rounding for display is the API's job.
/// </remarks>
public static class DerivedIndicator
{
    /// <summary>numerator ÷ denominator × factor; null when a part is missing or the denominator is 0.</summary>
    public static decimal? Compute(decimal? numerator, decimal? denominator, decimal factor)
    {
        if (numerator is not { } n || denominator is not { } d || d == 0m) return null;
        return n * factor / d;
    }

    /// <summary>
    /// The derived value for <paramref name="period"/> from the two parts' series at one unit (already
    /// aggregated over units): each part is aggregated over time to the period by its own time kind,
    /// then divided.
    /// </summary>
    public static decimal? ValueAt(
        IReadOnlyDictionary<Period, decimal> numerator, TimeKind numeratorKind,
        IReadOnlyDictionary<Period, decimal> denominator, TimeKind denominatorKind,
        decimal factor, Period period) =>
        Compute(
            TimeAggregation.ValueAt(numerator, period, numeratorKind),
            TimeAggregation.ValueAt(denominator, period, denominatorKind),
            factor);
}
