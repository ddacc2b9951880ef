namespace ThreeClears.Domain.Tasks;

/// <summary>The evaluation of a task as of a date.</summary>
/// <param name="Status">The status as of the date.</param>
/// <param name="ExpectedFraction">Planned share of the target by the date, 0..1, rounded to 4 places.</param>
/// <param name="ActualFraction">Delivered ÷ target, ≥ 0, not clamped above (over-delivery shows as &gt; 1), rounded to 4 places.</param>
/// <param name="DeliveredQuantity">The cumulative quantity of the latest report dated on or before the date (0 if none).</param>
/// <param name="MissedMilestone">The earliest milestone missed as of the date (its date before the date and its quantity unmet), or null.</param>
/// <param name="CompletionDate">When the status is completed: the date of the report that first brought delivered to the target.</param>
public sealed record TaskStatusResult(
    TaskStatus Status,
    decimal ExpectedFraction,
    decimal ActualFraction,
    decimal DeliveredQuantity,
    TaskMilestone? MissedMilestone,
    DateOnly? CompletionDate);

/// <summary>
/// Task status as of a date D (PRODUCT.md §3 "Tasks"; API.md "Precise meanings", Tasks). Calendar days throughout.
/// </summary>
/// <remarks>
/// Precedence, first match wins:
/// <list type="number">
/// <item><c>cancelled</c> from the cancellation date on (the API refuses to cancel a finished task, so
///   no completion is ever overridden in practice);</item>
/// <item><c>completedOnTime</c>/<c>completedLate</c> once a verifier approved on or before D, and the
///   delivered quantity at the verification met the target. The completion date is the date of the
///   report that first brought the delivered quantity to the target (not the verification date);
///   on time when that date ≤ due;</item>
/// <item><c>overdue</c>: D after the due date;</item>
/// <item><c>atRisk</c>: expected − actual strictly more than 0.20, or a milestone missed;</item>
/// <item><c>notStarted</c>: no report dated on or before D, and D before the start;</item>
/// <item><c>onTrack</c>.</item>
/// </list>
/// Readings chosen where the brief leaves room:
/// <list type="bullet">
/// <item>With milestones, the expected fraction is the largest planned cumulative quantity among the
///   milestones dated on or before D, ÷ target (0 before the first milestone; no interpolation between
///   milestones, and the due date is not an implicit milestone). Clamped to 0..1 (a milestone above a
///   lowered target counts as the target).</item>
/// <item>Without milestones: (D − start) ÷ (due − start) calendar days clamped to 0..1; when due ≤ start,
///   1 from the due date on, else 0.</item>
/// <item>The 20-point comparison is made on exact values (cross-multiplied, no rounding); the
///   fractions in the result are rounded to 4 decimal places, half away from zero, for display.</item>
/// </list>
/// </remarks>
public static class TaskStatusRule
{
    /// <summary>"More than 20 percentage points below the expected fraction".</summary>
    public const decimal AtRiskGap = 0.20m;

    /// <summary>Decimal places of the fractions in <see cref="TaskStatusResult"/>.</summary>
    public const int FractionDecimals = 4;

    public static TaskStatusResult Evaluate(TaskFacts facts, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(facts);

        var delivered = DeliveredAsOf(facts, asOf);
        var target = facts.TargetQuantity;
        var (expectedNum, expectedDen) = Expected(facts, asOf);
        var missed = facts.Milestones.FirstOrDefault(m => m.DueDate < asOf && delivered < m.CumulativeQuantity);
        var completion = CompletionDateAsOf(facts, asOf);

        TaskStatus status;
        if (facts.CancelledOn is { } cancelled && cancelled <= asOf)
            status = TaskStatus.Cancelled;
        else if (completion is { } done)
            status = done <= facts.DueDate ? TaskStatus.CompletedOnTime : TaskStatus.CompletedLate;
        else if (asOf > facts.DueDate)
            status = TaskStatus.Overdue;
        // expected − actual > 0.20  ⇔  num/den − delivered/target > 0.20
        //                           ⇔  num·target − delivered·den > 0.20·den·target   (den, target > 0)
        else if (expectedNum * target - delivered * expectedDen > AtRiskGap * expectedDen * target || missed is not null)
            status = TaskStatus.AtRisk;
        else if (!facts.Reports.Any(r => r.ReportedOn <= asOf) && asOf < facts.EffectiveStart)
            status = TaskStatus.NotStarted;
        else
            status = TaskStatus.OnTrack;

        return new TaskStatusResult(
            status,
            Round(expectedNum / expectedDen),
            Round(delivered / target),
            delivered,
            missed,
            status.IsCompleted() ? completion : null);
    }

    /// <summary>The cumulative quantity of the latest report dated on or before <paramref name="date"/>; 0 if none.</summary>
    public static decimal DeliveredAsOf(TaskFacts facts, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var latest = facts.Reports.LastOrDefault(r => r.ReportedOn <= date);
        return latest?.CumulativeQuantity ?? 0m;
    }

    /// <summary>
    /// Whether a verifier may approve completion on <paramref name="on"/>: the delivered quantity then
    /// meets the target (the API answers <c>422</c> otherwise).
    /// </summary>
    public static bool CanApproveCompletion(TaskFacts facts, DateOnly on) =>
        DeliveredAsOf(facts, on) >= facts.TargetQuantity;

    /// <summary>The expected fraction as of <paramref name="asOf"/>, exact (not rounded), 0..1.</summary>
    public static decimal ExpectedFraction(TaskFacts facts, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var (num, den) = Expected(facts, asOf);
        return num / den;
    }

    /// <summary>
    /// The completion date if a completion was verified on or before <paramref name="asOf"/>: the date of
    /// the first report whose cumulative quantity reached the target. Null while not verified, or when
    /// the facts do not support the verification (delivered at the verification below the target).
    /// </summary>
    private static DateOnly? CompletionDateAsOf(TaskFacts facts, DateOnly asOf)
    {
        if (facts.VerifiedCompletionOn is not { } verified || verified > asOf) return null;
        if (DeliveredAsOf(facts, verified) < facts.TargetQuantity) return null;
        return facts.Reports.First(r => r.CumulativeQuantity >= facts.TargetQuantity).ReportedOn;
    }

    /// <summary>The expected fraction as numerator ÷ denominator, denominator &gt; 0, value in 0..1.</summary>
    private static (decimal Numerator, decimal Denominator) Expected(TaskFacts facts, DateOnly asOf)
    {
        if (facts.Milestones.Count > 0)
        {
            var planned = facts.Milestones.Where(m => m.DueDate <= asOf).Select(m => m.CumulativeQuantity).DefaultIfEmpty(0m).Max();
            return (Math.Min(planned, facts.TargetQuantity), facts.TargetQuantity);
        }

        var start = facts.EffectiveStart;
        var span = facts.DueDate.DayNumber - start.DayNumber;
        if (span <= 0) return (asOf >= facts.DueDate ? 1m : 0m, 1m);
        var elapsed = Math.Clamp(asOf.DayNumber - start.DayNumber, 0, span);
        return (elapsed, span);
    }

    private static decimal Round(decimal value) => Math.Round(value, FractionDecimals, MidpointRounding.AwayFromZero);
}
