using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using ThreeClears.Web.Features.Evidence;
using ThreeClears.Web.Infrastructure;

namespace ThreeClears.Web.Features.Welfare;

/// <summary>API.md "People's lives": households, coverage, the housing programme and the happiness index.</summary>
public static class WelfareApi
{
    public static IEndpointRouteBuilder MapWelfareApi(this IEndpointRouteBuilder app)
    {
        var h = app.MapGroup("/api/households").WithTags("Welfare").RequireAuthorization();
        h.MapGet("", (HouseholdsService s, string? orgUnit, string? missing, string? village, string? q, int? page, int? pageSize, CancellationToken ct) =>
            Ok(s.ListAsync(orgUnit, missing, village, q, Paging.From(page, pageSize), ct)));
        h.MapPost("/import", Import).DisableAntiforgery();
        h.MapGet("/imports/{id:int}", (HouseholdsService s, int id, CancellationToken ct) => Ok(s.ImportProgressAsync(id, ct)));
        h.MapGet("/{code}", (HouseholdsService s, string code, HttpContext http, CancellationToken ct) => Household(http, s.GetAsync(code, ct)));
        h.MapPut("/{code}", (HouseholdsService s, string code, HouseholdWrite? body, HttpContext http, CancellationToken ct) =>
            Household(http, s.UpdateAsync(code, body, IfMatch(http), ct)));
        h.MapGet("/{code}/revisions", (HouseholdsService s, string code, CancellationToken ct) => Ok(s.RevisionsAsync(code, ct)));
        h.MapPost("/{code}/attachments", Upload).DisableAntiforgery();

        app.MapGet("/api/welfare/coverage", (CoverageService s, string? orgUnit, CancellationToken ct) => Ok(s.GetAsync(orgUnit, ct)))
            .WithTags("Welfare").RequireAuthorization();

        var p = app.MapGroup("/api/housing-programme").WithTags("Welfare").RequireAuthorization();
        p.MapGet("", (HousingService s, string? orgUnit, int? year, CancellationToken ct) => Ok(s.ProgressAsync(orgUnit, year, ct)));
        p.MapPost("", CreateProgramme);
        p.MapPut("/{orgUnitCode}/{year:int}", (HousingService s, string orgUnitCode, int year, ProgrammeRequest? body, HttpContext http, CancellationToken ct) =>
            Programme(http, s.UpdateProgrammeAsync(orgUnitCode, year, body, IfMatch(http), ct)));

        var sup = app.MapGroup("/api/housing-support").WithTags("Welfare").RequireAuthorization();
        sup.MapGet("", (HousingService s, string? orgUnit, int? year, string? status, int? page, int? pageSize, CancellationToken ct) =>
            Ok(s.ListSupportAsync(orgUnit, year, status, Paging.From(page, pageSize), ct)));
        sup.MapGet("/{id:int}", (HousingService s, int id, HttpContext http, CancellationToken ct) => Support(http, s.GetSupportAsync(id, ct)));
        sup.MapPost("", CreateSupport);
        sup.MapPut("/{id:int}", (HousingService s, int id, SupportRequest? body, HttpContext http, CancellationToken ct) =>
            Support(http, s.UpdateSupportAsync(id, body, IfMatch(http), ct)));

        var hap = app.MapGroup("/api/happiness").WithTags("Welfare").RequireAuthorization();
        hap.MapPost("/responses", (HappinessService s, List<ResponseRow?>? body, CancellationToken ct) => Ok(s.PostAsync(body, ct)));
        hap.MapGet("/index", (HappinessService s, string? orgUnit, int? year, CancellationToken ct) => Ok(s.IndexAsync(orgUnit, year, ct)));
        return app;
    }

    private static async Task<Ok<T>> Ok<T>(Task<T> work) => TypedResults.Ok(await work);

    /// <summary>API writes name the version they change in If-Match (required; 428 without, 409 when stale).</summary>
    private static Action<int> IfMatch(HttpContext http) => current => Versions.Check(http, current, required: true);

    /// <summary>Pages post the version they showed; a stale one is a 409 as over the API.</summary>
    public static Action<int> Expect(int shown) => current =>
    {
        if (shown != current)
            throw new ConflictException($"Someone saved a newer version ({current}) after you opened this one ({shown}); reload the page and make your change again.");
    };

    private static async Task<Ok<HouseholdDto>> Household(HttpContext http, Task<HouseholdDto> work)
    {
        var dto = await work;
        Versions.SetETag(http, dto.Version);
        return TypedResults.Ok(dto);
    }

    private static async Task<Ok<ProgrammeDto>> Programme(HttpContext http, Task<ProgrammeDto> work)
    {
        var dto = await work;
        Versions.SetETag(http, dto.Version);
        return TypedResults.Ok(dto);
    }

    private static async Task<Ok<SupportDto>> Support(HttpContext http, Task<SupportDto> work)
    {
        var dto = await work;
        Versions.SetETag(http, dto.Version);
        return TypedResults.Ok(dto);
    }

    private static async Task<Created<ProgrammeDto>> CreateProgramme(HousingService s, ProgrammeRequest? body, HttpContext http, CancellationToken ct)
    {
        var dto = await s.CreateProgrammeAsync(body, ct);
        Versions.SetETag(http, dto.Version);
        return TypedResults.Created($"/api/housing-programme?orgUnit={Uri.EscapeDataString(dto.OrgUnitCode)}&year={dto.Year}", dto);
    }

    private static async Task<Created<SupportDto>> CreateSupport(HousingService s, SupportRequest? body, HttpContext http, CancellationToken ct)
    {
        var dto = await s.CreateSupportAsync(body, ct);
        Versions.SetETag(http, dto.Version);
        return TypedResults.Created($"/api/housing-support/{dto.Id}", dto);
    }

    /// <summary>Raises the body limit of this request to an upload's (20 MB) once the caller is known to be allowed.</summary>
    private static void RaiseLimit(HttpContext http)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = EvidenceService.MaxUploadBytes + 100_000;
        if (!http.Request.HasFormContentType)
            throw new ValidationException(new Dictionary<string, string[]> { ["file"] = ["send the file as multipart/form-data with the field 'file'."] });
    }

    /// <summary>Multipart with one field <c>file</c>: CSV (UTF-8) or XLSX, the header first.</summary>
    private static async Task<Ok<ImportResult>> Import(HouseholdsService s, HttpContext http, CancellationToken ct)
    {
        await s.ImportScopeAsync(ct);
        RaiseLimit(http);
        var form = await http.Request.ReadFormAsync(ct);
        return TypedResults.Ok(await s.ImportAsync(form.Files.GetFile("file"), ct));
    }

    /// <summary>A photo (or document) as evidence of a household's housing support; attach it with <c>attachmentIds</c>.</summary>
    private static async Task<Created<UploadedDto>> Upload(HousingService housing, EvidenceService evidence, string code, HttpContext http, CancellationToken ct)
    {
        var household = await housing.UploadTargetAsync(code, ct);
        RaiseLimit(http);
        var form = await http.Request.ReadFormAsync(ct);
        var dto = await evidence.UploadForUnitAsync(household.OrgUnitId, form.Files.GetFile("file"), ct);
        return TypedResults.Created(dto.Url, dto);
    }
}
