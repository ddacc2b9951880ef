using System.Globalization;
using System.Text;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using ThreeClears.Domain;
using ThreeClears.Domain.Drafts;
using ThreeClears.Web.Data;
using ThreeClears.Web.Infrastructure;

namespace ThreeClears.Web.Features.Drafts;

/// <summary>
/// Sends the outbox's e-mail notices where an SMTP server is configured (<c>Smtp:Host</c>, as the
/// reminders use): woken when responses are published, and every minute for what is left. A node
/// claims each notice for a few minutes before sending, so that several nodes never mail twice; a
/// notice that fails is tried again, up to <see cref="MaxAttempts"/> times. Phone contacts stay in
/// the outbox: there is no SMS gateway to send them through.
/// </summary>
public sealed class OpinionNoticeMailer(IServiceScopeFactory scopes, IConfiguration config, AppClock clock, ILogger<OpinionNoticeMailer> log)
    : BackgroundService
{
    public const int MaxAttempts = 5;
    private static readonly TimeSpan Claim = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim _wake = new(0, 1);

    public bool Configured => !string.IsNullOrWhiteSpace(config["Smtp:Host"]);

    /// <summary>Wakes the mailer after a commit that wrote notices.</summary>
    public void Nudge()
    {
        if (Configured && _wake.CurrentCount == 0)
        {
            try { _wake.Release(); } catch (SemaphoreFullException) { /* already woken */ }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Configured) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try { await SendPendingAsync(stoppingToken); }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Sending opinion notices failed; they are tried again later.");
            }
            try { await _wake.WaitAsync(TimeSpan.FromMinutes(1), stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>Sends every pending e-mail notice this node can claim; returns how many went.</summary>
    public async Task<int> SendPendingAsync(CancellationToken ct)
    {
        if (!Configured) return 0;
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ThreeClearsDb>();
        var sent = 0;
        SmtpClient? smtp = null;
        try
        {
            while (true)
            {
                var now = clock.UtcNow;
                var batch = await db.Set<OpinionNotice>().AsNoTracking()
                    .Where(n => n.State == NoticeState.Pending && n.Channel == ContactKind.Email && (n.ClaimedUntil == null || n.ClaimedUntil < now))
                    .OrderBy(n => n.Id).Select(n => n.Id).Take(50).ToListAsync(ct);
                if (batch.Count == 0) return sent;
                foreach (var id in batch)
                {
                    var until = now + Claim;
                    // The claim is one conditional update: of two nodes, only one changes the row.
                    var claimed = await db.Set<OpinionNotice>()
                        .Where(n => n.Id == id && n.State == NoticeState.Pending && (n.ClaimedUntil == null || n.ClaimedUntil < now))
                        .ExecuteUpdateAsync(s => s.SetProperty(n => n.ClaimedUntil, until), ct);
                    if (claimed == 0) continue;
                    var item = await db.Set<OpinionNotice>().AsNoTracking().Where(n => n.Id == id).Select(n => new
                    {
                        n.Attempts, n.Opinion!.Contact, n.OpinionId, n.Opinion.Text, DraftTitle = n.Opinion.Draft!.Title,
                        n.Opinion.Response!.Decision, n.Opinion.Response.Explanation, n.DraftId,
                    }).FirstAsync(ct);
                    MimeMessage message;
                    try { message = Compose(item.Contact!, item.OpinionId, item.DraftId, item.DraftTitle, item.Text, item.Decision, item.Explanation); }
                    catch (ParseException e)
                    {
                        // An address the mail library cannot use will never go: it fails at once, the others go on.
                        await db.Set<OpinionNotice>().Where(n => n.Id == id).ExecuteUpdateAsync(s => s
                            .SetProperty(n => n.State, NoticeState.Failed).SetProperty(n => n.Attempts, item.Attempts + 1)
                            .SetProperty(n => n.LastError, "The address cannot be used: " + e.Message), ct);
                        continue;
                    }
                    try
                    {
                        smtp ??= await ConnectAsync(ct);
                        await smtp.SendAsync(message, ct);
                        await db.Set<OpinionNotice>().Where(n => n.Id == id).ExecuteUpdateAsync(s => s
                            .SetProperty(n => n.State, NoticeState.Sent).SetProperty(n => n.SentAt, clock.UtcNow)
                            .SetProperty(n => n.Attempts, item.Attempts + 1).SetProperty(n => n.LastError, (string?)null), ct);
                        sent++;
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        var attempts = item.Attempts + 1;
                        var error = e.Message.Length > 900 ? e.Message[..900] : e.Message;
                        await db.Set<OpinionNotice>().Where(n => n.Id == id).ExecuteUpdateAsync(s => s
                            .SetProperty(n => n.Attempts, attempts).SetProperty(n => n.LastError, error)
                            .SetProperty(n => n.State, attempts >= MaxAttempts ? NoticeState.Failed : NoticeState.Pending), ct);
                        log.LogWarning("Notice {Id} could not be mailed (attempt {Attempts}): {Error}", id, attempts, error);
                        smtp?.Dispose();
                        smtp = null;
                        return sent; // the server is likely down: the rest waits for the next round
                    }
                }
            }
        }
        finally
        {
            if (smtp is not null)
            {
                try { await smtp.DisconnectAsync(true, CancellationToken.None); } catch (Exception) { /* closing only */ }
                smtp.Dispose();
            }
        }
    }

    private async Task<SmtpClient> ConnectAsync(CancellationToken ct)
    {
        var smtp = new SmtpClient();
        var tls = config.GetValue("Smtp:UseTls", false) ? SecureSocketOptions.StartTls : SecureSocketOptions.None;
        await smtp.ConnectAsync(config["Smtp:Host"]!, config.GetValue("Smtp:Port", 25), tls, ct);
        if (config["Smtp:UserName"] is { Length: > 0 } user) await smtp.AuthenticateAsync(user, config["Smtp:Password"] ?? "", ct);
        return smtp;
    }

    private MimeMessage Compose(string to, int opinionId, int draftId, string draftTitle, string text, ResponseDecision decision, string explanation)
    {
        var from = config["Smtp:From"] is { Length: > 0 } f ? f : "threeclears@localhost";
        var link = config["Portal:BaseUrl"] is { Length: > 0 } b ? b.TrimEnd('/') + $"/portal/opinions/{opinionId}" : $"/portal/opinions/{opinionId}";
        var body = new StringBuilder();
        body.AppendLine("Kính gửi ông/bà,").AppendLine();
        body.AppendLine(CultureInfo.InvariantCulture, $"Ý kiến số {opinionId} của ông/bà về dự thảo \"{draftTitle}\" đã được trả lời.").AppendLine();
        body.AppendLine("Ý kiến:").AppendLine(text.Length > 1000 ? text[..1000] + "…" : text).AppendLine();
        body.AppendLine(CultureInfo.InvariantCulture, $"Kết quả tiếp thu: {DecisionVi(decision)}").AppendLine();
        body.AppendLine("Giải trình:").AppendLine(explanation).AppendLine();
        body.AppendLine(CultureInfo.InvariantCulture, $"Xem trên cổng thông tin: {link}");
        body.AppendLine().AppendLine("—").AppendLine(CultureInfo.InvariantCulture, $"Your opinion no. {opinionId} on the draft (id {draftId}) has been answered: {decision.ToApi()}. See {link}");
        var message = new MimeMessage
        {
            Subject = $"Ý kiến số {opinionId} của ông/bà đã được trả lời",
            Body = new TextPart("plain") { Text = body.ToString() },
        };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(to));
        return message;
    }

    private static string DecisionVi(ResponseDecision d) => d switch
    {
        ResponseDecision.Accepted => "Tiếp thu",
        ResponseDecision.PartiallyAccepted => "Tiếp thu một phần",
        ResponseDecision.Explained => "Giải trình",
        _ => "Không tiếp thu",
    };
}
