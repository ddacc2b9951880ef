using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using ThreeClears.Domain.Tasks;
using ThreeClears.Web.Features.Tasks;

namespace ThreeClears.Web.Tests.Support;

/// <summary>
/// Tasks made straight in the database (the tasks API is another feature), for the escalation,
/// sweep and inbox tests.
/// </summary>
internal static class TaskSeed
{
    /// <summary>When tasks are made unless a test says otherwise: Monday 2 February 2026.</summary>
    public static readonly DateOnly SeedDay = new(2026, 2, 2);

    public static async Task<int> CreateAsync(AppFixture app, string owner, string assigner, DateOnly due,
        DateOnly? createdOn = null, DateOnly? start = null, decimal target = 100,
        (DateOnly On, decimal Quantity)[]? reports = null, (DateOnly On, decimal Quantity)[]? milestones = null,
        DateOnly? completedOn = null, DateOnly? cancelledOn = null, string? title = null)
    {
        await using var scope = app.Scope(out var db);
        var users = await db.Users.Where(u => u.UserName == owner || u.UserName == assigner).ToDictionaryAsync(u => u.UserName!);
        var created = createdOn ?? (due > SeedDay ? SeedDay : due.AddDays(-30));
        var task = new TaskItem
        {
            Title = title ?? $"Nhà ở kiên cố — {owner}, hạn {due:yyyy-MM-dd}",
            ProductDescription = "Nhà ở kiên cố thay nhà dột nát", ProductUnit = "căn", TargetQuantity = target, OriginalTargetQuantity = target,
            Kind = ProductKind.Output, OwnerId = users[owner].Id, OwnerOrgUnitId = users[owner].OrgUnitId, AssignedById = users[assigner].Id,
            StartDate = start, DueDate = due, CreatedOn = created, CreatedAt = created.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc),
            Status = Domain.Tasks.TaskStatus.OnTrack, StatusOn = created,
        };
        foreach (var (on, quantity) in milestones ?? [])
            task.Milestones.Add(new TaskMilestoneRow { DueDate = on, CumulativeQuantity = quantity });
        foreach (var (on, quantity) in reports ?? [])
        {
            task.Reports.Add(new TaskProgressReport
            {
                ReportedOn = on, ReportedAt = on.ToDateTime(new TimeOnly(3, 0), DateTimeKind.Utc), CumulativeQuantity = quantity,
                Note = "Báo cáo", ByUserId = users[owner].Id,
            });
            task.DeliveredQuantity = quantity;
            task.LastReportOn = on;
        }
        if (completedOn is { } done)
        {
            task.CompletedOn = task.VerifiedOn = task.StatusOn = done;
            task.Status = Domain.Tasks.TaskStatus.CompletedOnTime;
        }
        if (cancelledOn is { } cancelled)
        {
            task.CancelledOn = task.StatusOn = cancelled;
            task.CancelReason = "Không còn cần thiết";
            task.Status = Domain.Tasks.TaskStatus.Cancelled;
        }
        db.Add(task);
        await db.SaveChangesAsync();
        return task.Id;
    }

    /// <summary>A unit under Tra Linh with an officer, and a head when one is named (all through the API).</summary>
    public static async Task EnsureVillageAsync(AppFixture app, string code, string officer, string? head)
    {
        using var admin = await app.As("admin");
        var exists = await admin.GetAsync($"/api/org-units/{code}");
        if (exists.StatusCode == HttpStatusCode.OK) return;
        var unit = new { code, name = "Thôn " + code, nameEn = "Village " + code, kind = "site", parentCode = "X-TRALINH" };
        await (await admin.PostAsJsonAsync("/api/org-units", unit)).Expect(HttpStatusCode.Created);
        foreach (var (user, role) in new[] { (officer, "officer"), (head, "manager") })
        {
            if (user is null) continue;
            await (await admin.PostAsJsonAsync("/api/users", new { userName = user, fullName = "Cán bộ " + user, password = Password, orgUnitCode = code, position = "Cán bộ thôn" }))
                .Expect(HttpStatusCode.Created);
            await (await admin.PostAsJsonAsync($"/api/users/{user}/roles", new { role, orgUnitCode = code })).Expect(HttpStatusCode.OK);
            // Logged in once here, later calls to As(user) reuse the token without the password.
            (await app.As(user, Password)).Dispose();
        }
        if (head is not null)
            await (await admin.PutJson($"/api/org-units/{code}", new { unit.name, unit.nameEn, unit.kind, unit.parentCode, headUserName = head }, "1"))
                .Expect(HttpStatusCode.OK);
    }

    public const string Password = "password-1";
}

/// <summary>Sets the server's clock for a test and puts it back to real time at the end.</summary>
internal sealed class ClockAt : IAsyncDisposable
{
    private readonly AppFixture _app;

    private ClockAt(AppFixture app) => _app = app;

    public static async Task<ClockAt> SetAsync(AppFixture app, string instant)
    {
        await app.SetClockAsync(instant);
        return new ClockAt(app);
    }

    public async ValueTask DisposeAsync() => await _app.ResetClockAsync();
}
