using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ThreeClears.Domain.Access;
using ThreeClears.Web.Data;
using ThreeClears.Web.Features.Organisation;
using ThreeClears.Web.Infrastructure;
using ThreeClears.Web.Infrastructure.Auth;

namespace ThreeClears.Web.Features.Tasks.Pages;

public sealed record BoardUnit(string Code, string Name, string NameEn, int Depth);

/// <summary>A unit's tasks by status; with <c>group</c>, one status group, paged.</summary>
[Authorize]
public sealed class BoardModel(TasksService tasks, Caller caller, ThreeClearsDb db) : AppPage
{
    public const int PerGroup = 10;
    public const int Size = 50;
    [BindProperty(SupportsGet = true)] public string? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public string? Group { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNo { get; set; } = 1;
    public TaskBoard? Board { get; private set; }
    public List<BoardUnit> Units { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNo = Math.Max(1, PageNo);
        Units = await ReadableUnitsAsync(ct);
        if (string.IsNullOrWhiteSpace(Unit))
        {
            var mine = await db.Users.Where(u => u.Id == caller.UserId).Select(u => u.OrgUnit!.Code).FirstAsync(ct);
            Unit = Units.Any(u => u.Code == mine) || Units.Count == 0 ? mine : Units[0].Code;
        }
        var group = string.IsNullOrWhiteSpace(Group) ? null : Group;
        await TryAsync(async () => Board = await tasks.BoardAsync(Unit, group, group is null ? new Paging(1, PerGroup) : new Paging(PageNo, Size), ct));
    }

    /// <summary>The units whose tasks the caller may read (not dissolved), in tree order for the picker.</summary>
    private async Task<List<BoardUnit>> ReadableUnitsAsync(CancellationToken ct)
    {
        var q = await caller.Scoped(db.Set<OrgUnit>().AsNoTracking().Where(u => u.DissolvedOn == null), Permission.ReadTasks, u => u.Id, ct);
        return await q.OrderBy(u => u.Path).Select(u => new BoardUnit(u.Code, u.Name, u.NameEn, u.Depth)).Take(Paging.MaxPageSize).ToListAsync(ct);
    }
}
