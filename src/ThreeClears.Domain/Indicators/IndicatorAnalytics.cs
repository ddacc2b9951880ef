using ThreeClears.Domain.Periods;

namespace ThreeClears.Domain.Indicators;

/// <summary>A target as the plan states it: baseline, target value and year, direction.</summary>
/// <param name="Baseline">The starting value; needed for a <see cref="Direction.Decrease"/> achievement.</param>
/// <param name="TargetValue">The value to reach.</param>
/// <param name="TargetYear">The year it is to be reached (the caller chooses which target applies).</param>
/// <param name="Direction">Whether more or less is better.</param>
public sealed record IndicatorTarget(decimal? Baseline, decimal TargetValue, int TargetYear, Direction Direction);

/// <summary>How the <see cref="IndicatorAnalyticsRow.Forecast"/> was obtained.</summary>
public enum ForecastMethod
{
    /// <summary>Flow: YTD × last year's full year ÷ last year's same-months YTD.</summary>
    History,

    /// <summary>Flow without history: YTD × 12 ÷ months elapsed.</summary>
    RunRate,

    /// <summary>Level, rate or derived ratio: the latest value.</summary>
    LatestValue,
}

/// <summary>
/// One analytics row (the rule's half of <c>GET /api/analytics</c>). Full decimal precision; the API
/// rounds for display.
/// </summary>
/// <param name="Period">The period asked for.</param>
/// <param name="Value">The value of the period (aggregated over time by the time kind).</param>
/// <param name="ValueYearBefore">The value of the same period a year before.</param>
/// <param name="YoyPercent">Year-on-year change: % for flows and levels, percentage points for rates and derived ratios.</param>
/// <param name="Ytd">Flows: this year's sum from January through the period's last month.</param>
/// <param name="YtdYearBefore">Flows: last year's sum over the same months.</param>
/// <param name="YtdYoyPercent">Flows: year-on-year change of the YTD in %.</param>
/// <param name="Actual">YTD for flows; the latest value for levels, rates and derived ratios.</param>
/// <param name="Target">The target value, if a target was given.</param>
/// <param name="AchievementPercent">Actual against the target, in %.</param>
/// <param name="Forecast">Year-end forecast (flows) or the latest value (others).</param>
/// <param name="ForecastMethod">How the forecast was made; null when there is none.</param>
/// <param name="OnTrack">Whether the forecast meets the target; null without a target or a forecast.</param>
/// <param name="ChangeInPercentagePoints">True when <see cref="YoyPercent"/> is in percentage points.</param>
public sealed record IndicatorAnalyticsRow(
    Period Period,
    decimal? Value,
    decimal? ValueYearBefore,
    decimal? YoyPercent,
    decimal? Ytd,
    decimal? YtdYearBefore,
    decimal? YtdYoyPercent,
    decimal? Actual,
    decimal? Target,
    decimal? AchievementPercent,
    decimal? Forecast,
    ForecastMethod? ForecastMethod,
    bool? OnTrack,
    bool ChangeInPercentagePoints);

/// <summary>
/// The figures derived for an indicator at a unit for a period P, from its values already aggregated
/// over units (a series keyed by the periods stored or rolled up: months, quarters, years).
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><b>Value</b> of P: <see cref="TimeAggregation.ValueAt"/>.</item>
/// <item><b>YTD</b> (flows only): <see cref="TimeAggregation.YearToDate"/> through P's last month —
/// for a quarterly series through 2025Q3 that is Q1 + Q2 + Q3.</item>
/// <item><b>yoyPercent</b> = (value(P) − value(P − 1y)) ÷ value(P − 1y) × 100 for flows and levels; null
/// when last year's value is missing or 0. For rates and derived ratios: value(P) − value(P − 1y) in
/// percentage points. <b>ytdYoyPercent</b> likewise for the YTD (flows only).</item>
/// <item><b>Actual</b> = YTD for flows; the latest value (<see cref="TimeAggregation.Latest"/>) for
/// levels, rates and derived ratios.</item>
/// <item><b>Achievement</b>: increase → actual ÷ target × 100; decrease → (baseline − actual) ÷
/// (baseline − target) × 100. Null when a term is missing or the divisor is 0.</item>
/// <item><b>Forecast</b> (flows): YTD × last year's full year ÷ last year's same-months YTD; when there
/// is no history — last year's same-months YTD missing or 0 — YTD × 12 ÷ months elapsed, months
/// elapsed being P's last month (8 for 2025-08, 9 for 2025Q3, 12 for 2025). Missing months inside
/// the YTD are not extrapolated separately. If last year's same-months YTD exists but last year's
/// full year is not complete (a stored year figure, or all four quarters each stored or with all three
/// months — see <see cref="TimeAggregation.MonthsCovered"/>), the history cannot be used and the run
/// rate is used too. For levels, rates and
/// derived ratios the forecast is the latest value.</item>
/// <item><b>onTrack</b>: forecast ≥ target (increase) or ≤ target (decrease); null without a target or
/// a forecast.</item>
/// </list>
/// <para>Derived ratios are treated as rates here: pass their series computed per period by
/// <see cref="DerivedIndicator"/> (at least for P and P − 1y). Divisions multiply first
/// (a × 100 ÷ b) and keep full decimal precision.</para>
/// </remarks>
public static class IndicatorAnalytics
{
    /// <summary>The analytics row for <paramref name="indicator"/> at period <paramref name="period"/>.</summary>
    public static IndicatorAnalyticsRow Compute(
        IndicatorDefinition indicator, Period period, IReadOnlyDictionary<Period, decimal> values, IndicatorTarget? target)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return Compute(period, indicator.TimeKind, indicator.IsDerived, values, target);
    }

    /// <summary>The analytics row; <paramref name="isDerivedRatio"/> makes the indicator behave as a rate.</summary>
    public static IndicatorAnalyticsRow Compute(
        Period period, TimeKind timeKind, bool isDerivedRatio, IReadOnlyDictionary<Period, decimal> values, IndicatorTarget? target)
    {
        ArgumentNullException.ThrowIfNull(values);
        var kind = isDerivedRatio ? TimeKind.Rate : timeKind;
        var inPoints = kind == TimeKind.Rate;
        var lastYear = period.YearBefore;

        var value = TimeAggregation.ValueAt(values, period, kind);
        var valueYearBefore = TimeAggregation.ValueAt(values, lastYear, kind);
        var yoy = Change(value, valueYearBefore, inPoints);

        decimal? ytd = null, ytdYearBefore = null, ytdYoy = null, actual, forecast;
        ForecastMethod? method;
        if (kind == TimeKind.Flow)
        {
            var months = period.LastMonth;
            ytd = TimeAggregation.YearToDate(values, period.Year, months);
            ytdYearBefore = TimeAggregation.YearToDate(values, lastYear.Year, months);
            ytdYoy = Change(ytd, ytdYearBefore, inPercentagePoints: false);
            actual = ytd;
            // Last year's full year is usable only when it is complete: with months missing it would be
            // little more than its own YTD and the forecast would stall at this year's YTD.
            var lastYearPeriod = Period.OfYear(lastYear.Year);
            var lastFullYear = TimeAggregation.MonthsCovered(values, lastYearPeriod) == 12
                ? TimeAggregation.Flow(values, lastYearPeriod)
                : null;
            forecast = FlowForecast(ytd, ytdYearBefore, lastFullYear, months, out method);
        }
        else
        {
            actual = TimeAggregation.Latest(values, period);
            forecast = actual;
            method = actual is null ? null : ForecastMethod.LatestValue;
        }

        return new IndicatorAnalyticsRow(
            period, value, valueYearBefore, yoy, ytd, ytdYearBefore, ytdYoy, actual,
            target?.TargetValue, Achievement(actual, target), forecast, method, OnTrack(forecast, target), inPoints);
    }

    /// <summary>
    /// Year-on-year change: value − yearBefore in percentage points, or (value − yearBefore) ÷ yearBefore
    /// × 100 in percent (null when yearBefore is 0). Null when either is missing.
    /// </summary>
    public static decimal? Change(decimal? value, decimal? yearBefore, bool inPercentagePoints)
    {
        if (value is not { } v || yearBefore is not { } b) return null;
        if (inPercentagePoints) return v - b;
        return b == 0m ? null : (v - b) * 100m / b;
    }

    /// <summary>
    /// Achievement in %: increase → actual ÷ target × 100; decrease → (baseline − actual) ÷
    /// (baseline − target) × 100. Null without a target or actual, when a decrease has no baseline,
    /// or when the divisor is 0.
    /// </summary>
    public static decimal? Achievement(decimal? actual, IndicatorTarget? target)
    {
        if (actual is not { } a || target is null) return null;
        var t = target.TargetValue;
        if (target.Direction == Direction.Increase)
            return t == 0m ? null : a * 100m / t;
        if (target.Baseline is not { } baseline || baseline == t) return null;
        return (baseline - a) * 100m / (baseline - t);
    }

    /// <summary>
    /// Year-end forecast of a flow. With history (last year's same-months YTD present and not 0, and last
    /// year's full year present): ytd × lastYearFull ÷ lastYearSameMonthsYtd. Otherwise ytd × 12 ÷
    /// <paramref name="monthsElapsed"/>. Null when there is no YTD.
    /// </summary>
    public static decimal? FlowForecast(
        decimal? ytd, decimal? lastYearSameMonthsYtd, decimal? lastYearFull, int monthsElapsed, out ForecastMethod? method)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(monthsElapsed, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(monthsElapsed, 12);
        if (ytd is not { } y)
        {
            method = null;
            return null;
        }
        if (lastYearSameMonthsYtd is { } lastYtd && lastYtd != 0m && lastYearFull is { } lastFull)
        {
            method = ForecastMethod.History;
            return y * lastFull / lastYtd;
        }
        method = ForecastMethod.RunRate;
        return y * 12m / monthsElapsed;
    }

    /// <summary>forecast ≥ target (increase) or ≤ target (decrease); null without both.</summary>
    public static bool? OnTrack(decimal? forecast, IndicatorTarget? target)
    {
        if (forecast is not { } f || target is null) return null;
        return target.Direction == Direction.Increase ? f >= target.TargetValue : f <= target.TargetValue;
    }
}
