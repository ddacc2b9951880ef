using System.Globalization;
using System.Security.Claims;
using System.Text;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using ThreeClears.Domain.Access;
using ThreeClears.Web.Data;
using ThreeClears.Web.Infrastructure;
using ThreeClears.Web.Infrastructure.Auth;

namespace ThreeClears.Web.Features.Tasks;

public sealed record RemindersMailed(DateOnly On, int Officials, int Mailed);

/// <summary>
/// PRODUCT.md "Reminders": nothing depends on e-mail, but where an SMTP server is configured
/// (<c>Smtp:Host</c>) each official with an address gets their inbox by mail once a day, after
/// <c>Reminders:MailHour</c> (Vietnam time, default 7). One node sends: the day is claimed by a row
/// in the settings table, so several nodes never mail twice.
/// </summary>
public sealed class ReminderMailer(IServiceScopeFactory scopes, IConfiguration config, AppClock clock, ILogger<ReminderMailer> log) : BackgroundService
{
    public bool Configured => !string.IsNullOrWhiteSpace(config["Smtp:Host"]);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Configured) return;
        var hour = config.GetValue("Reminders:MailHour", 7);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var local = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), AppClock.Vietnam);
                if (local.Hour >= hour && await ClaimAsync(clock.Today, stoppingToken)) await MailAllAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Mailing reminders failed; it is tried again later.");
            }
            await Task.Delay(TimeSpan.FromMinutes(10), stoppingToken);
        }
    }

    /// <summary>True for the one node that claims the day.</summary>
    private async Task<bool> ClaimAsync(DateOnly day, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ThreeClearsDb>();
        var key = "reminders-mailed:" + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (await db.Set<Setting>().AnyAsync(s => s.Key == key, ct)) return false;
        db.Add(new Setting { Key = key, Value = Environment.MachineName });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
    }

    /// <summary>Mails every official with an address and something in their inbox; returns the count.</summary>
    public async Task<RemindersMailed> MailAllAsync(CancellationToken ct)
    {
        if (!Configured) throw new UnprocessableException("No SMTP server is configured (Smtp:Host): reminders are in each official's inbox only.");
        List<(int Id, string UserName, string FullName, string Email)> officials;
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ThreeClearsDb>();
            officials = [.. (await db.Users.AsNoTracking().Where(u => u.Email != null)
                .Select(u => new { u.Id, u.UserName, u.FullName, u.Email }).ToListAsync(ct))
                .Select(u => (u.Id, u.UserName!, u.FullName, u.Email!))];
        }
        using var smtp = new SmtpClient();
        var tls = config.GetValue("Smtp:UseTls", false) ? SecureSocketOptions.StartTls : SecureSocketOptions.None;
        await smtp.ConnectAsync(config["Smtp:Host"]!, config.GetValue("Smtp:Port", 25), tls, ct);
        if (config["Smtp:UserName"] is { Length: > 0 } user) await smtp.AuthenticateAsync(user, config["Smtp:Password"] ?? "", ct);
        var mailed = 0;
        foreach (var (id, userName, fullName, email) in officials)
        {
            var inbox = await InboxOfAsync(id, userName, ct);
            var waiting = inbox.DueSoon.Count + inbox.Overdue.Count + inbox.ToVerify.Count + inbox.Escalations.Count + inbox.Consultations.Count;
            if (waiting == 0) continue;
            await smtp.SendAsync(Compose(fullName, email, inbox), ct);
            mailed++;
        }
        await smtp.DisconnectAsync(true, ct);
        return new RemindersMailed(clock.Today, officials.Count, mailed);
    }

    /// <summary>The inbox exactly as the official sees it, computed with their own roles.</summary>
    private async Task<InboxDto> InboxOfAsync(int userId, string userName, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var accessor = scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>();
        accessor.HttpContext = new DefaultHttpContext
        {
            User = new ClaimsPrincipal(new ClaimsIdentity(
                [new Claim("sub", userId.ToString(CultureInfo.InvariantCulture)), new Claim("name", userName)], "reminders", "name", null)),
        };
        try { return await scope.ServiceProvider.GetRequiredService<InboxService>().GetAsync(ct); }
        finally { accessor.HttpContext = null; }
    }

    private MimeMessage Compose(string fullName, string email, InboxDto inbox)
    {
        var from = config["Smtp:From"] is { Length: > 0 } f ? f : "threeclears@localhost";
        var body = new StringBuilder();
        body.AppendLine(CultureInfo.InvariantCulture, $"Kính gửi {fullName},").AppendLine();
        void Group<T>(string title, InboxGroup<T> group, Func<T, string> line)
        {
            if (group.Count == 0) return;
            body.AppendLine(CultureInfo.InvariantCulture, $"{title} ({group.Count}):");
            foreach (var item in group.Items.Take(20)) body.AppendLine("  - " + line(item));
            body.AppendLine();
        }
        Group("Kiến nghị chờ bạn xử lý", inbox.Escalations, e => $"{e.TaskCode} {e.TaskTitle}: trả lời trước {e.RespondBy:yyyy-MM-dd}");
        Group("Xin ý kiến gửi đơn vị bạn", inbox.Consultations, c => $"{c.TaskCode} {c.TaskTitle}: trả lời trước {c.Deadline:yyyy-MM-dd}");
        Group("Báo cáo chờ xác nhận", inbox.ToVerify, t => $"{t.Code} {t.Title} ({t.OwnerUserName})");
        Group("Việc của bạn đã quá hạn", inbox.Overdue, t => $"{t.Code} {t.Title}: hạn {t.DueDate:yyyy-MM-dd}");
        Group("Việc của bạn sắp đến hạn", inbox.DueSoon, t => $"{t.Code} {t.Title}: hạn {t.DueDate:yyyy-MM-dd}");
        body.AppendLine("Xem chi tiết tại mục Hộp việc của ThreeClears.");
        var message = new MimeMessage { Subject = $"ThreeClears: hộp việc ngày {inbox.AsOf:dd/MM/yyyy}", Body = new TextPart("plain") { Text = body.ToString() } };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(new MailboxAddress(fullName, email));
        return message;
    }
}

public static class RemindersApi
{
    public static IEndpointRouteBuilder MapReminders(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/admin/reminders/mail", Mail).WithTags("Tasks").RequireAuthorization();
        return app;
    }

    /// <summary>Mails today's reminders now (an administrator of the whole province), whatever the hour.</summary>
    private static async Task<Ok<RemindersMailed>> Mail(ReminderMailer mailer, Caller caller, CancellationToken ct)
    {
        if (!(await caller.UnitsWithAsync(Permission.Administer, ct)).All)
            throw new ForbiddenException("Only an administrator of the whole province mails the reminders.");
        return TypedResults.Ok(await mailer.MailAllAsync(ct));
    }
}
