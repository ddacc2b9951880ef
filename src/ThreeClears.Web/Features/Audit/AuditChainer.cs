using Microsoft.EntityFrameworkCore;
using ThreeClears.Domain.Audit;
using ThreeClears.Web.Data;

namespace ThreeClears.Web.Features.Audit;

/// <summary>
/// Chains committed audit entries in commit order. Writers never wait for it: they insert their
/// entry in their own transaction, and the chainer numbers and hashes what has been committed,
/// holding only the chain-head row lock for the few milliseconds a batch takes. Safe with
/// several app nodes: the row lock serialises them, and each batch starts from the stored head.
/// </summary>
public sealed class AuditChainer(IServiceScopeFactory scopes, ILogger<AuditChainer> log) : BackgroundService
{
    private const int Batch = 2000;

    /// <summary>
    /// After a batch the chainer lets entries gather this long before the next: under a thousand
    /// writes a second it chains a few dozen batches of many entries, not hundreds of tiny ones,
    /// each with its own lock, round trips and commit. Readers of the chain chain first, so
    /// nobody sees the gap.
    /// </summary>
    internal static readonly TimeSpan Gather = TimeSpan.FromMilliseconds(100);
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    public void Nudge()
    {
        if (_wake.CurrentCount == 0)
        {
            try { _wake.Release(); } catch (SemaphoreFullException) { }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await _wake.WaitAsync(TimeSpan.FromSeconds(2), stoppingToken);
                await ChainPendingAsync(stoppingToken);
                await Task.Delay(Gather, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
            catch (Exception e)
            {
                log.LogWarning(e, "Audit chaining failed; it will be tried again.");
            }
        }
    }

    /// <summary>Chains everything committed so far; returns how many entries it chained.</summary>
    public async Task<int> ChainPendingAsync(CancellationToken ct = default)
    {
        await _oneAtATime.WaitAsync(ct);
        try
        {
            var total = 0;
            while (true)
            {
                var n = await ChainBatchAsync(ct);
                total += n;
                if (n < Batch) return total;
            }
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    private async Task<int> ChainBatchAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ThreeClearsDb>();
        if (!await db.Set<AuditEntry>().AnyAsync(e => e.Hash == null, ct)) return 0;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (db.IsPostgres)
            await db.Database.ExecuteSqlRawAsync("SELECT 1 FROM audit_chain_head WHERE id = 1 FOR UPDATE", ct);
        var head = await db.Set<AuditChainHead>().SingleAsync(h => h.Id == 1, ct);
        var pending = await db.Set<AuditEntry>().AsNoTracking().Where(e => e.Hash == null).OrderBy(e => e.Id).Take(Batch).ToListAsync(ct);
        if (pending.Count == 0) return 0;
        var rows = new List<(long Id, long Sequence, string PreviousHash, string Hash)>(pending.Count);
        foreach (var e in pending)
        {
            e.Sequence = head.Entries + 1;
            var hash = AuditChain.Hash(head.LastHash, ToRecord(e));
            rows.Add((e.Id, e.Sequence.Value, head.LastHash, hash));
            head.Entries = e.Sequence.Value;
            head.LastHash = hash;
            head.At = e.At;
        }
        await WriteChainAsync(db, rows, ct);
        await db.SaveChangesAsync(ct); // the head
        await tx.CommitAsync(ct);
        return pending.Count;
    }

    /// <summary>
    /// One statement for the whole batch, not a thousand tracked entities. On PostgreSQL the rows go
    /// as four arrays, so the statement's text is the same for every batch and stays prepared; SQLite
    /// takes an UPDATE … FROM (VALUES …) of up to 500 rows.
    /// </summary>
    private static async Task WriteChainAsync(ThreeClearsDb db, List<(long Id, long Sequence, string PreviousHash, string Hash)> rows, CancellationToken ct)
    {
        if (db.IsPostgres)
        {
            await db.Database.ExecuteSqlRawAsync(
                "UPDATE audit_entries AS a SET sequence = v.seq, previous_hash = v.prev, hash = v.hash " +
                "FROM unnest({0}::bigint[], {1}::bigint[], {2}::text[], {3}::text[]) AS v(id, seq, prev, hash) WHERE a.id = v.id",
                [rows.Select(r => r.Id).ToArray(), rows.Select(r => r.Sequence).ToArray(),
                 rows.Select(r => r.PreviousHash).ToArray(), rows.Select(r => r.Hash).ToArray()], ct);
            return;
        }
        const int PerStatement = 500;
        for (var start = 0; start < rows.Count; start += PerStatement)
        {
            var chunk = rows.Skip(start).Take(PerStatement).ToList();
            var values = new System.Text.StringBuilder();
            var parameters = new List<object>(chunk.Count * 4);
            for (var i = 0; i < chunk.Count; i++)
            {
                if (i > 0) values.Append(", ");
                var n = i * 4;
                values.Append($"({{{n}}}, {{{n + 1}}}, {{{n + 2}}}, {{{n + 3}}})");
                parameters.Add(chunk[i].Id);
                parameters.Add(chunk[i].Sequence);
                parameters.Add(chunk[i].PreviousHash);
                parameters.Add(chunk[i].Hash);
            }
#pragma warning disable EF1002 // The SQL holds only placeholders; every value is a parameter.
            await db.Database.ExecuteSqlRawAsync(
                $"WITH v(id, seq, prev, hash) AS (VALUES {values}) UPDATE audit_entries SET sequence = v.seq, previous_hash = v.prev, hash = v.hash FROM v WHERE audit_entries.id = v.id",
                parameters, ct);
#pragma warning restore EF1002
        }
    }

    internal static AuditRecord ToRecord(AuditEntry e) =>
        new(e.Id, e.Sequence ?? 0, e.At, e.UserName, e.Entity, e.EntityId, e.Action, e.Before, e.After);

    public static async Task EnsureHeadAsync(ThreeClearsDb db, CancellationToken ct)
    {
        if (await db.Set<AuditChainHead>().AnyAsync(ct)) return;
        db.Add(new AuditChainHead());
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { db.ChangeTracker.Clear(); }
    }
}
