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

/// <summary>One row of <c>GET /api/analytics</c>; figures rounded to 4 decimals.</summary>
public sealed record AnalyticsRowDto(
    string IndicatorCode, string OrgUnitCode, string Period, decimal? Value, decimal? ValueYearBefore, decimal? YoyPercent,
    decimal? Ytd, decimal? YtdYearBefore, decimal? YtdYoyPercent, decimal? Actual, decimal? Target, decimal? AchievementPercent,
    decimal? Forecast, string? ForecastMethod, bool? OnTrack, bool ChangeInPercentagePoints,
    decimal? Own, decimal? RolledUp, DiscrepancyDto? Discrepancy, IReadOnlyList<AnalyticsRowDto> Children);

/// <summary>
/// Analytics over the entered values: each unit's official figure per period (a value entered at the
/// unit wins; otherwise its children roll up by the indicator's aggregation, and a difference between
/// the two is reported as a discrepancy), then the domain's time rules (value, YTD, year-on-year,
/// forecast). A derived indicator rolls up its numerator and denominator and divides afterwards.
/// </summary>
public sealed class AnalyticsService(ThreeClearsDb db, Caller caller)
{
    private sealed record UnitNode(int Id, int? ParentId, string Code, int Depth);

    public Task<AnalyticsRowDto> GetAsync(string? indicatorCode, string? orgUnitCode, string? period, bool children, bool approvedOnly,
        CancellationToken ct) => ComputeAsync(indicatorCode, orgUnitCode, period, children, approvedOnly, publicRead: false, ct);

    /// <summary>The public portal's reading: approved values only (PRODUCT.md), for anyone, logged in or not.</summary>
    public Task<AnalyticsRowDto> PublicAsync(string indicatorCode, string orgUnitCode, string period, CancellationToken ct) =>
        ComputeAsync(indicatorCode, orgUnitCode, period, children: false, approvedOnly: true, publicRead: true, ct);

    private async Task<AnalyticsRowDto> ComputeAsync(string? indicatorCode, string? orgUnitCode, string? period, bool children, bool approvedOnly,
        bool publicRead, CancellationToken ct)
    {
        if (!publicRead) _ = caller.UserId;
        var checks = new Checks();
        checks.Text("indicator", indicatorCode, 64);
        checks.Text("orgUnit", orgUnitCode, 64);
        Period p = default;
        if (string.IsNullOrWhiteSpace(period)) checks.Add("period", "is required: use 2025, 2025Q3 or 2025-08.");
        else if (!Period.TryParse(period, out p)) checks.Add("period", $"'{period}' is not a period: use 2025, 2025Q3 or 2025-08.");
        checks.ThrowIfAny();

        var indicators = await db.Set<Indicator>().AsNoTracking().ToDictionaryAsync(i => i.Code, StringComparer.Ordinal, ct);
        if (!indicators.TryGetValue(indicatorCode!.Trim(), out var indicator))
            throw new NotFoundException($"No indicator has code '{indicatorCode}'.");
        var unit = await db.Set<OrgUnit>().AsNoTracking().FirstOrDefaultAsync(u => u.Code == orgUnitCode!.Trim(), ct)
            ?? throw new NotFoundException($"No org unit has code '{orgUnitCode}'.");
        if (!publicRead) await caller.RequireAsync(Permission.ReadData, unit.Id, ct);

        // The unit's subtree, parents before children, as the roll-up wants it.
        var path = unit.Path;
        var nodes = await db.Set<OrgUnit>().AsNoTracking().Where(u => u.Path.StartsWith(path))
            .OrderBy(u => u.Depth).ThenBy(u => u.Id).Select(u => new UnitNode(u.Id, u.ParentId, u.Code, u.Depth)).ToListAsync(ct);
        var index = new Dictionary<int, int>(nodes.Count);
        for (var i = 0; i < nodes.Count; i++) index[nodes[i].Id] = i;
        var parent = new int[nodes.Count];
        for (var i = 0; i < nodes.Count; i++)
            parent[i] = i == 0 || nodes[i].ParentId is not { } pid || !index.TryGetValue(pid, out var pi) ? -1 : pi;

        var parts = indicator.IsDerived
            ? [indicators[indicator.NumeratorCode!], indicators[indicator.DenominatorCode!]]
            : new[] { indicator };
        var partIds = parts.Select(x => x.Id).ToList();
        var from = new DateOnly(p.Year - 1, 1, 1);
        var to = new DateOnly(p.Year, 12, 31);
        var q = db.Set<DataValue>().AsNoTracking()
            .Where(v => partIds.Contains(v.IndicatorId) && v.OrgUnit!.Path.StartsWith(path) && v.PeriodStart >= from && v.PeriodEnd <= to);
        if (approvedOnly) q = q.Where(v => v.Status == DataStatus.Approved);
        var rows = await q.Select(v => new { v.IndicatorId, v.OrgUnitId, v.Period, v.Value }).ToListAsync(ct);

        var own = new Dictionary<int, Dictionary<Period, decimal>[]>();
        var figures = new Dictionary<int, Dictionary<Period, decimal>[]>();
        foreach (var part in parts)
        {
            var series = new Dictionary<Period, decimal>[nodes.Count];
            for (var i = 0; i < series.Length; i++) series[i] = [];
            foreach (var r in rows.Where(r => r.IndicatorId == part.Id))
                if (index.TryGetValue(r.OrgUnitId, out var i) && Period.TryParse(r.Period, out var rp)) series[i][rp] = r.Value;
            own[part.Id] = series;
            figures[part.Id] = Figures(part, series, parent);
        }

        // Each unit's target for this indicator and year (PRODUCT.md: targets are first-class).
        var nodeIds = nodes.Select(n => n.Id).ToList();
        var targets = (await db.Set<Plan.PlanTarget>().AsNoTracking()
                .Where(t => t.IndicatorCode == indicator.Code && t.TargetYear == p.Year && nodeIds.Contains(t.OrgUnitId))
                .Select(t => new { t.OrgUnitId, t.Baseline, t.TargetValue, t.TargetYear, t.Direction }).ToListAsync(ct))
            .ToDictionary(t => t.OrgUnitId, t => new IndicatorTarget(t.Baseline, t.TargetValue, t.TargetYear, t.Direction));

        // The rows asked for: the unit, and with children=true each direct child.
        AnalyticsRowDto Row(int i, IReadOnlyList<AnalyticsRowDto> kids)
        {
            IReadOnlyDictionary<Period, decimal> series;
            decimal? ownValue = null, rolledUp = null;
            if (indicator.IsDerived)
                series = Ratio(figures[parts[0].Id][i], figures[parts[1].Id][i], parts[0].TimeKind, parts[1].TimeKind, indicator.Factor ?? 1m);
            else
            {
                series = figures[indicator.Id][i];
                ownValue = TimeAggregation.ValueAt(own[indicator.Id][i], p, indicator.TimeKind);
                var childValues = Enumerable.Range(0, nodes.Count).Where(c => parent[c] == i)
                    .Select(c => TimeAggregation.ValueAt(figures[indicator.Id][c], p, indicator.TimeKind)).ToArray();
                rolledUp = UnitAggregation.Combine(indicator.Aggregation, childValues);
            }
            var a = IndicatorAnalytics.Compute(p, indicator.TimeKind, indicator.IsDerived, series, targets.GetValueOrDefault(nodes[i].Id));
            var d = RolledUpValue.Of(ownValue, rolledUp).Discrepancy;
            return new AnalyticsRowDto(indicator.Code, nodes[i].Code, p.ToString(), R(a.Value), R(a.ValueYearBefore), R(a.YoyPercent),
                R(a.Ytd), R(a.YtdYearBefore), R(a.YtdYoyPercent), R(a.Actual), R(a.Target), R(a.AchievementPercent),
                R(a.Forecast), a.ForecastMethod?.ToApi(), a.OnTrack, a.ChangeInPercentagePoints,
                R(ownValue), R(rolledUp), d is { } x ? new DiscrepancyDto(x.Own, x.RolledUp, x.Difference) : null, kids);
        }

        var childRows = children
            ? Enumerable.Range(0, nodes.Count).Where(c => parent[c] == 0).OrderBy(c => nodes[c].Code, StringComparer.Ordinal)
                .Select(c => Row(c, [])).ToList()
            : [];
        return Row(0, childRows);
    }

    /// <summary>
    /// Each unit's official figure for every period stored anywhere in the subtree: the unit's own
    /// values aggregated over time to that period, rolled up with its children's figures.
    /// </summary>
    private static Dictionary<Period, decimal>[] Figures(Indicator indicator, Dictionary<Period, decimal>[] own, int[] parent)
    {
        var result = new Dictionary<Period, decimal>[own.Length];
        for (var i = 0; i < result.Length; i++) result[i] = [];
        var periods = own.SelectMany(s => s.Keys).Distinct().ToList();
        var ownAt = new decimal?[own.Length];
        foreach (var period in periods)
        {
            for (var i = 0; i < own.Length; i++) ownAt[i] = TimeAggregation.ValueAt(own[i], period, indicator.TimeKind);
            var rolled = UnitAggregation.RollUpTree(indicator.Aggregation, parent, ownAt);
            for (var i = 0; i < own.Length; i++)
                if (rolled[i].Value is { } v) result[i][period] = v;
        }
        return result;
    }

    /// <summary>The derived series: numerator ÷ denominator × factor for every period either part has.</summary>
    private static Dictionary<Period, decimal> Ratio(Dictionary<Period, decimal> numerator, Dictionary<Period, decimal> denominator,
        TimeKind numeratorKind, TimeKind denominatorKind, decimal factor)
    {
        var result = new Dictionary<Period, decimal>();
        foreach (var period in numerator.Keys.Union(denominator.Keys))
            if (DerivedIndicator.ValueAt(numerator, numeratorKind, denominator, denominatorKind, factor, period) is { } v) result[period] = v;
        return result;
    }

    private static decimal? R(decimal? x) => x is { } v ? Math.Round(v, 4, MidpointRounding.AwayFromZero) : null;
}
