using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ThreeClears.Domain.Access;
using ThreeClears.Web.Infrastructure;
using ThreeClears.Web.Infrastructure.Auth;

namespace ThreeClears.Web.Features.Tasks.Pages;

/// <summary>The tasks I own (or, on the other tab, the tasks I assigned): open ones first, soonest due first.</summary>
[Authorize]
public sealed class MyTasksModel(TasksService tasks, Caller caller) : AppPage
{
    public const int Size = 20;
    [BindProperty(SupportsGet = true)] public string? Tab { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNo { get; set; } = 1;
    public PageOf<TaskListItem>? Result { get; private set; }
    public bool Assigned => Tab == "assigned";
    public bool CanAssign { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNo = Math.Max(1, PageNo);
        var me = caller.UserName;
        await TryAsync(async () => Result = Assigned
            ? await tasks.ListAsync(null, null, me, null, null, null, new Paging(PageNo, Size), ct)
            : await tasks.ListAsync(null, me, null, null, null, null, new Paging(PageNo, Size), ct));
        CanAssign = !(await caller.UnitsWithAsync(Permission.AssignTasks, ct)).IsEmpty;
    }

    public string PageLink(int page) => Assigned ? $"?tab=assigned&p={page}" : $"?p={page}";
}
