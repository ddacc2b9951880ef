using ThreeClears.Domain;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ThreeClears.Domain.Access;
using ThreeClears.Web.Data;
using ThreeClears.Web.Features.Access;
using ThreeClears.Web.Features.Audit;
using ThreeClears.Web.Features.Demo;
using ThreeClears.Web.Features.Organisation;
using ThreeClears.Web.Infrastructure.Auth;

namespace ThreeClears.Web.Infrastructure;

/// <summary>
/// Start-up work: migrations, the first start (root unit and admin), the signing key and the demo
/// data. On PostgreSQL it runs under an advisory lock so that several nodes starting together
/// do it once.
/// </summary>
public static class Startup
{
    private const long LockKey = 0x7443_6C65_6172_7300; // "tClears"

    public static async Task InitialiseAsync(IServiceProvider services, CancellationToken ct = default)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<ThreeClearsDb>();
        var config = sp.GetRequiredService<IConfiguration>();
        var log = sp.GetRequiredService<ILoggerFactory>().CreateLogger("ThreeClears.Startup");

        await DatabaseSetup.MigrateAsync(db, ct);
        if (db.IsPostgres)
        {
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({LockKey})", ct);
        }
        try
        {
            await AuditChainer.EnsureHeadAsync(db, ct);
            await sp.GetRequiredService<Tokens>().LoadAsync(db, config, ct);
            var firstStart = await EnsureRootAndAdminAsync(sp, db, config, log, ct);
            await sp.GetRequiredService<Installation>().LoadAsync(db, ct);
            if (config.GetValue("ThreeClears:Demo", false))
            {
                if (await DemoData.IsEmptyAsync(db, ct))
                {
                    await sp.GetRequiredService<DemoData>().LoadAsync(ct);
                    log.LogInformation("Loaded the Cao Bang demo data; every demo user's password is 'demo'.");
                }
                else if (!firstStart) log.LogInformation("Demo data not loaded: the database is not empty.");
            }
        }
        finally
        {
            if (db.IsPostgres)
            {
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({LockKey})", CancellationToken.None);
                await db.Database.CloseConnectionAsync();
            }
        }
        sp.GetRequiredService<AuditChainer>().Nudge();
    }

    private static async Task<bool> EnsureRootAndAdminAsync(IServiceProvider sp, ThreeClearsDb db, IConfiguration config, ILogger log, CancellationToken ct)
    {
        if (await db.Set<OrgUnit>().AnyAsync(ct)) return false;
        var clock = sp.GetRequiredService<AppClock>();
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var audit = sp.GetRequiredService<AuditLog>();
        var code = config["ThreeClears:RootCode"] is { Length: > 0 } c ? c.Trim() : "CB";
        if (!ApiSpelling.TryParse<OrgUnitKind>(config["ThreeClears:RootKind"] ?? "province", out var kind)) kind = OrgUnitKind.Province;
        var (name, nameEn) = code == "CB" ? ("Tỉnh Cao Bằng", "Cao Bang Province") : (code, code);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var root = new OrgUnit { Code = code, Name = name, NameEn = nameEn, Kind = kind, Depth = 0, CreatedAt = clock.UtcNow };
        db.Add(root);
        await db.SaveChangesAsync(ct);
        root.Path = "/" + root.Id + "/";

        var password = config["ThreeClears:AdminPassword"];
        var generated = string.IsNullOrEmpty(password);
        if (generated) password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(15)).Replace('/', 'x').Replace('+', 'y');
        var admin = new AppUser
        {
            UserName = "admin", NormalizedUserName = "ADMIN", FullName = "Quản trị hệ thống", Position = "Quản trị viên",
            OrgUnitId = root.Id, CreatedAt = clock.UtcNow, SecurityStamp = Guid.NewGuid().ToString("N"), LockoutEnabled = true,
        };
        admin.PasswordHash = users.PasswordHasher.HashPassword(admin, password!);
        db.Add(admin);
        await db.SaveChangesAsync(ct);
        db.Add(new RoleGrant { UserId = admin.Id, Role = Role.Admin, OrgUnitId = root.Id, GrantedAt = clock.UtcNow });
        audit.Record("orgUnit", root.Code, "create", null, new { root.Code, root.Name, root.NameEn, kind = kind.ToApi() }, root.Id, "system");
        audit.Record("user", "admin", "create", null, new { userName = "admin", role = "admin", orgUnitCode = root.Code }, root.Id, "system");
        await audit.CommitAsync(tx, ct);
        if (generated)
            log.LogWarning("First start: created user 'admin' with the generated password {Password} (shown once; set THREECLEARS_ADMIN_PASSWORD to choose it).", password);
        else
            log.LogInformation("First start: created user 'admin' with the password from THREECLEARS_ADMIN_PASSWORD.");
        return true;
    }
}
