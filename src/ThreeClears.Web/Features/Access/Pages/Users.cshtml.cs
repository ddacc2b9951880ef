using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ThreeClears.Domain.Access;
using ThreeClears.Web.Infrastructure;
using ThreeClears.Web.Infrastructure.Auth;

namespace ThreeClears.Web.Features.Access.Pages;

[Authorize]
public sealed class UsersModel(AccessService access, Caller caller) : AppPage
{
    public const int Size = 50;
    [BindProperty(SupportsGet = true)] public string? OrgUnit { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNo { get; set; } = 1;
    public PageOf<UserDto>? Result { get; private set; }
    public bool CanAdminister { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNo = Math.Max(1, PageNo);
        await TryAsync(async () => Result = await access.ListAsync(new Paging(PageNo, Size), OrgUnit, ct));
        CanAdminister = !(await caller.UnitsWithAsync(Permission.Administer, ct)).IsEmpty;
    }
}
