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

    /// <summary>Adds the catalogue and its audit entries to the demo's transaction (saved by the caller).</summary>
    public static void Add(ThreeClearsDb db, AuditLog audit, DateTime now)
    {
        foreach (var template in Catalogue)
        {
            var i = new Indicator
            {
                Code = template.Code, Name = template.Name, NameEn = template.NameEn, Unit = template.Unit, Periodicity = template.Periodicity,
                TimeKind = template.TimeKind, Aggregation = template.Aggregation, Min = template.Min, Max = template.Max,
                NumeratorCode = template.NumeratorCode, DenominatorCode = template.DenominatorCode, Factor = template.Factor, CreatedAt = now,
            };
            db.Add(i);
            audit.Record("indicator", i.Code, "create", null, IndicatorDto.Of(i), null, "demo");
        }
    }
}
