using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ThreeClears.Domain.Access;
using ThreeClears.Web.Data;
using ThreeClears.Web.Infrastructure;
using ThreeClears.Web.Infrastructure.Auth;

namespace ThreeClears.Web.Features.Tasks;

/// <summary>
/// Who may see and touch a task. Reading: the owner, the assigner, a named contributor, or anyone
/// whose <see cref="Permission.ReadTasks"/> covers the owner's unit. Everything else is 403, and a
/// task that does not exist is 404.
/// </summary>
public sealed class TaskAccess(ThreeClearsDb db, Caller caller)
{
    /// <summary>The task's readable code: CB-2026-000123 (root unit, year created, id).</summary>
    public static string Code(string rootCode, DateOnly createdOn, int id) =>
        string.Create(CultureInfo.InvariantCulture, $"{rootCode}-{createdOn.Year:D4}-{id:D6}");

    /// <summary>Reads an id ("123") or a code ("CB-2026-000123"); the code's last part is the id.</summary>
    public static int ParseId(string idOrCode)
    {
        var last = idOrCode.Split('-')[^1];
        return int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
            ? id
            : throw new NotFoundException($"'{idOrCode}' is not a task id or code.");
    }

    /// <summary>
    /// The task (tracked), or 404; then 403 unless the caller may read it. With
    /// <paramref name="withMilestones"/> its milestones come in the same query. With
    /// <paramref name="lockRow"/> (PostgreSQL, inside the caller's transaction) the row is locked
    /// until that transaction ends, so a concurrent change waits instead of conflicting.
    /// </summary>
    public async Task<TaskItem> ReadableAsync(int id, CancellationToken ct, bool withMilestones = false, bool lockRow = false)
    {
        var tasks = lockRow ? db.Set<TaskItem>().FromSql($"SELECT * FROM tasks WHERE id = {id} FOR UPDATE") : db.Set<TaskItem>();
        if (withMilestones) tasks = tasks.Include(t => t.Milestones);
        var task = await tasks.FirstOrDefaultAsync(t => t.Id == id, ct)
                   ?? throw new NotFoundException($"No task has id {id}.");
        if (!await CanReadAsync(task, ct)) throw new ForbiddenException("This task is outside your units.");
        return task;
    }

    public async Task<bool> CanReadAsync(TaskItem task, CancellationToken ct)
    {
        var me = caller.UserId;
        if (task.OwnerId == me || task.AssignedById == me) return true;
        if (await caller.CanAsync(Permission.ReadTasks, task.OwnerOrgUnitId, ct)) return true;
        return await db.Set<TaskContributor>().AnyAsync(c => c.TaskId == task.Id && c.UserId == me, ct);
    }

    /// <summary>The task for its owner's own actions (report, escalate, consult): anyone else gets 403.</summary>
    public async Task<TaskItem> OwnedAsync(int id, CancellationToken ct, bool withMilestones = false, bool lockRow = false)
    {
        var task = await ReadableAsync(id, ct, withMilestones, lockRow);
        if (task.OwnerId != caller.UserId) throw new ForbiddenException("Only the task's owner may do this.");
        return task;
    }

    /// <summary>Open means neither completed nor cancelled: finished tasks refuse changes (409).</summary>
    public static void RequireOpen(TaskItem task)
    {
        if (task.CancelledOn is not null) throw new ConflictException("The task is cancelled.");
        if (task.CompletedOn is not null) throw new ConflictException("The task is completed and verified.");
    }
}
