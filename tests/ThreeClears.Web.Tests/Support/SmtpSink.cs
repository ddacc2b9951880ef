using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ThreeClears.Web.Tests.Support;

/// <summary>
/// A minimal SMTP server on loopback that keeps every message it receives: enough of RFC 5321
/// (EHLO, MAIL, RCPT, DATA, QUIT) for a real client library to deliver to it.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public SmtpSink()
    {
        _listener.Start();
        _loop = Task.Run(AcceptAsync);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public List<(string To, string Data)> Messages { get; } = [];

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (OperationCanceledException) { return; }
            _ = Task.Run(() => SessionAsync(client));
        }
    }

    private async Task SessionAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        using var reader = new StreamReader(stream, new UTF8Encoding(false));
        await using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 sink ready");
        var to = new List<string>();
        while (await reader.ReadLineAsync() is { } line)
        {
            var verb = line.Split(' ')[0].ToUpperInvariant();
            switch (verb)
            {
                case "EHLO" or "HELO":
                    await writer.WriteLineAsync("250 sink");
                    break;
                case "MAIL" or "RSET" or "NOOP":
                    if (verb == "MAIL") to.Clear();
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "RCPT":
                    to.Add(line[(line.IndexOf('<') + 1)..line.IndexOf('>')]);
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "DATA":
                    await writer.WriteLineAsync("354 go on");
                    var data = new StringBuilder();
                    while (await reader.ReadLineAsync() is { } d && d != ".") data.AppendLine(d.StartsWith("..", StringComparison.Ordinal) ? d[1..] : d);
                    lock (Messages) foreach (var r in to) Messages.Add((r, data.ToString()));
                    await writer.WriteLineAsync("250 queued");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 bye");
                    return;
                default:
                    await writer.WriteLineAsync("502 not here");
                    break;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try { await _loop; } catch (OperationCanceledException) { }
    }
}

/// <summary>A host that mails reminders to <see cref="Sink"/>.</summary>
public sealed class SqliteAppWithMail : SqliteApp
{
    public SmtpSink Sink { get; private set; } = null!;

    protected override Task BeforeStartAsync()
    {
        Sink = new SmtpSink();
        return Task.CompletedTask;
    }

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraConfig =>
    [
        new("Smtp:Host", "127.0.0.1"),
        new("Smtp:Port", Sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Smtp:From", "nhacviec@caobang.example"),
        new("Reminders:MailHour", "25"), // never by itself during the test: only when asked
    ];
}
