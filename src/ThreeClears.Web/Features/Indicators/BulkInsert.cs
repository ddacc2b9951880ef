using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using ThreeClears.Web.Data;

namespace ThreeClears.Web.Features.Indicators;

/// <summary>
/// Inserts many rows of one entity type as multi-row INSERT statements inside the context's current
/// transaction: a batch of 10,000 values goes out in a few dozen statements instead of one per row.
/// Table and column names, value converters and parameter types come from the EF model, so both
/// stores read the rows back exactly as if EF had written them. Store-generated keys are left to
/// the store and not read back.
/// </summary>
internal static class BulkInsert
{
    // PostgreSQL takes up to 65,535 parameters a statement. SQLite binds parameters by name with a linear
    // search, so its statements are kept short.
    private const int MaxParametersPostgres = 30_000;
    private const int MaxParametersSqlite = 600;

    public static async Task RunAsync<T>(ThreeClearsDb db, IReadOnlyList<T> rows, CancellationToken ct) where T : class
    {
        if (rows.Count == 0) return;
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties()
            .Where(p => !(p.IsPrimaryKey() && p.ValueGenerated == ValueGenerated.OnAdd) && p.GetColumnName(table) is not null)
            .ToArray();
        var mappings = columns.Select(c => (RelationalTypeMapping)c.GetRelationalTypeMapping()).ToArray();
        var head = $"INSERT INTO {Quote(table.Name)} ({string.Join(", ", columns.Select(c => Quote(c.GetColumnName(table)!)))}) VALUES ";
        var perStatement = Math.Max(1, (db.IsPostgres ? MaxParametersPostgres : MaxParametersSqlite) / columns.Length);

        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        for (var start = 0; start < rows.Count; start += perStatement)
        {
            var end = Math.Min(rows.Count, start + perStatement);
            await using var cmd = connection.CreateCommand();
            cmd.Transaction = transaction;
            var sql = new StringBuilder(head);
            var n = 0;
            for (var r = start; r < end; r++)
            {
                sql.Append(r == start ? "(" : ", (");
                for (var c = 0; c < columns.Length; c++)
                {
                    var name = "@p" + n++;
                    if (c > 0) sql.Append(", ");
                    sql.Append(name);
                    var value = columns[c].GetGetter().GetClrValue(rows[r]);
                    cmd.Parameters.Add(mappings[c].CreateParameter(cmd, name, value, columns[c].IsNullable));
                }
                sql.Append(')');
            }
            cmd.CommandText = sql.ToString();
            try
            {
                await cmd.ExecuteNonQueryAsync(ct);
            }
            catch (DbException e) when (e is Npgsql.PostgresException { SqlState: "23505" }
                || e is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19 } && e.Message.Contains("UNIQUE", StringComparison.Ordinal))
            {
                // Another request wrote one of the same keys meanwhile: nothing of this one is kept.
                throw new Infrastructure.ConflictException("Some of these values were written by someone else at the same time; send them again.");
            }
        }
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
