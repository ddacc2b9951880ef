using Microsoft.EntityFrameworkCore;
using ThreeClears.Domain;
using ThreeClears.Domain.Tasks;
using ThreeClears.Web.Data;
using ThreeClears.Web.Features.Audit;

namespace ThreeClears.Web.Features.Tasks;

/// <summary>
/// The deadline sweep's step for consultations: a pending consultation whose deadline is before the
/// sweep's date is recorded as deemed agreed (silence counts as consent), dated the sweep's date, with
/// one audit entry each, recorded against the consulted unit.
/// </summary>
/// <remarks>
/// Batched: each batch is loaded, changed and saved (with its audit entries) in one transaction. The
/// consultation's version guards every row, so an answer or another node's sweep that got there first
/// makes the batch fail as a whole; it is then reloaded, and whatever is no longer pending drops out.
/// Running it again finds nothing to do (idempotent). Rows are loaded rather than updated in one
/// statement because the audit must name exactly the rows that changed.
/// </remarks>
public sealed class DeemedAgreementStep(ThreeClearsDb db, AuditLog audit) : ISweepStep
{
    public const int BatchSize = 200;
    private const int MaxConflicts = 5;

    /// <returns>How many consultations were recorded as deemed agreed.</returns>
    public async Task<int> RunAsync(DateOnly asOf, CancellationToken ct)
    {
        var recorded = 0;
        var conflicts = 0;
        while (true)
        {
            var batch = await db.Set<Consultation>()
                .Where(c => c.Status == ConsultationStatus.Pending && c.Deadline < asOf)
                .OrderBy(c => c.Id).Take(BatchSize).ToListAsync(ct);
            if (batch.Count == 0) return recorded;

            var entries = new List<AuditEntry>(batch.Count);
            foreach (var c in batch)
            {
                c.Status = ConsultationStatus.DeemedAgreed;
                c.DeemedOn = asOf;
                c.Version++;
                entries.Add(audit.Record(ConsultationsService.AuditEntity, c.Id, "deemedAgreed",
                    new { status = ConsultationStatus.Pending.ToApi(), c.Deadline },
                    new { status = c.Status.ToApi(), c.DeemedOn, c.Version },
                    c.ToOrgUnitId, "system"));
            }
            try
            {
                await audit.SaveAsync(ct);
                recorded += batch.Count;
                conflicts = 0;
            }
            catch (DbUpdateConcurrencyException) when (++conflicts <= MaxConflicts)
            {
                // Someone else changed one of these rows: forget this batch and read it again.
            }
            finally
            {
                foreach (var c in batch) db.Entry(c).State = EntityState.Detached;
                foreach (var e in entries) db.Entry(e).State = EntityState.Detached;
            }
        }
    }
}
