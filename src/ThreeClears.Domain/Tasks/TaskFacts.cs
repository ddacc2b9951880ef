namespace ThreeClears.Domain.Tasks;

/// <summary>A planned milestone: the cumulative quantity planned by <paramref name="DueDate"/>.</summary>
public sealed record TaskMilestone(DateOnly DueDate, decimal CumulativeQuantity);

/// <summary>A progress report: the cumulative quantity delivered, as reported on <paramref name="ReportedOn"/>.</summary>
public sealed record ProgressReport(DateOnly ReportedOn, decimal CumulativeQuantity);

/// <summary>
/// Everything <see cref="TaskStatusRule"/> needs to know about a task. No clock: the as-of date is
/// passed to the rule.
/// </summary>
/// <remarks>
/// <para>Milestones and reports are kept sorted by date. Reports on the same date keep the order
/// given (pass them in recording order): the last one of a day is that day's figure.</para>
/// <para><see cref="VerifiedCompletionOn"/> is the date of the approving verification
/// (<c>verify {approve:true}</c>); rejections are not facts here.</para>
/// </remarks>
public sealed class TaskFacts
{
    public TaskFacts(
        DateOnly createdOn,
        DateOnly? startDate,
        DateOnly dueDate,
        decimal targetQuantity,
        IEnumerable<TaskMilestone>? milestones = null,
        IEnumerable<ProgressReport>? reports = null,
        DateOnly? verifiedCompletionOn = null,
        DateOnly? cancelledOn = null)
    {
        if (targetQuantity <= 0)
            throw new ArgumentOutOfRangeException(nameof(targetQuantity), targetQuantity, "The target quantity must be more than 0.");

        var ms = (milestones ?? []).ToArray();
        if (ms.Any(m => m is null)) throw new ArgumentException("A milestone is null.", nameof(milestones));
        if (ms.Any(m => m.CumulativeQuantity < 0))
            throw new ArgumentException("A milestone's cumulative quantity is negative.", nameof(milestones));

        var rs = (reports ?? []).ToArray();
        if (rs.Any(r => r is null)) throw new ArgumentException("A progress report is null.", nameof(reports));
        if (rs.Any(r => r.CumulativeQuantity < 0))
            throw new ArgumentException("A progress report's cumulative quantity is negative.", nameof(reports));

        CreatedOn = createdOn;
        StartDate = startDate;
        DueDate = dueDate;
        TargetQuantity = targetQuantity;
        // OrderBy is stable: same-day entries keep their given order.
        Milestones = ms.OrderBy(m => m.DueDate).ToArray();
        Reports = rs.OrderBy(r => r.ReportedOn).ToArray();
        VerifiedCompletionOn = verifiedCompletionOn;
        CancelledOn = cancelledOn;
    }

    public DateOnly CreatedOn { get; }
    public DateOnly? StartDate { get; }
    public DateOnly DueDate { get; }
    public decimal TargetQuantity { get; }

    /// <summary>Sorted by date.</summary>
    public IReadOnlyList<TaskMilestone> Milestones { get; }

    /// <summary>Sorted by date; same-day reports in the order given.</summary>
    public IReadOnlyList<ProgressReport> Reports { get; }

    /// <summary>The date a verifier approved completion, or null.</summary>
    public DateOnly? VerifiedCompletionOn { get; }

    public DateOnly? CancelledOn { get; }

    /// <summary>The start of the plan: <see cref="StartDate"/>, else the creation date.</summary>
    public DateOnly EffectiveStart => StartDate ?? CreatedOn;
}
