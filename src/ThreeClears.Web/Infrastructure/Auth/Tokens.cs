using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ThreeClears.Web.Data;

namespace ThreeClears.Web.Infrastructure.Auth;

/// <summary>
/// Issues the API's bearer tokens. The signing key lives in the database (made once at first
/// start) unless configured, so every app node signs and checks with the same key.
/// </summary>
public sealed class Tokens
{
    public const string Issuer = "threeclears";
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);
    private SymmetricSecurityKey? _key;

    public SymmetricSecurityKey Key => _key ?? throw new InvalidOperationException("The signing key is not loaded yet.");

    public async Task LoadAsync(ThreeClearsDb db, IConfiguration config, CancellationToken ct)
    {
        var configured = config["Jwt:SigningKey"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            _key = new SymmetricSecurityKey(Convert.FromBase64String(configured));
            return;
        }
        var row = await db.Set<Setting>().FirstOrDefaultAsync(s => s.Key == "jwt-signing-key", ct);
        if (row is null)
        {
            row = new Setting { Key = "jwt-signing-key", Value = Convert.ToBase64String(RandomNumberGenerator.GetBytes(64)) };
            db.Add(row);
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateException)
            {
                // Another node made it first: use theirs.
                db.ChangeTracker.Clear();
                row = await db.Set<Setting>().FirstAsync(s => s.Key == "jwt-signing-key", ct);
            }
        }
        _key = new SymmetricSecurityKey(Convert.FromBase64String(row.Value));
    }

    public string Issue(int userId, string userName)
    {
        var handler = new JsonWebTokenHandler();
        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Issuer,
            Subject = new ClaimsIdentity([new Claim("sub", userId.ToString(System.Globalization.CultureInfo.InvariantCulture)), new Claim("name", userName)]),
            Expires = DateTime.UtcNow.Add(Lifetime),
            SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.HmacSha256),
        });
    }
}
