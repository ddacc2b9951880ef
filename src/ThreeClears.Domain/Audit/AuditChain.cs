using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ThreeClears.Domain.Audit;

/// <summary>One audit entry as it is chained: everything the hash covers.</summary>
public sealed record AuditRecord(
    long Id,
    long Sequence,
    DateTime At,
    string? UserName,
    string Entity,
    string EntityId,
    string Action,
    string? Before,
    string? After);

/// <summary>
/// The hash chain over audit entries: hash = SHA-256(previous hash + canonical JSON of the entry).
/// Before and after are hashed as the exact text stored, so re-serialising can never change a hash.
/// </summary>
public static class AuditChain
{
    /// <summary>The previous hash of the first entry.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    /// <summary>Instants are hashed to the microsecond, the precision both stores keep.</summary>
    public static DateTime Normalise(DateTime at)
    {
        var utc = at.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : at.ToUniversalTime();
        return new DateTime(utc.Ticks - utc.Ticks % 10, DateTimeKind.Utc);
    }

    public static string Canonical(AuditRecord r)
    {
        using var buffer = new MemoryStream(256);
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteNumber("seq", r.Sequence);
            w.WriteNumber("id", r.Id);
            w.WriteString("at", Normalise(r.At).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
            w.WriteString("userName", r.UserName);
            w.WriteString("entity", r.Entity);
            w.WriteString("entityId", r.EntityId);
            w.WriteString("action", r.Action);
            w.WriteString("before", r.Before);
            w.WriteString("after", r.After);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static string Hash(string previousHash, AuditRecord record)
    {
        var bytes = Encoding.UTF8.GetBytes(previousHash + "\n" + Canonical(record));
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

}

/// <summary>
/// Walks a chain entry by entry in sequence order, in constant memory: each entry must carry the
/// next sequence number, name the previous entry's hash, and hash to what it stores.
/// </summary>
public sealed class AuditChainWalk
{
    public string LastHash { get; private set; } = AuditChain.Genesis;
    public long Count { get; private set; }

    /// <summary>False at the first entry that breaks the chain; the walk stops advancing there.</summary>
    public bool Accept(AuditRecord record, string? storedPreviousHash, string? storedHash)
    {
        if (record.Sequence != Count + 1 || storedPreviousHash != LastHash) return false;
        if (AuditChain.Hash(LastHash, record) != storedHash) return false;
        LastHash = storedHash;
        Count++;
        return true;
    }
}
