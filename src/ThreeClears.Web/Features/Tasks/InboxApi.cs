using Microsoft.AspNetCore.Http.HttpResults;

namespace ThreeClears.Web.Features.Tasks;

public static class InboxApi
{
    public static IEndpointRouteBuilder MapInbox(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/inbox", Get).WithTags("Inbox").RequireAuthorization();
        return app;
    }

    private static async Task<Ok<InboxDto>> Get(InboxService inbox, CancellationToken ct) =>
        TypedResults.Ok(await inbox.GetAsync(ct));
}
