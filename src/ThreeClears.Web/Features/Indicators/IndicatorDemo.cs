using ThreeClears.Domain;
using ThreeClears.Domain.Indicators;
using ThreeClears.Domain.Periods;
using ThreeClears.Web.Data;
using ThreeClears.Web.Features.Audit;

namespace ThreeClears.Web.Features.Indicators;

/// <summary>The demo catalogue: the indicators the source documents report (PRODUCT.md §4).</summary>
public static class IndicatorDemo
{
    private static readonly Indicator[] Catalogue =
    [
        New("GRDP_GROWTH", "Tốc độ tăng trưởng GRDP", "GRDP growth", "%", Periodicity.Year, TimeKind.Rate, Aggregation.None),
        New("RETAIL_SALES", "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng", "Retail sales of goods and services", "tỷ đồng",
            Periodicity.Month, TimeKind.Flow, Aggregation.Sum, min: 0),
        New("IMPORT_EXPORT", "Kim ngạch xuất nhập khẩu", "Import–export turnover", "triệu USD", Periodicity.Month, TimeKind.Flow, Aggregation.Sum, min: 0),
        New("PUBLIC_INVESTMENT", "Giải ngân vốn đầu tư công", "Public investment disbursed", "tỷ đồng", Periodicity.Month, TimeKind.Flow, Aggregation.Sum, min: 0),
        New("BUDGET_REVENUE", "Thu ngân sách địa phương", "Local budget revenue", "tỷ đồng", Periodicity.Month, TimeKind.Flow, Aggregation.Sum),
        New("HOUSES_REPLACED", "Số nhà kiên cố thay thế nhà tạm, nhà dột nát", "Solid houses replacing dilapidated ones", "căn",
            Periodicity.Month, TimeKind.Flow, Aggregation.Sum, min: 0),
        New("POOR_HOUSEHOLDS", "Số hộ nghèo", "Poor households", "hộ", Periodicity.Year, TimeKind.Level, Aggregation.Sum, min: 0),
        New("HOUSEHOLDS", "Tổng số hộ dân cư", "Households", "hộ", Periodicity.Year, TimeKind.Level, Aggregation.Sum, min: 0),
        New("POVERTY_RATE", "Tỷ lệ hộ nghèo", "Poverty rate", "%", Periodicity.Year, TimeKind.Rate, Aggregation.None,
            numerator: "POOR_HOUSEHOLDS", denominator: "HOUSEHOLDS", factor: 100),
        New("FOREST_AREA", "Diện tích đất có rừng", "Forest area", "ha", Periodicity.Year, TimeKind.Level, Aggregation.Sum, min: 0),
        New("LAND_AREA", "Diện tích đất tự nhiên", "Land area", "ha", Periodicity.Year, TimeKind.Level, Aggregation.Sum, min: 0),
        New("FOREST_COVER", "Tỷ lệ che phủ rừng", "Forest cover", "%", Periodicity.Year, TimeKind.Rate, Aggregation.None,
            numerator: "FOREST_AREA", denominator: "LAND_AREA", factor: 100),
        New("TOURIST_ARRIVALS", "Lượt khách du lịch", "Tourist arrivals", "lượt khách", Periodicity.Month, TimeKind.Flow, Aggregation.Sum, min: 0),
        New("EXPRESSWAY_PROGRESS", "Tiến độ cao tốc Đồng Đăng – Trà Lĩnh (giai đoạn 1)", "Dong Dang–Tra Linh expressway progress (phase 1)", "%",
            Periodicity.Month, TimeKind.Level, Aggregation.None, min: 0, max: 100),
    ];

    private static Indicator New(string code, string name, string nameEn, string unit, Periodicity periodicity, TimeKind timeKind,
        Aggregation aggregation, decimal? min = null, decimal? max = null, string? numerator = null, string? denominator = null, decimal? factor = null) =>
        new()
        {
            Code = code, Name = name, NameEn = nameEn, Unit = unit, Periodicity = periodicity, TimeKind = timeKind, Aggregation = aggregation,
            Min = min, Max = max, NumeratorCode = numerator, DenominatorCode = denominator, Factor = factor,
        };

    /// <summary>
    /// Province-level figures of PRODUCT.md §4, approved: the first eight months of 2025 (retail sales VND 8,900
    /// billion, up 13.7%; import–export USD 995 million; public investment VND 3,408 billion, up 57.8%; local
    /// budget revenue VND 3,105 billion, up 79%), 2024 spread to give those rises, 19,067 houses in 2025 and the
    /// expressway's phase 1 at 34.3% in August 2025. Monthly figures are the totals spread evenly (illustrative).
    /// </summary>
    private static readonly (string Code, decimal? Total2024FirstEight, decimal Total2025FirstEight)[] Flows =
    [
        ("RETAIL_SALES", 7827.62m, 8900m),          // 8,900 ÷ 1.137
        ("IMPORT_EXPORT", null, 995m),
        ("PUBLIC_INVESTMENT", 2159.70m, 3408m),     // 3,408 ÷ 1.578
        ("BUDGET_REVENUE", 1734.64m, 3105m),        // 3,105 ÷ 1.79
    ];

    public const string Source = "Báo cáo tình hình kinh tế – xã hội tỉnh Cao Bằng 8 tháng năm 2025";

    /// <summary>
    /// Adds the catalogue, the province's figures, the communes' figures across the 2025 merger (see
    /// <see cref="LineageDemo"/>) and their audit entries to the demo's transaction (saved by the caller).
    /// </summary>
    public static void Add(ThreeClearsDb db, AuditLog audit, DateTime now, Organisation.OrgUnit province,
        IReadOnlyDictionary<string, Organisation.OrgUnit> units)
    {
        var byCode = new Dictionary<string, Indicator>();
        foreach (var template in Catalogue)
        {
            var i = new Indicator
            {
                Code = template.Code, Name = template.Name, NameEn = template.NameEn, Unit = template.Unit, Periodicity = template.Periodicity,
                TimeKind = template.TimeKind, Aggregation = template.Aggregation, Min = template.Min, Max = template.Max,
                NumeratorCode = template.NumeratorCode, DenominatorCode = template.DenominatorCode, Factor = template.Factor, CreatedAt = now,
            };
            db.Add(i);
            byCode[i.Code] = i;
            audit.Record("indicator", i.Code, "create", null, IndicatorDto.Of(i), null, "demo");
        }

        void Value(string code, Period period, decimal value) => Approved(db, audit, now, byCode[code], province, period, value, Source);

        foreach (var (code, first2024, first2025) in Flows)
        {
            if (first2024 is { } t)
            {
                var months = Spread(t, 8);
                for (var m = 1; m <= 12; m++) Value(code, Period.OfMonth(2024, m), months[Math.Min(m, 8) - 1]);
            }
            var m2025 = Spread(first2025, 8);
            for (var m = 1; m <= 8; m++) Value(code, Period.OfMonth(2025, m), m2025[m - 1]);
        }
        Value("HOUSES_REPLACED", Period.OfYear(2025), 19_067m);
        Value("EXPRESSWAY_PROGRESS", Period.OfMonth(2025, 8), 34.3m);
        LineageDemo.Add(db, audit, now, byCode, units);
    }

    /// <summary>One approved demo value with its history line and audit entry.</summary>
    internal static void Approved(ThreeClearsDb db, AuditLog audit, DateTime now, Indicator indicator, Organisation.OrgUnit unit, Period period,
        decimal value, string source)
    {
        var v = new DataValue
        {
            Indicator = indicator, OrgUnit = unit, Period = period.ToString(), PeriodKind = period.Kind, PeriodStart = period.Start,
            PeriodEnd = period.End, Value = value, Source = source, Status = DataStatus.Approved, EnteredBy = "demo", EnteredAt = now,
            SubmittedBy = "demo", SubmittedAt = now, ApprovedBy = "demo", ApprovedAt = now,
        };
        db.Add(v);
        db.Add(new DataValueHistory
        {
            Indicator = indicator, OrgUnit = unit, Period = v.Period, At = now, UserName = "demo", Action = "create", NewValue = value,
            NewStatus = DataStatus.Approved, Reason = "Số liệu mẫu",
        });
        audit.Record("dataValue", $"{indicator.Code}/{unit.Code}/{v.Period}", "create", null,
            new { indicatorCode = indicator.Code, orgUnitCode = unit.Code, period = v.Period, value, source, status = "approved" }, unit.Id, "demo");
    }

    /// <summary>A total spread over n months to 2 decimals, the last month taking the rounding.</summary>
    private static decimal[] Spread(decimal total, int n)
    {
        var each = Math.Round(total / n, 2, MidpointRounding.AwayFromZero);
        var result = Enumerable.Repeat(each, n).ToArray();
        result[^1] = total - each * (n - 1);
        return result;
    }
}
