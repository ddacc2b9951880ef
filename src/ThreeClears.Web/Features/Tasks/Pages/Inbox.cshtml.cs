using Microsoft.AspNetCore.Authorization;
using ThreeClears.Web.Infrastructure;

namespace ThreeClears.Web.Features.Tasks.Pages;

[Authorize]
public sealed class InboxModel(InboxService inbox) : AppPage
{
    public InboxDto? Inbox { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Inbox = await inbox.GetAsync(ct);
}
