namespace ThreeClears.Web.Features.Evaluation;

/// <summary>Who is evaluated: an org unit (named by code) or an official (named by user name).</summary>
public enum EvaluationKind { Unit, Official }

/// <summary>The four components, each 0..1 rounded to 4 decimals for display (the score uses them unrounded); null when absent.</summary>
public sealed record EvaluationComponentsDto(decimal? Delivery, decimal? Targets, decimal? Responsiveness, decimal? Citizens);

/// <summary>How many items stand behind each component (ratings: how many visible ratings).</summary>
public sealed record EvaluationCountsDto(int Tasks, int Targets, int Responses, int Ratings);

/// <summary>One row of <c>GET /api/evaluations</c>.</summary>
public sealed record EvaluationItemDto(
    string Subject, string Name, string NameEn, string OrgUnitCode, decimal? Score, EvaluationComponentsDto Components,
    string? Classification, int? Rank, EvaluationCountsDto Counts);

/// <summary>
/// The ranking of one kind of subject for a period, best first (unscored subjects last, unranked).
/// <c>asOf</c> is the cut-off: the period's end, or today while the period runs.
/// </summary>
public sealed record EvaluationListDto(string Kind, string Period, DateOnly AsOf, string? OrgUnitCode, IReadOnlyList<EvaluationItemDto> Items, int Total);

/// <summary>The weight each present component carries once re-normalised (null: absent).</summary>
public sealed record EvaluationWeightsDto(decimal? Delivery, decimal? Targets, decimal? Responsiveness, decimal? Citizens);

/// <summary>
/// A task behind Delivery. <c>outcome</c>: <c>completedOnTime</c> (credit 1), <c>completedLate</c> (0.5),
/// <c>openAtCutoff</c> (0: not completed by the period's end, or by today while the period runs),
/// <c>excludedProcess</c> or <c>excludedCancelled</c> (no credit, not counted).
/// </summary>
public sealed record TaskEvidenceDto(
    int Id, string Code, string Title, string OwnerUserName, string OwnerOrgUnitCode, string ProductKind, DateOnly DueDate,
    DateOnly? CompletedOn, DateOnly? CancelledOn, string Outcome, decimal? Credit);

/// <summary>Delivery = creditSum ÷ counted.</summary>
public sealed record DeliveryEvidenceDto(decimal? Value, int Counted, decimal CreditSum, IReadOnlyList<TaskEvidenceDto> Tasks);

/// <summary>A target behind Targets: credit = min(achievement ÷ 100, 1), at least 0; no figure earns 0.</summary>
public sealed record TargetEvidenceDto(
    int Id, string IndicatorCode, string IndicatorName, string IndicatorNameEn, string Unit, string OrgUnitCode, string? OwnerUserName,
    int TargetYear, decimal Baseline, decimal TargetValue, string Direction, decimal? Actual, decimal? AchievementPercent, decimal Credit);

/// <summary>Targets = creditSum ÷ count; figures from approved values, as <c>GET /api/analytics?…&amp;approvedOnly=true</c> gives them.</summary>
public sealed record TargetsEvidenceDto(decimal? Value, decimal CreditSum, IReadOnlyList<TargetEvidenceDto> Items);

/// <summary>
/// A consultation addressed to the unit, or one place an escalation stood with an official.
/// <c>status</c>: a consultation's <c>agreed|objected|deemedAgreed|pending</c>; for an escalation
/// <c>resolved</c> (resolved while it stood here), <c>climbed</c> (missed, it went up) or <c>open</c>.
/// </summary>
public sealed record ResponseEvidenceDto(
    string Kind, int Id, int TaskId, string TaskCode, string? ToUserName, string ToOrgUnitCode, int? Level, DateOnly Deadline,
    DateOnly? AnsweredOn, bool OnTime, string Status);

/// <summary>Responsiveness = onTime ÷ counted.</summary>
public sealed record ResponsivenessEvidenceDto(decimal? Value, int Counted, int OnTime, IReadOnlyList<ResponseEvidenceDto> Items);

/// <summary>
/// The visible ratings behind Citizens = (mean − 1) ÷ 4, present from <c>minimumRatings</c> on.
/// <c>orgUnitCode</c> names the unit rated: the unit itself, or for an official the unit they head
/// (null when they head none: Citizens is then absent).
/// </summary>
public sealed record CitizensEvidenceDto(decimal? Value, string? OrgUnitCode, int Ratings, long StarsSum, decimal? Mean, int MinimumRatings);

/// <summary>A score card: the score, its components with their weights, and every item behind them.</summary>
public sealed record EvaluationDetailDto(
    string Kind, string Subject, string Name, string NameEn, string OrgUnitCode, string? Position, string Period, DateOnly PeriodStart,
    DateOnly PeriodEnd, DateOnly AsOf, decimal? Score, string? Classification, EvaluationComponentsDto Components, EvaluationWeightsDto Weights,
    DeliveryEvidenceDto Delivery, TargetsEvidenceDto Targets, ResponsivenessEvidenceDto Responsiveness, CitizensEvidenceDto Citizens);

/// <summary>One period of a subject's history.</summary>
public sealed record EvaluationHistoryItemDto(string Period, DateOnly AsOf, decimal? Score, string? Classification, EvaluationComponentsDto Components,
    EvaluationCountsDto Counts);

/// <summary>A subject's results over consecutive periods of one length, oldest first.</summary>
public sealed record EvaluationHistoryDto(string Kind, string Subject, string Name, string NameEn, IReadOnlyList<EvaluationHistoryItemDto> Items);
