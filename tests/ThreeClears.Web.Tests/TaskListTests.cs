using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using ThreeClears.Web.Tests.Support;

namespace ThreeClears.Web.Tests;

/// <summary>The task lists and the unit board behind the task pages, once per store.</summary>
public abstract class TaskListTests(AppFixture app)
{
    private static string Due(int days) =>
        DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static object NewTask(string title, string kind, int dueInDays, string owner = "officer.xd", string[]? contributors = null) => new
    {
        title, product = new { description = title, unit = "căn nhà", targetQuantity = 3, kind }, ownerUserName = owner, dueDate = Due(dueInDays),
        contributorUserNames = contributors,
    };

    [Fact]
    public async Task Every_page_tells_the_same_total_whether_it_is_full_short_or_past_the_end()
    {
        using var leader = await app.As("leader");
        // Due about five years ahead, so that the date filter finds only these five.
        for (var i = 0; i < 5; i++)
            await (await leader.PostAsJsonAsync("/api/tasks", NewTask($"Trồng rừng lô {i}", "outcome", 1800 + i, owner: "officer.hoaan"))).Expect(HttpStatusCode.Created);
        var range = $"owner=officer.hoaan&dueFrom={Due(1800)}&dueTo={Due(1810)}";
        // 5 tasks in pages of 2: two full pages (counted), a short last page (its own total: 4 + 1), and an empty page past the end (counted).
        foreach (var (page, rows) in new[] { (1, 2), (2, 2), (3, 1), (4, 0) })
        {
            var list = await (await leader.GetAsync($"/api/tasks?{range}&pageSize=2&page={page}")).Expect(HttpStatusCode.OK);
            Assert.Equal((5, rows), (list.GetProperty("total").GetInt32(), list.GetProperty("items").GetArrayLength()));
        }
        var all = await (await leader.GetAsync($"/api/tasks?{range}&pageSize=25")).Expect(HttpStatusCode.OK);
        Assert.Equal((5, 5), (all.GetProperty("total").GetInt32(), all.GetProperty("items").GetArrayLength()));
    }

    [Fact]
    public async Task Lists_put_open_tasks_first_filter_by_assigner_and_the_board_counts_activities_apart()
    {
        using var director = await app.As("director.xd");
        var later = await (await director.PostAsJsonAsync("/api/tasks", NewTask("Lát 3 km đường", "output", 40))).Expect(HttpStatusCode.Created);
        var sooner = await (await director.PostAsJsonAsync("/api/tasks", NewTask("Họp triển khai", "process", 10, contributors: ["chair.tralinh"])))
            .Expect(HttpStatusCode.Created);
        var cancelled = await (await director.PostAsJsonAsync("/api/tasks", NewTask("Sửa 3 trường học", "output", 5))).Expect(HttpStatusCode.Created);
        (await director.PostAsJsonAsync($"/api/tasks/{cancelled.GetProperty("id").GetInt32()}/cancel", new { reason = "Gộp vào việc khác" }))
            .EnsureSuccessStatusCode();

        // Open first (soonest due first), then the finished ones, whatever their due date.
        using var officer = await app.As("officer.xd");
        var mine = await (await officer.GetAsync("/api/tasks?owner=officer.xd")).Expect(HttpStatusCode.OK);
        Assert.Equal(["Họp triển khai", "Lát 3 km đường", "Sửa 3 trường học"],
            mine.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("title").GetString()));
        var assigned = await (await officer.GetAsync("/api/tasks?assignedBy=director.xd")).Expect(HttpStatusCode.OK);
        Assert.Equal(3, assigned.GetProperty("total").GetInt32());
        var byOfficer = await (await officer.GetAsync("/api/tasks?assignedBy=officer.xd")).Expect(HttpStatusCode.OK);
        Assert.Equal(0, byOfficer.GetProperty("total").GetInt32());
        await (await officer.GetAsync("/api/tasks?assignedBy=nobody")).Expect(HttpStatusCode.NotFound);

        // A named contributor outside the owner's unit finds the task in lists, as TaskAccess lets them read it.
        using var contributor = await app.As("chair.tralinh");
        var helping = await (await contributor.GetAsync("/api/tasks?owner=officer.xd")).Expect(HttpStatusCode.OK);
        Assert.Equal(sooner.GetProperty("id").GetInt32(), Assert.Single(helping.GetProperty("items").EnumerateArray()).GetProperty("id").GetInt32());

        // The board page: the process task is listed as activity and counted apart from products.
        var board = await director.GetAsync("/tasks/board?unit=SO-XD");
        var html = await board.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, board.StatusCode);
        Assert.Contains("Lát 3 km đường", html);
        Assert.Matches(@"s-onTrack"">Đúng tiến độ</span>\s*</th><td class=""num"">1</td><td class=""num"">1</td>", html);
        Assert.Matches(@"s-cancelled"">Đã hủy</span>\s*</th><td class=""num"">1</td><td class=""num"">0</td>", html);
        Assert.Contains("<span class=\"tag\">hoạt động</span>", html);
        Assert.Contains(later.GetProperty("code").GetString()!, html);
    }
}

public sealed class TaskListTestsOnSqlite(SqliteApp app) : TaskListTests(app), IClassFixture<SqliteApp>;

public sealed class TaskListTestsOnPostgres(PostgresApp app) : TaskListTests(app), IClassFixture<PostgresApp>;
