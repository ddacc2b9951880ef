using Microsoft.AspNetCore.Http.HttpResults;
using ThreeClears.Web.Infrastructure;

namespace ThreeClears.Web.Features.Organisation;

public static class OrganisationApi
{
    public static IEndpointRouteBuilder MapOrganisation(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/org-units").WithTags("Organisation").RequireAuthorization();
        g.MapGet("", List);
        g.MapGet("/{code}", Get);
        g.MapPost("", Create);
        g.MapPut("/{code}", Update);
        return app;
    }

    private static async Task<Ok<PageOf<OrgUnitListItem>>> List(OrganisationService units, int? page, int? pageSize,
        string? parentCode, bool? includeDissolved, CancellationToken ct) =>
        TypedResults.Ok(await units.ListAsync(Paging.From(page, pageSize, 500), parentCode, includeDissolved ?? true, ct));

    private static async Task<Ok<OrgUnitDto>> Get(OrganisationService units, string code, HttpContext http, CancellationToken ct)
    {
        var dto = await units.GetAsync(code, ct);
        Versions.SetETag(http, dto.Version);
        return TypedResults.Ok(dto);
    }

    private static async Task<Created<OrgUnitDto>> Create(OrganisationService units, OrgUnitRequest body, HttpContext http, CancellationToken ct)
    {
        var dto = await units.CreateAsync(body, ct);
        Versions.SetETag(http, dto.Version);
        return TypedResults.Created($"/api/org-units/{dto.Code}", dto);
    }

    private static async Task<Ok<OrgUnitDto>> Update(OrganisationService units, string code, OrgUnitRequest body, HttpContext http, CancellationToken ct)
    {
        var dto = await units.UpdateAsync(code, body, http, ct);
        Versions.SetETag(http, dto.Version);
        return TypedResults.Ok(dto);
    }
}
