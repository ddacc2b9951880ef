namespace ThreeClears.Domain.Evaluation;

/// <summary>
/// What the Delivery component needs of a task.
/// <see cref="CompletedOn"/> is the completion date (the date of the report that first reached the
/// target, once verified); null while not completed. <see cref="CancelledOn"/> is the date it was
/// cancelled; null when it was not. <see cref="IsProcess"/>: a <c>process</c> product (activity),
/// never scored.
/// </summary>
public readonly record struct DeliveryTask(
    DateOnly DueDate,
    DateOnly? CompletedOn,
    bool IsProcess = false,
    DateOnly? CancelledOn = null);

/// <summary>
/// A consultation addressed to the unit, or an escalation addressed to the official, for the
/// Responsiveness component. <see cref="AnsweredOn"/> is the date it was answered (consultation
/// agreed/objected, escalation resolved by this addressee); null when not answered — a deemed
/// agreement is never an answer, so it is null here too. An answer on the deadline is on time.
/// </summary>
public readonly record struct ResponseItem(DateOnly Deadline, DateOnly? AnsweredOn)
{
    public bool AnsweredOnTime => AnsweredOn is { } a && a <= Deadline;
}

/// <summary>
/// The four components of a results score, each in 0..1, or null when absent (no items; for
/// Citizens, fewer than 30 ratings). The property names camelCase to the API's <c>components</c>.
/// </summary>
public readonly record struct EvaluationComponents(
    double? Delivery,
    double? Targets,
    double? Responsiveness,
    double? Citizens);

/// <summary><c>excellent|good|completed|notCompleted</c> (member names camelCase to the API spellings).</summary>
public enum EvaluationClassification
{
    Excellent,
    Good,
    Completed,
    NotCompleted,
}

/// <summary>A subject's results: the components, the score (one decimal) and its classification; both null without components.</summary>
public readonly record struct EvaluationResult(
    EvaluationComponents Components,
    decimal? Score,
    EvaluationClassification? Classification);
