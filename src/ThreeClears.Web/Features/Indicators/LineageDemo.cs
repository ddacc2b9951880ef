using ThreeClears.Domain.Periods;
using ThreeClears.Web.Data;
using ThreeClears.Web.Features.Audit;
using ThreeClears.Web.Features.Organisation;

namespace ThreeClears.Web.Features.Indicators;

/// <summary>
/// The demo's communes across the 1 July 2025 merger (illustrative figures, not statistics): tourist arrivals
/// by month and households and poor households by year, entered at the former communes and wards up to June
/// 2025 and at their successors from July. Their history rolls up into the successors (Vĩnh Quang's 0.6 to
/// Nùng Trí Cao and 0.4 to Tân Giang), so the new wards' 2025 compares with 2024. The province enters its own
/// official totals, which cover all its communes: the demo's subset gives less, and the page of
/// discrepancies shows the difference.
/// </summary>
public static class LineageDemo
{
    public const string Source = "Số liệu minh họa (demo)";

    /// <summary>Monthly weights of tourist arrivals (Tết in February, summer), 12 in all.</summary>
    private static readonly decimal[] Season = [1.3m, 1.5m, 1.1m, 0.9m, 0.9m, 1.0m, 1.1m, 1.1m, 0.9m, 0.8m, 0.7m, 0.7m];

    /// <summary>Each former unit: tourist arrivals in an average month of 2024, households and poor households at the end of 2024.</summary>
    private static readonly Dictionary<string, (decimal Tourists, decimal Households, decimal Poor)> Former = new()
    {
        ["OLD-P-SONGHIEN"] = (9_000m, 4_200m, 130m),
        ["OLD-P-SONGBANG"] = (12_000m, 3_900m, 95m),
        ["OLD-P-HOPGIANG"] = (8_000m, 3_100m, 110m),
        ["OLD-P-DETHAM"] = (6_000m, 2_600m, 140m),
        ["OLD-P-HOACHUNG"] = (5_000m, 2_100m, 160m),
        ["OLD-P-NGOCXUAN"] = (4_000m, 1_800m, 150m),
        ["OLD-X-VINHQUANG"] = (3_000m, 1_500m, 390m),
        ["OLD-TT-HUNGQUOC"] = (7_000m, 1_700m, 310m),
        ["OLD-X-LUUNGOC"] = (1_500m, 900m, 420m),
        ["OLD-X-COMUOI"] = (1_200m, 800m, 380m),
        ["OLD-TT-NUOCHAI"] = (2_500m, 1_100m, 200m),
    };

    /// <summary>
    /// Adds the values to the demo's transaction. The lineage lines are those DemoData has just added (still in
    /// the change tracker), so the merger is described in one place.
    /// </summary>
    public static void Add(ThreeClearsDb db, AuditLog audit, DateTime now, IReadOnlyDictionary<string, Indicator> indicators,
        IReadOnlyDictionary<string, OrgUnit> units)
    {
        var byId = units.Values.DistinctBy(u => u.Id).ToDictionary(u => u.Id);
        var lines = db.Set<OrgUnitLineage>().Local
            .Select(l => (Predecessor: byId[l.PredecessorId], Successor: byId[l.SuccessorId], l.Share)).ToList();
        if (lines.Count == 0) return;
        var tourists = indicators["TOURIST_ARRIVALS"];
        var households = indicators["HOUSEHOLDS"];
        var poor = indicators["POOR_HOUSEHOLDS"];
        void Value(Indicator i, OrgUnit u, Period p, decimal v) => IndicatorDemo.Approved(db, audit, now, i, u, p, Math.Round(v), Source);

        // The former units up to June 2025: 10 % more tourists in 2025; 5 % fewer poor households.
        foreach (var (code, f) in Former)
        {
            if (!units.TryGetValue(code, out var unit)) continue;
            for (var m = 1; m <= 12; m++) Value(tourists, unit, Period.OfMonth(2024, m), f.Tourists * Season[m - 1]);
            for (var m = 1; m <= 6; m++) Value(tourists, unit, Period.OfMonth(2025, m), f.Tourists * Season[m - 1] * 1.1m);
            Value(households, unit, Period.OfYear(2024), f.Households);
            Value(poor, unit, Period.OfYear(2024), f.Poor);
        }

        // The successors from July 2025 carry on where their shares of the former units left off.
        foreach (var successor in lines.Select(l => l.Successor).DistinctBy(u => u.Id))
        {
            decimal Share(Func<(decimal Tourists, decimal Households, decimal Poor), decimal> of) =>
                lines.Where(l => l.Successor.Id == successor.Id && Former.ContainsKey(l.Predecessor.Code))
                    .Sum(l => of(Former[l.Predecessor.Code]) * l.Share);
            var base2024 = Share(f => f.Tourists);
            for (var m = 7; m <= 8; m++) Value(tourists, successor, Period.OfMonth(2025, m), base2024 * Season[m - 1] * 1.1m);
            Value(households, successor, Period.OfYear(2025), Share(f => f.Households) * 1.01m);
            Value(poor, successor, Period.OfYear(2025), Share(f => f.Poor) * 0.95m);
        }

        // The province's own official totals (all its communes): 2.6 million arrivals in 2024, 12 % more in 2025;
        // households and the poor ones behind a poverty rate of 24.5 % at the end of 2024 and 21.7 % of 2025.
        var province = units["CB"];
        for (var m = 1; m <= 12; m++) Value(tourists, province, Period.OfMonth(2024, m), 2_600_000m / 12m * Season[m - 1]);
        for (var m = 1; m <= 8; m++) Value(tourists, province, Period.OfMonth(2025, m), 2_600_000m / 12m * Season[m - 1] * 1.12m);
        Value(households, province, Period.OfYear(2024), 131_000m);
        Value(poor, province, Period.OfYear(2024), 32_095m);   // 24.5 %
        Value(households, province, Period.OfYear(2025), 133_000m);
        Value(poor, province, Period.OfYear(2025), 28_861m);   // 21.7 %
    }
}
