using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ThreeClears.Web.Features.Tasks;
using ThreeClears.Web.Tests.Support;

namespace ThreeClears.Web.Tests;

/// <summary>The deadline sweep: climbing, overdue escalations, status refresh, idempotence and its lock.</summary>
public abstract class SweepTests(AppFixture app)
{
    private static readonly DateOnly Later = new(2026, 6, 30);

    private async Task<JsonElement> SweepAsync(string asOf)
    {
        using var admin = await app.As("admin");
        var body = await (await admin.PostAsync($"/api/admin/sweep?asOf={asOf}", null)).Expect(HttpStatusCode.OK);
        Assert.Equal(asOf, body.GetProperty("asOf").GetString());
        return body;
    }

    private static void AssertNothingChanged(JsonElement sweep)
    {
        foreach (var name in new[] { "escalationsClimbed", "overdueEscalations", "statusesRefreshed" })
            Assert.True(sweep.GetProperty(name).GetInt32() == 0, $"{name} in {sweep}");
    }

    private async Task<JsonElement> EscalationAsync(int id)
    {
        using var admin = await app.As("admin");
        return await (await admin.GetAsync($"/api/escalations/{id}")).Expect(HttpStatusCode.OK);
    }

    private async Task<JsonElement[]> EscalationsOfTaskAsync(int taskId)
    {
        using var admin = await app.As("admin");
        var list = await (await admin.GetAsync("/api/escalations?pageSize=500")).Expect(HttpStatusCode.OK);
        return [.. list.GetProperty("items").EnumerateArray().Where(e => e.GetProperty("taskId").GetInt32() == taskId)];
    }

    private static string? S(JsonElement e, string name) => e.GetProperty(name).GetString();

    [Fact]
    public async Task One_sweep_climbs_two_levels_across_a_weekend_and_public_holidays()
    {
        await TaskSeed.EnsureVillageAsync(app, "TL-NA", "officer.na", "head.na");
        int id;
        await using (await ClockAt.SetAsync(app, "2026-04-23T03:00:00Z"))
        {
            var task = await TaskSeed.CreateAsync(app, "officer.na", "head.na", Later);
            using var owner = await app.As("officer.na");
            var raised = await (await owner.PostAsJsonAsync($"/api/tasks/{task}/escalations", new { reason = "exceedsAuthority", question = "Giải phóng mặt bằng?" }))
                .Expect(HttpStatusCode.Created);
            // Raised Thu 23 Apr to the head of TL-NA; Fri 24 (1), weekend, Mon 27 off for Hung Kings' day, Tue 28 (2).
            Assert.Equal(("head.na", "TL-NA", "2026-04-28"), (S(raised, "toUserName"), S(raised, "toOrgUnitCode"), S(raised, "respondBy")));
            id = raised.GetProperty("id").GetInt32();
        }

        // Answering on the deadline is on time: on 28 April nothing has been missed yet.
        await SweepAsync("2026-04-28");
        Assert.Equal(1, (await EscalationAsync(id)).GetProperty("level").GetInt32());

        // Swept on Tue 5 May: 28 Apr was missed → chair.tralinh (X-TRALINH), respond by 2 working days after
        // 28 Apr: Wed 29 (1), Thu 30 Apr and Fri 1 May are holidays, weekend, Mon 4 May (2).
        // 4 May was missed too (5 May is after it) → leader (CB), by Tue 5 (1), Wed 6 May (2).
        var sweep = await SweepAsync("2026-05-05");
        Assert.True(sweep.GetProperty("escalationsClimbed").GetInt32() >= 2);
        var e = await EscalationAsync(id);
        Assert.Equal((3, "leader", "CB", "2026-05-06"), (e.GetProperty("level").GetInt32(), S(e, "toUserName"), S(e, "toOrgUnitCode"), S(e, "respondBy")));
        Assert.Equal(
            new[] { (1, "head.na", "TL-NA", "2026-04-28"), (2, "chair.tralinh", "X-TRALINH", "2026-05-04"), (3, "leader", "CB", "2026-05-06") },
            e.GetProperty("steps").EnumerateArray().Select(s => (s.GetProperty("level").GetInt32(), S(s, "toUserName")!, S(s, "toOrgUnitCode")!, S(s, "respondBy")!)));

        // The same date again changes nothing.
        AssertNothingChanged(await SweepAsync("2026-05-05"));
        Assert.Equal(2, (await EscalationAsync(id)).GetProperty("version").GetInt32());

        // At the root it stays, its missed deadline in view.
        await SweepAsync("2026-05-07");
        e = await EscalationAsync(id);
        Assert.Equal((3, "leader", "2026-05-06", 3), (e.GetProperty("level").GetInt32(), S(e, "toUserName"), S(e, "respondBy"), e.GetProperty("steps").GetArrayLength()));

        using var admin = await app.As("admin");
        var audit = await (await admin.GetAsync($"/api/audit?entity=escalation&id={id}")).Expect(HttpStatusCode.OK);
        var climbs = audit.GetProperty("items").EnumerateArray().Where(a => S(a, "action") == "climb").ToList();
        Assert.Equal(2, climbs.Count);
        Assert.All(climbs, a => Assert.Equal("sweep", S(a, "userName")));
    }

    [Fact]
    public async Task Resolved_escalations_do_not_climb()
    {
        int id;
        await using (await ClockAt.SetAsync(app, "2026-04-23T03:00:00Z"))
        {
            var task = await TaskSeed.CreateAsync(app, "officer.tralinh", "chair.tralinh", Later);
            using var owner = await app.As("officer.tralinh");
            id = (await (await owner.PostAsJsonAsync($"/api/tasks/{task}/escalations", new { reason = "blocked", question = "?" }))
                .Expect(HttpStatusCode.Created)).GetProperty("id").GetInt32();
            using var chair = await app.As("chair.tralinh");
            await (await chair.PostAsJsonAsync($"/api/escalations/{id}/resolve", new { decision = "Đã xử lý" })).Expect(HttpStatusCode.OK);
        }
        await SweepAsync("2026-05-20");
        var e = await EscalationAsync(id);
        Assert.Equal((1, "chair.tralinh", "resolved"), (e.GetProperty("level").GetInt32(), S(e, "toUserName"), S(e, "status")));
    }

    [Fact]
    public async Task An_overdue_task_escalates_to_its_assigner_once()
    {
        // Due Tue 10 March 2026.
        var due = new DateOnly(2026, 3, 10);
        var fromChair = await TaskSeed.CreateAsync(app, "officer.tralinh", "chair.tralinh", due, createdOn: new DateOnly(2026, 2, 2));
        var fromLeader = await TaskSeed.CreateAsync(app, "officer.tralinh", "leader", due, createdOn: new DateOnly(2026, 2, 2));
        var selfAssigned = await TaskSeed.CreateAsync(app, "chair.tralinh", "chair.tralinh", due, createdOn: new DateOnly(2026, 2, 2));
        var completed = await TaskSeed.CreateAsync(app, "officer.tralinh", "chair.tralinh", due, createdOn: new DateOnly(2026, 2, 2),
            reports: [(new DateOnly(2026, 3, 9), 100m)], completedOn: new DateOnly(2026, 3, 9));

        // On the due date itself the task is not yet overdue.
        await SweepAsync("2026-03-10");
        Assert.Empty(await EscalationsOfTaskAsync(fromChair));

        // Wed 11 March: overdue. Respond by Thu 12 (1), Fri 13 (2).
        var first = await SweepAsync("2026-03-11");
        Assert.True(first.GetProperty("overdueEscalations").GetInt32() >= 3);
        foreach (var (task, to) in new[] { (fromChair, "chair.tralinh"), (fromLeader, "leader"), (selfAssigned, "leader") })
        {
            var e = Assert.Single(await EscalationsOfTaskAsync(task));
            Assert.Equal(("overdue", to, 1, "2026-03-11", "2026-03-13"),
                (S(e, "reason"), S(e, "toUserName"), e.GetProperty("level").GetInt32(), S(e, "raisedOn"), S(e, "respondBy")));
            Assert.Equal(JsonValueKind.Null, e.GetProperty("raisedByUserName").ValueKind);
        }
        Assert.Empty(await EscalationsOfTaskAsync(completed));
        await using (var scope = app.Scope(out var db))
            Assert.True(await db.Set<TaskItem>().Where(t => t.Id == fromChair).Select(t => t.OverdueEscalated).SingleAsync());

        // Idempotent: the same date again, then the next day: no second escalation.
        AssertNothingChanged(await SweepAsync("2026-03-11"));
        Assert.Equal(0, (await SweepAsync("2026-03-12")).GetProperty("overdueEscalations").GetInt32());
        Assert.Single(await EscalationsOfTaskAsync(fromChair));

        // Unanswered by Fri 13, swept Mon 16: it climbs from chair.tralinh to the leader, by Mon 16 (1), Tue 17 (2).
        await SweepAsync("2026-03-16");
        var climbed = Assert.Single(await EscalationsOfTaskAsync(fromChair));
        Assert.Equal(("leader", 2, "2026-03-17"), (S(climbed, "toUserName"), climbed.GetProperty("level").GetInt32(), S(climbed, "respondBy")));
    }

    [Fact]
    public async Task Statuses_of_open_tasks_are_refreshed_and_finished_ones_left_alone()
    {
        var created = new DateOnly(2026, 3, 1);
        var due = new DateOnly(2026, 3, 31);
        // As of 21 March, 20 of 30 days have passed: expected 0.6667.
        var behind = await TaskSeed.CreateAsync(app, "officer.hoaan", "chair.hoaan", due, createdOn: created);                                   // 0 → atRisk
        var ahead = await TaskSeed.CreateAsync(app, "officer.hoaan", "chair.hoaan", due, createdOn: created, reports: [(new DateOnly(2026, 3, 20), 70m)]); // 0.70 → onTrack
        var missed = await TaskSeed.CreateAsync(app, "officer.hoaan", "chair.hoaan", due, createdOn: created,
            milestones: [(new DateOnly(2026, 3, 15), 50m)], reports: [(new DateOnly(2026, 3, 14), 40m)]);                                           // milestone unmet → atRisk
        var notStarted = await TaskSeed.CreateAsync(app, "officer.hoaan", "chair.hoaan", new DateOnly(2026, 4, 30), createdOn: created, start: new DateOnly(2026, 4, 1));
        var done = await TaskSeed.CreateAsync(app, "officer.hoaan", "chair.hoaan", due, createdOn: created,
            reports: [(new DateOnly(2026, 3, 10), 100m)], completedOn: new DateOnly(2026, 3, 10));
        // More than one batch of 500.
        await using (var scope = app.Scope(out var db))
        {
            var t = await db.Set<TaskItem>().AsNoTracking().SingleAsync(x => x.Id == behind);
            for (var i = 0; i < 1_050; i++)
            {
                db.Add(new TaskItem
                {
                    Title = $"Lô {i}", ProductDescription = t.ProductDescription, ProductUnit = t.ProductUnit, TargetQuantity = 100, OriginalTargetQuantity = 100,
                    OwnerId = t.OwnerId, OwnerOrgUnitId = t.OwnerOrgUnitId, AssignedById = t.AssignedById,
                    DueDate = due, CreatedOn = created, CreatedAt = t.CreatedAt, Status = Domain.Tasks.TaskStatus.OnTrack, StatusOn = created,
                });
            }
            await db.SaveChangesAsync();
        }

        var sweep = await SweepAsync("2026-03-21");
        Assert.True(sweep.GetProperty("statusesRefreshed").GetInt32() >= 1_054);
        await using (var scope = app.Scope(out var db))
        {
            var rows = await db.Set<TaskItem>().AsNoTracking().Where(t => t.OwnerOrgUnit!.Code == "X-HOAAN")
                .Select(t => new { t.Id, t.Status, t.StatusOn }).ToDictionaryAsync(t => t.Id);
            var asOf = new DateOnly(2026, 3, 21);
            Assert.Equal((Domain.Tasks.TaskStatus.AtRisk, asOf), (rows[behind].Status, rows[behind].StatusOn));
            Assert.Equal((Domain.Tasks.TaskStatus.OnTrack, asOf), (rows[ahead].Status, rows[ahead].StatusOn));
            Assert.Equal((Domain.Tasks.TaskStatus.AtRisk, asOf), (rows[missed].Status, rows[missed].StatusOn));
            Assert.Equal((Domain.Tasks.TaskStatus.NotStarted, asOf), (rows[notStarted].Status, rows[notStarted].StatusOn));
            Assert.Equal((Domain.Tasks.TaskStatus.CompletedOnTime, new DateOnly(2026, 3, 10)), (rows[done].Status, rows[done].StatusOn));
            Assert.Equal(1_050, rows.Values.Count(r => r.Id > done && r.Status == Domain.Tasks.TaskStatus.AtRisk && r.StatusOn == asOf));
        }
        AssertNothingChanged(await SweepAsync("2026-03-21"));
    }

    [Fact]
    public async Task Only_an_administrator_of_the_whole_province_sweeps()
    {
        foreach (var who in new[] { "admin.tralinh", "leader", "officer.tralinh" })
        {
            using var c = await app.As(who);
            await (await c.PostAsync("/api/admin/sweep?asOf=2026-03-02", null)).Expect(HttpStatusCode.Forbidden);
        }
        using var admin = await app.As("admin");
        var bad = await (await admin.PostAsync("/api/admin/sweep?asOf=2026-02-30", null)).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(["asOf"], bad.GetProperty("errors").Keys());
        await (await app.Anonymous().PostAsync("/api/admin/sweep", null)).Expect(HttpStatusCode.Unauthorized);
        await using (await ClockAt.SetAsync(app, "2026-03-02T17:30:00Z"))
        {
            // 17:30 UTC on 2 March is 00:30 on 3 March in Vietnam: today is the 3rd.
            var today = await (await admin.PostAsync("/api/admin/sweep", null)).Expect(HttpStatusCode.OK);
            Assert.Equal("2026-03-03", today.GetProperty("asOf").GetString());
        }
    }

    [Fact]
    public async Task A_sweep_already_running_elsewhere_makes_the_background_job_skip()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var sweep = scope.ServiceProvider.GetRequiredService<DeadlineSweep>();
        var asOf = new DateOnly(2026, 1, 5);
        if (app.Provider == "postgres")
        {
            // Another node: a separate session holding the sweep's advisory lock.
            await using var other = new NpgsqlConnection(app.ConnectionString);
            await other.OpenAsync();
            await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({DeadlineSweep.LockKey})", other)) await take.ExecuteNonQueryAsync();
            Assert.Null(await sweep.TryRunAsync(asOf, CancellationToken.None));
            var waiting = sweep.RunAsync(asOf, CancellationToken.None);
            await Task.Delay(300);
            Assert.False(waiting.IsCompleted);
            await using (var give = new NpgsqlCommand($"SELECT pg_advisory_unlock({DeadlineSweep.LockKey})", other)) await give.ExecuteNonQueryAsync();
            Assert.Equal(asOf, (await waiting).AsOf);
        }
        else
        {
            var gate = app.Services.GetRequiredService<SweepGate>();
            await gate.Semaphore.WaitAsync();
            try
            {
                Assert.Null(await sweep.TryRunAsync(asOf, CancellationToken.None));
            }
            finally
            {
                gate.Semaphore.Release();
            }
        }
        Assert.NotNull(await sweep.TryRunAsync(asOf, CancellationToken.None));
        if (app.Provider == "postgres")
        {
            // Pooled connections go back unreset (DatabaseSetup.WithAutoPrepare): the sweep must
            // release its session lock itself, or the next user of that connection would hold it.
            await using var check = new NpgsqlConnection(app.ConnectionString);
            await check.OpenAsync();
            await using var held = new NpgsqlCommand(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())", check);
            Assert.Equal(0L, (long)(await held.ExecuteScalarAsync())!);
        }
    }
}

public sealed class SweepTestsOnSqlite(SqliteApp app) : SweepTests(app), IClassFixture<SqliteApp>;

public sealed class SweepTestsOnPostgres(PostgresApp app) : SweepTests(app), IClassFixture<PostgresApp>;

/// <summary>A host whose background sweep runs every second.</summary>
public sealed class SqliteAppWithSweep : SqliteApp
{
    protected override bool Sweep => true;
}

public sealed class BackgroundSweepTests(SqliteAppWithSweep app) : IClassFixture<SqliteAppWithSweep>
{
    [Fact]
    public async Task The_background_sweep_escalates_an_overdue_task_by_itself()
    {
        await using var _ = await ClockAt.SetAsync(app, "2026-03-11T03:00:00Z");
        var task = await TaskSeed.CreateAsync(app, "officer.tralinh", "chair.tralinh", new DateOnly(2026, 3, 10));
        for (var i = 0; i < 300; i++)
        {
            await using (var scope = app.Scope(out var db))
            {
                var e = await db.Set<Escalation>().AsNoTracking().Where(x => x.TaskId == task).ToListAsync();
                if (e.Count > 0)
                {
                    Assert.Equal((EscalationReason.Overdue, new DateOnly(2026, 3, 11)), (Assert.Single(e).Reason, e[0].RaisedOn));
                    return;
                }
            }
            await Task.Delay(100);
        }
        Assert.Fail("The background sweep did not escalate the overdue task within 30 seconds.");
    }

    private sealed class DeemedAgreementStep : ISweepStep
    {
        public Task<int> RunAsync(DateOnly asOf, CancellationToken ct) => Task.FromResult(0);
    }

    [Fact]
    public void A_step_without_a_name_is_named_after_its_class()
    {
        Assert.Equal("deemedAgreement", ((ISweepStep)new DeemedAgreementStep()).Name);
        Assert.Equal("escalationsClimbed", ((ISweepStep)new EscalationClimbStep(null!, null!, null!, null!)).Name);
    }
}
