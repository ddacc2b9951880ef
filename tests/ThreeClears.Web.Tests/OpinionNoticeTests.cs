using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using ThreeClears.Web.Features.Drafts;
using ThreeClears.Web.Tests.Support;

namespace ThreeClears.Web.Tests;

/// <summary>
/// A submitter who left a contact is told when the answer is published: a notice is written to the
/// outbox in the publishing transaction, and an e-mail goes out where SMTP is configured.
/// </summary>
public sealed class OpinionNoticeTests(SqliteAppWithMail app) : IClassFixture<SqliteAppWithMail>
{
    [Fact]
    public async Task Publishing_writes_a_notice_per_contact_and_mails_the_addresses()
    {
        using var chair = await app.As("chair.tralinh");
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        var draft = (await (await chair.PostAsJsonAsync("/api/drafts", new
        {
            title = "Dự thảo kế hoạch sửa chữa đường thôn", orgUnitCode = "X-TRALINH",
            openFrom = today.AddDays(-2).ToString("yyyy-MM-dd"), openTo = today.AddDays(20).ToString("yyyy-MM-dd"),
        })).Expect(HttpStatusCode.Created)).GetProperty("id").GetInt32();
        using var citizen = app.Anonymous();
        async Task<int> Send(string text, string? contact) =>
            (await (await citizen.PostAsJsonAsync($"/api/drafts/{draft}/opinions", new { text, group = "citizens", contact })).Expect(HttpStatusCode.Created))
            .GetProperty("id").GetInt32();
        var byMail = await Send("Đề nghị sửa đoạn đường qua thôn Bản Khau trước mùa mưa.", "nguoidan.bankhau@example.vn");
        var byPhone = await Send("Đề nghị làm rãnh thoát nước.", "+84 912 345 678");
        var none = await Send("Đề nghị lắp đèn đường.", null);

        await (await chair.PostAsJsonAsync($"/api/drafts/{draft}/responses", new
        {
            opinionIds = new[] { byMail, byPhone, none }, decision = "accepted", explanation = "Tiếp thu: xã bố trí kinh phí sửa đường trong quý tới.",
        })).Expect(HttpStatusCode.OK);
        // Drafts tell no one.
        Assert.DoesNotContain(app.Sink.Messages, m => m.To == "nguoidan.bankhau@example.vn");
        var published = await (await chair.PostAsync($"/api/drafts/{draft}/publish-responses", null)).Expect(HttpStatusCode.OK);
        Assert.Equal((3, 2), (published.GetProperty("published").GetInt32(), published.GetProperty("notices").GetInt32()));

        await using (var scope = app.Scope(out var db))
        {
            var notices = await db.Set<OpinionNotice>().Where(n => n.DraftId == draft).OrderBy(n => n.OpinionId).ToListAsync();
            Assert.Equal([(byMail, Domain.Drafts.ContactKind.Email), (byPhone, Domain.Drafts.ContactKind.Phone)],
                notices.Select(n => (n.OpinionId, n.Channel)));
            Assert.Equal("0912345678", (await db.Set<Opinion>().SingleAsync(o => o.Id == byPhone)).Contact); // kept normalised
        }

        // The mailer is woken by the publication: the address gets its answer.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline && !app.Sink.Messages.Any(m => m.To == "nguoidan.bankhau@example.vn")) await Task.Delay(100);
        var (_, data) = Assert.Single(app.Sink.Messages, m => m.To == "nguoidan.bankhau@example.vn");
        var message = MimeKit.MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(data)));
        Assert.Contains($"Ý kiến số {byMail}", message.Subject);
        Assert.Contains("Tiếp thu: xã bố trí kinh phí sửa đường trong quý tới.", message.TextBody);
        Assert.Contains("Đề nghị sửa đoạn đường qua thôn Bản Khau", message.TextBody);

        // The outbox as the officials see it: channel and state, never the contact.
        JsonStates? states = null;
        for (var i = 0; i < 50; i++)
        {
            var res = await chair.GetAsync($"/api/drafts/{draft}/notices");
            var body = await res.Content.ReadAsStringAsync();
            Assert.DoesNotContain("nguoidan.bankhau", body);
            Assert.DoesNotContain("912", body);
            var json = await res.Expect(HttpStatusCode.OK);
            states = new JsonStates([.. json.GetProperty("items").EnumerateArray()
                .Select(n => (n.GetProperty("channel").GetString()!, n.GetProperty("state").GetString()!)).OrderBy(x => x.Item1)]);
            if (states.Items.Contains(("email", "sent"))) break;
            await Task.Delay(100);
        }
        Assert.Equal([("email", "sent"), ("phone", "pending")], states!.Items);
        var opinion = await (await chair.GetAsync($"/api/opinions/{byMail}")).Expect(HttpStatusCode.OK);
        Assert.Equal("sent", opinion.GetProperty("noticeState").GetString());
        using var anonymous = app.Anonymous();
        await (await anonymous.GetAsync($"/api/drafts/{draft}/notices")).Expect(HttpStatusCode.Unauthorized);
    }

    private sealed record JsonStates(List<(string, string)> Items);
}
