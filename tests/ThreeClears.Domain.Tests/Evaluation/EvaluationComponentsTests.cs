using ThreeClears.Domain.Evaluation;
using ThreeClears.Domain.Periods;

namespace ThreeClears.Domain.Tests.Evaluation;

public class DeliveryTests
{
    private static readonly Period Q1 = Period.OfQuarter(2026, 1); // 2026-01-01 … 2026-03-31

    private static DateOnly D(int month, int day, int year = 2026) => new(year, month, day);

    [Fact]
    public void Mean_credit_over_scored_tasks_due_in_the_period()
    {
        DeliveryTask[] tasks =
        [
            new(D(1, 15), D(1, 10)),                                  // on time            1
            new(D(2, 10), D(3, 1)),                                   // late, in period    0.5
            new(D(3, 20), null),                                      // still open         0
            new(D(3, 31), D(4, 2)),                                   // done after the end 0 (open at the end)
            new(D(3, 10), null, CancelledOn: D(4, 5)),                // cancelled after the end: open then 0
            new(D(2, 1), null, IsProcess: true),                      // process            excluded
            new(D(2, 15), null, CancelledOn: D(2, 20)),               // cancelled in time  excluded
            new(D(4, 10), D(4, 1)),                                   // due after          excluded
            new(D(12, 31, 2025), D(1, 5)),                            // due before         excluded
        ];
        // (1 + 0.5 + 0 + 0 + 0) / 5 = 0.3
        Assert.Equal(0.3, EvaluationScore.Delivery(tasks, Q1));
    }

    [Fact]
    public void Completed_on_the_due_date_is_on_time_the_day_after_is_late()
    {
        Assert.Equal(1.0, EvaluationScore.Delivery([new DeliveryTask(D(2, 10), D(2, 10))], Q1));
        Assert.Equal(0.5, EvaluationScore.Delivery([new DeliveryTask(D(2, 10), D(2, 11))], Q1));
        // due on the period's last day, completed that day: on time
        Assert.Equal(1.0, EvaluationScore.Delivery([new DeliveryTask(D(3, 31), D(3, 31))], Q1));
    }

    [Fact]
    public void A_task_late_and_one_open_at_the_end()
    {
        // late 0.5 + open 0 → 0.25
        Assert.Equal(0.25, EvaluationScore.Delivery([new DeliveryTask(D(1, 20), D(2, 3)), new DeliveryTask(D(3, 1), null)], Q1));
    }

    [Fact]
    public void No_scored_task_means_no_component()
    {
        Assert.Null(EvaluationScore.Delivery([], Q1));
        Assert.Null(EvaluationScore.Delivery([new DeliveryTask(D(2, 1), D(1, 1), IsProcess: true)], Q1));
        Assert.Null(EvaluationScore.Delivery([new DeliveryTask(D(5, 1), D(1, 1))], Q1));
    }

    [Fact]
    public void As_of_a_date_inside_the_period_only_tasks_due_by_then_count_judged_then()
    {
        DeliveryTask[] tasks =
        [
            new(D(1, 15), D(1, 10)),                    // 1
            new(D(2, 10), D(3, 1)),                     // done after 15 Feb: open on 15 Feb → 0
            new(D(2, 15), null, CancelledOn: D(2, 20)), // not yet cancelled on 15 Feb → open → 0
            new(D(3, 20), null),                        // not yet due: excluded
        ];
        // (1 + 0 + 0) / 3
        Assert.Equal(1.0 / 3, EvaluationScore.Delivery(tasks, Q1, asOf: D(2, 15)));
        // an asOf after the period's end changes nothing: the period's end is the cut-off
        Assert.Equal(EvaluationScore.Delivery(tasks, Q1), EvaluationScore.Delivery(tasks, Q1, asOf: D(6, 1)));
        // before the period starts nothing is due
        Assert.Null(EvaluationScore.Delivery(tasks, Q1, asOf: D(12, 1, 2025)));
    }

    [Fact]
    public void Credit_of_one_task()
    {
        var end = D(3, 31);
        Assert.Equal(1.0, EvaluationScore.DeliveryCredit(new DeliveryTask(D(3, 1), D(2, 1)), end));
        Assert.Equal(0.5, EvaluationScore.DeliveryCredit(new DeliveryTask(D(3, 1), D(3, 2)), end));
        Assert.Equal(0.0, EvaluationScore.DeliveryCredit(new DeliveryTask(D(3, 1), D(4, 1)), end));
        Assert.Null(EvaluationScore.DeliveryCredit(new DeliveryTask(D(3, 1), null, IsProcess: true), end));
        Assert.Null(EvaluationScore.DeliveryCredit(new DeliveryTask(D(3, 1), null, CancelledOn: end), end));
    }
}

public class TargetsTests
{
    [Fact]
    public void Mean_of_achievement_capped_at_one_and_floored_at_zero()
    {
        // 120 % → 1, 80 % → 0.8, −10 % → 0, no figure → 0; (1 + 0.8 + 0 + 0) / 4 = 0.45
        Assert.Equal(0.45, EvaluationScore.Targets([120.0, 80.0, -10.0, null])!.Value, 15);
    }

    [Theory]
    [InlineData(100.0, 1.0)]
    [InlineData(250.0, 1.0)]
    [InlineData(50.0, 0.5)]
    [InlineData(0.0, 0.0)]
    [InlineData(-40.0, 0.0)]
    [InlineData(double.PositiveInfinity, 1.0)]
    [InlineData(double.NegativeInfinity, 0.0)]
    [InlineData(double.NaN, 0.0)]
    [InlineData(null, 0.0)]
    public void Credit_of_one_target(double? achievementPercent, double credit) =>
        Assert.Equal(credit, EvaluationScore.TargetCredit(achievementPercent));

    [Fact]
    public void No_target_means_no_component() => Assert.Null(EvaluationScore.Targets([]));
}

public class ResponsivenessTests
{
    private static readonly Period Year = Period.OfYear(2026);

    private static DateOnly D(int month, int day, int year = 2026) => new(year, month, day);

    [Fact]
    public void Share_answered_on_time_a_deemed_agreement_is_not_an_answer()
    {
        ResponseItem[] items =
        [
            new(D(1, 10), D(1, 8)),          // on time
            new(D(2, 5), D(2, 5)),           // on the deadline: on time
            new(D(3, 3), D(3, 4)),           // consultation answered a day late: not on time
            new(D(3, 20), null),             // deemed agreed (silence): not answered
            new(D(1, 2, 2027), D(1, 1, 2027)), // deadline outside the period: excluded
            new(D(12, 31, 2025), D(12, 30, 2025)), // likewise
        ];
        // 2 on time of 4 = 0.5
        Assert.Equal(0.5, EvaluationScore.Responsiveness(items, Year));
    }

    [Fact]
    public void Answered_after_the_period_but_due_in_it_is_late()
    {
        Assert.Equal(0.0, EvaluationScore.Responsiveness([new ResponseItem(D(12, 31), D(1, 2, 2027))], Year));
    }

    [Fact]
    public void As_of_a_date_only_deadlines_passed_by_then_count()
    {
        ResponseItem[] items = [new(D(3, 1), D(3, 1)), new(D(9, 1), null)];
        Assert.Equal(1.0, EvaluationScore.Responsiveness(items, Year, asOf: D(6, 30)));
        Assert.Equal(0.5, EvaluationScore.Responsiveness(items, Year));
    }

    [Fact]
    public void No_item_means_no_component() => Assert.Null(EvaluationScore.Responsiveness([], Year));
}

public class CitizensTests
{
    [Fact]
    public void Twenty_nine_ratings_are_too_few_thirty_count()
    {
        Assert.Null(EvaluationScore.Citizens(Enumerable.Repeat(4, 29).ToArray()));
        // 30 × 4 stars: (4 − 1) / 4 = 0.75
        Assert.Equal(0.75, EvaluationScore.Citizens(Enumerable.Repeat(4, 30).ToArray()));
    }

    [Fact]
    public void Mean_rating_minus_one_over_four()
    {
        // 15 × 5 + 15 × 2 = 105 stars / 30 = 3.5 → (3.5 − 1) / 4 = 0.625
        int[] stars = [.. Enumerable.Repeat(5, 15), .. Enumerable.Repeat(2, 15)];
        Assert.Equal(0.625, EvaluationScore.Citizens(stars));
        Assert.Equal(0.625, EvaluationScore.Citizens(30, 105));
        Assert.Equal(0.0, EvaluationScore.Citizens(40, 40));
        Assert.Equal(1.0, EvaluationScore.Citizens(40, 200));
    }

    [Fact]
    public void Impossible_ratings_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => EvaluationScore.Citizens([3, 6]));
        Assert.Throws<ArgumentOutOfRangeException>(() => EvaluationScore.Citizens([0]));
        Assert.Throws<ArgumentOutOfRangeException>(() => EvaluationScore.Citizens(30, 29));
        Assert.Throws<ArgumentOutOfRangeException>(() => EvaluationScore.Citizens(30, 151));
        Assert.Throws<ArgumentOutOfRangeException>(() => EvaluationScore.Citizens(-1, 0));
    }
}
