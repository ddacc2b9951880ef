using Microsoft.AspNetCore.Http.HttpResults;
using ThreeClears.Web.Infrastructure;

namespace ThreeClears.Web.Features.Tasks;

public static class EscalationsApi
{
    public static IEndpointRouteBuilder MapEscalations(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/tasks/{id}/escalations", Raise).WithTags("Escalations").RequireAuthorization();

        var g = app.MapGroup("/api/escalations").WithTags("Escalations").RequireAuthorization();
        g.MapGet("", List);
        g.MapGet("/{id:int}", Get);
        g.MapPost("/{id:int}/resolve", Resolve);
        return app;
    }

    private static async Task<Created<EscalationDto>> Raise(EscalationsService escalations, string id, RaiseEscalationRequest body,
        HttpContext http, CancellationToken ct)
    {
        var dto = await escalations.RaiseAsync(id, body, ct);
        Versions.SetETag(http, dto.Version);
        return TypedResults.Created($"/api/escalations/{dto.Id}", dto);
    }

    private static async Task<Ok<PageOf<EscalationDto>>> List(EscalationsService escalations, bool? mine, string? status,
        int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await escalations.ListAsync(mine ?? false, status, Paging.From(page, pageSize), ct));

    private static async Task<Ok<EscalationDto>> Get(EscalationsService escalations, int id, HttpContext http, CancellationToken ct)
    {
        var dto = await escalations.GetAsync(id, ct);
        Versions.SetETag(http, dto.Version);
        return TypedResults.Ok(dto);
    }

    private static async Task<Ok<EscalationDto>> Resolve(EscalationsService escalations, int id, ResolveEscalationRequest body,
        HttpContext http, CancellationToken ct)
    {
        var dto = await escalations.ResolveAsync(id, body, http, ct);
        Versions.SetETag(http, dto.Version);
        return TypedResults.Ok(dto);
    }
}
