using Microsoft.AspNetCore.Http.HttpResults;
using ThreeClears.Web.Infrastructure;

namespace ThreeClears.Web.Features.Drafts;

/// <summary>
/// Consultation on drafts in two lines of the host. Reading a public draft, its conferences, its
/// answered opinions and its summary, and sending an opinion, need no login (rate-limited per
/// address); the rest is for the officials who run the draft.
/// </summary>
public static class DraftsModule
{
    public static IServiceCollection AddDrafts(this IServiceCollection services)
    {
        services.AddScoped<DraftsService>();
        services.AddScoped<OpinionsService>();
        services.AddScoped<ResponsesService>();
        services.AddSingleton<OpinionNoticeMailer>();
        services.AddHostedService(sp => sp.GetRequiredService<OpinionNoticeMailer>());
        return services;
    }

    public static IEndpointRouteBuilder MapDrafts(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/drafts").WithTags("Consultation");
        g.MapPost("", Create).RequireAuthorization();
        g.MapGet("", async (DraftsService s, string? phase, string? orgUnit, int? page, int? pageSize, CancellationToken ct) =>
            TypedResults.Ok(await s.ListAsync(phase, orgUnit, Paging.From(page, pageSize, 20), ct))).RequireRateLimiting(RateLimits.Public);
        g.MapGet("/{id:int}", (DraftsService s, int id, HttpContext http, CancellationToken ct) => Draft(http, s.GetAsync(id, ct)))
            .RequireRateLimiting(RateLimits.Public);
        g.MapPut("/{id:int}", (DraftsService s, int id, DraftUpdateRequest body, HttpContext http, CancellationToken ct) =>
            Draft(http, s.UpdateAsync(id, body, http, ct))).RequireAuthorization();
        g.MapPost("/{id:int}/sections", async (DraftsService s, int id, SectionRequest body, CancellationToken ct) =>
            TypedResults.Created($"/api/drafts/{id}", await s.AddSectionAsync(id, body, ct))).RequireAuthorization();
        g.MapPost("/{id:int}/conferences", async (DraftsService s, int id, ConferenceRequest body, CancellationToken ct) =>
        {
            var dto = await s.AddConferenceAsync(id, body, ct);
            return TypedResults.Created($"/api/drafts/{id}/conferences", dto);
        }).RequireAuthorization();
        g.MapGet("/{id:int}/conferences", async (DraftsService s, int id, int? page, int? pageSize, CancellationToken ct) =>
            TypedResults.Ok(await s.ConferencesAsync(id, Paging.From(page, pageSize), ct))).RequireRateLimiting(RateLimits.Public);
        g.MapPost("/{id:int}/opinions", Submit).RequireRateLimiting(RateLimits.Public);
        g.MapGet("/{id:int}/opinions", async (OpinionsService s, int id, string? state, string? group, string? section, int? conferenceId,
                int? page, int? pageSize, CancellationToken ct) =>
            TypedResults.Ok(await s.ListAsync(id, state, group, section, conferenceId, Paging.From(page, pageSize), ct)))
            .RequireRateLimiting(RateLimits.Public);
        g.MapPost("/{id:int}/responses", async (ResponsesService s, int id, BatchResponseRequest body, CancellationToken ct) =>
            TypedResults.Ok(await s.AnswerManyAsync(id, body, ct))).RequireAuthorization();
        g.MapPost("/{id:int}/publish-responses", async (ResponsesService s, int id, PublishRequest? body, CancellationToken ct) =>
            TypedResults.Ok(await s.PublishAsync(id, body, ct))).RequireAuthorization();
        g.MapGet("/{id:int}/summary", async (DraftsService s, int id, CancellationToken ct) => TypedResults.Ok(await s.SummaryAsync(id, ct)))
            .RequireRateLimiting(RateLimits.Public);
        g.MapGet("/{id:int}/notices", async (ResponsesService s, int id, int? page, int? pageSize, CancellationToken ct) =>
            TypedResults.Ok(await s.NoticesAsync(id, Paging.From(page, pageSize), ct))).RequireAuthorization();

        var o = app.MapGroup("/api/opinions").WithTags("Consultation");
        o.MapGet("/{id:int}", async (OpinionsService s, int id, CancellationToken ct) => TypedResults.Ok(await s.GetAsync(id, ct)))
            .RequireRateLimiting(RateLimits.Public);
        o.MapGet("/mine", async (OpinionsService s, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await s.MineAsync(http.Request.Headers[OpinionsService.ClientHeader].FirstOrDefault(), ct)))
            .RequireRateLimiting(RateLimits.Public);
        o.MapPost("/{id:int}/response", async (ResponsesService s, int id, ResponseRequest body, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await s.AnswerAsync(id, body, http, ct))).RequireAuthorization();
        return app;
    }

    private static async Task<Created<DraftDto>> Create(DraftsService s, DraftRequest body, HttpContext http, CancellationToken ct)
    {
        var dto = await s.CreateAsync(body, ct);
        Versions.SetETag(http, dto.Version);
        return TypedResults.Created($"/api/drafts/{dto.Id}", dto);
    }

    private static async Task<Ok<DraftDto>> Draft(HttpContext http, Task<DraftDto> work)
    {
        var dto = await work;
        Versions.SetETag(http, dto.Version);
        return TypedResults.Ok(dto);
    }

    private static async Task<Created<OpinionDto>> Submit(OpinionsService s, int id, OpinionRequest body, HttpContext http, CancellationToken ct)
    {
        var dto = await s.SubmitAsync(id, body, http.Request.Headers[OpinionsService.ClientHeader].FirstOrDefault(), ct);
        return TypedResults.Created($"/api/opinions/{dto.Id}", dto);
    }
}
