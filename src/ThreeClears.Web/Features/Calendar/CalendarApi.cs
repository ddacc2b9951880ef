using Microsoft.AspNetCore.Http.HttpResults;
using ThreeClears.Web.Infrastructure;

namespace ThreeClears.Web.Features.Calendar;

public static class CalendarApi
{
    public static IEndpointRouteBuilder MapCalendar(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/calendar").WithTags("Calendar").RequireAuthorization();
        g.MapGet("", Get);
        g.MapPut("/{year:int}", Put);
        return app;
    }

    private static async Task<Ok<CalendarDto>> Get(CalendarService calendar, AppClock clock, int? year, HttpContext http, CancellationToken ct)
    {
        var dto = await calendar.GetAsync(year ?? clock.Today.Year, ct);
        Versions.SetETag(http, dto.Version);
        return TypedResults.Ok(dto);
    }

    private static async Task<Ok<CalendarDto>> Put(CalendarService calendar, int year, CalendarRequest body, HttpContext http, CancellationToken ct)
    {
        var dto = await calendar.PutAsync(year, body, http, ct);
        Versions.SetETag(http, dto.Version);
        return TypedResults.Ok(dto);
    }
}
