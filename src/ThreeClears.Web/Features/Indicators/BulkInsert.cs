using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using ThreeClears.Web.Data;

namespace ThreeClears.Web.Features.Indicators;

/// <summary>
/// Inserts many rows of one entity type inside the context's current transaction: a binary COPY on
/// PostgreSQL, multi-row INSERT statements on SQLite — a batch of 10,000 values goes out at once instead
/// of one statement per row.
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
        if (db.IsPostgres)
        {
            await CopyAsync(db, rows, table.Name, columns, mappings, ct);
            return;
        }
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

    /// <summary>
    /// PostgreSQL: the rows go out as one binary COPY, several times faster than multi-row INSERTs (no SQL to
    /// parse, no parameters to bind). Each column's provider value and wire type come from the parameter EF
    /// itself would bind, so value converters (enums as text) and types (date, numeric, timestamptz) are
    /// exactly those of an EF write.
    /// </summary>
    private static async Task CopyAsync<T>(ThreeClearsDb db, IReadOnlyList<T> rows, string tableName, IProperty[] columns,
        RelationalTypeMapping[] mappings, CancellationToken ct) where T : class
    {
        var connection = (Npgsql.NpgsqlConnection)db.Database.GetDbConnection();
        await using var probe = connection.CreateCommand();
        var types = new NpgsqlTypes.NpgsqlDbType[columns.Length];
        var getters = columns.Select(c => c.GetGetter()).ToArray();
        for (var c = 0; c < columns.Length; c++)
            types[c] = ((Npgsql.NpgsqlParameter)mappings[c].CreateParameter(probe, "p", null, nullable: true)).NpgsqlDbType;

        var copy = $"COPY {Quote(tableName)} ({string.Join(", ", columns.Select(c => Quote(c.GetColumnName(StoreObjectIdentifier.Table(tableName, null))!)))}) FROM STDIN (FORMAT BINARY)";
        try
        {
            await using var writer = await connection.BeginBinaryImportAsync(copy, ct);
            foreach (var row in rows)
            {
                await writer.StartRowAsync(ct);
                for (var c = 0; c < columns.Length; c++)
                {
                    var value = getters[c].GetClrValue(row);
                    if (value is not null && mappings[c].Converter is { } converter) value = converter.ConvertToProvider(value);
                    if (value is null) await writer.WriteNullAsync(ct);
                    else await writer.WriteAsync(value, types[c], ct);
                }
            }
            await writer.CompleteAsync(ct);
        }
        catch (Npgsql.PostgresException e) when (e.SqlState == "23505")
        {
            throw new Infrastructure.ConflictException("Some of these values were written by someone else at the same time; send them again.");
        }
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>
    /// Updates the given columns of many rows by key, each guarded by its old version (optimistic
    /// concurrency), as multi-statement commands. Answers 409 when any row changed meanwhile; the
    /// caller's transaction is then not committed.
    /// </summary>
    public static async Task UpdateAsync<T>(ThreeClearsDb db, IReadOnlyList<(T Row, int OldVersion)> rows, string[] properties,
        string key, string version, CancellationToken ct) where T : class
    {
        if (rows.Count == 0) return;
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var set = properties.Select(n => entity.FindProperty(n) ?? throw new InvalidOperationException($"{typeof(T).Name}.{n} is not mapped.")).ToArray();
        var keyProperty = entity.FindProperty(key)!;
        var versionProperty = entity.FindProperty(version)!;
        string Column(IProperty p) => Quote(p.GetColumnName(table)!);
        var perCommand = Math.Max(1, (db.IsPostgres ? MaxParametersPostgres : MaxParametersSqlite) / (set.Length + 2));

        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        for (var start = 0; start < rows.Count; start += perCommand)
        {
            var end = Math.Min(rows.Count, start + perCommand);
            await using var cmd = connection.CreateCommand();
            cmd.Transaction = transaction;
            var sql = new StringBuilder();
            var n = 0;
            string Bind(IProperty p, object? value)
            {
                var name = "@p" + n++;
                cmd.Parameters.Add(((RelationalTypeMapping)p.GetRelationalTypeMapping()).CreateParameter(cmd, name, value, p.IsNullable));
                return name;
            }
            for (var r = start; r < end; r++)
            {
                var (row, oldVersion) = rows[r];
                sql.Append("UPDATE ").Append(Quote(table.Name)).Append(" SET ");
                for (var c = 0; c < set.Length; c++)
                {
                    if (c > 0) sql.Append(", ");
                    sql.Append(Column(set[c])).Append(" = ").Append(Bind(set[c], set[c].GetGetter().GetClrValue(row)));
                }
                sql.Append(" WHERE ").Append(Column(keyProperty)).Append(" = ").Append(Bind(keyProperty, keyProperty.GetGetter().GetClrValue(row)))
                    .Append(" AND ").Append(Column(versionProperty)).Append(" = ").Append(Bind(versionProperty, oldVersion)).Append(";\n");
            }
            cmd.CommandText = sql.ToString();
            if (await cmd.ExecuteNonQueryAsync(ct) != end - start)
                throw new Infrastructure.ConflictException("Some of these values were changed by someone else meanwhile; reload them and send the batch again.");
        }
    }
}
