using Microsoft.EntityFrameworkCore;
using ThreeClears.Domain;
using ThreeClears.Domain.Indicators;
using ThreeClears.Web.Data;
using ThreeClears.Web.Features.Audit;
using ThreeClears.Web.Features.Organisation;

namespace ThreeClears.Web.Features.Plan;

/// <summary>
/// The demo plan: the five orientations and three breakthroughs of the 20th Cao Bang Provincial
/// Party Congress, a few programmes under them, the Cao Bang – Lang Son – Thai Nguyen linkage of
/// 9 January 2026, and targets for 2025 and 2026. Target values follow the sources where they give
/// one (8% growth, USD 1,600 million import-export, 19,067 houses); baselines and the other values
/// are illustrative. Indicator codes are those of the indicator catalogue.
/// </summary>
public static class PlanDemo
{
    private static readonly (string Code, GoalKind Kind, string? Parent, string Unit, string Title, string TitleEn, string? Description)[] Goals =
    [
        ("DH1", GoalKind.Orientation, null, "CB",
            "Phát triển kết cấu hạ tầng chiến lược, tăng cường liên kết vùng làm đòn bẩy tăng trưởng",
            "Develop strategic infrastructure and strengthen regional linkages as levers of growth",
            "Trọng tâm là cao tốc Đồng Đăng – Trà Lĩnh, cao tốc Bắc Kạn – Cao Bằng, hạ tầng cửa khẩu, logistics và đô thị; mở rộng không gian phát triển, kết nối với trung du và miền núi phía Bắc, đồng bằng sông Hồng, thị trường Trung Quốc và ASEAN."),
        ("DH2", GoalKind.Orientation, null, "CB",
            "Cơ cấu lại mạnh mẽ nền kinh tế theo hướng xanh, bền vững",
            "Restructure the economy strongly toward green and sustainable development",
            "Du lịch gắn với Công viên địa chất toàn cầu UNESCO, du lịch xuyên biên giới và di sản; kinh tế cửa khẩu, trung chuyển hàng hóa, logistics và thương mại quốc tế; kinh tế rừng và sản phẩm đặc hữu; công nghiệp khai khoáng có kiểm soát và chế biến sâu nông, lâm sản."),
        ("DH3", GoalKind.Orientation, null, "CB",
            "Cải thiện đột phá môi trường đầu tư, kinh doanh và phát triển kinh tế tư nhân",
            "Make a breakthrough in the investment and business environment and develop the private sector",
            "Doanh nghiệp và người dân là trung tâm, chủ thể của tăng trưởng; đẩy mạnh cải cách hành chính, tháo gỡ điểm nghẽn về đất đai, thủ tục và tiếp cận nguồn lực; thu hút nhà đầu tư chiến lược và dự án lớn."),
        ("DH4", GoalKind.Orientation, null, "CB",
            "Phát triển nguồn nhân lực gắn với chuyển đổi số và đổi mới sáng tạo",
            "Develop human resources together with digital transformation and innovation",
            "Nâng cao chất lượng đội ngũ cán bộ và lao động kỹ thuật; gắn đào tạo với nhu cầu thị trường và các ngành kinh tế trọng điểm của tỉnh."),
        ("DH5", GoalKind.Orientation, null, "CB",
            "Bảo đảm hài hòa giữa tăng trưởng kinh tế với tiến bộ, công bằng xã hội và bảo vệ môi trường, nâng cao đời sống Nhân dân",
            "Keep economic growth in harmony with social progress, justice and environmental protection, and improve people's lives",
            null),
        ("DP1", GoalKind.Breakthrough, null, "CB",
            "Nâng cao chất lượng đội ngũ cán bộ và nguồn nhân lực chất lượng cao",
            "Raise the quality of the cadre contingent and of high-quality human resources",
            "Xây dựng đội ngũ lãnh đạo, quản lý các cấp, nhất là cấp chiến lược; ưu tiên đào tạo nhân lực có tay nghề, kỹ thuật và công nghệ cho các lĩnh vực then chốt."),
        ("DP2", GoalKind.Breakthrough, null, "CB",
            "Đột phá phát triển kết cấu hạ tầng giao thông, đô thị và môi trường",
            "Make a breakthrough in transport, urban and environmental infrastructure",
            "Hoàn thành các tuyến cao tốc Đồng Đăng – Trà Lĩnh và Bắc Kạn – Cao Bằng, các tuyến kết nối cao tốc với cửa khẩu quốc tế và khu du lịch; hệ thống đô thị đồng bộ, xanh, sạch, hiện đại."),
        ("DP3", GoalKind.Breakthrough, null, "CB",
            "Thúc đẩy mạnh mẽ khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số",
            "Strongly promote science, technology, innovation and digital transformation",
            "Ứng dụng khoa học, công nghệ vào sản xuất, kinh doanh và quản trị; khởi nghiệp đổi mới sáng tạo; chính quyền số, công dân số và kinh tế số."),
        ("LK-CB-LS-TN", GoalKind.Linkage, null, "CB",
            "Liên kết vùng Cao Bằng – Lạng Sơn – Thái Nguyên",
            "Cao Bang – Lang Son – Thai Nguyen regional linkage",
            "Cam kết tại hội nghị ba tỉnh ngày 9/1/2026: Thái Nguyên là trung tâm chế biến, phân phối và kết nối thị trường nội địa; Lạng Sơn là trung tâm logistics và xuất nhập khẩu trọng điểm; Cao Bằng là điểm trung chuyển mới của hành lang kinh tế ra biển và vào sâu nội địa."),
        ("CT-NHA-TAM", GoalKind.Programme, "DH5", "SO-XD",
            "Xóa nhà tạm, nhà dột nát",
            "Elimination of temporary and dilapidated houses",
            "Trả lời ba câu hỏi: người dân ở đâu, nấu ăn ở đâu, tắm rửa và vệ sinh ở đâu. Năm 2025: 19.067 căn nhà kiên cố thay nhà dột nát, kinh phí 955 tỷ đồng."),
        ("CT-CUA-KHAU", GoalKind.Programme, "DH2", "SO-CT",
            "Phát triển kinh tế cửa khẩu",
            "Border-gate economy",
            "Từng bước đưa Cao Bằng thành đầu mối trung chuyển hàng hóa, dịch vụ logistics và thương mại quốc tế trên tuyến biên giới Việt – Trung."),
        ("CT-DU-LICH", GoalKind.Programme, "DH2", "SO-VHTTDL",
            "Du lịch gắn với Công viên địa chất toàn cầu UNESCO Non nước Cao Bằng",
            "Tourism around the Non nuoc Cao Bang UNESCO Global Geopark",
            null),
        ("CT-CAO-TOC-DDTL", GoalKind.Programme, "DP2", "SO-XD",
            "Cao tốc Đồng Đăng – Trà Lĩnh",
            "Dong Dang – Tra Linh expressway",
            "Giai đoạn 1 đạt 34,3% khối lượng (tháng 8/2025); giai đoạn 2 khởi công với hơn 12.000 tỷ đồng; thông tuyến kỹ thuật cuối năm 2025."),
    ];

    /// <summary>(indicator, unit, owner, baseline, target, year, direction, goal).</summary>
    private static readonly (string Indicator, string Unit, string? Owner, decimal Baseline, decimal Target, int Year, Direction Direction, string Goal)[] Targets =
    [
        ("GRDP_GROWTH", "CB", "leader", 6.2m, 8m, 2025, Direction.Increase, "DH2"),
        ("GRDP_GROWTH", "CB", "leader", 8m, 10m, 2026, Direction.Increase, "DH2"),
        ("RETAIL_SALES", "CB", null, 11_800m, 13_500m, 2025, Direction.Increase, "DH2"),
        ("FOREST_COVER", "CB", null, 55.5m, 56m, 2025, Direction.Increase, "DH2"),
        ("BUDGET_REVENUE", "CB", null, 2_900m, 4_000m, 2025, Direction.Increase, "DH3"),
        ("POVERTY_RATE", "CB", "leader", 24.5m, 21.5m, 2025, Direction.Decrease, "DH5"),
        ("POVERTY_RATE", "CB", "leader", 21.5m, 18.5m, 2026, Direction.Decrease, "DH5"),
        ("PUBLIC_INVESTMENT", "CB", null, 4_100m, 6_500m, 2025, Direction.Increase, "DP2"),
        ("HOUSES_REPLACED", "CB", "leader", 0m, 19_067m, 2025, Direction.Increase, "CT-NHA-TAM"),
        ("HOUSES_REPLACED", "X-TRALINH", "chair.tralinh", 0m, 650m, 2025, Direction.Increase, "CT-NHA-TAM"),
        ("IMPORT_EXPORT", "CB", null, 1_000m, 1_600m, 2025, Direction.Increase, "CT-CUA-KHAU"),
        ("IMPORT_EXPORT", "CB", null, 1_600m, 1_800m, 2026, Direction.Increase, "CT-CUA-KHAU"),
        ("TOURIST_ARRIVALS", "CB", null, 2_600_000m, 3_000_000m, 2025, Direction.Increase, "CT-DU-LICH"),
        ("EXPRESSWAY_PROGRESS", "SO-XD", "director.xd", 34.3m, 100m, 2026, Direction.Increase, "CT-CAO-TOC-DDTL"),
        ("IMPORT_EXPORT", "LS", null, 5_000m, 6_000m, 2026, Direction.Increase, "LK-CB-LS-TN"),
        ("RETAIL_SALES", "TN", null, 60_000m, 66_000m, 2026, Direction.Increase, "LK-CB-LS-TN"),
    ];

    public const int GoalCount = 13;
    public const int TargetCount = 16;

    /// <summary>Adds the plan inside the demo's transaction; units and users are already saved.</summary>
    public static async Task LoadAsync(ThreeClearsDb db, AuditLog audit, IReadOnlyDictionary<string, OrgUnit> units, DateTime now, CancellationToken ct)
    {
        var goals = new Dictionary<string, Goal>();
        foreach (var g in Goals)
        {
            var goal = new Goal
            {
                Code = g.Code, Kind = g.Kind, Title = g.Title, TitleEn = g.TitleEn, Description = g.Description,
                Parent = g.Parent is null ? null : goals[g.Parent], OrgUnitId = units[g.Unit].Id, CreatedAt = now,
            };
            goals[g.Code] = goal;
            db.Add(goal);
        }
        await db.SaveChangesAsync(ct);

        var owners = Targets.Where(t => t.Owner is not null).Select(t => t.Owner!).Distinct().ToList();
        var userIds = await db.Users.Where(u => owners.Contains(u.UserName!)).ToDictionaryAsync(u => u.UserName!, u => u.Id, ct);
        var targets = Targets.Select(t => new PlanTarget
        {
            IndicatorCode = t.Indicator, OrgUnitId = units[t.Unit].Id, OwnerUserId = t.Owner is null ? null : userIds[t.Owner],
            Baseline = t.Baseline, TargetValue = t.Target, TargetYear = t.Year, Direction = t.Direction, GoalId = goals[t.Goal].Id, CreatedAt = now,
        }).ToList();
        db.AddRange(targets);
        await db.SaveChangesAsync(ct);

        foreach (var g in Goals)
            audit.Record("goal", g.Code, "create", null,
                new { g.Code, g.Title, g.TitleEn, Kind = g.Kind.ToApi(), ParentCode = g.Parent, g.Description, OrgUnitCode = g.Unit }, units[g.Unit].Id, "demo");
        foreach (var (t, row) in Targets.Zip(targets))
            audit.Record("target", row.Id, "create", null,
                new { IndicatorCode = t.Indicator, OrgUnitCode = t.Unit, OwnerUserName = t.Owner, t.Baseline, TargetValue = t.Target, TargetYear = t.Year,
                    Direction = t.Direction.ToApi(), GoalCode = t.Goal }, units[t.Unit].Id, "demo");
    }
}
