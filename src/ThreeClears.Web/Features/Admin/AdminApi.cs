using Microsoft.AspNetCore.Http.HttpResults;
using ThreeClears.Domain.Access;
using ThreeClears.Web.Infrastructure;
using ThreeClears.Web.Infrastructure.Auth;

namespace ThreeClears.Web.Features.Admin;

public sealed record ClockRequest(DateTimeOffset? Now);

public sealed record ClockDto(DateTimeOffset Now, DateOnly Today, bool Fixed);

public static class AdminApi
{
    public static IEndpointRouteBuilder MapAdmin(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/admin").WithTags("Administration").RequireAuthorization();
        g.MapGet("/clock", GetClock);
        g.MapPut("/clock", SetClock);
        g.MapDelete("/clock", ResetClock);
        return app;
    }

    private static async Task<Ok<ClockDto>> GetClock(AppClock clock, Caller caller, CancellationToken ct)
    {
        await RequireTestClockAdmin(clock, caller, ct);
        return TypedResults.Ok(new ClockDto(clock.GetUtcNow(), clock.Today, true));
    }

    private static async Task<Ok<ClockDto>> SetClock(AppClock clock, Caller caller, ClockRequest body, CancellationToken ct)
    {
        await RequireTestClockAdmin(clock, caller, ct);
        var checks = new Checks();
        checks.Required("now", body.Now);
        checks.ThrowIfAny();
        clock.Set(body.Now!.Value);
        return TypedResults.Ok(new ClockDto(clock.GetUtcNow(), clock.Today, true));
    }

    private static async Task<NoContent> ResetClock(AppClock clock, Caller caller, CancellationToken ct)
    {
        await RequireTestClockAdmin(clock, caller, ct);
        clock.Reset();
        return TypedResults.NoContent();
    }

    /// <summary>Without THREECLEARS_TEST_CLOCK the routes do not exist (404), as API.md says.</summary>
    private static async Task RequireTestClockAdmin(AppClock clock, Caller caller, CancellationToken ct)
    {
        if (!clock.Settable) throw new NotFoundException("The clock can be set only when the server runs with THREECLEARS_TEST_CLOCK=true.");
        if (!await caller.HasRoleAsync(Role.Admin, ct)) throw new ForbiddenException("Only an administrator may set the clock.");
    }
}
