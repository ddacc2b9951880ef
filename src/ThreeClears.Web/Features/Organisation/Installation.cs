using Microsoft.EntityFrameworkCore;
using ThreeClears.Web.Data;

namespace ThreeClears.Web.Features.Organisation;

/// <summary>
/// Facts of this installation that never change once it has started: the root unit's code (codes
/// are stable), which prefixes every task code. Read once at start-up, the same on every node.
/// </summary>
public sealed class Installation
{
    public string RootCode { get; private set; } = "";

    public async Task LoadAsync(ThreeClearsDb db, CancellationToken ct) =>
        RootCode = await db.Set<OrgUnit>().Where(u => u.ParentId == null).Select(u => u.Code).FirstAsync(ct);
}
