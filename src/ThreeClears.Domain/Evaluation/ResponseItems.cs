using ThreeClears.Domain.Tasks;

namespace ThreeClears.Domain.Evaluation;

/// <summary>One place an escalation stood: its level, who had it, and by when they had to answer.</summary>
public readonly record struct EscalationStop(int Level, int ToUserId, int ToOrgUnitId, DateOnly RespondBy);

/// <summary>
/// Turns consultations and escalations into the <see cref="ResponseItem"/>s of the Responsiveness
/// component (PRODUCT.md "Evaluation", API.md "Precise meanings").
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><b>Consultation</b> (addressed to a unit): answered on the date of its <c>agreed</c> or
/// <c>objected</c> answer. A deemed agreement is silence, never an answer, and a pending one is not
/// answered either.</item>
/// <item><b>Escalation</b> (addressed to an official): each place it stood is one item for the official
/// who had it, with that place's <c>respondBy</c>. It climbs only when the deadline passed without a
/// resolution, so every place but the last is unanswered by its holder. The last place is answered
/// on the resolution's date when the escalation is resolved (by the holder or by someone above on
/// their behalf: the matter was settled while it was theirs).</item>
/// </list>
/// </remarks>
public static class ResponseItems
{
    public static ResponseItem Consultation(ConsultationStatus status, DateOnly deadline, DateOnly? answeredOn) =>
        new(deadline, status is ConsultationStatus.Agreed or ConsultationStatus.Objected ? answeredOn : null);

    /// <summary>The item of one stop; <paramref name="currentLevel"/> is the escalation's level now.</summary>
    public static ResponseItem EscalationStop(in EscalationStop stop, int currentLevel, DateOnly? resolvedOn) =>
        new(stop.RespondBy, stop.Level == currentLevel ? resolvedOn : null);
}
