using Microsoft.AspNetCore.Http.HttpResults;
using ThreeClears.Web.Infrastructure;

namespace ThreeClears.Web.Features.Plan;

public static class PlanApi
{
    public static IEndpointRouteBuilder MapPlanApi(this IEndpointRouteBuilder app)
    {
        var goals = app.MapGroup("/api/goals").WithTags("Plan").RequireAuthorization();
        goals.MapGet("", async (PlanService plan, CancellationToken ct) => TypedResults.Ok(await plan.TreeAsync(ct)));
        goals.MapGet("/{code}", (PlanService plan, string code, HttpContext http, CancellationToken ct) => Goal(http, plan.GetGoalAsync(code, ct)));
        goals.MapPost("", CreateGoal);
        goals.MapPut("/{code}", (PlanService plan, string code, GoalRequest body, HttpContext http, CancellationToken ct) =>
            Goal(http, plan.UpdateGoalAsync(code, body, http, ct)));

        var targets = app.MapGroup("/api/targets").WithTags("Plan").RequireAuthorization();
        targets.MapGet("", async (PlanService plan, string? orgUnit, int? year, string? goal, int? page, int? pageSize, CancellationToken ct) =>
            TypedResults.Ok(await plan.ListTargetsAsync(orgUnit, year, goal, Paging.From(page, pageSize), ct)));
        targets.MapGet("/{id:int}", (PlanService plan, int id, HttpContext http, CancellationToken ct) => Target(http, plan.GetTargetAsync(id, ct)));
        targets.MapPost("", CreateTarget);
        targets.MapPut("/{id:int}", (PlanService plan, int id, TargetRequest body, HttpContext http, CancellationToken ct) =>
            Target(http, plan.UpdateTargetAsync(id, body, http, ct)));
        return app;
    }

    private static async Task<Created<GoalNode>> CreateGoal(PlanService plan, GoalRequest body, HttpContext http, CancellationToken ct)
    {
        var dto = await plan.CreateGoalAsync(body, ct);
        Versions.SetETag(http, dto.Version);
        return TypedResults.Created($"/api/goals/{Uri.EscapeDataString(dto.Code)}", dto);
    }

    private static async Task<Created<TargetDto>> CreateTarget(PlanService plan, TargetRequest body, HttpContext http, CancellationToken ct)
    {
        var dto = await plan.CreateTargetAsync(body, ct);
        Versions.SetETag(http, dto.Version);
        return TypedResults.Created($"/api/targets/{dto.Id}", dto);
    }

    private static async Task<Ok<GoalNode>> Goal(HttpContext http, Task<GoalNode> work)
    {
        var dto = await work;
        Versions.SetETag(http, dto.Version);
        return TypedResults.Ok(dto);
    }

    private static async Task<Ok<TargetDto>> Target(HttpContext http, Task<TargetDto> work)
    {
        var dto = await work;
        Versions.SetETag(http, dto.Version);
        return TypedResults.Ok(dto);
    }
}
