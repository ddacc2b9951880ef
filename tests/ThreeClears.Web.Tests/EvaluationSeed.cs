using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using ThreeClears.Domain.Tasks;
using ThreeClears.Web.Features.Ratings;
using ThreeClears.Web.Features.Tasks;
using ThreeClears.Web.Tests.Support;

namespace ThreeClears.Web.Tests;

/// <summary>
/// The crafted quarter of the evaluation tests, 2024Q2 (1 April – 30 June 2024), away from the demo's
/// 2025–2026: three villages under Tra Linh, each with an officer and a head, and every kind of item
/// the results score reads, made straight in the database where the API would need weeks of clock.
/// </summary>
internal static class EvaluationSeed
{
    public const string Period = "2024Q2";

    public static DateOnly D(int month, int day) => new(2024, month, day);

    private static readonly SemaphoreSlim Once = new(1, 1);
    private static readonly HashSet<AppFixture> Seeded = [];

    /// <summary>Seeds the quarter once per host.</summary>
    public static async Task EnsureAsync(AppFixture app)
    {
        await Once.WaitAsync();
        try
        {
            if (!Seeded.Add(app)) return;
            await SeedAsync(app);
        }
        finally { Once.Release(); }
    }

    private static async Task SeedAsync(AppFixture app)
    {
        foreach (var v in new[] { "A", "B", "C" })
            await TaskSeed.EnsureVillageAsync(app, $"EV-{v}", $"ev.officer.{v.ToLowerInvariant()}", $"ev.head.{v.ToLowerInvariant()}");

        // Village A's officer: every Delivery case.
        var created = D(3, 1);
        async Task<int> Task(string owner, DateOnly due, DateOnly? completed = null, DateOnly? cancelled = null, ProductKind kind = ProductKind.Output)
        {
            var id = await TaskSeed.CreateAsync(app, owner, owner.Replace("officer", "head"), due, createdOn: created, completedOn: completed,
                cancelledOn: cancelled, reports: completed is { } c ? [(c, 100m)] : null);
            if (kind != ProductKind.Output)
            {
                await using var scope = app.Scope(out var db);
                await db.Set<TaskItem>().Where(t => t.Id == id).ExecuteUpdateAsync(s => s.SetProperty(t => t.Kind, kind));
            }
            return id;
        }
        var onTime = await Task("ev.officer.a", D(4, 10), completed: D(4, 9));       // 1
        await Task("ev.officer.a", D(5, 10), completed: D(5, 15));                   // late: 0.5
        await Task("ev.officer.a", D(6, 10));                                        // overdue, open at the end: 0
        await Task("ev.officer.a", D(6, 20), completed: D(7, 5));                    // completed after the quarter: 0
        await Task("ev.officer.a", D(5, 1), kind: ProductKind.Process);              // activity: not counted
        await Task("ev.officer.a", D(6, 1), cancelled: D(5, 20));                    // cancelled in the quarter: not counted
        await Task("ev.officer.a", D(7, 15), completed: D(7, 1));                    // due after the quarter: not counted
        // Villages B and C: one on time, one late each → 0.75, a tie.
        foreach (var o in new[] { "ev.officer.b", "ev.officer.c" })
        {
            await Task(o, D(4, 20), completed: D(4, 18));
            await Task(o, D(5, 20), completed: D(5, 27));
        }
        var askedFrom = await Task("ev.officer.b", D(9, 30));

        await using var s = app.Scope(out var db);
        var users = await db.Users.Where(u => u.UserName!.StartsWith("ev.") || u.UserName == "leader")
            .ToDictionaryAsync(u => u.UserName!, u => new { u.Id, u.OrgUnitId });
        var a = users["ev.head.a"].OrgUnitId;

        // Consultations addressed to village A (asked by village B's officer).
        void Consult(DateOnly deadline, ConsultationStatus status, DateOnly? answered)
        {
            var asked = deadline.AddDays(-7);
            db.Add(new Consultation
            {
                TaskId = askedFrom, AskedById = users["ev.officer.b"].Id, ToOrgUnitId = a, Question = "Xin ý kiến về vị trí xây nhà",
                AskedOn = asked, AskedAt = asked.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc), Deadline = deadline, Status = status,
                AnsweredById = answered is null ? null : users["ev.head.a"].Id, AnsweredOn = answered,
                AnsweredAt = answered?.ToDateTime(new TimeOnly(3, 0), DateTimeKind.Utc), DeemedOn = status == ConsultationStatus.DeemedAgreed ? deadline.AddDays(1) : null,
                Reasons = status == ConsultationStatus.Objected ? "Vướng quy hoạch" : null, Alternative = status == ConsultationStatus.Objected ? "Dời sang lô bên cạnh" : null,
            });
        }
        Consult(D(4, 15), ConsultationStatus.Agreed, D(4, 14));          // on time
        Consult(D(5, 15), ConsultationStatus.Objected, D(5, 16));        // answered a day late
        Consult(D(6, 5), ConsultationStatus.DeemedAgreed, null);         // silence: not an answer
        Consult(D(7, 10), ConsultationStatus.Agreed, D(7, 9));           // deadline after the quarter

        // Escalations from village A's officer to its head; the second climbs to the province leader.
        void Escalate(DateOnly raised, params (int Level, string To, DateOnly RespondBy)[] stops)
        {
            var last = stops[^1];
            var resolved = last.RespondBy;
            var e = new Escalation
            {
                TaskId = onTime, Reason = EscalationReason.Blocked, Question = "Thiếu vật liệu", RaisedById = users["ev.officer.a"].Id, RaisedOn = raised,
                RaisedAt = raised.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc), Level = last.Level, ToUserId = users[last.To].Id,
                ToOrgUnitId = users[last.To].OrgUnitId, RespondBy = last.RespondBy, Status = EscalationState.Resolved, Decision = "Đã xử lý",
                ResolvedById = users[last.To].Id, ResolvedOn = resolved, ResolvedAt = resolved.ToDateTime(new TimeOnly(3, 0), DateTimeKind.Utc),
            };
            foreach (var (level, to, by) in stops)
                e.Steps.Add(new EscalationStepRow { Level = level, ToUserId = users[to].Id, ToOrgUnitId = users[to].OrgUnitId, RespondBy = by,
                    At = raised.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) });
            db.Add(e);
        }
        Escalate(D(4, 1), (1, "ev.head.a", D(4, 3)));                            // resolved on its deadline
        Escalate(D(5, 2), (1, "ev.head.a", D(5, 6)), (2, "leader", D(5, 8)));    // missed by the head, resolved by the leader

        // Village A's citizens: 20 × 4 stars and 10 × 5 stars in May 2024; one more hidden.
        for (var i = 0; i < 31; i++)
            db.Add(new Rating
            {
                OrgUnitId = a, ClientHash = RatingsService.Hash($"ev-client-{i}"), Month = D(5, 1), Stars = i < 20 ? 4 : i < 30 ? 5 : 1,
                CreatedAt = new DateTime(2024, 5, 3, 3, 0, 0, DateTimeKind.Utc), Hidden = i == 30, HiddenReason = i == 30 ? "Lời lẽ xúc phạm" : null,
            });
        await db.SaveChangesAsync();

        // Targets of 2024: houses (owned by village A's officer; 30 + 30 + 20 approved, 50 more in March left as a draft)
        // and tourist arrivals (owned by the village, no figure).
        using var admin = await app.As("admin");
        foreach (var (indicator, owner) in new[] { ("HOUSES_REPLACED", "ev.officer.a"), ("TOURIST_ARRIVALS", (string?)null) })
            await (await admin.PostAsJsonAsync("/api/targets", new
            {
                indicatorCode = indicator, orgUnitCode = "EV-A", baseline = 0, targetValue = 100, targetYear = 2024, direction = "increase",
                ownerUserName = owner,
            })).Expect(HttpStatusCode.Created);
        var values = new[] { ("2024-03", 50m), ("2024-04", 30m), ("2024-05", 30m), ("2024-06", 20m) }
            .Select(v => new { indicatorCode = "HOUSES_REPLACED", orgUnitCode = "EV-A", period = v.Item1, value = v.Item2 }).ToArray();
        var put = await (await admin.PutAsJsonAsync("/api/data-values", values)).Expect(HttpStatusCode.OK);
        Assert.Equal(4, put.GetProperty("accepted").GetInt32());
        foreach (var month in new[] { "2024-04", "2024-05", "2024-06" })
            await (await admin.PostAsJsonAsync("/api/data-values/approve", new { orgUnitCode = "EV-A", period = month })).Expect(HttpStatusCode.OK);
    }
}
