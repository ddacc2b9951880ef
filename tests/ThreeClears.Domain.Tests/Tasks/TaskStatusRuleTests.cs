using ThreeClears.Domain;
namespace ThreeClears.Domain.Tests.Tasks;

// Inside the namespace, so that TaskStatus is ours and not System.Threading.Tasks.TaskStatus.
using ThreeClears.Domain.Tasks;

public class TaskStatusRuleTests
{
    private static DateOnly D(int month, int day) => new(2026, month, day);

    // The plain task: 1 Jan → 11 Apr 2026 is exactly 100 calendar days
    // (Jan 31 + Feb 28 + Mar 31 = 90 days to 1 Apr, + 10 = 100), target 200 houses.
    // So the expected fraction without milestones is (days since 1 Jan) ÷ 100.
    private static TaskFacts Plain(
        IEnumerable<ProgressReport>? reports = null,
        DateOnly? verified = null,
        DateOnly? cancelled = null,
        IEnumerable<TaskMilestone>? milestones = null,
        DateOnly? start = null) =>
        new(createdOn: D(1, 1), startDate: start ?? D(1, 1), dueDate: D(4, 11), targetQuantity: 200m,
            milestones: milestones, reports: reports, verifiedCompletionOn: verified, cancelledOn: cancelled);

    private static ProgressReport R(int month, int day, decimal qty) => new(D(month, day), qty);

    // ---- expected fraction -------------------------------------------------------------------

    [Fact]
    public void Expected_fraction_without_milestones_is_the_share_of_calendar_days_elapsed()
    {
        // 20 Feb = 1 Jan + 31 + 19 = day 50 of 100 → 0.5.
        Assert.Equal(0.5m, TaskStatusRule.Evaluate(Plain(), D(2, 20)).ExpectedFraction);
        // 1 Jan itself: 0 days elapsed → 0.
        Assert.Equal(0m, TaskStatusRule.Evaluate(Plain(), D(1, 1)).ExpectedFraction);
        // 11 Apr (due): 100 ÷ 100 = 1; and clamped to 1 afterwards.
        Assert.Equal(1m, TaskStatusRule.Evaluate(Plain(), D(4, 11)).ExpectedFraction);
        Assert.Equal(1m, TaskStatusRule.Evaluate(Plain(), D(6, 30)).ExpectedFraction);
        // Before the start: clamped to 0.
        Assert.Equal(0m, TaskStatusRule.Evaluate(Plain(), new DateOnly(2025, 12, 1)).ExpectedFraction);
    }

    [Fact]
    public void Expected_fraction_without_a_start_date_counts_from_creation()
    {
        // Created 11 Jan, due 10 Feb: 30 days. As of 21 Jan: 10 ÷ 30 = 0.3333… → 0.3333.
        var facts = new TaskFacts(D(1, 11), null, D(2, 10), 30m);
        Assert.Equal(0.3333m, TaskStatusRule.Evaluate(facts, D(1, 21)).ExpectedFraction);
        // As of 31 Jan: 20 ÷ 30 = 0.6666… → 0.6667 (rounded half away from zero, 4 places).
        Assert.Equal(0.6667m, TaskStatusRule.Evaluate(facts, D(1, 31)).ExpectedFraction);
        Assert.Equal(2m / 3m, TaskStatusRule.ExpectedFraction(facts, D(1, 31)));
    }

    [Fact]
    public void Expected_fraction_when_start_equals_due_jumps_to_1_on_the_due_date()
    {
        var facts = new TaskFacts(D(1, 1), D(3, 1), D(3, 1), 10m);
        Assert.Equal(0m, TaskStatusRule.Evaluate(facts, D(2, 28)).ExpectedFraction);
        Assert.Equal(1m, TaskStatusRule.Evaluate(facts, D(3, 1)).ExpectedFraction);
    }

    private static readonly TaskMilestone[] TwoMilestones = [new(D(2, 28), 50m), new(D(3, 31), 150m)];

    [Fact]
    public void Expected_fraction_with_milestones_steps_at_each_milestone_and_is_0_before_the_first()
    {
        var facts = Plain(milestones: TwoMilestones);
        // Before the first milestone: nothing is planned yet → 0 (no interpolation from the start).
        Assert.Equal(0m, TaskStatusRule.Evaluate(facts, D(2, 27)).ExpectedFraction);
        // On 28 Feb: 50 ÷ 200 = 0.25.
        Assert.Equal(0.25m, TaskStatusRule.Evaluate(facts, D(2, 28)).ExpectedFraction);
        // Mid-way to the next milestone: still 0.25 (no interpolation between milestones).
        Assert.Equal(0.25m, TaskStatusRule.Evaluate(facts, D(3, 15)).ExpectedFraction);
        // On 31 Mar: 150 ÷ 200 = 0.75; stays 0.75 up to the due date (the due date is no implicit milestone).
        Assert.Equal(0.75m, TaskStatusRule.Evaluate(facts, D(3, 31)).ExpectedFraction);
        Assert.Equal(0.75m, TaskStatusRule.Evaluate(facts, D(4, 11)).ExpectedFraction);
    }

    [Fact]
    public void Expected_fraction_with_a_milestone_above_a_lowered_target_is_clamped_to_1()
    {
        var facts = new TaskFacts(D(1, 1), null, D(4, 11), 100m, milestones: [new(D(2, 1), 120m)]);
        Assert.Equal(1m, TaskStatusRule.Evaluate(facts, D(2, 1)).ExpectedFraction);
    }

    // ---- at risk -----------------------------------------------------------------------------

    [Fact]
    public void AtRisk_when_actual_is_more_than_20_points_behind()
    {
        // As of 20 Feb expected 0.5 (day 50 of 100). Delivered 59 of 200 = 0.295: 0.5 − 0.295 = 0.205 > 0.20.
        var result = TaskStatusRule.Evaluate(Plain([R(2, 10, 59m)]), D(2, 20));
        Assert.Equal(TaskStatus.AtRisk, result.Status);
        Assert.Equal(0.295m, result.ActualFraction);
        Assert.Equal(59m, result.DeliveredQuantity);
        Assert.Null(result.MissedMilestone);
    }

    [Fact]
    public void Exactly_20_points_behind_is_not_at_risk()
    {
        // Delivered 60 of 200 = 0.30: 0.5 − 0.30 = 0.20, not more than 0.20.
        Assert.Equal(TaskStatus.OnTrack, TaskStatusRule.Evaluate(Plain([R(2, 10, 60m)]), D(2, 20)).Status);
    }

    [Fact]
    public void Exactly_20_points_is_decided_exactly_even_when_the_fractions_do_not_terminate()
    {
        // Created 11 Jan, due 10 Feb (30 days), target 15. As of 21 Jan expected = 10/30 = 1/3.
        // Delivered 2 → 2/15; 1/3 − 2/15 = 5/15 − 2/15 = 3/15 = 0.2 exactly → not at risk.
        var exact = new TaskFacts(D(1, 11), null, D(2, 10), 15m, reports: [R(1, 20, 2m)]);
        Assert.Equal(TaskStatus.OnTrack, TaskStatusRule.Evaluate(exact, D(1, 21)).Status);
        // Delivered 1.99 → 1/3 − 1.99/15 = 0.2006… > 0.2 → at risk.
        var behind = new TaskFacts(D(1, 11), null, D(2, 10), 15m, reports: [R(1, 20, 1.99m)]);
        Assert.Equal(TaskStatus.AtRisk, TaskStatusRule.Evaluate(behind, D(1, 21)).Status);
    }

    [Fact]
    public void AtRisk_when_a_milestone_date_has_passed_with_its_quantity_unmet()
    {
        // Milestone 28 Feb: 50. Delivered 45 (27 Feb). As of 1 Mar: expected 0.25, actual 0.225,
        // gap 0.025 (not behind by 20 points), but the milestone date is before D and 45 < 50.
        var facts = Plain([R(2, 27, 45m)], milestones: TwoMilestones);
        var result = TaskStatusRule.Evaluate(facts, D(3, 1));
        Assert.Equal(TaskStatus.AtRisk, result.Status);
        Assert.Equal(new TaskMilestone(D(2, 28), 50m), result.MissedMilestone);
        Assert.Equal(0.25m, result.ExpectedFraction);
        Assert.Equal(0.225m, result.ActualFraction);
    }

    [Fact]
    public void A_milestone_is_not_missed_on_its_own_date()
    {
        // On 28 Feb the milestone date has not passed (it must be before D).
        var result = TaskStatusRule.Evaluate(Plain([R(2, 27, 45m)], milestones: TwoMilestones), D(2, 28));
        Assert.Equal(TaskStatus.OnTrack, result.Status);
        Assert.Null(result.MissedMilestone);
    }

    [Fact]
    public void A_milestone_met_late_is_no_longer_missed()
    {
        // 45 by 27 Feb, 50 reported on 2 Mar: as of 2 Mar delivered by D = 50 ≥ 50.
        var result = TaskStatusRule.Evaluate(Plain([R(2, 27, 45m), R(3, 2, 50m)], milestones: TwoMilestones), D(3, 2));
        Assert.Equal(TaskStatus.OnTrack, result.Status);
        Assert.Null(result.MissedMilestone);
    }

    [Fact]
    public void The_earliest_missed_milestone_is_reported()
    {
        // Nothing delivered; as of 1 Apr both 28 Feb (50) and 31 Mar (150) are missed → the first.
        var result = TaskStatusRule.Evaluate(Plain(milestones: TwoMilestones), D(4, 1));
        Assert.Equal(TaskStatus.AtRisk, result.Status);
        Assert.Equal(D(2, 28), result.MissedMilestone!.DueDate);
    }

    // ---- not started / on track ---------------------------------------------------------------

    [Fact]
    public void NotStarted_while_nothing_is_reported_and_D_is_before_the_start()
    {
        // Created 10 Jan, starts 1 Feb. As of 20 Jan, no report: not started.
        var facts = new TaskFacts(D(1, 10), D(2, 1), D(4, 11), 200m);
        Assert.Equal(TaskStatus.NotStarted, TaskStatusRule.Evaluate(facts, D(1, 20)).Status);
        // On the start date itself D is not before the start: on track (expected 0).
        Assert.Equal(TaskStatus.OnTrack, TaskStatusRule.Evaluate(facts, D(2, 1)).Status);
    }

    [Fact]
    public void An_early_report_before_the_start_makes_it_on_track()
    {
        var facts = new TaskFacts(D(1, 10), D(2, 1), D(4, 11), 200m, reports: [R(1, 15, 10m)]);
        Assert.Equal(TaskStatus.OnTrack, TaskStatusRule.Evaluate(facts, D(1, 20)).Status);
        // A report after D does not count: as of 14 Jan nothing is reported yet.
        Assert.Equal(TaskStatus.NotStarted, TaskStatusRule.Evaluate(facts, D(1, 14)).Status);
    }

    [Fact]
    public void Without_a_start_date_the_task_is_on_track_from_its_creation_date()
    {
        var facts = new TaskFacts(D(1, 10), null, D(4, 11), 200m);
        Assert.Equal(TaskStatus.OnTrack, TaskStatusRule.Evaluate(facts, D(1, 10)).Status);
    }

    // ---- overdue -------------------------------------------------------------------------------

    [Fact]
    public void Overdue_the_day_after_the_due_date_and_not_on_it()
    {
        var facts = Plain([R(3, 1, 190m)]);
        // 11 Apr (due): expected 1, actual 0.95, gap 0.05 → on track.
        Assert.Equal(TaskStatus.OnTrack, TaskStatusRule.Evaluate(facts, D(4, 11)).Status);
        // 12 Apr: D after due, not completed → overdue.
        Assert.Equal(TaskStatus.Overdue, TaskStatusRule.Evaluate(facts, D(4, 12)).Status);
    }

    [Fact]
    public void Overdue_takes_precedence_over_at_risk()
    {
        // Nothing delivered, milestones missed: after the due date it is overdue, not at risk.
        var result = TaskStatusRule.Evaluate(Plain(milestones: TwoMilestones), D(4, 12));
        Assert.Equal(TaskStatus.Overdue, result.Status);
        Assert.NotNull(result.MissedMilestone);
    }

    [Fact]
    public void Target_delivered_but_not_verified_keeps_the_running_status()
    {
        // 200 of 200 on 10 Apr, no verification: on track on the due date, overdue after it.
        var facts = Plain([R(4, 10, 200m)]);
        Assert.Equal(TaskStatus.OnTrack, TaskStatusRule.Evaluate(facts, D(4, 11)).Status);
        var after = TaskStatusRule.Evaluate(facts, D(4, 12));
        Assert.Equal(TaskStatus.Overdue, after.Status);
        Assert.Null(after.CompletionDate);
    }

    // ---- completion ----------------------------------------------------------------------------

    [Fact]
    public void Completed_on_time_by_the_report_date_not_the_verification_date()
    {
        // Target reached on 10 Apr (≤ due 11 Apr); the verifier approves on 15 Apr (after due).
        var facts = Plain([R(3, 1, 120m), R(4, 10, 200m)], verified: D(4, 15));
        var done = TaskStatusRule.Evaluate(facts, D(4, 15));
        Assert.Equal(TaskStatus.CompletedOnTime, done.Status);
        Assert.Equal(D(4, 10), done.CompletionDate);
        Assert.Equal(1m, done.ActualFraction);
        // Until the approval the running status applies: 14 Apr is after due → overdue.
        Assert.Equal(TaskStatus.Overdue, TaskStatusRule.Evaluate(facts, D(4, 14)).Status);
    }

    [Fact]
    public void Completed_late_when_the_report_that_reached_the_target_is_after_the_due_date()
    {
        // Target reached on 13 Apr (due 11 Apr), approved the next day.
        var facts = Plain([R(4, 10, 150m), R(4, 13, 200m)], verified: D(4, 14));
        var done = TaskStatusRule.Evaluate(facts, D(4, 14));
        Assert.Equal(TaskStatus.CompletedLate, done.Status);
        Assert.Equal(D(4, 13), done.CompletionDate);
    }

    [Fact]
    public void Completion_date_is_the_first_report_that_reached_the_target()
    {
        // 200 on 5 Apr, then 230 on 13 Apr: completion is 5 Apr (on time), over-delivery shows as 1.15.
        var facts = Plain([R(4, 5, 200m), R(4, 13, 230m)], verified: D(4, 20));
        var done = TaskStatusRule.Evaluate(facts, D(4, 20));
        Assert.Equal(TaskStatus.CompletedOnTime, done.Status);
        Assert.Equal(D(4, 5), done.CompletionDate);
        Assert.Equal(1.15m, done.ActualFraction);
        Assert.Equal(230m, done.DeliveredQuantity);
    }

    [Fact]
    public void A_verification_while_delivered_is_below_target_completes_nothing()
    {
        var facts = Plain([R(4, 1, 150m)], verified: D(4, 5));
        Assert.Equal(TaskStatus.Overdue, TaskStatusRule.Evaluate(facts, D(4, 20)).Status);
        Assert.False(TaskStatusRule.CanApproveCompletion(facts, D(4, 5)));
        Assert.True(TaskStatusRule.CanApproveCompletion(Plain([R(4, 1, 200m)]), D(4, 5)));
    }

    // ---- cancelled -----------------------------------------------------------------------------

    [Fact]
    public void Cancelled_from_the_cancellation_date_on()
    {
        var facts = Plain([R(2, 1, 10m)], cancelled: D(3, 1));
        Assert.NotEqual(TaskStatus.Cancelled, TaskStatusRule.Evaluate(facts, D(2, 28)).Status);
        Assert.Equal(TaskStatus.Cancelled, TaskStatusRule.Evaluate(facts, D(3, 1)).Status);
        // Never overdue once cancelled.
        Assert.Equal(TaskStatus.Cancelled, TaskStatusRule.Evaluate(facts, D(5, 1)).Status);
    }

    // ---- delivered ----------------------------------------------------------------------------

    [Fact]
    public void Delivered_is_the_latest_report_on_or_before_D_and_the_last_of_a_day_wins()
    {
        // Given out of order; on 3 Mar a figure of 80 is corrected to 70 the same day.
        var facts = Plain([R(3, 10, 100m), R(3, 3, 80m), R(3, 3, 70m)]);
        Assert.Equal(0m, TaskStatusRule.DeliveredAsOf(facts, D(3, 2)));
        Assert.Equal(70m, TaskStatusRule.DeliveredAsOf(facts, D(3, 3)));
        Assert.Equal(70m, TaskStatusRule.DeliveredAsOf(facts, D(3, 9)));
        Assert.Equal(100m, TaskStatusRule.DeliveredAsOf(facts, D(3, 10)));
    }

    [Fact]
    public void Facts_refuse_a_target_that_is_not_positive_and_negative_quantities()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TaskFacts(D(1, 1), null, D(2, 1), 0m));
        Assert.Throws<ArgumentException>(() => new TaskFacts(D(1, 1), null, D(2, 1), 1m, reports: [R(1, 5, -1m)]));
        Assert.Throws<ArgumentException>(() => new TaskFacts(D(1, 1), null, D(2, 1), 1m, milestones: [new(D(1, 5), -1m)]));
    }

    // ---- names --------------------------------------------------------------------------------

    [Theory]
    [InlineData(TaskStatus.NotStarted, "notStarted")]
    [InlineData(TaskStatus.OnTrack, "onTrack")]
    [InlineData(TaskStatus.AtRisk, "atRisk")]
    [InlineData(TaskStatus.Overdue, "overdue")]
    [InlineData(TaskStatus.CompletedOnTime, "completedOnTime")]
    [InlineData(TaskStatus.CompletedLate, "completedLate")]
    [InlineData(TaskStatus.Cancelled, "cancelled")]
    public void Status_api_names(TaskStatus status, string name)
    {
        Assert.Equal(name, status.ToApi());
        Assert.True(ApiSpelling.TryParse<TaskStatus>(name, out var parsed));
        Assert.Equal(status, parsed);
    }

    [Fact]
    public void Process_products_are_never_scored()
    {
        Assert.True(ProductKind.Output.IsScored);
        Assert.True(ProductKind.Outcome.IsScored);
        Assert.False(ProductKind.Process.IsScored);
        Assert.True(ApiSpelling.TryParse<ProductKind>("process", out var kind));
        Assert.Equal(ProductKind.Process, kind);
        Assert.False(ApiSpelling.TryParse<ProductKind>("activity", out _));
        Assert.False(ApiSpelling.TryParse<ProductKind>("2", out _));
    }
}
