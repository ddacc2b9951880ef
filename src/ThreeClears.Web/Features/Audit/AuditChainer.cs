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
        var pending = await db.Set<AuditEntry>().Where(e => e.Hash == null).OrderBy(e => e.Id).Take(Batch).ToListAsync(ct);
        foreach (var e in pending)
        {
            e.Sequence = head.Entries + 1;
            e.PreviousHash = head.LastHash;
            e.Hash = AuditChain.Hash(head.LastHash, ToRecord(e));
            head.Entries = e.Sequence.Value;
            head.LastHash = e.Hash;
            head.At = e.At;
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return pending.Count;
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
