using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using ThreeClears.Web.Tests.Support;
using static ThreeClears.E2E.PageChecks;

namespace ThreeClears.E2E;

/// <summary>An officer raises an escalation from her phone; the head of her commune finds it in his inbox and resolves it.</summary>
public sealed class EscalationPagesTests(SqliteApp app, Browser browser) : IClassFixture<SqliteApp>, IClassFixture<Browser>
{
    [Fact]
    public async Task Officer_raises_and_the_commune_chair_resolves_an_escalation_on_phones()
    {
        using var chairApi = await app.As("chair.tralinh");
        var created = await chairApi.PostAsJsonAsync("/api/tasks", new
        {
            title = "Xóa nhà tạm thôn Nà Pàn",
            product = new { description = "Nhà ở kiên cố cho hộ nghèo", unit = "căn", targetQuantity = 4, kind = "output" },
            ownerUserName = "officer.tralinh", dueDate = "2027-12-31",
        });
        created.EnsureSuccessStatusCode();
        var taskId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        var officer = await browser.PhoneAsync(app.BaseAddress);
        await LogInAsync(officer, "officer.tralinh", "demo");
        await officer.GotoAsync($"/tasks/{taskId}");
        await officer.GetByRole(AriaRole.Link, new() { Name = "Kiến nghị cấp trên: vượt thẩm quyền hoặc vướng mắc" }).ClickAsync();
        await officer.WaitForURLAsync($"**/tasks/{taskId}/escalate");
        await Checks(officer, "Kiến nghị cấp trên");
        await officer.GetByLabel("Bị vướng mắc").CheckAsync();
        await officer.GetByLabel("Nội dung cần giải quyết").FillAsync("Chưa có mặt bằng để xây nhà cho hộ thứ tư, cần xã bố trí đất.");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Kiến nghị cấp trên" }).ClickAsync();
        await officer.WaitForURLAsync("**/escalations/*");
        await Checks(officer, "Kiến nghị");
        // The head of her unit receives it, with two working days to answer.
        Assert.Contains("chair.tralinh", await officer.Locator("main").InnerTextAsync());

        var chair = await browser.PhoneAsync(app.BaseAddress);
        await LogInAsync(chair, "chair.tralinh", "demo");
        await chair.GetByRole(AriaRole.Link, new() { Name = "Hộp việc" }).ClickAsync();
        await chair.WaitForURLAsync("**/inbox");
        await Checks(chair, "Hộp việc");
        await chair.GetByRole(AriaRole.Link, new() { Name = "Xóa nhà tạm thôn Nà Pàn" }).First.ClickAsync();
        await chair.WaitForURLAsync("**/escalations/*");
        await chair.GetByLabel("Quyết định").FillAsync("Giao địa chính xã bố trí đất tại khu Pò Peo trong tuần này.");
        await chair.GetByRole(AriaRole.Button, new() { Name = "Giải quyết" }).ClickAsync();
        await chair.WaitForURLAsync("**/escalations/*");
        Assert.Contains("đã giải quyết", await chair.Locator("main").InnerTextAsync());

        await officer.ReloadAsync();
        Assert.Contains("Giao địa chính xã bố trí đất", await officer.Locator("main").InnerTextAsync());
        // The inbox no longer holds it.
        await chair.GotoAsync("/inbox");
        Assert.DoesNotContain("Xóa nhà tạm thôn Nà Pàn", await chair.Locator("#escalations + p, #escalations + ul").First.InnerTextAsync());
    }
}
