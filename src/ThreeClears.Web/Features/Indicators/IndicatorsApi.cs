using Microsoft.AspNetCore.Http.HttpResults;
using ThreeClears.Web.Infrastructure;

namespace ThreeClears.Web.Features.Indicators;

public static class IndicatorsApi
{
    public static IEndpointRouteBuilder MapIndicators(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/indicators").WithTags("Indicators").RequireAuthorization();
        g.MapGet("", async (IndicatorsService s, int? page, int? pageSize, CancellationToken ct) =>
            TypedResults.Ok(await s.ListAsync(Paging.From(page, pageSize, 100), ct)));
        g.MapGet("/{code}", async (IndicatorsService s, string code, HttpContext http, CancellationToken ct) =>
            Tagged(http, await s.GetAsync(code, ct)));
        g.MapPost("", Create);
        g.MapPut("/{code}", async (IndicatorsService s, string code, IndicatorRequest body, HttpContext http, CancellationToken ct) =>
            Tagged(http, await s.UpdateAsync(code, body, http, ct)));

        var v = app.MapGroup("/api/data-values").WithTags("Indicators").RequireAuthorization();
        v.MapPut("", async (DataValuesService s, List<DataValueRow?> body, CancellationToken ct) =>
            TypedResults.Ok(await s.PutBatchAsync(body, ct)));
        v.MapGet("", async (DataValuesService s, string? indicator, string? orgUnit, string? period, bool? children, string? status,
                int? page, int? pageSize, CancellationToken ct) =>
            TypedResults.Ok(await s.ListAsync(indicator, orgUnit, period, children ?? false, status, Paging.From(page, pageSize, 100), ct)));
        v.MapGet("/{indicatorCode}/{orgUnitCode}/{period}", async (DataValuesService s, string indicatorCode, string orgUnitCode, string period,
                HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await s.GetOneAsync(indicatorCode, orgUnitCode, period, http, ct)));
        v.MapPut("/{indicatorCode}/{orgUnitCode}/{period}", async (DataValuesService s, string indicatorCode, string orgUnitCode, string period,
                DataValueWrite body, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await s.PutOneAsync(indicatorCode, orgUnitCode, period, body, http, ct)));
        v.MapPost("/submit", async (DataValuesService s, WorkflowRequest body, CancellationToken ct) => TypedResults.Ok(await s.SubmitAsync(body, ct)));
        v.MapPost("/approve", async (DataValuesService s, WorkflowRequest body, CancellationToken ct) => TypedResults.Ok(await s.ApproveAsync(body, ct)));
        v.MapPost("/reopen", async (DataValuesService s, WorkflowRequest body, CancellationToken ct) => TypedResults.Ok(await s.ReopenAsync(body, ct)));

        app.MapGet("/api/analytics", async (AnalyticsService s, string? indicator, string? orgUnit, string? period, bool? children, bool? approvedOnly,
                CancellationToken ct) => TypedResults.Ok(await s.GetAsync(indicator, orgUnit, period, children ?? false, approvedOnly ?? false, ct)))
            .WithTags("Indicators").RequireAuthorization();
        app.MapGet("/api/analytics/discrepancies", async (DiscrepancyService s, string? orgUnit, string? period, bool? approvedOnly, int? page,
                int? pageSize, CancellationToken ct) =>
                TypedResults.Ok(await s.ListAsync(orgUnit, period, approvedOnly ?? false, Paging.From(page, pageSize, 100), ct)))
            .WithTags("Indicators").RequireAuthorization();
        return app;
    }

    private static async Task<Created<IndicatorDto>> Create(IndicatorsService s, IndicatorRequest body, HttpContext http, CancellationToken ct)
    {
        var dto = await s.CreateAsync(body, ct);
        Versions.SetETag(http, dto.Version);
        return TypedResults.Created($"/api/indicators/{dto.Code}", dto);
    }

    private static Ok<IndicatorDto> Tagged(HttpContext http, IndicatorDto dto)
    {
        Versions.SetETag(http, dto.Version);
        return TypedResults.Ok(dto);
    }
}
