using System.Globalization;
using ThreeClears.Domain.Calendar;

namespace ThreeClears.Domain.Tasks;

/// <summary>A consultation's status as of a date. API spelling: <c>pending, agreed, objected, deemedAgreed</c>.</summary>
public enum ConsultationStatus
{
    Pending,
    Agreed,
    Objected,
    DeemedAgreed,
}

/// <summary>The consulted unit's answer. API spelling: <c>agreed|objected</c>.</summary>
public enum ConsultationOutcome
{
    Agreed,
    Objected,
}

/// <summary>An answer given on <paramref name="AnsweredOn"/>.</summary>
public sealed record ConsultationAnswer(ConsultationOutcome Outcome, DateOnly AnsweredOn);

/// <summary>The body of <c>POST /api/tasks/{id}/consultations</c>, as received.</summary>
public sealed record ConsultationRequestInput(string? ToOrgUnitCode, string? Question, DateOnly? Deadline = null, string? LegalBasis = null);

/// <summary>The body of <c>POST /api/consultations/{id}/respond</c>, as received.</summary>
public sealed record ConsultationResponseInput(string? Outcome, string? Reasons = null, string? Alternative = null);

/// <summary>
/// Inter-agency consultation on a task (PRODUCT.md §3 "Consultation"): a deadline in working days,
/// silence counts as consent, an objection must give reasons and an alternative.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Deadline: default 5 working days after the day asked; a requested one must be after that day
///   and no later than 10 working days after it (it need not itself be a working day).</item>
/// <item>Status as of D: the answer's outcome from its date on, if it was given by the deadline; with no
///   answer by the deadline, <c>deemedAgreed</c> from the day after the deadline on, for good. A deemed
///   agreement is final and never an answer: an answer dated after the deadline does not change the status
///   (the caller refuses it: see <see cref="CanRespond"/>), and does not count as on time.</item>
/// </list>
/// </remarks>
public static class ConsultationRule
{
    public const int DefaultWorkingDays = 5;
    public const int MaxWorkingDays = 10;

    public static DateOnly DefaultDeadline(DateOnly askedOn, IWorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.AddWorkingDays(askedOn, DefaultWorkingDays);
    }

    /// <summary>The latest deadline that may be requested: 10 working days after the day asked.</summary>
    public static DateOnly LatestDeadline(DateOnly askedOn, IWorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.AddWorkingDays(askedOn, MaxWorkingDays);
    }

    /// <summary>Why a requested deadline is not acceptable, or null when it is.</summary>
    public static string? DeadlineProblem(DateOnly askedOn, DateOnly requested, IWorkingCalendar calendar)
    {
        if (requested <= askedOn)
            return $"The deadline {Format(requested)} must be after the day the consultation is sent ({Format(askedOn)}).";
        var latest = LatestDeadline(askedOn, calendar);
        if (requested > latest)
            return $"The deadline {Format(requested)} is more than {MaxWorkingDays} working days away; the latest allowed is {Format(latest)}.";
        return null;
    }

    /// <summary>The deadline to record: the requested one, else the default. Validate first.</summary>
    public static DateOnly ResolveDeadline(DateOnly askedOn, DateOnly? requested, IWorkingCalendar calendar)
    {
        if (requested is not { } r) return DefaultDeadline(askedOn, calendar);
        if (DeadlineProblem(askedOn, r, calendar) is { } problem) throw new ArgumentException(problem, nameof(requested));
        return r;
    }

    /// <summary>
    /// Every bad field of a consultation request at once: <c>toOrgUnitCode</c>, <c>question</c>,
    /// <c>deadline</c>, <c>legalBasis</c>. Whether the unit exists is for the caller.
    /// </summary>
    public static IReadOnlyDictionary<string, string[]> ValidateRequest(
        ConsultationRequestInput input, DateOnly askedOn, IWorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(calendar);
        var errors = new ErrorBag();
        Text(errors, "toOrgUnitCode", input.ToOrgUnitCode, required: true, "Name the unit to consult (toOrgUnitCode).");
        Text(errors, "question", input.Question, required: true, "Write the question the consulted unit is to answer.");
        Text(errors, "legalBasis", input.LegalBasis, required: false, "");
        if (input.Deadline is { } d && DeadlineProblem(askedOn, d, calendar) is { } problem)
            errors.Add("deadline", problem);
        return errors.ToDictionary();
    }

    /// <summary>
    /// Every bad field of a response at once: <c>outcome</c> (<c>agreed|objected</c>); for an objection
    /// <c>reasons</c> and <c>alternative</c> are required. Text ≤ 10,000 characters.
    /// </summary>
    public static IReadOnlyDictionary<string, string[]> ValidateResponse(ConsultationResponseInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new ErrorBag();
        var objected = false;
        if (string.IsNullOrWhiteSpace(input.Outcome))
            errors.Add("outcome", "Choose the outcome: agreed or objected.");
        else if (!ApiSpelling.TryParse<ConsultationOutcome>(input.Outcome, out var outcome))
            errors.Add("outcome", $"\"{(input.Outcome.Length <= 40 ? input.Outcome : input.Outcome[..40] + "…")}\" is not an outcome; use agreed or objected.");
        else
            objected = outcome == ConsultationOutcome.Objected;

        Text(errors, "reasons", input.Reasons, required: objected, "An objection must give its reasons.");
        Text(errors, "alternative", input.Alternative, required: objected, "An objection must propose an alternative.");
        return errors.ToDictionary();
    }

    /// <summary>Whether an answer may still be given on <paramref name="on"/>: on or before the deadline.</summary>
    public static bool CanRespond(DateOnly deadline, DateOnly on) => on <= deadline;

    public static ConsultationStatus StatusAsOf(DateOnly deadline, ConsultationAnswer? answer, DateOnly asOf)
    {
        if (answer is not null && answer.AnsweredOn <= deadline && answer.AnsweredOn <= asOf)
            return answer.Outcome == ConsultationOutcome.Agreed ? ConsultationStatus.Agreed : ConsultationStatus.Objected;
        return asOf > deadline ? ConsultationStatus.DeemedAgreed : ConsultationStatus.Pending;
    }

    /// <summary>Answered, and on or before the deadline. A deemed agreement is not an answer.</summary>
    public static bool IsAnsweredOnTime(DateOnly deadline, ConsultationAnswer? answer) =>
        answer is not null && answer.AnsweredOn <= deadline;

    /// <summary>Answer time in working days: those in (askedOn, answeredOn].</summary>
    public static int AnswerWorkingDays(DateOnly askedOn, DateOnly answeredOn, IWorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.WorkingDaysBetween(askedOn, answeredOn);
    }

    private static void Text(ErrorBag errors, string path, string? value, bool required, string missing)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) errors.Add(path, missing);
        }
        else if (TaskValidation.CodePoints(value) > TaskValidation.MaxTextLength)
        {
            errors.Add(path, $"This text is {TaskValidation.CodePoints(value).ToString("N0", CultureInfo.InvariantCulture)} characters long; at most {TaskValidation.MaxTextLength.ToString("N0", CultureInfo.InvariantCulture)} are allowed.");
        }
    }

    private static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
