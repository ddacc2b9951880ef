using System.Net;
using System.Net.Http.Json;
using ThreeClears.Web.Tests.Support;

namespace ThreeClears.Web.Tests;

/// <summary>Where an SMTP server is configured, each official with an address gets the inbox by mail.</summary>
public sealed class ReminderMailTests(SqliteAppWithMail app) : IClassFixture<SqliteAppWithMail>
{
    [Fact]
    public async Task Officials_with_an_address_and_something_waiting_get_their_inbox_by_mail()
    {
        using var admin = await app.As("admin");
        var officer = await (await admin.GetAsync("/api/users/officer.tralinh")).Expect(HttpStatusCode.OK);
        await (await admin.PutJson("/api/users/officer.tralinh", new
        {
            fullName = "Lương Thị Thu", orgUnitCode = "X-TRALINH", position = "Công chức", email = "thu@tralinh.example",
        }, officer.GetProperty("version").ToString())).Expect(HttpStatusCode.OK);
        var bad = await (await admin.PutJson("/api/users/officer.hoaan", new
        {
            fullName = "Nông Thị Hạnh", orgUnitCode = "X-HOAAN", position = "Công chức", email = "not an address",
        }, "1")).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(["email"], bad.GetProperty("errors").Keys());

        // A task due in 3 days sits in her "due soon" group.
        using var chair = await app.As("chair.tralinh");
        var due = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).AddDays(3).ToString("yyyy-MM-dd");
        await (await chair.PostAsJsonAsync("/api/tasks", new
        {
            title = "Hoàn thiện 2 nhà vệ sinh hợp vệ sinh",
            product = new { description = "Nhà vệ sinh hợp vệ sinh cho hộ nghèo", unit = "nhà", targetQuantity = 2, kind = "output" },
            ownerUserName = "officer.tralinh", dueDate = due,
        })).Expect(HttpStatusCode.Created);

        var sent = await (await admin.PostAsync("/api/admin/reminders/mail", null)).Expect(HttpStatusCode.OK);
        Assert.Equal(1, sent.GetProperty("mailed").GetInt32());
        var (to, data) = Assert.Single(app.Sink.Messages);
        Assert.Equal("thu@tralinh.example", to);
        Assert.Contains("Hoàn thiện 2 nhà vệ sinh", DecodeBody(data));

        using var officerClient = await app.As("officer.tralinh");
        await (await officerClient.PostAsync("/api/admin/reminders/mail", null)).Expect(HttpStatusCode.Forbidden);
    }

    /// <summary>MimeKit encodes non-ASCII text (quoted-printable or base64); the test reads it back.</summary>
    private static string DecodeBody(string data)
    {
        var message = MimeKit.MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(data)));
        return message.TextBody ?? "";
    }
}

/// <summary>Without an SMTP server, asking to mail answers 422 and nothing else changes.</summary>
public sealed class ReminderMailOffTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Without_SMTP_mailing_is_refused_clearly()
    {
        using var admin = await app.As("admin");
        var p = await (await admin.PostAsync("/api/admin/reminders/mail", null)).Expect(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("SMTP", p.GetProperty("detail").GetString());
    }
}
