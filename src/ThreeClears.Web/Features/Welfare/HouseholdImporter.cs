using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ThreeClears.Web.Data;
using ThreeClears.Web.Features.Audit;
using ThreeClears.Web.Features.Indicators;
using ThreeClears.Web.Infrastructure;
using ThreeClears.Web.Infrastructure.Auth;

namespace ThreeClears.Web.Features.Welfare;

/// <summary>
/// Imports a household file: known codes update, new codes are added, each bad row is reported by
/// its line with every reason, and the good rows are kept.
/// <para>
/// <b>Chunks, each committed.</b> Rows are written <see cref="ChunkRows"/> at a time; each chunk
/// (its households, their revisions, their audit entries and the import's progress) is one
/// transaction. A failure half-way (a lost connection, a row changed by someone else meanwhile)
/// loses nothing already committed, leaves no half-written chunk, and the import record says how
/// far it got. One transaction for the whole file would instead throw away every good row of a
/// 150,000-row file for one fault near its end, hold locks for its whole length and show no progress;
/// and sending the same file again after a failure is harmless, since a known code updates (a row
/// already so is counted unchanged and writes nothing).
/// </para>
/// Rows go out as multi-row statements (<see cref="BulkInsert"/>), not one EF save per row.
/// </summary>
public sealed class HouseholdImporter(ThreeClearsDb db, AuditLog audit, AppClock clock, ILogger<HouseholdImporter> log)
{
    public const int ChunkRows = 5_000;

    private TimeSpan _writing;
    /// <summary>The import record keeps this many rejected lines; the API answer has them all.</summary>
    public const int StoredRejections = 5_000;

    private static readonly string[] Updatable =
    [
        nameof(Household.OrgUnitId), nameof(Household.Village), nameof(Household.HeadName), nameof(Household.Members),
        nameof(Household.Poverty), nameof(Household.Housing), nameof(Household.Kitchen), nameof(Household.Sanitation),
        nameof(Household.HousingAdequate), nameof(Household.KitchenAdequate), nameof(Household.SanitationAdequate),
        nameof(Household.Version), nameof(Household.UpdatedAt),
    ];

    public async Task<HouseholdImport> StartAsync(string fileName, string sha256, long length, int? linesTotal, int userId, string? userName, CancellationToken ct)
    {
        var now = clock.UtcNow;
        var job = new HouseholdImport
        {
            FileName = fileName, Sha256 = sha256, Length = length, LinesTotal = linesTotal, UserId = userId, UserName = userName,
            Status = ImportStatus.Running, StartedAt = now, UpdatedAt = now,
        };
        db.Add(job);
        await db.SaveChangesAsync(ct);
        db.Entry(job).State = EntityState.Detached;
        return job;
    }

    /// <summary>Runs the import of <paramref name="rows"/> as <paramref name="userName"/>, whose welfare units are <paramref name="scope"/>.</summary>
    public async Task<ImportResult> RunAsync(int importId, IEnumerable<FileRow> rows, UnitSet scope, string? userName, CancellationToken ct)
    {
        var units = await WelfareUnits.LoadAsync(db, ct);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var rejected = new List<RowRejection>();
        int imported = 0, updated = 0, unchanged = 0, lastLine = 1;
        var source = $"import {importId}";
        var clockwork = System.Diagnostics.Stopwatch.StartNew();
        _writing = TimeSpan.Zero;
        try
        {
            foreach (var chunk in rows.Chunk(ChunkRows))
            {
                ct.ThrowIfCancellationRequested();
                var (i, u, same) = await WriteChunkAsync(chunk, units, scope, seen, rejected, userName, source, ct);
                imported += i;
                updated += u;
                unchanged += same;
                lastLine = chunk[^1].Line;
                await ProgressAsync(importId, lastLine, imported, updated, unchanged, rejected, ct);
            }
            await FinishAsync(importId, ImportStatus.Completed, lastLine, imported, updated, unchanged, rejected, null, userName);
            log.LogInformation("Household import {Id}: {Lines} lines in {Seconds:0.00} s, {Writing:0.00} s of it writing ({Imported} added, {Updated} known, {Rejected} rejected)",
                importId, lastLine - 1, clockwork.Elapsed.TotalSeconds, _writing.TotalSeconds, imported, updated, rejected.Count);
            return new ImportResult(importId, imported, updated, unchanged, rejected);
        }
        catch (Exception e)
        {
            var message = e switch
            {
                ValidationException v => string.Join(" ", v.Errors.SelectMany(x => x.Value)),
                ProblemException p => p.Message,
                OperationCanceledException => "The import was interrupted (the request or the server stopped).",
                _ => "The import stopped on an error of the server.",
            };
            if (e is not ProblemException and not OperationCanceledException) log.LogError(e, "Household import {Id} failed", importId);
            await FinishAsync(importId, ImportStatus.Failed, lastLine, imported, updated, unchanged, rejected, message, userName);
            throw;
        }
    }

    private async Task<(int Imported, int Updated, int Unchanged)> WriteChunkAsync(FileRow[] chunk, WelfareUnits units, UnitSet scope,
        Dictionary<string, int> seen, List<RowRejection> rejected, string? userName, string source, CancellationToken ct)
    {
        var good = new List<(FileRow Row, string Code, HouseholdFields Fields)>(chunk.Length);
        foreach (var row in chunk)
        {
            var checks = new Checks();
            if (row.NotUtf8) checks.Add("file", "this line is not UTF-8 text: save the file as \"CSV UTF-8\".");
            var code = HouseholdRules.Code(checks, row[0]);
            var members = HouseholdRules.MembersFromText(checks, row[4]);
            var fields = HouseholdRules.Validate(checks, units, scope, row[1], row[2], row[3], members, membersChecked: true,
                row[5], row[6], row[7], row[8]);
            if (code.Length > 0 && !checks.Has("householdCode"))
            {
                if (seen.TryGetValue(code, out var first)) checks.Add("householdCode", $"line {first} already gives household '{code}'.");
                else seen[code] = row.Line;
            }
            if (checks.Any || fields is null) rejected.Add(new RowRejection(row.Line, checks.ToDictionary()));
            else good.Add((row, code, fields));
        }
        if (good.Count == 0) return (0, 0, 0);

        var codes = good.Select(g => g.Code).ToList();
        var existing = await db.Set<Household>().AsNoTracking().Where(h => codes.Contains(h.Code)).ToDictionaryAsync(h => h.Code, StringComparer.Ordinal, ct);
        var now = clock.UtcNow;
        var added = new List<Household>();
        var changed = new List<(Household, int)>();
        var moved = new List<Household>();
        var revisions = new List<HouseholdRevision>();
        int updated = 0, same = 0;
        foreach (var (row, code, f) in good)
        {
            if (existing.TryGetValue(code, out var h))
            {
                if (!scope.Contains(h.OrgUnitId))
                {
                    rejected.Add(new RowRejection(row.Line, new Dictionary<string, string[]>
                    {
                        ["householdCode"] = [$"household '{code}' is registered in {units.ById(h.OrgUnitId).Code}, outside your units."],
                    }));
                    continue;
                }
                updated++;
                var differences = f.Differences(h);
                if (differences.Count == 0)
                {
                    same++;
                    continue;
                }
                if (h.OrgUnitId != f.Commune.Id) moved.Add(h);
                var oldVersion = h.Version;
                f.ApplyTo(h);
                h.Version++;
                h.UpdatedAt = now;
                changed.Add((h, oldVersion));
                revisions.Add(HouseholdRevision.Of(h, now, userName, source));
                audit.Record("household", code, "update", new { revision = oldVersion },
                    new { revision = h.Version, changed = differences, source }, h.OrgUnitId, userName);
            }
            else
            {
                h = new Household { Code = code, Village = "", HeadName = "", CreatedAt = now, UpdatedAt = now };
                f.ApplyTo(h);
                added.Add(h);
                existing[code] = h;
                revisions.Add(HouseholdRevision.Of(h, now, userName, source));
                audit.Record("household", code, "create", null, new { revision = h.Version, source }, h.OrgUnitId, userName);
            }
        }

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await BulkCopy.RunAsync(db, added, ct);
        await BulkInsert.UpdateAsync(db, changed, Updatable, nameof(Household.Id), nameof(Household.Version), ct);
        foreach (var group in moved.GroupBy(h => h.OrgUnitId))
        {
            var ids = group.Select(h => h.Id).ToList();
            await db.Set<HousingSupport>().Where(s => ids.Contains(s.HouseholdId)).ExecuteUpdateAsync(s => s.SetProperty(x => x.OrgUnitId, group.Key), ct);
        }
        await BulkCopy.RunAsync(db, revisions, ct);
        var entries = db.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).ToList();
        await BulkCopy.RunAsync(db, [.. entries.Select(e => e.Entity)], ct);
        foreach (var e in entries) e.State = EntityState.Detached;
        await audit.CommitAsync(tx, ct);
        _writing += System.Diagnostics.Stopwatch.GetElapsedTime(started);
        return (added.Count, updated, same);
    }

    private Task ProgressAsync(int importId, int line, int imported, int updated, int unchanged, List<RowRejection> rejected, CancellationToken ct)
    {
        var now = clock.UtcNow;
        var count = rejected.Count;
        return db.Set<HouseholdImport>().Where(i => i.Id == importId).ExecuteUpdateAsync(s => s
            .SetProperty(i => i.LinesDone, line).SetProperty(i => i.Imported, imported).SetProperty(i => i.Updated, updated)
            .SetProperty(i => i.Unchanged, unchanged).SetProperty(i => i.Rejected, count).SetProperty(i => i.UpdatedAt, now), ct);
    }

    /// <summary>Marks the import finished (never cancelled: it must be recorded even when the request is gone), with its audit entry.</summary>
    private async Task FinishAsync(int importId, ImportStatus status, int line, int imported, int updated, int unchanged, List<RowRejection> rejected,
        string? error, string? userName)
    {
        try
        {
            db.ChangeTracker.Clear();
            var job = await db.Set<HouseholdImport>().FirstAsync(i => i.Id == importId, CancellationToken.None);
            job.Status = status;
            job.LinesDone = line;
            job.Imported = imported;
            job.Updated = updated;
            job.Unchanged = unchanged;
            job.Rejected = rejected.Count;
            job.Rejections = JsonSerializer.Serialize(rejected.Take(StoredRejections), AuditLog.Json);
            job.Error = error is { Length: > 2000 } ? error[..2000] : error;
            job.UpdatedAt = clock.UtcNow;
            job.FinishedAt = job.UpdatedAt;
            audit.Record("householdImport", importId, status == ImportStatus.Completed ? "import" : "importFailed", null,
                new { job.FileName, job.Sha256, imported, updated, unchanged, rejected = rejected.Count, lastLine = line, error }, null, userName);
            await audit.SaveAsync(CancellationToken.None);
        }
        catch (Exception e)
        {
            log.LogError(e, "Could not record the end of household import {Id}", importId);
        }
    }
}
