using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ThreeClears.Web.Data;
using ThreeClears.Web.Infrastructure;

namespace ThreeClears.Web.Tests.Support;

/// <summary>
/// The real ThreeClears host on Kestrel at a free loopback port, over a fresh database of one
/// provider, with the demo data and the settable clock. Tests talk to it over real HTTP.
/// </summary>
public abstract class AppFixture : IAsyncLifetime
{
    public const string AdminPassword = "admin-password-1";
    private WebApplication? _app;
    private readonly Dictionary<string, string> _tokens = [];
    private readonly string _files = Path.Combine(Path.GetTempPath(), "threeclears-files-" + Guid.NewGuid().ToString("N"));

    public abstract string Provider { get; }
    public string ConnectionString { get; protected set; } = "";
    public Uri BaseAddress { get; private set; } = null!;
    public IServiceProvider Services => _app!.Services;

    protected virtual bool TestClock => true;
    protected virtual bool Demo => true;
    /// <summary>The background deadline sweep is off in tests, which sweep on purpose (POST /api/admin/sweep).</summary>
    protected virtual bool Sweep => false;

    protected abstract Task CreateDatabaseAsync();
    protected abstract Task DropDatabaseAsync();

    /// <summary>Settings a fixture adds to (or overrides in) the host's configuration.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> ExtraConfig => [];

    /// <summary>Work before the host starts (e.g. a server it must reach).</summary>
    protected virtual Task BeforeStartAsync() => Task.CompletedTask;

    public async Task InitializeAsync()
    {
        await BeforeStartAsync();
        await CreateDatabaseAsync();
        _app = Hosting.Build(["--urls", "http://127.0.0.1:0"], b =>
        {
            b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = Provider,
                ["ConnectionStrings:Default"] = ConnectionString,
                ["ThreeClears:AdminPassword"] = AdminPassword,
                ["Files:Root"] = _files,
                ["ThreeClears:TestClock"] = TestClock ? "true" : "false",
                ["ThreeClears:Demo"] = Demo ? "true" : "false",
                ["Sweep:Enabled"] = Sweep ? "true" : "false",
                ["Sweep:IntervalSeconds"] = "1",
                ["RateLimits:LoginPerMinute"] = "100000",
                ["RateLimits:PublicPerMinute"] = "100000",
                ["Logging:LogLevel:Default"] = "Warning",
                ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Error",
            });
            b.Configuration.AddInMemoryCollection(ExtraConfig);
        });
        await Startup.InitialiseAsync(_app.Services);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        await DropDatabaseAsync();
        // Uploaded evidence (photos of several MB) would otherwise pile up in the temp folder run after run.
        if (Directory.Exists(_files)) Directory.Delete(_files, recursive: true);
    }

    public HttpClient Anonymous() => new(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = BaseAddress };

    /// <summary>A client logged in through POST /api/auth/login (tokens are reused per user).</summary>
    public async Task<HttpClient> As(string userName, string? password = null)
    {
        if (!_tokens.TryGetValue(userName, out var token))
        {
            using var anon = Anonymous();
            var res = await anon.PostAsJsonAsync("/api/auth/login", new { userName, password = password ?? (userName == "admin" ? AdminPassword : "demo") });
            res.EnsureSuccessStatusCode();
            token = (await res.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
            _tokens[userName] = token;
        }
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Sets the server's clock (PUT /api/admin/clock) to an instant, e.g. "2026-03-16T03:00:00Z" (10:00 in Vietnam).</summary>
    public async Task SetClockAsync(string instant)
    {
        using var admin = await As("admin");
        var res = await admin.PutAsJsonAsync("/api/admin/clock", new { now = instant });
        await res.Expect(System.Net.HttpStatusCode.OK);
    }

    /// <summary>Sets the server's date; 03:00 UTC is 10:00 the same day in Vietnam.</summary>
    public Task SetTodayAsync(string date) => SetClockAsync($"{date}T03:00:00Z");

    public async Task ResetClockAsync()
    {
        using var admin = await As("admin");
        await (await admin.DeleteAsync("/api/admin/clock")).Expect(System.Net.HttpStatusCode.NoContent);
    }

    /// <summary>A DbContext on the same database, for tests that look underneath the API.</summary>
    public AsyncServiceScope Scope(out ThreeClearsDb db)
    {
        var scope = Services.CreateAsyncScope();
        db = scope.ServiceProvider.GetRequiredService<ThreeClearsDb>();
        return scope;
    }
}

public class SqliteApp : AppFixture
{
    private string _file = "";
    public override string Provider => "sqlite";

    protected override Task CreateDatabaseAsync()
    {
        _file = Path.Combine(Path.GetTempPath(), $"threeclears-test-{Guid.NewGuid():N}.db");
        ConnectionString = $"Data Source={_file}";
        return Task.CompletedTask;
    }

    protected override Task DropDatabaseAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var f in new[] { _file, _file + "-wal", _file + "-shm" }) if (File.Exists(f)) File.Delete(f);
        return Task.CompletedTask;
    }
}

public sealed class PostgresApp : AppFixture
{
    private string _database = "";
    public override string Provider => "postgres";

    public static string Server =>
        Environment.GetEnvironmentVariable("THREECLEARS_TEST_PG")
        ?? throw new InvalidOperationException("THREECLEARS_TEST_PG is not set: run the tests with scripts/test, which starts PostgreSQL.");

    protected override async Task CreateDatabaseAsync()
    {
        _database = "tc_" + Guid.NewGuid().ToString("N")[..12];
        await using var conn = new NpgsqlConnection(Server);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"CREATE DATABASE {_database}", conn);
        await cmd.ExecuteNonQueryAsync();
        ConnectionString = new NpgsqlConnectionStringBuilder(Server) { Database = _database, MaxPoolSize = 100 }.ConnectionString;
    }

    protected override async Task DropDatabaseAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var conn = new NpgsqlConnection(Server);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", conn);
        await cmd.ExecuteNonQueryAsync();
    }
}

/// <summary>A host without the settable clock, for the routes that must then not exist.</summary>
public sealed class SqliteAppRealClock : SqliteApp
{
    protected override bool TestClock => false;
    protected override bool Demo => false;
}
