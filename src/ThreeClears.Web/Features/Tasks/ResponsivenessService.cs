using Microsoft.EntityFrameworkCore;
using ThreeClears.Domain.Access;
using ThreeClears.Domain.Calendar;
using ThreeClears.Domain.Periods;
using ThreeClears.Domain.Tasks;
using ThreeClears.Web.Data;
using ThreeClears.Web.Features.Calendar;
using ThreeClears.Web.Features.Organisation;
using ThreeClears.Web.Infrastructure;
using ThreeClears.Web.Infrastructure.Auth;

namespace ThreeClears.Web.Features.Tasks;

/// <summary>
/// How a unit answers the consultations addressed to it, for "passing the buck" to show
/// (PRODUCT.md §3). <c>answerRate</c> = answered ÷ received (4 decimals), null when nothing was
/// received; <c>averageAnswerWorkingDays</c> is the mean of the working days in (askedOn, answeredOn]
/// over the answered ones (2 decimals), null when none was answered. <c>deemedAgreed</c> counts those
/// deemed agreed as of <c>asOf</c> (today), recorded by the sweep or not yet; <c>pending</c> those
/// still open. A deemed agreement is never an answer.
/// </summary>
public sealed record ResponsivenessDto(
    string OrgUnitCode, string Period, DateOnly AsOf,
    int ConsultationsReceived, int Answered, int AnsweredOnTime, decimal? AnswerRate,
    decimal? AverageAnswerWorkingDays, int DeemedAgreed, int Pending);

/// <summary>One consultation as the figures need it.</summary>
public sealed record ReceivedConsultation(DateOnly AskedOn, DateOnly Deadline, ConsultationStatus Status, DateOnly? AnsweredOn);

/// <summary>
/// Counts the consultations addressed to exactly this unit (not its subtree: a province's
/// responsiveness is not the sum of its departments') whose deadline falls in the period.
/// </summary>
public sealed class ResponsivenessService(ThreeClearsDb db, Caller caller, AppClock clock, CalendarService calendars)
{
    public async Task<ResponsivenessDto> GetAsync(string code, string? period, CancellationToken ct)
    {
        var unit = await db.Set<OrgUnit>().AsNoTracking().FirstOrDefaultAsync(u => u.Code == code, ct)
                   ?? throw new NotFoundException($"No org unit has code '{code}'.");
        await caller.RequireAsync(Permission.ReadTasks, unit.Id, ct);
        var today = clock.Today;
        Period p;
        if (string.IsNullOrWhiteSpace(period)) p = Period.OfYear(today.Year);
        else if (!Period.TryParse(period, out p))
            throw new ValidationException(new Dictionary<string, string[]> { ["period"] = ["must be a year (2026), a quarter (2026Q1) or a month (2026-03)."] });

        var (start, end) = (p.Start, p.End);
        var rows = await db.Set<Consultation>().AsNoTracking()
            .Where(c => c.ToOrgUnitId == unit.Id && c.Deadline >= start && c.Deadline <= end)
            .Select(c => new ReceivedConsultation(c.AskedOn, c.Deadline, c.Status, c.AnsweredOn))
            .ToListAsync(ct);
        return Compute(unit.Code, p, today, rows, await calendars.WorkingCalendarAsync(ct));
    }

    public static ResponsivenessDto Compute(string code, Period period, DateOnly asOf, IReadOnlyCollection<ReceivedConsultation> rows, IWorkingCalendar calendar)
    {
        int answered = 0, onTime = 0, deemed = 0, pending = 0, days = 0;
        foreach (var r in rows)
        {
            var answer = r.Status is ConsultationStatus.Agreed or ConsultationStatus.Objected && r.AnsweredOn is { } on ? on : (DateOnly?)null;
            if (answer is { } a)
            {
                answered++;
                days += ConsultationRule.AnswerWorkingDays(r.AskedOn, a, calendar);
                if (a <= r.Deadline) onTime++;
            }
            switch (ConsultationsService.StatusOf(r.Status, r.Deadline, r.AnsweredOn, asOf))
            {
                case ConsultationStatus.DeemedAgreed: deemed++; break;
                case ConsultationStatus.Pending: pending++; break;
            }
        }
        return new ResponsivenessDto(code, period.ToString(), asOf, rows.Count, answered, onTime,
            rows.Count == 0 ? null : Math.Round((decimal)answered / rows.Count, 4, MidpointRounding.AwayFromZero),
            answered == 0 ? null : Math.Round((decimal)days / answered, 2, MidpointRounding.AwayFromZero),
            deemed, pending);
    }
}
