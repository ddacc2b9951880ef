using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ThreeClears.Web.Data;

public enum DatabaseProvider { Sqlite, Postgres }

public static class DatabaseSetup
{
    public const string DefaultSqlite = "Data Source=data/threeclears.db";

    public static DatabaseProvider Provider(IConfiguration config) =>
        string.Equals(config["Database:Provider"], "postgres", StringComparison.OrdinalIgnoreCase)
            ? DatabaseProvider.Postgres
            : DatabaseProvider.Sqlite;

    public static IServiceCollection AddThreeClearsDatabase(this IServiceCollection services, IConfiguration config)
    {
        var connection = config.GetConnectionString("Default");
        if (Provider(config) == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(connection))
                throw new InvalidOperationException("Database:Provider is postgres but ConnectionStrings:Default is empty.");
            services.AddDbContextPool<PostgresDb>(o => ConfigurePostgres(o, connection));
            services.AddScoped<ThreeClearsDb>(sp => sp.GetRequiredService<PostgresDb>());
        }
        else
        {
            connection = string.IsNullOrWhiteSpace(connection) ? DefaultSqlite : connection;
            EnsureSqliteFolder(connection);
            services.AddDbContextPool<SqliteDb>(o => ConfigureSqlite(o, connection));
            services.AddScoped<ThreeClearsDb>(sp => sp.GetRequiredService<SqliteDb>());
        }
        return services;
    }

    internal static void ConfigurePostgres(DbContextOptionsBuilder o, string connection) =>
        o.UseNpgsql(WithAutoPrepare(connection), n => n.MigrationsHistoryTable("__ef_migrations"))
         .UseSnakeCaseNamingConvention();

    /// <summary>
    /// The same few queries run thousands of times a second; prepared once per connection they skip
    /// PostgreSQL's planning (often longer than the execution). A pooled connection is not reset
    /// when EF hands it back (five statements each time, three times a request): the app leaves no
    /// session state behind, as its two session locks are released in <c>finally</c>. An explicit
    /// setting in the connection string is kept.
    /// </summary>
    internal static string WithAutoPrepare(string connection)
    {
        var b = new Npgsql.NpgsqlConnectionStringBuilder(connection);
        if (!connection.Contains("Max Auto Prepare", StringComparison.OrdinalIgnoreCase)) b.MaxAutoPrepare = 64;
        if (!connection.Contains("No Reset On Close", StringComparison.OrdinalIgnoreCase)) b.NoResetOnClose = true;
        return b.ConnectionString;
    }

    internal static void ConfigureSqlite(DbContextOptionsBuilder o, string connection) =>
        o.UseSqlite(connection, s => s.MigrationsHistoryTable("__ef_migrations"))
         .AddInterceptors(new SqlitePragmas())
         .UseSnakeCaseNamingConvention();

    private static void EnsureSqliteFolder(string connection)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connection);
        var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(folder) && builder.DataSource != ":memory:") Directory.CreateDirectory(folder);
    }

    /// <summary>Applies the provider's migrations; with several nodes EF takes its own migration lock.</summary>
    public static async Task MigrateAsync(ThreeClearsDb db, CancellationToken ct = default)
    {
        // WAL is a property of the SQLite file: set once, it lets readers and a writer work together.
        if (!db.IsPostgres) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        await db.Database.MigrateAsync(ct);
    }
}

/// <summary>Per connection: wait for a busy writer instead of failing, and fsync less often under WAL.</summary>
internal sealed class SqlitePragmas : Microsoft.EntityFrameworkCore.Diagnostics.DbConnectionInterceptor
{
    public override void ConnectionOpened(System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData) =>
        Apply(connection);

    public override Task ConnectionOpenedAsync(System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(System.Data.Common.DbConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;";
        cmd.ExecuteNonQuery();
    }
}

/// <summary>Design-time factories so that `dotnet ef migrations add` builds each provider's set.</summary>
public sealed class PostgresDesignFactory : IDesignTimeDbContextFactory<PostgresDb>
{
    public PostgresDb CreateDbContext(string[] args)
    {
        var o = new DbContextOptionsBuilder<PostgresDb>();
        DatabaseSetup.ConfigurePostgres(o, "Host=localhost;Database=design");
        return new PostgresDb(o.Options);
    }
}

public sealed class SqliteDesignFactory : IDesignTimeDbContextFactory<SqliteDb>
{
    public SqliteDb CreateDbContext(string[] args)
    {
        var o = new DbContextOptionsBuilder<SqliteDb>();
        DatabaseSetup.ConfigureSqlite(o, "Data Source=design.db");
        return new SqliteDb(o.Options);
    }
}
