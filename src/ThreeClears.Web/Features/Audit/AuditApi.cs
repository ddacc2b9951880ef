using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ThreeClears.Domain.Access;
using ThreeClears.Domain.Audit;
using ThreeClears.Web.Data;
using ThreeClears.Web.Infrastructure;
using ThreeClears.Web.Infrastructure.Auth;

namespace ThreeClears.Web.Features.Audit;

public sealed record AuditEntryDto(long Id, long? Sequence, DateTime At, string? UserName, string Entity, string EntityId,
    string Action, string? Before, string? After, string? Hash, string? PreviousHash);

public sealed record AuditVerification(long Entries, bool Valid, long? FirstBrokenId);

public sealed record AuditHead(long Entries, string LastHash, DateTime? At);

public static class AuditApi
{
    public static IEndpointRouteBuilder MapAudit(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/audit").WithTags("Audit");
        g.MapGet("", List).RequireAuthorization();
        g.MapGet("/verify", Verify).RequireRateLimiting(RateLimits.Public);
        g.MapGet("/head", Head).RequireRateLimiting(RateLimits.Public);
        return app;
    }

    private static async Task<Ok<PageOf<AuditEntryDto>>> List(ThreeClearsDb db, Caller caller, AuditChainer chainer,
        string? entity, string? id, int? page, int? pageSize, CancellationToken ct)
    {
        var paging = Paging.From(page, pageSize);
        await caller.RequireAnywhereAsync(Permission.ReadAudit, ct);
        await chainer.ChainPendingAsync(ct);
        var set = await caller.UnitsWithAsync(Permission.ReadAudit, ct);
        var q = db.Set<AuditEntry>().AsNoTracking();
        if (!set.All)
        {
            var ids = set.Ids;
            q = q.Where(e => e.OrgUnitId != null && ids.Contains(e.OrgUnitId.Value));
        }
        if (!string.IsNullOrWhiteSpace(entity)) q = q.Where(e => e.Entity == entity);
        if (!string.IsNullOrWhiteSpace(id)) q = q.Where(e => e.EntityId == id);
        var total = await q.CountAsync(ct);
        var items = await q.OrderByDescending(e => e.Id).Skip(paging.Skip).Take(paging.PageSize)
            .Select(e => new AuditEntryDto(e.Id, e.Sequence, e.At, e.UserName, e.Entity, e.EntityId, e.Action, e.Before, e.After, e.Hash, e.PreviousHash))
            .ToListAsync(ct);
        return TypedResults.Ok(new PageOf<AuditEntryDto>(items, total));
    }

    internal static async Task<AuditVerification> VerifyChainAsync(ThreeClearsDb db, AuditChainer chainer, CancellationToken ct)
    {
        await chainer.ChainPendingAsync(ct);
        // The head is read first and the walk stops at its count: entries a chainer appends while
        // the walk runs belong to a later head, and must not make a sound chain look broken.
        var head = await db.Set<AuditChainHead>().AsNoTracking().SingleAsync(h => h.Id == 1, ct);
        var upTo = head.Entries;
        var walk = new AuditChainWalk();
        var rows = db.Set<AuditEntry>().AsNoTracking().Where(e => e.Sequence != null && e.Sequence <= upTo).OrderBy(e => e.Sequence).AsAsyncEnumerable();
        long? broken = null;
        await foreach (var e in rows.WithCancellation(ct))
        {
            if (!walk.Accept(AuditChainer.ToRecord(e), e.PreviousHash, e.Hash))
            {
                broken = e.Id;
                break;
            }
        }
        if (broken is not null)
            return new AuditVerification(await db.Set<AuditEntry>().LongCountAsync(e => e.Sequence != null && e.Sequence <= upTo, ct), false, broken);
        // A head that disagrees with the walked chain means entries were removed from its end.
        return head.Entries == walk.Count && head.LastHash == walk.LastHash
            ? new AuditVerification(walk.Count, true, null)
            : new AuditVerification(walk.Count, false, null);
    }

    private static async Task<Ok<AuditVerification>> Verify(ThreeClearsDb db, AuditChainer chainer, CancellationToken ct) =>
        TypedResults.Ok(await VerifyChainAsync(db, chainer, ct));

    internal static async Task<AuditHead> HeadAsync(ThreeClearsDb db, AuditChainer chainer, CancellationToken ct)
    {
        await chainer.ChainPendingAsync(ct);
        var head = await db.Set<AuditChainHead>().AsNoTracking().SingleAsync(h => h.Id == 1, ct);
        return new AuditHead(head.Entries, head.LastHash, head.At);
    }

    private static async Task<Ok<AuditHead>> Head(ThreeClearsDb db, AuditChainer chainer, CancellationToken ct) =>
        TypedResults.Ok(await HeadAsync(db, chainer, ct));
}
