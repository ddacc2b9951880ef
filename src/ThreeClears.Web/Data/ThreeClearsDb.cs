using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using ThreeClears.Web.Features.Access;

namespace ThreeClears.Web.Data;

/// <summary>
/// The one DbContext. Each feature keeps its entities and their configuration in its own folder;
/// they are picked up here by <see cref="ModelBuilder.ApplyConfigurationsFromAssembly"/>.
/// Two thin subclasses carry the two providers' migration sets.
/// </summary>
public abstract class ThreeClearsDb(DbContextOptions options)
    : IdentityUserContext<AppUser, int>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ThreeClearsDb).Assembly);
        if (Database.IsNpgsql())
        {
            // Task ids are taken in blocks of 100, so a new task is known before it is written
            // and goes out with its milestones and audit entry in one round trip.
            builder.HasSequence<int>("tasks_hilo").IncrementsBy(100);
            builder.Entity<Features.Tasks.TaskItem>().Property(t => t.Id).UseHiLo("tasks_hilo");
        }
        builder.Entity<DataProtectionKey>().ToTable("data_protection_keys");
        builder.Entity<AppUser>().ToTable("users");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserClaim<int>>().ToTable("user_claims");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserLogin<int>>().ToTable("user_logins");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserToken<int>>().ToTable("user_tokens");
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        // Money and quantities: exact decimals, same precision on both stores.
        builder.Properties<decimal>().HavePrecision(20, 4);
        builder.Properties<string>().HaveMaxLength(10_000);
        // Instants are stored and read back as UTC on both stores (SQLite keeps no kind).
        builder.Properties<DateTime>().HaveConversion<UtcConverter>();
    }

    private sealed class UtcConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v.ToUniversalTime(), DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    public bool IsPostgres => Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";
}

public sealed class PostgresDb(DbContextOptions<PostgresDb> options) : ThreeClearsDb(options);

public sealed class SqliteDb(DbContextOptions<SqliteDb> options) : ThreeClearsDb(options);
