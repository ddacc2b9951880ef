using Microsoft.EntityFrameworkCore;
using ThreeClears.Domain;
using ThreeClears.Domain.Tasks;
using ThreeClears.Web.Data;
using ThreeClears.Web.Features.Organisation;
using ThreeClears.Web.Features.Tasks;

namespace ThreeClears.Web.Features.Reports;

/// <summary>
/// The task report: every task owned in the unit's subtree that fell due in the period or was active
/// in it (begun by its end and not finished before its start), with its owner, product, target, the
/// quantity delivered and the status as at the period's end (today while it runs), and how many
/// escalations and reassignments it had by then. Five queries whatever the number of tasks.
/// </summary>
public static class TaskReport
{
    public const int MaxTasks = 20_000;

    private static readonly Dictionary<Domain.Tasks.TaskStatus, string> Words = new()
    {
        [Domain.Tasks.TaskStatus.NotStarted] = "Chưa bắt đầu", [Domain.Tasks.TaskStatus.OnTrack] = "Đúng tiến độ",
        [Domain.Tasks.TaskStatus.AtRisk] = "Có nguy cơ chậm", [Domain.Tasks.TaskStatus.Overdue] = "Quá hạn",
        [Domain.Tasks.TaskStatus.CompletedOnTime] = "Hoàn thành đúng hạn", [Domain.Tasks.TaskStatus.CompletedLate] = "Hoàn thành chậm",
        [Domain.Tasks.TaskStatus.Cancelled] = "Đã hủy",
    };

    public static async Task<ReportSection> BuildAsync(ThreeClearsDb db, string rootCode, ReportContext c, CancellationToken ct)
    {
        var (start, end, cutoff, path) = (c.Period.Start, c.Period.End, c.Cutoff, c.Path);
        var tasks = await db.Set<TaskItem>().AsNoTracking()
            .Where(t => t.OwnerOrgUnit!.Path.StartsWith(path)
                        && ((t.DueDate >= start && t.DueDate <= end)
                            || ((t.StartDate ?? t.CreatedOn) <= end && (t.CompletedOn ?? t.CancelledOn) == null)
                            || ((t.StartDate ?? t.CreatedOn) <= end && (t.CompletedOn ?? t.CancelledOn) >= start)))
            .OrderBy(t => t.DueDate).ThenBy(t => t.Id).Take(MaxTasks + 1)
            .Select(t => new
            {
                t.Id, t.CreatedOn, t.StartDate, t.Title, Owner = t.Owner!.UserName!, t.Owner.FullName, Unit = t.OwnerOrgUnit!.Code, t.ProductDescription,
                t.ProductUnit, t.Kind, t.TargetQuantity, t.DueDate, t.CompletedOn, t.CancelledOn,
            })
            .ToListAsync(ct);
        var truncated = tasks.Count > MaxTasks;
        if (truncated) tasks.RemoveAt(tasks.Count - 1);
        var ids = tasks.Select(t => t.Id).ToArray();
        var limit = cutoff.ToDateTime(new TimeOnly(23, 59, 59), DateTimeKind.Utc).AddHours(-7); // the end of the cut-off day in Vietnam
        var reports = (await db.Set<TaskProgressReport>().AsNoTracking().Where(r => ids.Contains(r.TaskId) && r.ReportedOn <= cutoff)
                .Select(r => new { r.TaskId, r.Id, r.ReportedOn, r.CumulativeQuantity }).ToListAsync(ct))
            .OrderBy(r => r.Id).ToLookup(r => r.TaskId, r => new ProgressReport(r.ReportedOn, r.CumulativeQuantity));
        var milestones = (await db.Set<TaskMilestoneRow>().AsNoTracking().Where(m => ids.Contains(m.TaskId))
                .Select(m => new { m.TaskId, m.DueDate, m.CumulativeQuantity }).ToListAsync(ct))
            .ToLookup(m => m.TaskId, m => new TaskMilestone(m.DueDate, m.CumulativeQuantity));
        var escalations = await db.Set<Escalation>().AsNoTracking().Where(e => ids.Contains(e.TaskId) && e.RaisedOn <= cutoff)
            .GroupBy(e => e.TaskId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.N, ct);
        var reassignments = await db.Set<TaskReassignment>().AsNoTracking().Where(r => ids.Contains(r.TaskId) && r.At <= limit)
            .GroupBy(r => r.TaskId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.N, ct);

        var rows = new List<object?[]>(tasks.Count);
        foreach (var t in tasks)
        {
            var facts = new TaskFacts(t.CreatedOn, t.StartDate, t.DueDate, t.TargetQuantity,
                milestones[t.Id].Select(m => m with { CumulativeQuantity = Math.Min(m.CumulativeQuantity, t.TargetQuantity) }), reports[t.Id]);
            // As TasksService.Refresh does for today: cancellation, then verified completion, then the running status.
            var status = t.CancelledOn is { } x && x <= cutoff ? Domain.Tasks.TaskStatus.Cancelled
                : t.CompletedOn is { } done && done <= cutoff ? (done <= t.DueDate ? Domain.Tasks.TaskStatus.CompletedOnTime : Domain.Tasks.TaskStatus.CompletedLate)
                : TaskStatusRule.Evaluate(facts, cutoff).Status;
            rows.Add(
            [
                TaskAccess.Code(rootCode, t.CreatedOn, t.Id), t.Title, $"{t.FullName} ({t.Owner})", t.Owner, t.Unit, t.ProductDescription, t.ProductUnit,
                t.Kind.ToApi(), t.TargetQuantity, TaskStatusRule.DeliveredAsOf(facts, cutoff), t.DueDate, t.CompletedOn is { } cd && cd <= cutoff ? cd : null,
                Words[status], status.ToApi(), escalations.GetValueOrDefault(t.Id), reassignments.GetValueOrDefault(t.Id),
            ]);
        }
        ReportColumn[] columns =
        [
            new("code", "Mã việc", ColumnKind.Text, Width: 1.3),
            new("title", "Nhiệm vụ", ColumnKind.Text, Width: 2.4),
            new("owner", "Người chịu trách nhiệm", ColumnKind.Text, Width: 1.6),
            new("ownerUserName", "Tên đăng nhập", ColumnKind.Text, Printed: false),
            new("orgUnitCode", "Đơn vị", ColumnKind.Text),
            new("product", "Sản phẩm", ColumnKind.Text, Width: 2),
            new("productUnit", "Đơn vị tính", ColumnKind.Text, Width: 0.8),
            new("productKind", "Loại sản phẩm", ColumnKind.Text, Printed: false),
            new("targetQuantity", "Mục tiêu", ColumnKind.Number, Width: 0.8),
            new("deliveredQuantity", "Đã thực hiện", ColumnKind.Number, Width: 0.8),
            new("dueDate", "Hạn", ColumnKind.Date, Width: 0.9),
            new("completedOn", "Hoàn thành ngày", ColumnKind.Date, Printed: false),
            new("statusText", "Tình trạng", ColumnKind.Text, Width: 1.1),
            new("status", "Mã tình trạng", ColumnKind.Text, Printed: false),
            new("escalations", "Kiến nghị", ColumnKind.Integer, Width: 0.7),
            new("reassignments", "Giao lại", ColumnKind.Integer, Width: 0.7),
        ];
        List<string> notes =
        [
            $"Việc của đơn vị và các đơn vị trực thuộc đến hạn trong kỳ hoặc đang thực hiện trong kỳ; tình trạng và số lượng tính đến ngày {VietnameseText.Date(cutoff)}. " +
            "Việc loại hoạt động (ban hành văn bản, hội họp) được liệt kê nhưng không phải sản phẩm.",
        ];
        if (truncated) notes.Add($"Chỉ liệt kê {VietnameseText.Integer(MaxTasks)} việc đầu tiên theo hạn; hãy chọn đơn vị nhỏ hơn hoặc kỳ ngắn hơn.");
        return new ReportSection("tasks", "Danh sách nhiệm vụ", columns, rows, notes);
    }
}
