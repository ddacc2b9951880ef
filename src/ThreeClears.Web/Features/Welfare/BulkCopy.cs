using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using ThreeClears.Web.Data;
using ThreeClears.Web.Features.Indicators;

namespace ThreeClears.Web.Features.Welfare;

/// <summary>
/// Writes many new rows of one entity type inside the context's current transaction: PostgreSQL's
/// binary COPY (an order of magnitude faster than multi-row INSERTs for the 450,000 rows of a
/// 150,000-household import: households, revisions, audit entries), multi-row INSERTs
/// (<see cref="BulkInsert"/>) on SQLite. Column names, value converters and column types come from
/// the EF model, so the rows read back exactly as if EF had written them. Store-generated keys are
/// left to the store.
/// </summary>
internal static class BulkCopy
{
    public static async Task RunAsync<T>(ThreeClearsDb db, IReadOnlyList<T> rows, CancellationToken ct) where T : class
    {
        if (rows.Count == 0) return;
        if (!db.IsPostgres)
        {
            await BulkInsert.RunAsync(db, rows, ct);
            return;
        }
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties()
            .Where(p => !(p.IsPrimaryKey() && p.ValueGenerated == ValueGenerated.OnAdd) && p.GetColumnName(table) is not null)
            .Select(p => (Property: p, Getter: p.GetGetter(), Converter: p.GetTypeMapping().Converter, Type: BaseType(p.GetColumnType())))
            .ToArray();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
        var sql = $"COPY {Quote(table.Name)} ({string.Join(", ", columns.Select(c => Quote(c.Property.GetColumnName(table)!)))}) FROM STDIN (FORMAT BINARY)";
        try
        {
            await using var writer = await connection.BeginBinaryImportAsync(sql, ct);
            foreach (var row in rows)
            {
                await writer.StartRowAsync(ct);
                foreach (var (_, getter, converter, type) in columns)
                {
                    var value = getter.GetClrValue(row);
                    if (value is not null && converter is not null) value = converter.ConvertToProvider(value);
                    if (value is null) await writer.WriteNullAsync(ct);
                    else await writer.WriteAsync(value, type, ct);
                }
            }
            await writer.CompleteAsync(ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new Infrastructure.ConflictException("Some of these rows were written by someone else at the same time; send them again.");
        }
    }

    /// <summary>"character varying(64)" → "character varying": COPY names the type, the length is the column's business.</summary>
    private static string BaseType(string columnType)
    {
        var i = columnType.IndexOf('(');
        return i < 0 ? columnType : columnType[..i].Trim();
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
