using Microsoft.EntityFrameworkCore;
using ThreeClears.Domain.Access;
using ThreeClears.Domain.Evaluation;
using ThreeClears.Domain.Indicators;
using ThreeClears.Domain.Periods;
using ThreeClears.Domain.Tasks;
using ThreeClears.Web.Data;
using ThreeClears.Web.Features.Indicators;
using ThreeClears.Web.Features.Organisation;
using ThreeClears.Web.Features.Plan;
using ThreeClears.Web.Features.Tasks;
using ThreeClears.Web.Infrastructure.Auth;

namespace ThreeClears.Web.Features.Reports;

/// <summary>What a section of the socio-economic report is about: a unit (with its subtree) and a period.</summary>
public sealed record ReportContext(int OrgUnitId, string OrgUnitCode, string OrgUnitName, string Path, Period Period, DateOnly Cutoff);

/// <summary>
/// One section of the socio-economic report. Register an implementation as a scoped service
/// (<c>services.AddScoped&lt;ISocioEconomicSection, MySection&gt;()</c>); the report asks every one, in
/// <see cref="Order"/>, and leaves out those that answer null (nothing to say, or the caller may not
/// read it). Welfare coverage and the happiness index come as such sections from the welfare feature.
/// </summary>
public interface ISocioEconomicSection
{
    /// <summary>Place in the report: key indicators 100, task delivery 200; welfare would take 300 and 400.</summary>
    int Order { get; }

    Task<ReportSection?> BuildAsync(ReportContext context, CancellationToken ct);
}

/// <summary>
/// The key indicators: those with a target for the unit in the period's year, then those with approved
/// figures in its subtree this year. Every figure is <c>GET /api/analytics?…&amp;approvedOnly=true</c>'s
/// for that indicator, unit and period (a published report uses approved values only).
/// </summary>
public sealed class KeyIndicatorsSection(ThreeClearsDb db, Caller caller, AnalyticsService analytics) : ISocioEconomicSection
{
    public const int MaxIndicators = 30;

    public int Order => 100;

    public async Task<ReportSection?> BuildAsync(ReportContext c, CancellationToken ct)
    {
        if (!await caller.CanAsync(Permission.ReadData, c.OrgUnitId, ct)) return null;
        var p = c.Period;
        var year = p.Year;
        var targeted = await db.Set<PlanTarget>().AsNoTracking().Where(t => t.OrgUnitId == c.OrgUnitId && t.TargetYear == year)
            .Select(t => t.IndicatorCode).Distinct().ToListAsync(ct);
        var from = new DateOnly(year, 1, 1);
        var to = p.End;
        var path = c.Path;
        var withData = await db.Set<Indicator>().AsNoTracking()
            .Where(i => db.Set<DataValue>().Any(v => v.IndicatorId == i.Id && v.Status == DataStatus.Approved && v.PeriodStart >= from
                                                     && v.PeriodEnd <= to && v.OrgUnit!.Path.StartsWith(path)))
            .Select(i => i.Code).ToListAsync(ct);
        var meta = await db.Set<Indicator>().AsNoTracking().ToDictionaryAsync(i => i.Code, StringComparer.Ordinal, ct);
        // Derived indicators whose parts have figures are key too (poverty rate from poor households and households).
        withData.AddRange(meta.Values.Where(i => i.IsDerived && withData.Contains(i.NumeratorCode!) && withData.Contains(i.DenominatorCode!)).Select(i => i.Code));
        var codes = targeted.Order(StringComparer.Ordinal)
            .Concat(withData.Except(targeted).Order(StringComparer.Ordinal))
            .Where(meta.ContainsKey).Distinct().Take(MaxIndicators).ToList();

        var rows = new List<object?[]>();
        foreach (var code in codes)
        {
            var a = await analytics.GetAsync(code, c.OrgUnitCode, p.ToString(), children: false, approvedOnly: true, ct);
            var i = meta[code];
            rows.Add(
            [
                code, i.Name, i.Unit, a.Value,
                a.YoyPercent is { } yoy ? new Change(yoy, a.ChangeInPercentagePoints) : null,
                a.Ytd, a.YtdYoyPercent is { } ytdYoy ? new Change(ytdYoy, false) : null,
                a.Target, a.AchievementPercent, a.ChangeInPercentagePoints,
            ]);
        }
        ReportColumn[] columns =
        [
            new("indicatorCode", "Mã chỉ tiêu", ColumnKind.Text, Printed: false),
            new("name", "Chỉ tiêu", ColumnKind.Text, Width: 3),
            new("unit", "Đơn vị tính", ColumnKind.Text),
            new("value", "Giá trị kỳ báo cáo", ColumnKind.Number),
            new("yoyPercent", "So cùng kỳ năm trước", ColumnKind.Change, Decimals: 1),
            new("ytd", "Lũy kế từ đầu năm", ColumnKind.Number),
            new("ytdYoyPercent", "Lũy kế so cùng kỳ", ColumnKind.Change, Decimals: 1),
            new("target", "Chỉ tiêu năm", ColumnKind.Number),
            new("achievementPercent", "Đạt (% kế hoạch)", ColumnKind.Number, Decimals: 1),
            new("changeInPercentagePoints", "So sánh bằng điểm phần trăm", ColumnKind.Flag, Printed: false),
        ];
        return new ReportSection("indicators", "1. Các chỉ tiêu chủ yếu", columns, rows,
        [
            "Số liệu đã được phê duyệt. So cùng kỳ: thay đổi so với cùng kỳ năm trước, tính bằng % (với tỷ lệ: bằng điểm phần trăm). " +
            "Đạt (% kế hoạch): lũy kế (chỉ tiêu cộng dồn) hoặc giá trị mới nhất so với chỉ tiêu năm.",
        ]);
    }
}

/// <summary>
/// Task delivery: the tasks owned in the unit's subtree that fell due in the period (up to today while it
/// runs), by direct child unit, with the Delivery credit of the results score (on time 1, late 0.5,
/// not completed by the end 0); activities (<c>process</c> tasks) are counted apart and never scored.
/// </summary>
public sealed class TaskDeliverySection(ThreeClearsDb db, Caller caller) : ISocioEconomicSection
{
    public int Order => 200;

    public async Task<ReportSection?> BuildAsync(ReportContext c, CancellationToken ct)
    {
        if (!await caller.CanAsync(Permission.ReadTasks, c.OrgUnitId, ct)) return null;
        var (start, cutoff, path) = (c.Period.Start, c.Cutoff, c.Path);
        var units = await db.Set<OrgUnit>().AsNoTracking().Where(u => u.Path.StartsWith(path))
            .Select(u => new { u.Id, u.ParentId, u.Name, u.Path, u.Code }).ToListAsync(ct);
        var tasks = await db.Set<TaskItem>().AsNoTracking()
            .Where(t => t.OwnerOrgUnit!.Path.StartsWith(path) && t.DueDate >= start && t.DueDate <= cutoff)
            .Select(t => new { t.OwnerOrgUnitId, t.DueDate, t.CompletedOn, t.CancelledOn, t.Kind }).ToListAsync(ct);
        var children = units.Where(u => u.ParentId == c.OrgUnitId).OrderBy(u => u.Name, StringComparer.Ordinal).ToList();
        var pathOf = units.ToDictionary(u => u.Id, u => u.Path);
        // Each task counts under the direct child whose subtree holds its unit, or under the unit itself.
        string GroupOf(int unitId) =>
            children.FirstOrDefault(ch => pathOf.TryGetValue(unitId, out var up) && up.StartsWith(ch.Path, StringComparison.Ordinal))?.Code ?? c.OrgUnitCode;

        var rows = new List<object?[]>();
        (int Due, int OnTime, int Late, int Open, int Activities) total = default;
        var groups = tasks.GroupBy(t => GroupOf(t.OwnerOrgUnitId)).ToDictionary(g => g.Key);
        foreach (var (code, name) in new[] { (c.OrgUnitCode, c.OrgUnitName + " (trực tiếp)") }.Concat(children.Select(ch => (ch.Code, ch.Name))))
        {
            if (!groups.TryGetValue(code, out var group)) continue;
            int due = 0, onTime = 0, late = 0, open = 0, activities = 0;
            foreach (var t in group)
            {
                var credit = EvaluationScore.DeliveryCredit(new DeliveryTask(t.DueDate, t.CompletedOn, t.Kind == ProductKind.Process, t.CancelledOn), cutoff);
                if (t.Kind == ProductKind.Process && (t.CancelledOn is null || t.CancelledOn > cutoff)) activities++;
                if (credit is not { } cr) continue;
                due++;
                if (cr == 1) onTime++;
                else if (cr == 0.5) late++;
                else open++;
            }
            rows.Add([code, name, due, onTime, late, open, Rate(onTime, late, due), activities]);
            total = (total.Due + due, total.OnTime + onTime, total.Late + late, total.Open + open, total.Activities + activities);
        }
        rows.Add(["", "Tổng cộng", total.Due, total.OnTime, total.Late, total.Open, Rate(total.OnTime, total.Late, total.Due), total.Activities]);
        ReportColumn[] columns =
        [
            new("orgUnitCode", "Mã đơn vị", ColumnKind.Text, Printed: false),
            new("orgUnit", "Đơn vị", ColumnKind.Text, Width: 3),
            new("due", "Việc đến hạn", ColumnKind.Integer),
            new("completedOnTime", "Hoàn thành đúng hạn", ColumnKind.Integer),
            new("completedLate", "Hoàn thành chậm", ColumnKind.Integer),
            new("notCompleted", "Chưa hoàn thành", ColumnKind.Integer),
            new("deliveryPercent", "Tỷ lệ giao nộp sản phẩm (%)", ColumnKind.Number, Decimals: 1),
            new("activities", "Hoạt động (không tính điểm)", ColumnKind.Integer),
        ];
        return new ReportSection("tasks", "2. Kết quả thực hiện nhiệm vụ", columns, rows,
        [
            $"Việc có sản phẩm (đầu ra, kết quả) đến hạn từ {VietnameseText.Date(start)} đến {VietnameseText.Date(cutoff)}, không kể việc đã hủy. " +
            "Tỷ lệ giao nộp = (đúng hạn × 1 + chậm × 0,5) ÷ số việc đến hạn; việc chưa hoàn thành đến cuối kỳ được 0. " +
            "Hoạt động (ban hành văn bản, hội họp) được liệt kê riêng và không tính điểm.",
        ]);
    }

    private static decimal? Rate(int onTime, int late, int due) =>
        due == 0 ? null : Math.Round((onTime * 2 + late) * 100m / (2 * due), 4, MidpointRounding.AwayFromZero);
}
