using Microsoft.EntityFrameworkCore;
using ThreeClears.Domain.Access;
using ThreeClears.Web.Data;
using ThreeClears.Web.Infrastructure;
using ThreeClears.Web.Infrastructure.Auth;

namespace ThreeClears.Web.Features.Tasks.Pages;

public sealed record AssignableOfficial(string UserName, string FullName, string Position, string OrgUnitCode, string OrgUnitName);

public static class Assignable
{
    /// <summary>
    /// Officials in the units where the caller may assign tasks (the same right the service checks
    /// for the owner), in tree order. At most <see cref="Paging.MaxPageSize"/>: a page wanting more
    /// offers a text field instead of a list.
    /// </summary>
    public static async Task<List<AssignableOfficial>> OfficialsAsync(ThreeClearsDb db, Caller caller, CancellationToken ct)
    {
        var q = await caller.Scoped(db.Users.AsNoTracking(), Permission.AssignTasks, u => u.OrgUnitId, ct);
        return await q.OrderBy(u => u.OrgUnit!.Path).ThenBy(u => u.FullName)
            .Select(u => new AssignableOfficial(u.UserName!, u.FullName, u.Position, u.OrgUnit!.Code, u.OrgUnit.Name))
            .Take(Paging.MaxPageSize + 1).ToListAsync(ct);
    }
}
