using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ThreeClears.Domain.Access;
using ThreeClears.Web.Infrastructure;
using ThreeClears.Web.Infrastructure.Auth;

namespace ThreeClears.Web.Features.Calendar.Pages;

[Authorize]
public sealed class CalendarModel(CalendarService calendar, Caller caller, AppClock clock) : AppPage
{
    [BindProperty(SupportsGet = true, Name = "y")] public int Y { get; set; }
    [BindProperty] public string? Holidays { get; set; }
    [BindProperty] public string? WorkingDays { get; set; }
    [BindProperty] public int Version { get; set; }
    public CalendarDto? Year { get; private set; }
    public bool CanEdit { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Year is null) return;
        Holidays = string.Join("\n", Year.Holidays.Select(h => $"{h.Date:yyyy-MM-dd} {h.Name}"));
        WorkingDays = string.Join("\n", Year.WorkingDays.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var ok = await TryAsync(async () =>
        {
            var holidays = Lines(Holidays).Select((l, i) =>
            {
                var date = l.Length >= 10 && DateOnly.TryParseExact(l[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : (DateOnly?)null;
                if (date is null) throw new ValidationException(new Dictionary<string, string[]> { [$"holidays[{i}].date"] = [$"'{l}' does not start with a date (yyyy-MM-dd)."] });
                return new HolidayRequest(date, l[10..].Trim());
            }).ToList();
            var working = Lines(WorkingDays).Select((l, i) => DateOnly.TryParseExact(l, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? d : throw new ValidationException(new Dictionary<string, string[]> { [$"workingDays[{i}]"] = [$"'{l}' is not a date (yyyy-MM-dd)."] })).ToList();
            Request.Headers.IfMatch = $"\"{Version}\"";
            await calendar.PutAsync(Y, new CalendarRequest(holidays, working), HttpContext, ct);
        });
        if (ok) return Redirect($"/calendar?y={Y}");
        var status = Response.StatusCode;
        await LoadAsync(ct);
        Response.StatusCode = status;
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        if (Y == 0) Y = clock.Today.Year;
        await TryAsync(async () => Year = await calendar.GetAsync(Y, ct));
        CanEdit = (await caller.UnitsWithAsync(Permission.Administer, ct)).All;
    }

    private static IEnumerable<string> Lines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
