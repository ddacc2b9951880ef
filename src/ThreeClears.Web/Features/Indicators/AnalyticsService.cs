using Microsoft.EntityFrameworkCore;
using ThreeClears.Domain;
using ThreeClears.Domain.Access;
using ThreeClears.Domain.Indicators;
using ThreeClears.Domain.Periods;
using ThreeClears.Web.Data;
using ThreeClears.Web.Features.Organisation;
using ThreeClears.Web.Infrastructure;
using ThreeClears.Web.Infrastructure.Auth;

namespace ThreeClears.Web.Features.Indicators;

public sealed record DiscrepancyDto(decimal Own, decimal RolledUp, decimal Difference);

/// <summary>
/// One row of <c>GET /api/analytics</c>; figures rounded to 4 decimals. <c>own</c> is the unit's own figure
/// (entered there, or for periods before a merger inherited from its predecessors), <c>rolledUp</c> what its
/// children give, <c>discrepancy</c> the two when they differ; <c>inherited</c> what its predecessors give,
/// <c>lineageDiscrepancy</c> a figure entered for the past that differs from it.
/// </summary>
public sealed record AnalyticsRowDto(
    string IndicatorCode, string OrgUnitCode, string Period, decimal? Value, decimal? ValueYearBefore, decimal? YoyPercent,
    decimal? Ytd, decimal? YtdYearBefore, decimal? YtdYoyPercent, decimal? Actual, decimal? Target, decimal? AchievementPercent,
    decimal? Forecast, string? ForecastMethod, bool? OnTrack, bool ChangeInPercentagePoints,
    decimal? Own, decimal? RolledUp, DiscrepancyDto? Discrepancy, IReadOnlyList<AnalyticsRowDto> Children,
    decimal? Inherited = null, DiscrepancyDto? LineageDiscrepancy = null);

/// <summary>One point of a trend line: a month or quarter and the figure (cumulative for flows).</summary>
public sealed record TrendPoint(string Period, int Index, decimal Value);

/// <summary>
/// An analytics row with the trend behind it at the unit: this year up to the period and the whole of last
/// year, by the indicator's month or quarter — year to date for flows, the value for levels and rates.
/// </summary>
public sealed record AnalyticsResult(AnalyticsRowDto Row, IReadOnlyList<TrendPoint> ThisYear, IReadOnlyList<TrendPoint> LastYear, bool Cumulative);

/// <summary>
/// Analytics over the entered values: each unit's official figure per period by <see cref="TreeRollUp"/> (a
/// value entered at the unit wins; otherwise its children roll up by the indicator's aggregation, a
/// difference is reported as a discrepancy; merged and split units' history rolls into their successors),
/// then the domain's time rules (value, YTD, year-on-year, forecast). A derived indicator rolls up its
/// numerator and denominator and divides afterwards.
/// </summary>
public sealed class AnalyticsService(ThreeClearsDb db, Caller caller)
{
    public Task<AnalyticsRowDto> GetAsync(string? indicatorCode, string? orgUnitCode, string? period, bool children, bool approvedOnly,
        CancellationToken ct) => ReadAsync(indicatorCode, orgUnitCode, period, children, approvedOnly, publicRead: false, ct);

    /// <summary>The public portal's reading: approved values only (PRODUCT.md), for anyone, logged in or not.</summary>
    public Task<AnalyticsRowDto> PublicAsync(string indicatorCode, string orgUnitCode, string period, CancellationToken ct) =>
        ReadAsync(indicatorCode, orgUnitCode, period, children: false, approvedOnly: true, publicRead: true, ct);

    private async Task<AnalyticsRowDto> ReadAsync(string? indicatorCode, string? orgUnitCode, string? period, bool children, bool approvedOnly,
        bool publicRead, CancellationToken ct)
    {
        if (!publicRead) _ = caller.UserId;
        var checks = new Checks();
        checks.Text("indicator", indicatorCode, 64);
        checks.Text("orgUnit", orgUnitCode, 64);
        var p = ParsePeriod(checks, period);
        checks.ThrowIfAny();

        var indicator = await db.Set<Indicator>().AsNoTracking().FirstOrDefaultAsync(i => i.Code == indicatorCode!.Trim(), ct)
            ?? throw new NotFoundException($"No indicator has code '{indicatorCode}'.");
        var unit = await db.Set<OrgUnit>().AsNoTracking().FirstOrDefaultAsync(u => u.Code == orgUnitCode!.Trim(), ct)
            ?? throw new NotFoundException($"No org unit has code '{orgUnitCode}'.");
        if (!publicRead)
        {
            caller.KnowPath(unit.Id, unit.Path);
            await caller.RequireAsync(Permission.ReadData, unit.Id, ct);
        }
        return (await ComputeAsync(unit, [indicator], p, children, approvedOnly, ct))[0].Row;
    }

    /// <summary>The period parameter: required, one of 2025, 2025Q3, 2025-08.</summary>
    internal static Period ParsePeriod(Checks checks, string? period)
    {
        Period p = default;
        if (string.IsNullOrWhiteSpace(period)) checks.Add("period", "is required: use 2025, 2025Q3 or 2025-08.");
        else if (!Period.TryParse(period.Trim(), out p)) checks.Add("period", $"'{period}' is not a period: use 2025, 2025Q3 or 2025-08.");
        return p;
    }

    /// <summary>
    /// Analytics of several indicators at one unit, reading the tree, the lineage and the values once. The
    /// caller has checked the right to read the unit's data.
    /// </summary>
    public async Task<IReadOnlyList<AnalyticsResult>> ComputeAsync(OrgUnit unit, IReadOnlyList<Indicator> indicators, Period p, bool children,
        bool approvedOnly, CancellationToken ct)
    {
        if (indicators.Count == 0) return [];
        // The parts of derived indicators, by code.
        var byCode = indicators.ToDictionary(i => i.Code, StringComparer.Ordinal);
        var missing = indicators.Where(i => i.IsDerived).SelectMany(i => new[] { i.NumeratorCode!, i.DenominatorCode! })
            .Where(c => !byCode.ContainsKey(c)).Distinct().ToList();
        if (missing.Count > 0)
            foreach (var part in await db.Set<Indicator>().AsNoTracking().Where(i => missing.Contains(i.Code)).ToListAsync(ct))
                byCode[part.Code] = part;
        Indicator[] PartsOf(Indicator i) => i.IsDerived
            ? [byCode[i.NumeratorCode!], byCode[i.DenominatorCode!]]
            : [i];
        var parts = indicators.SelectMany(PartsOf).DistinctBy(i => i.Id).ToList();

        var tree = await AnalyticsTree.LoadAsync(db, unit, ct);
        // Without children rows only the unit's own figures are needed: values below it are read where they count.
        var partIds = parts.Select(i => i.Id).ToHashSet();
        var values = await tree.ValuesAsync(db, partIds, new DateOnly(p.Year - 1, 1, 1), new DateOnly(p.Year, 12, 31), approvedOnly, ct,
            onlyFor: children ? null : p, pruned: children ? null : partIds);
        var rollUps = parts.ToDictionary(i => i.Id, i => TreeRollUp.Compute(i.TimeKind, i.Aggregation, tree.Parent, values[i.Id], tree.Lines));

        // Each unit's target for these indicators and year (PRODUCT.md: targets are first-class).
        var codes = indicators.Select(i => i.Code).ToList();
        var nodeIds = tree.Nodes.Take(tree.SubtreeCount).Select(n => n.Id).ToList();
        var wantedIds = children ? nodeIds : [unit.Id];
        var targets = (await db.Set<Plan.PlanTarget>().AsNoTracking()
                .Where(t => codes.Contains(t.IndicatorCode) && t.TargetYear == p.Year && wantedIds.Contains(t.OrgUnitId))
                .Select(t => new { t.IndicatorCode, t.OrgUnitId, t.Baseline, t.TargetValue, t.TargetYear, t.Direction }).ToListAsync(ct))
            .GroupBy(t => (t.IndicatorCode, t.OrgUnitId))
            .ToDictionary(g => g.Key, g => g.Select(t => new IndicatorTarget(t.Baseline, t.TargetValue, t.TargetYear, t.Direction)).First());

        var results = new List<AnalyticsResult>(indicators.Count);
        foreach (var indicator in indicators)
        {
            var ip = PartsOf(indicator);
            IReadOnlyDictionary<Period, decimal> SeriesAt(int i) => indicator.IsDerived
                ? Ratio(rollUps[ip[0].Id].Figures(i), rollUps[ip[1].Id].Figures(i), ip[0].TimeKind, ip[1].TimeKind, indicator.Factor ?? 1m)
                : rollUps[indicator.Id].Figures(i);

            AnalyticsRowDto Row(int i, IReadOnlyList<AnalyticsRowDto> kids)
            {
                var a = IndicatorAnalytics.Compute(p, indicator.TimeKind, indicator.IsDerived, SeriesAt(i),
                    targets.GetValueOrDefault((indicator.Code, tree.Nodes[i].Id)));
                // A ratio's figure is not entered nor rolled up itself: its parts are (see DerivedIndicator).
                UnitFigure f = indicator.IsDerived ? default : rollUps[indicator.Id].At(i, p);
                return new AnalyticsRowDto(indicator.Code, tree.Nodes[i].Code, p.ToString(), R(a.Value), R(a.ValueYearBefore), R(a.YoyPercent),
                    R(a.Ytd), R(a.YtdYearBefore), R(a.YtdYoyPercent), R(a.Actual), R(a.Target), R(a.AchievementPercent),
                    R(a.Forecast), a.ForecastMethod?.ToApi(), a.OnTrack, a.ChangeInPercentagePoints,
                    R(f.Own), R(f.RolledUp), Dto(f.Discrepancy), kids, R(f.Inherited), Dto(f.LineageDiscrepancy));
            }

            // A child dissolved before the period began has nothing of it: its history lives on in its successors.
            var childRows = children
                ? tree.ChildrenOf(0).Where(c => tree.Nodes[c].DissolvedOn is not { } gone || gone > p.Start).Select(c => Row(c, [])).ToList()
                : [];
            var (thisYear, lastYear) = Trend(indicator, SeriesAt(0), p);
            results.Add(new AnalyticsResult(Row(0, childRows), thisYear, lastYear, indicator.TimeKind == TimeKind.Flow && !indicator.IsDerived));
        }
        return results;
    }

    /// <summary>The trend at the unit by the indicator's month or quarter: this year through P, last year whole.</summary>
    private static (List<TrendPoint> ThisYear, List<TrendPoint> LastYear) Trend(Indicator indicator, IReadOnlyDictionary<Period, decimal> series, Period p)
    {
        var kind = indicator.IsDerived ? TimeKind.Rate : indicator.TimeKind;
        List<TrendPoint> Points(int year, int throughMonth)
        {
            var points = new List<TrendPoint>();
            var step = indicator.Periodicity switch { Periodicity.Month => 1, Periodicity.Quarter => 3, _ => 0 };
            if (step == 0) return points;
            for (var m = step; m <= throughMonth; m += step)
            {
                var period = step == 1 ? Period.OfMonth(year, m) : Period.OfQuarter(year, m / 3);
                var v = kind == TimeKind.Flow ? TimeAggregation.YearToDate(series, year, m) : TimeAggregation.ValueAt(series, period, kind);
                if (v is { } x) points.Add(new TrendPoint(period.ToString(), m / step, Math.Round(x, 4, MidpointRounding.AwayFromZero)));
            }
            return points;
        }
        return (Points(p.Year, p.LastMonth), Points(p.Year - 1, 12));
    }

    /// <summary>The derived series: numerator ÷ denominator × factor for every period either part has.</summary>
    internal static Dictionary<Period, decimal> Ratio(IReadOnlyDictionary<Period, decimal> numerator, IReadOnlyDictionary<Period, decimal> denominator,
        TimeKind numeratorKind, TimeKind denominatorKind, decimal factor)
    {
        var result = new Dictionary<Period, decimal>();
        foreach (var period in numerator.Keys.Union(denominator.Keys))
            if (DerivedIndicator.ValueAt(numerator, numeratorKind, denominator, denominatorKind, factor, period) is { } v) result[period] = v;
        return result;
    }

    private static DiscrepancyDto? Dto(Discrepancy? d) =>
        d is { } x ? new DiscrepancyDto(R(x.Own)!.Value, R(x.RolledUp)!.Value, R(x.Difference)!.Value) : null;

    internal static decimal? R(decimal? x) => x is { } v ? Math.Round(v, 4, MidpointRounding.AwayFromZero) : null;
}
