using Microsoft.AspNetCore.Http.HttpResults;
using ThreeClears.Domain.Tasks;
using ThreeClears.Web.Infrastructure;

namespace ThreeClears.Web.Features.Tasks;

public static class ConsultationsApi
{
    public static IEndpointRouteBuilder MapConsultations(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/tasks/{id}/consultations", Ask).WithTags("Tasks").RequireAuthorization();
        var g = app.MapGroup("/api/consultations").WithTags("Tasks").RequireAuthorization();
        g.MapGet("", List);
        g.MapGet("/{id:int}", Get);
        g.MapPost("/{id:int}/respond", Respond);
        return app;
    }

    /// <summary>The task's owner consults another unit; <c>id</c> is the task's id or code.</summary>
    private static async Task<Created<ConsultationDto>> Ask(ConsultationsService service, string id, ConsultationRequestInput body,
        HttpContext http, CancellationToken ct)
    {
        var dto = await service.AskAsync(id, body, ct);
        Versions.SetETag(http, dto.Version);
        return TypedResults.Created($"/api/consultations/{dto.Id}", dto);
    }

    private static async Task<Ok<ConsultationDto>> Respond(ConsultationsService service, int id, ConsultationResponseInput body,
        HttpContext http, CancellationToken ct)
    {
        var dto = await service.RespondAsync(id, body, http, ct);
        Versions.SetETag(http, dto.Version);
        return TypedResults.Ok(dto);
    }

    private static async Task<Ok<ConsultationDto>> Get(ConsultationsService service, int id, HttpContext http, CancellationToken ct)
    {
        var dto = await service.GetAsync(id, ct);
        Versions.SetETag(http, dto.Version);
        return TypedResults.Ok(dto);
    }

    private static async Task<Ok<PageOf<ConsultationDto>>> List(ConsultationsService service, string? toOrgUnit, string? status,
        int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await service.ListAsync(toOrgUnit, status, Paging.From(page, pageSize), ct));
}
