using ThreeClears.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ThreeClears.Domain.Access;
using ThreeClears.Web.Data;
using ThreeClears.Web.Features.Audit;
using ThreeClears.Web.Features.Organisation;
using ThreeClears.Web.Infrastructure;
using ThreeClears.Web.Infrastructure.Auth;

namespace ThreeClears.Web.Features.Access;

public sealed record LoginRequest(string? UserName, string? Password);

public sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn);

public sealed record RoleDto(string Role, string OrgUnitCode);

public sealed record MeDto(string UserName, string FullName, string OrgUnitCode, string Position, IReadOnlyList<RoleDto> Roles);

public sealed record UserDto(string UserName, string FullName, string OrgUnitCode, string OrgUnitName, string Position,
    IReadOnlyList<RoleDto> Roles, bool LockedOut, int Version, string? Email = null);

public sealed record CreateUserRequest(string? UserName, string? FullName, string? Password, string? OrgUnitCode, string? Position, string? Email = null);

public sealed record UpdateUserRequest(string? FullName, string? OrgUnitCode, string? Position, string? Password, string? Email = null);

public sealed record RoleRequest(string? Role, string? OrgUnitCode);

/// <summary>Officials, their roles and logging in.</summary>
public sealed class AccessService(ThreeClearsDb db, UserManager<AppUser> users, Caller caller, AuditLog audit, AppClock clock)
{
    public const int MinPasswordLength = 8;

    /// <summary>Checks a password with lockout; returns the user, or throws 401 naming why.</summary>
    public async Task<AppUser> CheckPasswordAsync(LoginRequest req, CancellationToken ct)
    {
        var checks = new Checks();
        var name = checks.Text("userName", req.UserName, 256);
        if (string.IsNullOrEmpty(req.Password)) checks.Add("password", "is required.");
        checks.ThrowIfAny();
        var user = await users.FindByNameAsync(name);
        if (user is null)
            throw new ProblemException(401, "Unauthorized", "Wrong user name or password.");
        if (await users.IsLockedOutAsync(user))
            throw new ProblemException(401, "Locked out", "Too many failed attempts: this account is locked for a while. Try again later or ask an administrator.");
        if (!await users.CheckPasswordAsync(user, req.Password!))
        {
            await users.AccessFailedAsync(user);
            throw new ProblemException(401, "Unauthorized", "Wrong user name or password.");
        }
        if (await users.GetAccessFailedCountAsync(user) > 0) await users.ResetAccessFailedCountAsync(user);
        return user;
    }

    public async Task<MeDto> MeAsync(CancellationToken ct)
    {
        var id = caller.UserId;
        var u = await db.Users.AsNoTracking().Where(x => x.Id == id)
            .Select(x => new { x.UserName, x.FullName, Unit = x.OrgUnit!.Code, x.Position }).FirstOrDefaultAsync(ct)
            ?? throw new ProblemException(401, "Unauthorized", "This account no longer exists.");
        var roles = (await caller.GrantsAsync(ct)).Select(g => new RoleDto(g.Role.ToApi(), g.OrgUnitCode)).ToList();
        return new MeDto(u.UserName!, u.FullName, u.Unit, u.Position, roles);
    }

    public async Task<PageOf<UserDto>> ListAsync(Paging paging, string? orgUnit, CancellationToken ct)
    {
        await caller.RequireAnywhereAsync(Permission.ReadUsers, ct);
        var q = await caller.Scoped(db.Users.AsNoTracking(), Permission.ReadUsers, u => u.OrgUnitId, ct);
        if (!string.IsNullOrWhiteSpace(orgUnit))
        {
            var path = await db.Set<OrgUnit>().Where(u => u.Code == orgUnit).Select(u => u.Path).FirstOrDefaultAsync(ct)
                ?? throw new NotFoundException($"No org unit has code '{orgUnit}'.");
            q = q.Where(u => u.OrgUnit!.Path.StartsWith(path));
        }
        var total = await q.CountAsync(ct);
        var page = await Project(q.OrderBy(u => u.OrgUnit!.Path).ThenBy(u => u.UserName).Skip(paging.Skip).Take(paging.PageSize)).ToListAsync(ct);
        return new PageOf<UserDto>(page, total);
    }

    public async Task<UserDto> GetAsync(string userName, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.UserName == userName, ct)
            ?? throw new NotFoundException($"No official has user name '{userName}'.");
        if (user.Id != caller.UserId) await caller.RequireAsync(Permission.ReadUsers, user.OrgUnitId, ct);
        return await Project(db.Users.AsNoTracking().Where(u => u.Id == user.Id)).FirstAsync(ct);
    }

    private IQueryable<UserDto> Project(IQueryable<AppUser> q)
    {
        var now = clock.GetUtcNow();
        return q.Select(u => new UserDto(u.UserName!, u.FullName, u.OrgUnit!.Code, u.OrgUnit.Name, u.Position,
            u.Roles.OrderBy(r => r.Role).Select(r => new RoleDto(r.Role.ToApi(), r.OrgUnit!.Code)).ToList(),
            u.LockoutEnd != null && u.LockoutEnd > now, u.Version, u.Email));
    }

    public async Task<UserDto> CreateAsync(CreateUserRequest req, CancellationToken ct)
    {
        var checks = new Checks();
        var userName = checks.Text("userName", req.UserName, 100);
        if (userName.Length > 0 && !userName.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
            checks.Add("userName", "may hold only letters a–z, digits, '.', '_' and '-'.");
        var fullName = checks.Text("fullName", req.FullName, Checks.TitleMax);
        var position = checks.Text("position", req.Position, Checks.TitleMax);
        CheckPassword(checks, "password", req.Password, required: true);
        var email = CheckEmail(checks, req.Email);
        var (unitCode, unit) = await UnitAsync(checks, req.OrgUnitCode, ct);
        checks.ThrowIfAny();
        await caller.RequireAsync(Permission.Administer, unit!.Id, ct);
        if (await db.Users.AnyAsync(u => u.NormalizedUserName == userName.ToUpperInvariant(), ct))
            throw new ConflictException($"An official with user name '{userName}' already exists.");

        var user = new AppUser
        {
            UserName = userName, FullName = fullName, Position = position, OrgUnitId = unit.Id, CreatedAt = clock.UtcNow,
            SecurityStamp = Guid.NewGuid().ToString("N"), LockoutEnabled = true,
            Email = email, NormalizedEmail = email?.ToUpperInvariant(),
        };
        user.NormalizedUserName = users.NormalizeName(userName);
        user.PasswordHash = users.PasswordHasher.HashPassword(user, req.Password!);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Add(user);
        await db.SaveChangesAsync(ct);
        audit.Record("user", userName, "create", null, new { userName, fullName, position, orgUnitCode = unitCode }, unit.Id);
        await audit.CommitAsync(tx, ct);
        return await GetAsync(userName, ct);
    }

    public async Task<UserDto> UpdateAsync(string userName, UpdateUserRequest req, HttpContext http, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.UserName == userName, ct)
            ?? throw new NotFoundException($"No official has user name '{userName}'.");
        await caller.RequireAsync(Permission.Administer, user.OrgUnitId, ct);
        Versions.Check(http, user.Version, required: true);
        var checks = new Checks();
        var fullName = checks.Text("fullName", req.FullName, Checks.TitleMax);
        var position = checks.Text("position", req.Position, Checks.TitleMax);
        CheckPassword(checks, "password", req.Password, required: false);
        var email = CheckEmail(checks, req.Email);
        var (unitCode, unit) = await UnitAsync(checks, req.OrgUnitCode, ct);
        checks.ThrowIfAny();
        await caller.RequireAsync(Permission.Administer, unit!.Id, ct);
        var before = new { user.FullName, user.Position, user.OrgUnitId, hasEmail = user.Email is not null };
        user.FullName = fullName;
        user.Position = position;
        user.Email = email;
        user.NormalizedEmail = email?.ToUpperInvariant();
        if (user.OrgUnitId != unit.Id)
        {
            // The head of a unit must be one of its officials.
            var headed = await db.Set<OrgUnit>().Where(u => u.HeadUserId == user.Id).ToListAsync(ct);
            foreach (var h in headed) { h.HeadUserId = null; h.Version++; }
            user.OrgUnitId = unit.Id;
        }
        if (!string.IsNullOrEmpty(req.Password))
        {
            user.PasswordHash = users.PasswordHasher.HashPassword(user, req.Password);
            user.SecurityStamp = Guid.NewGuid().ToString("N");
        }
        user.Version++;
        audit.Record("user", userName, "update", before, new { fullName, position, orgUnitCode = unitCode, passwordChanged = !string.IsNullOrEmpty(req.Password), hasEmail = email is not null }, unit.Id);
        await audit.SaveAsync(ct);
        return await GetAsync(userName, ct);
    }

    public async Task<UserDto> GrantAsync(string userName, RoleRequest req, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.UserName == userName, ct)
            ?? throw new NotFoundException($"No official has user name '{userName}'.");
        var checks = new Checks();
        if (!ApiSpelling.TryParse<Role>(req.Role, out var role))
            checks.Add("role", "must be one of " + string.Join(", ", ApiSpelling.All<Role>()) + ".");
        var (unitCode, unit) = await UnitAsync(checks, req.OrgUnitCode, ct);
        checks.ThrowIfAny();
        await caller.RequireAsync(Permission.Administer, unit!.Id, ct);
        if (await db.Set<RoleGrant>().AnyAsync(g => g.UserId == user.Id && g.Role == role && g.OrgUnitId == unit.Id, ct))
            throw new ConflictException($"'{userName}' already holds '{role.ToApi()}' at '{unitCode}'.");
        db.Add(new RoleGrant { UserId = user.Id, Role = role, OrgUnitId = unit.Id, GrantedAt = clock.UtcNow });
        audit.Record("user", userName, "grantRole", null, new { role = role.ToApi(), orgUnitCode = unitCode }, unit.Id);
        await audit.SaveAsync(ct);
        return await GetAsync(userName, ct);
    }

    public async Task RevokeAsync(string userName, string roleText, string orgUnitCode, CancellationToken ct)
    {
        if (!ApiSpelling.TryParse<Role>(roleText, out var role)) throw new NotFoundException($"'{roleText}' is not a role.");
        var grant = await db.Set<RoleGrant>()
            .FirstOrDefaultAsync(g => g.User!.UserName == userName && g.Role == role && g.OrgUnit!.Code == orgUnitCode, ct)
            ?? throw new NotFoundException($"'{userName}' holds no '{roleText}' role at '{orgUnitCode}'.");
        await caller.RequireAsync(Permission.Administer, grant.OrgUnitId, ct);
        if (grant.UserId == caller.UserId && role == Role.Admin && !await db.Set<RoleGrant>().AnyAsync(g => g.Role == Role.Admin && g.Id != grant.Id, ct))
            throw new UnprocessableException("This is the last administrator role: grant it to someone else first.");
        db.Remove(grant);
        audit.Record("user", userName, "revokeRole", new { role = role.ToApi(), orgUnitCode }, null, grant.OrgUnitId);
        await audit.SaveAsync(ct);
    }

    /// <summary>The unit named by an <c>orgUnitCode</c> field, or a field error naming it.</summary>
    private async Task<(string Code, OrgUnit? Unit)> UnitAsync(Checks checks, string? code, CancellationToken ct)
    {
        var unitCode = checks.Text("orgUnitCode", code, 64);
        if (unitCode.Length == 0) return (unitCode, null);
        var unit = await db.Set<OrgUnit>().FirstOrDefaultAsync(u => u.Code == unitCode, ct);
        if (unit is null) checks.Add("orgUnitCode", $"no org unit has code '{unitCode}'.");
        return (unitCode, unit);
    }

    /// <summary>Optional: where reminders are mailed when an SMTP server is configured. Not copied into the audit chain.</summary>
    internal static string? CheckEmail(Checks checks, string? email)
    {
        if (string.IsNullOrWhiteSpace(email)) return null;
        var e = email.Trim();
        if (e.Length > 254 || !System.Net.Mail.MailAddress.TryCreate(e, out var parsed) || parsed.Address != e)
            checks.Add("email", "is not an e-mail address.");
        return e;
    }

    internal static void CheckPassword(Checks checks, string path, string? password, bool required)
    {
        if (string.IsNullOrEmpty(password))
        {
            if (required) checks.Add(path, "is required.");
            return;
        }
        if (password.Length < MinPasswordLength) checks.Add(path, $"must be at least {MinPasswordLength} characters.");
        if (password.Length > 200) checks.Add(path, "must be at most 200 characters.");
    }
}
