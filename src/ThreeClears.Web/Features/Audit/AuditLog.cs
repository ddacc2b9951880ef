using System.Text.Encodings.Web;
using System.Text.Json;
using ThreeClears.Web.Data;
using ThreeClears.Web.Infrastructure;
using ThreeClears.Web.Infrastructure.Auth;

namespace ThreeClears.Web.Features.Audit;

/// <summary>
/// Records changes. Services call <see cref="Record"/> for each change and then
/// <see cref="SaveAsync"/>, which saves the change and its entries in one transaction and wakes
/// the chainer.
/// </summary>
public sealed class AuditLog(ThreeClearsDb db, Caller caller, AppClock clock, AuditChainer chainer)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public AuditEntry Record(string entity, object entityId, string action, object? before, object? after, int? orgUnitId, string? userName = null)
    {
        var entry = new AuditEntry
        {
            At = clock.UtcNow,
            UserName = userName ?? caller.UserName,
            OrgUnitId = orgUnitId,
            Entity = entity,
            EntityId = Convert.ToString(entityId, System.Globalization.CultureInfo.InvariantCulture) ?? "",
            Action = action,
            Before = before is null ? null : JsonSerializer.Serialize(before, Json),
            After = after is null ? null : JsonSerializer.Serialize(after, Json),
        };
        db.Add(entry);
        return entry;
    }

    /// <summary>Saves the change with its entries; outside an explicit transaction this commits.</summary>
    public async Task SaveAsync(CancellationToken ct = default)
    {
        await db.SaveChangesAsync(ct);
        if (db.Database.CurrentTransaction is null) chainer.Nudge();
    }

    /// <summary>Saves and commits an explicit transaction, then wakes the chainer.</summary>
    public async Task CommitAsync(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction tx, CancellationToken ct = default)
    {
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        chainer.Nudge();
    }
}
