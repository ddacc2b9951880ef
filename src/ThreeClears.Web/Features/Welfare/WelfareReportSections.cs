using ThreeClears.Web.Features.Reports;

namespace ThreeClears.Web.Features.Welfare;

/// <summary>
/// The socio-economic report's "three questions" section: the coverage of the unit and of each child
/// unit, exactly as <c>GET /api/welfare/coverage</c> gives it. The register is a state, not a flow:
/// the figures are those of the day the report is made, whatever its period.
/// </summary>
public sealed class WelfareCoverageSection(CoverageService coverage) : ISocioEconomicSection
{
    public int Order => 300;

    public async Task<ReportSection?> BuildAsync(ReportContext c, CancellationToken ct)
    {
        var dto = await coverage.GetAsync(c.OrgUnitCode, ct);
        if (dto.Households == 0) return null;
        var rows = dto.Children.Where(ch => ch.Households > 0).Select(Row).ToList();
        rows.Add(Row(dto with { Name = "Tổng cộng" }));
        ReportColumn[] columns =
        [
            new("orgUnitCode", "Mã đơn vị", ColumnKind.Text, Printed: false),
            new("orgUnit", "Đơn vị", ColumnKind.Text, Width: 3),
            new("households", "Số hộ", ColumnKind.Integer),
            new("housingPercent", "Nhà ở đạt (%)", ColumnKind.Number, Decimals: 1),
            new("kitchenPercent", "Bếp đạt (%)", ColumnKind.Number, Decimals: 1),
            new("sanitationPercent", "Nhà tắm, nhà vệ sinh đạt (%)", ColumnKind.Number, Decimals: 1),
            new("allThreePercent", "Đạt cả ba (%)", ColumnKind.Number, Decimals: 1),
        ];
        return new ReportSection("welfare", "3. Ở, nấu ăn, tắm và vệ sinh của người dân", columns, rows,
        [
            "Theo sổ hộ tại thời điểm lập báo cáo: tỷ lệ hộ có nhà ở kiên cố hoặc bán kiên cố, bếp hợp vệ sinh, nhà tắm và nhà vệ sinh hợp vệ sinh; " +
            "hộ chưa ghi nhận được tính là chưa đạt.",
        ]);
    }

    private static object?[] Row(CoverageDto d) =>
        [d.OrgUnitCode, d.Name, d.Households, Percent(d.HousingPercent), Percent(d.KitchenPercent), Percent(d.SanitationPercent), Percent(d.AllThreePercent)];

    internal static decimal? Percent(double? p) => p is { } v ? (decimal)v : null;
}

/// <summary>
/// The happiness index of the report's year, for the unit and each child unit surveyed, as
/// <c>GET /api/happiness/index</c> gives it: a figure only where at least 30 people answered.
/// </summary>
public sealed class HappinessReportSection(HappinessService happiness) : ISocioEconomicSection
{
    public int Order => 400;

    public async Task<ReportSection?> BuildAsync(ReportContext c, CancellationToken ct)
    {
        var dto = await happiness.IndexAsync(c.OrgUnitCode, c.Period.Year, ct);
        if (dto.Respondents == 0) return null;
        var rows = dto.Children.Where(ch => ch.Respondents > 0).Select(Row).ToList();
        rows.Add(Row(dto with { Name = "Tổng cộng" }));
        ReportColumn[] columns =
        [
            new("orgUnitCode", "Mã đơn vị", ColumnKind.Text, Printed: false),
            new("orgUnit", "Đơn vị", ColumnKind.Text, Width: 3),
            new("respondents", "Số người trả lời", ColumnKind.Integer),
            new("published", "Công bố", ColumnKind.Flag),
            new("index", "Chỉ số hạnh phúc (0–1)", ColumnKind.Number, Decimals: 3),
            new("happyPercent", "Tỷ lệ người hạnh phúc (%)", ColumnKind.Number, Decimals: 1),
        ];
        return new ReportSection("happiness", $"4. Chỉ số hạnh phúc năm {c.Period.Year}", columns, rows,
        [
            "Chỉ số = 1 − Hn × An (Hn: tỷ lệ người chưa hạnh phúc; An: tỷ lệ lĩnh vực chưa đạt trung bình của họ). " +
            "Chỉ công bố khi có ít nhất 30 người trả lời; dưới mức đó chỉ ghi số người trả lời.",
        ]);
    }

    private static object?[] Row(HappinessIndexDto d) =>
        [d.OrgUnitCode, d.Name, d.Respondents, d.Published, d.Index is { } i ? (decimal)i : null,
            d.HappyShare is { } h ? Math.Round((decimal)h * 100, 4) : null];
}
