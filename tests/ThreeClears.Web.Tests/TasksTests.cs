using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using ThreeClears.Web.Tests.Support;

namespace ThreeClears.Web.Tests;

/// <summary>The Three Clears through real HTTP: assignment, progress with evidence, verification and the status rule.</summary>
public abstract class TasksTests(AppFixture app) : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => app.ResetClockAsync();

    private Task SetToday(string date) => app.SetTodayAsync(date);

    private static object NewTask(string owner = "officer.xd", decimal target = 10, string due = "2026-03-31", string? start = "2026-03-01",
        object? milestones = null, string kind = "output") => new
    {
        title = "Làm mới 10 km đường liên xã",
        product = new { description = "Đường bê tông liên xã hoàn thành", unit = "km", targetQuantity = target, kind },
        ownerUserName = owner, dueDate = due, startDate = start, milestones,
    };

    private async Task<JsonElement> Create(string assigner = "director.xd", object? body = null)
    {
        using var c = await app.As(assigner);
        return await (await c.PostAsJsonAsync("/api/tasks", body ?? NewTask())).Expect(HttpStatusCode.Created);
    }

    private static Task<HttpResponseMessage> Post(HttpClient c, string url, object body, string? ifMatch)
    {
        var req = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        if (ifMatch is not null) req.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return c.SendAsync(req);
    }

    private async Task<JsonElement> Report(int id, decimal quantity, string owner = "officer.xd", params int[] attachments)
    {
        using var c = await app.As(owner);
        var task = await (await c.GetAsync($"/api/tasks/{id}")).Expect(HttpStatusCode.OK);
        return await (await Post(c, $"/api/tasks/{id}/progress", new { cumulativeQuantity = quantity, note = "Báo cáo tiến độ", attachmentIds = attachments },
            task.GetProperty("version").ToString())).Expect(HttpStatusCode.OK);
    }

    private async Task<string> StatusAsOf(int id, string date)
    {
        using var c = await app.As("director.xd");
        return (await (await c.GetAsync($"/api/tasks/{id}?asOf={date}")).Expect(HttpStatusCode.OK)).GetProperty("status").GetString()!;
    }

    [Fact]
    public async Task Reports_sent_at_once_with_If_Match_any_are_all_kept_while_a_stale_version_is_refused()
    {
        var id = (await Create()).GetProperty("id").GetInt32();
        using var c = await app.As("officer.xd");
        // Four reports of the same task at the same moment: "*" means "whatever the version is now",
        // so a report that comes second waits for the task's row (PostgreSQL) or is retried by the
        // server (SQLite); it is never answered 409.
        var sent = await Task.WhenAll(Enumerable.Range(1, 4).Select(q =>
            Post(c, $"/api/tasks/{id}/progress", new { cumulativeQuantity = q, note = $"Đợt {q}" }, "*")));
        foreach (var res in sent) await res.Expect(HttpStatusCode.OK);
        var task = await (await c.GetAsync($"/api/tasks/{id}")).Expect(HttpStatusCode.OK);
        Assert.Equal(4, task.GetProperty("reports").GetArrayLength());
        Assert.Equal(5, task.GetProperty("version").GetInt32());
        // The reports were written one after another: the delivered quantity is the last one's.
        var last = task.GetProperty("reports").EnumerateArray().Last().GetProperty("cumulativeQuantity").GetDecimal();
        Assert.Equal(last, task.GetProperty("deliveredQuantity").GetDecimal());
        await (await Post(c, $"/api/tasks/{id}/progress", new { cumulativeQuantity = 5 }, "\"4\"")).Expect(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_task_without_its_three_clears_is_refused_naming_each_missing_one()
    {
        using var c = await app.As("director.xd");
        var p = await (await c.PostAsJsonAsync("/api/tasks", new { title = "Họp triển khai" })).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(new[] { "dueDate", "ownerUserName", "product.description", "product.kind", "product.targetQuantity", "product.unit" },
            p.GetProperty("errors").Keys().Order());
        var unknown = await (await c.PostAsJsonAsync("/api/tasks", NewTask(owner: "nobody.here"))).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(["ownerUserName"], unknown.GetProperty("errors").Keys());
        var zero = await (await c.PostAsJsonAsync("/api/tasks", NewTask(target: 0))).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("product.targetQuantity", zero.GetProperty("errors").Keys());
    }

    [Fact]
    public async Task Only_an_assigner_whose_scope_covers_the_owner_may_assign()
    {
        // The chair of Hoa An assigns in Hoa An, not in Tra Linh; an officer assigns nothing.
        using var chair = await app.As("chair.hoaan");
        await (await chair.PostAsJsonAsync("/api/tasks", NewTask(owner: "officer.hoaan"))).Expect(HttpStatusCode.Created);
        await (await chair.PostAsJsonAsync("/api/tasks", NewTask(owner: "officer.tralinh"))).Expect(HttpStatusCode.Forbidden);
        using var officer = await app.As("officer.xd");
        await (await officer.PostAsJsonAsync("/api/tasks", NewTask(owner: "officer.xd"))).Expect(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Status_follows_the_rule_as_of_any_date()
    {
        await SetToday("2026-02-20");
        var task = await Create();
        var id = task.GetProperty("id").GetInt32();
        Assert.Matches(@"^CB-2026-\d{6}$", task.GetProperty("code").GetString());
        // Nothing reported and 20 Feb is before the 1 Mar start: not started.
        Assert.Equal("notStarted", await StatusAsOf(id, "2026-02-20"));

        await SetToday("2026-03-16");
        await Report(id, 2);
        // Start 1 Mar, due 31 Mar: 30 days. On 16 Mar, 15 have passed: expected 15 ÷ 30 = 0.5.
        // Delivered 2 of 10 = 0.2; 0.5 − 0.2 = 0.3 > 0.2 → at risk.
        using var c = await app.As("director.xd");
        var t = await (await c.GetAsync($"/api/tasks/{id}?asOf=2026-03-16")).Expect(HttpStatusCode.OK);
        Assert.Equal("atRisk", t.GetProperty("status").GetString());
        Assert.Equal(0.5m, t.GetProperty("expectedFraction").GetDecimal());
        Assert.Equal(0.2m, t.GetProperty("actualFraction").GetDecimal());
        // A correction to 3: 0.5 − 0.3 = 0.2, not more than 20 points → on track.
        await Report(id, 3);
        Assert.Equal("onTrack", await StatusAsOf(id, "2026-03-16"));
        // Due 31 Mar: on the due date it is not overdue yet; the day after it is.
        Assert.Equal("atRisk", await StatusAsOf(id, "2026-03-31"));
        Assert.Equal("overdue", await StatusAsOf(id, "2026-04-01"));
    }

    [Fact]
    public async Task A_missed_milestone_puts_a_task_at_risk()
    {
        await SetToday("2026-01-05");
        var task = await Create(body: NewTask(start: "2026-01-05", due: "2026-12-31",
            milestones: new[] { new { title = "Quý I", dueDate = "2026-03-31", cumulativeQuantity = 3 } }));
        var id = task.GetProperty("id").GetInt32();
        // The 31 Mar milestone (3) is due by 31 Mar: expected 3 ÷ 10 = 0.3, and on that day it is not yet missed.
        Assert.Equal("atRisk", await StatusAsOf(id, "2026-03-31")); // 0.3 − 0 = 0.3 > 0.2
        await SetToday("2026-03-20");
        await Report(id, 2);
        // 31 Mar: 0.3 − 0.2 = 0.1, on track; 1 Apr: the milestone's date has passed with 2 < 3 → missed → at risk.
        Assert.Equal("onTrack", await StatusAsOf(id, "2026-03-31"));
        Assert.Equal("atRisk", await StatusAsOf(id, "2026-04-01"));
        using var c = await app.As("director.xd");
        var t = await (await c.GetAsync($"/api/tasks/{id}?asOf=2026-04-01")).Expect(HttpStatusCode.OK);
        Assert.True(t.GetProperty("milestones")[0].GetProperty("missed").GetBoolean());
    }

    [Fact]
    public async Task Verification_needs_someone_other_than_the_owner_and_the_target_met()
    {
        await SetToday("2026-03-10");
        var id = (await Create()).GetProperty("id").GetInt32();
        await Report(id, 6);
        using var owner = await app.As("officer.xd");
        await (await owner.PostAsJsonAsync($"/api/tasks/{id}/verify", new { approve = true })).Expect(HttpStatusCode.Forbidden);
        using var other = await app.As("officer.tralinh");
        await (await other.PostAsJsonAsync($"/api/tasks/{id}/verify", new { approve = true })).Expect(HttpStatusCode.Forbidden);
        using var director = await app.As("director.xd");
        await (await director.PostAsJsonAsync($"/api/tasks/{id}/verify", new { approve = true })).Expect(HttpStatusCode.UnprocessableEntity);
        var reject = await (await director.PostAsJsonAsync($"/api/tasks/{id}/verify", new { approve = false })).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(["note"], reject.GetProperty("errors").Keys());

        // Reported 10 on 20 Mar, before the 31 Mar due date; verified on 2 Apr: completed on time, dated 20 Mar.
        await SetToday("2026-03-20");
        await Report(id, 10);
        await SetToday("2026-04-02");
        var rejected = await (await director.PostAsJsonAsync($"/api/tasks/{id}/verify", new { approve = false, note = "Thiếu ảnh hiện trường" })).Expect(HttpStatusCode.OK);
        Assert.Equal("overdue", rejected.GetProperty("status").GetString());
        Assert.Equal("Thiếu ảnh hiện trường", rejected.GetProperty("verifications")[0].GetProperty("note").GetString());
        // An inspector covering the unit may verify too.
        using var inspector = await app.As("inspector");
        var done = await (await inspector.PostAsJsonAsync($"/api/tasks/{id}/verify", new { approve = true, note = "Đã kiểm tra" })).Expect(HttpStatusCode.OK);
        Assert.Equal("completedOnTime", done.GetProperty("status").GetString());
        Assert.Equal("2026-03-20", done.GetProperty("completedOn").GetString());
        // A finished task takes no more reports.
        await (await Post(owner, $"/api/tasks/{id}/progress", new { cumulativeQuantity = 11, note = "" }, done.GetProperty("version").ToString()))
            .Expect(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Reaching_the_target_after_the_due_date_completes_late()
    {
        await SetToday("2026-03-10");
        var id = (await Create()).GetProperty("id").GetInt32();
        await SetToday("2026-04-03"); // due 31 Mar; the report reaching 10 is dated 3 Apr
        await Report(id, 10);
        using var director = await app.As("director.xd");
        var done = await (await director.PostAsJsonAsync($"/api/tasks/{id}/verify", new { approve = true })).Expect(HttpStatusCode.OK);
        Assert.Equal("completedLate", done.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Progress_needs_the_current_version()
    {
        var id = (await Create()).GetProperty("id").GetInt32();
        using var owner = await app.As("officer.xd");
        await (await Post(owner, $"/api/tasks/{id}/progress", new { cumulativeQuantity = 1, note = "" }, null)).Expect((HttpStatusCode)428);
        await (await Post(owner, $"/api/tasks/{id}/progress", new { cumulativeQuantity = 1, note = "" }, "\"1\"")).Expect(HttpStatusCode.OK);
        await (await Post(owner, $"/api/tasks/{id}/progress", new { cumulativeQuantity = 2, note = "" }, "\"1\"")).Expect(HttpStatusCode.Conflict);
        var bad = await (await Post(owner, $"/api/tasks/{id}/progress", new { cumulativeQuantity = -1, attachmentIds = new[] { 999999 } }, "2")).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(new[] { "attachmentIds[0]", "cumulativeQuantity" }, bad.GetProperty("errors").Keys().Order());
        using var director = await app.As("director.xd");
        await (await Post(director, $"/api/tasks/{id}/progress", new { cumulativeQuantity = 3, note = "" }, "2")).Expect(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Target_changes_keep_the_original_and_only_the_assigner_makes_them()
    {
        var id = (await Create()).GetProperty("id").GetInt32();
        using var owner = await app.As("officer.xd");
        await (await owner.PostAsJsonAsync($"/api/tasks/{id}/target", new { targetQuantity = 5, reason = "Khó quá" })).Expect(HttpStatusCode.Forbidden);
        using var director = await app.As("director.xd");
        var t = await (await director.PostAsJsonAsync($"/api/tasks/{id}/target", new { targetQuantity = 12, reason = "Bổ sung 2 km" })).Expect(HttpStatusCode.OK);
        Assert.Equal(12m, t.GetProperty("product").GetProperty("targetQuantity").GetDecimal());
        Assert.Equal(10m, t.GetProperty("product").GetProperty("originalTargetQuantity").GetDecimal());
        var change = t.GetProperty("targetChanges")[0];
        Assert.Equal((10m, 12m, "director.xd"), (change.GetProperty("from").GetDecimal(), change.GetProperty("to").GetDecimal(), change.GetProperty("byUserName").GetString()));
    }

    [Fact]
    public async Task Every_reassignment_is_recorded_and_the_second_raises_the_buck_passing_flag()
    {
        var id = (await Create()).GetProperty("id").GetInt32();
        using var director = await app.As("director.xd");
        var once = await (await director.PostAsJsonAsync($"/api/tasks/{id}/reassign", new { ownerUserName = "director.xd", reason = "Tự làm" })).Expect(HttpStatusCode.OK);
        Assert.False(once.GetProperty("buckPassingFlag").GetBoolean());
        var twice = await (await director.PostAsJsonAsync($"/api/tasks/{id}/reassign", new { ownerUserName = "officer.xd", reason = "Trả lại" })).Expect(HttpStatusCode.OK);
        Assert.True(twice.GetProperty("buckPassingFlag").GetBoolean());
        Assert.Equal(["officer.xd→director.xd", "director.xd→officer.xd"],
            twice.GetProperty("reassignments").EnumerateArray().Select(r => $"{r.GetProperty("fromUserName").GetString()}→{r.GetProperty("toUserName").GetString()}"));
        // Outside the director's units: refused.
        await (await director.PostAsJsonAsync($"/api/tasks/{id}/reassign", new { ownerUserName = "officer.tralinh", reason = "Đẩy đi" })).Expect(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Cancelling_needs_the_assigner_and_a_reason_and_ends_the_task()
    {
        var id = (await Create()).GetProperty("id").GetInt32();
        using var director = await app.As("director.xd");
        await (await director.PostAsJsonAsync($"/api/tasks/{id}/cancel", new { })).Expect(HttpStatusCode.BadRequest);
        using var owner = await app.As("officer.xd");
        await (await owner.PostAsJsonAsync($"/api/tasks/{id}/cancel", new { reason = "Không làm" })).Expect(HttpStatusCode.Forbidden);
        var t = await (await director.PostAsJsonAsync($"/api/tasks/{id}/cancel", new { reason = "Dự án dừng" })).Expect(HttpStatusCode.OK);
        Assert.Equal("cancelled", t.GetProperty("status").GetString());
        await (await director.PostAsJsonAsync($"/api/tasks/{id}/cancel", new { reason = "Lần nữa" })).Expect(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_commune_sees_only_its_own_tasks()
    {
        using var chair = await app.As("chair.tralinh");
        var id = (await (await chair.PostAsJsonAsync("/api/tasks", NewTask(owner: "officer.tralinh"))).Expect(HttpStatusCode.Created)).GetProperty("id").GetInt32();
        using var other = await app.As("officer.hoaan");
        await (await other.GetAsync($"/api/tasks/{id}")).Expect(HttpStatusCode.Forbidden);
        await (await other.PostAsJsonAsync($"/api/tasks/{id}/verify", new { approve = false, note = "x" })).Expect(HttpStatusCode.Forbidden);
        var list = await (await other.GetAsync("/api/tasks?pageSize=500")).Expect(HttpStatusCode.OK);
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), t => t.GetProperty("id").GetInt32() == id);
        Assert.All(list.GetProperty("items").EnumerateArray(), t => Assert.Equal("X-HOAAN", t.GetProperty("ownerOrgUnitCode").GetString()));
        // The province leader sees it; a filter by unit finds it; by code too.
        using var leader = await app.As("leader");
        var byUnit = await (await leader.GetAsync("/api/tasks?orgUnit=X-TRALINH&pageSize=500")).Expect(HttpStatusCode.OK);
        Assert.Contains(byUnit.GetProperty("items").EnumerateArray(), t => t.GetProperty("id").GetInt32() == id);
        var code = byUnit.GetProperty("items").EnumerateArray().First(t => t.GetProperty("id").GetInt32() == id).GetProperty("code").GetString();
        await (await leader.GetAsync($"/api/tasks/{code}")).Expect(HttpStatusCode.OK);
        await (await leader.GetAsync("/api/tasks/999999")).Expect(HttpStatusCode.NotFound);
        await (await leader.GetAsync("/api/tasks?status=sleeping")).Expect(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Evidence_is_accepted_by_its_bytes_thumbnailed_and_served_only_in_scope()
    {
        var id = (await Create()).GetProperty("id").GetInt32();
        using var owner = await app.As("officer.xd");
        using var image = new Image<Rgb24>(1200, 800, new Rgb24(30, 120, 60));
        using var png = new MemoryStream();
        await image.SaveAsPngAsync(png);
        var upload = await Upload(owner, id, png.ToArray(), "anh-hien-truong.png");
        var up = await upload.Expect(HttpStatusCode.Created);
        var attachment = up.GetProperty("attachmentId").GetInt32();
        Assert.NotNull(up.GetProperty("thumbnailUrl").GetString());

        var bad = await (await Upload(owner, id, "MZ\u0090\0\0\0 not a photo"u8.ToArray(), "photo.jpg")).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(["file"], bad.GetProperty("errors").Keys());
        await (await owner.PostAsync($"/api/tasks/{id}/attachments", new StringContent("x"))).Expect(HttpStatusCode.BadRequest);

        var reported = await Report(id, 4, attachments: attachment);
        Assert.Equal("4", reported.GetProperty("cumulativeQuantity").ToString().TrimEnd('0').TrimEnd('.'));
        var task = await (await owner.GetAsync($"/api/tasks/{id}")).Expect(HttpStatusCode.OK);
        Assert.Equal(attachment, task.GetProperty("reports")[0].GetProperty("attachments")[0].GetProperty("id").GetInt32());

        var thumb = await owner.GetAsync($"/api/attachments/{attachment}/thumbnail");
        Assert.Equal(HttpStatusCode.OK, thumb.StatusCode);
        Assert.Equal("image/jpeg", thumb.Content.Headers.ContentType?.MediaType);
        using (var t = Image.Load(await thumb.Content.ReadAsByteArrayAsync()))
            Assert.Equal((320, 213), (t.Width, t.Height)); // 1200×800 scaled to 320 on the long side: 800 × 320 ÷ 1200 = 213.3
        // A photo smaller than a thumbnail keeps its size: 200×150 stays 200×150.
        using (var small = new Image<Rgb24>(200, 150, new Rgb24(200, 60, 30)))
        {
            using var smallPng = new MemoryStream();
            await small.SaveAsPngAsync(smallPng);
            var smallId = (await (await Upload(owner, id, smallPng.ToArray(), "nho.png")).Expect(HttpStatusCode.Created)).GetProperty("attachmentId").GetInt32();
            using var st = Image.Load(await (await owner.GetAsync($"/api/attachments/{smallId}/thumbnail")).Content.ReadAsByteArrayAsync());
            Assert.Equal((200, 150), (st.Width, st.Height));
        }
        var full = await owner.GetAsync($"/api/attachments/{attachment}");
        Assert.Equal("image/png", full.Content.Headers.ContentType?.MediaType);
        Assert.Equal(png.Length, (await full.Content.ReadAsByteArrayAsync()).Length);

        using var stranger = await app.As("officer.hoaan");
        await (await stranger.GetAsync($"/api/attachments/{attachment}")).Expect(HttpStatusCode.Forbidden);
        await (await Upload(stranger, id, png.ToArray(), "x.png")).Expect(HttpStatusCode.Forbidden);
        await (await owner.GetAsync("/api/attachments/999999")).Expect(HttpStatusCode.NotFound);
    }

    private static Task<HttpResponseMessage> Upload(HttpClient c, int taskId, byte[] bytes, string name)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", name);
        return c.PostAsync($"/api/tasks/{taskId}/attachments", form);
    }

    [Fact]
    public async Task Process_tasks_are_activity_and_never_scored()
    {
        var t = await Create(body: NewTask(kind: "process"));
        Assert.False(t.GetProperty("product").GetProperty("scored").GetBoolean());
        Assert.Equal("process", t.GetProperty("product").GetProperty("kind").GetString());
    }
}

public sealed class TasksTestsOnSqlite(SqliteApp app) : TasksTests(app), IClassFixture<SqliteApp>;

public sealed class TasksTestsOnPostgres(PostgresApp app) : TasksTests(app), IClassFixture<PostgresApp>;
