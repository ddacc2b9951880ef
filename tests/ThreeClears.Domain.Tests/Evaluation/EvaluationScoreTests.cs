using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ThreeClears.Domain.Evaluation;

namespace ThreeClears.Domain.Tests.Evaluation;

public class EvaluationScoreTests
{
    [Fact]
    public void All_four_components()
    {
        // 0.5 × 0.8 + 0.3 × 0.6 + 0.1 × 0.5 + 0.1 × 0.75 = 0.4 + 0.18 + 0.05 + 0.075 = 0.705 → 70.5
        var r = EvaluationScore.Evaluate(new EvaluationComponents(0.8, 0.6, 0.5, 0.75));
        Assert.Equal(70.5m, r.Score);
        Assert.Equal(EvaluationClassification.Good, r.Classification);
    }

    [Fact]
    public void Only_delivery_and_responsiveness_reweigh_over_those_present()
    {
        // weights 0.5/0.6 and 0.1/0.6: (0.5 × 0.8 + 0.1 × 0.5) / 0.6 = 0.45 / 0.6 = 0.75 → 75.0
        var r = EvaluationScore.Evaluate(new EvaluationComponents(0.8, null, 0.5, null));
        Assert.Equal(75.0m, r.Score);
        Assert.Equal(EvaluationClassification.Good, r.Classification);
    }

    [Fact]
    public void Targets_and_citizens_alone()
    {
        // (0.3 × 0.9 + 0.1 × 0.5) / 0.4 = (0.27 + 0.05) / 0.4 = 0.8 → 80.0
        Assert.Equal(80.0m, EvaluationScore.Score(new EvaluationComponents(null, 0.9, null, 0.5)));
    }

    [Fact]
    public void From_raw_items_to_a_score()
    {
        // Delivery: on time, late, open → (1 + 0.5 + 0) / 3 = 0.5
        // Responsiveness: one of two answered on time → 0.5; no targets, too few ratings
        // (0.5 × 0.5 + 0.1 × 0.5) / 0.6 = 0.3 / 0.6 = 0.5 → 50.0 → completed (exactly at the bound)
        var q = ThreeClears.Domain.Periods.Period.OfQuarter(2026, 2);
        var delivery = EvaluationScore.Delivery(
            [new(new(2026, 4, 10), new(2026, 4, 9)), new(new(2026, 5, 10), new(2026, 5, 12)), new(new(2026, 6, 10), null)], q);
        var responsiveness = EvaluationScore.Responsiveness(
            [new(new(2026, 4, 3), new(2026, 4, 3)), new(new(2026, 5, 3), null)], q);
        var r = EvaluationScore.Evaluate(new EvaluationComponents(delivery, EvaluationScore.Targets([]), responsiveness,
            EvaluationScore.Citizens(Enumerable.Repeat(5, 29).ToArray())));

        Assert.Equal(new EvaluationComponents(0.5, null, 0.5, null), r.Components);
        Assert.Equal(50.0m, r.Score);
        Assert.Equal(EvaluationClassification.Completed, r.Classification);
    }

    [Fact]
    public void No_component_no_score_no_classification()
    {
        var r = EvaluationScore.Evaluate(default);
        Assert.Null(r.Score);
        Assert.Null(r.Classification);
    }

    [Theory]
    // one component alone: score = 100 × it
    [InlineData(0.8995, "90.0")]    // 89.95 is a midpoint → away from zero → 90.0
    [InlineData(0.89949, "89.9")]   // 89.949 → 89.9
    [InlineData(0.7025, "70.3")]    // 70.25 → 70.3 (banker's rounding would give 70.2)
    [InlineData(0.4975, "49.8")]    // 49.75 → 49.8, although the double computed is 49.74999999999999
    [InlineData(0.1234, "12.3")]
    [InlineData(1.0, "100.0")]
    [InlineData(0.0, "0.0")]
    public void Score_has_one_decimal_midpoint_away_from_zero(double delivery, string expected)
    {
        var score = EvaluationScore.Score(new EvaluationComponents(delivery, null, null, null));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), score);
        Assert.Equal(expected, score!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Rounding_is_not_fooled_by_binary_noise()
    {
        // 100 × (0.5 × 0.4975) ÷ 0.5 is 49.74999999999999 in binary, so a plain
        // Math.Round(double, 1, AwayFromZero) gives 49.7; the decimal midpoint 49.75 rounds up
        Assert.Equal(49.7, Math.Round(100.0 * (5 * 0.4975) / 5, 1, MidpointRounding.AwayFromZero));
        Assert.Equal(49.8m, EvaluationScore.Score(new EvaluationComponents(0.4975, null, null, null)));
        // three components whose exact weighted mean is 89.95:
        // (0.5 × 0.9 + 0.3 × 0.9 + 0.1 × 0.895) / 0.9 = (0.45 + 0.27 + 0.0895) / 0.9 = 0.8095 / 0.9 = 0.89944… → 89.9
        Assert.Equal(89.9m, EvaluationScore.Score(new EvaluationComponents(0.9, 0.9, 0.895, null)));
        // (0.5 × 0.9 + 0.1 × 0.8985) / 0.6 = (0.45 + 0.08985) / 0.6 = 0.53985 / 0.6 = 0.89975 → 89.975 → 90.0
        Assert.Equal(90.0m, EvaluationScore.Score(new EvaluationComponents(0.9, null, 0.8985, null)));
    }

    [Theory]
    [InlineData("100.0", EvaluationClassification.Excellent)]
    [InlineData("90.0", EvaluationClassification.Excellent)]
    [InlineData("89.9", EvaluationClassification.Good)]
    [InlineData("70.0", EvaluationClassification.Good)]
    [InlineData("69.9", EvaluationClassification.Completed)]
    [InlineData("50.0", EvaluationClassification.Completed)]
    [InlineData("49.9", EvaluationClassification.NotCompleted)]
    [InlineData("0.0", EvaluationClassification.NotCompleted)]
    public void Classification_bounds(string score, EvaluationClassification expected) =>
        Assert.Equal(expected, EvaluationScore.Classify(decimal.Parse(score, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Classification_uses_the_rounded_score_so_89_95_is_excellent()
    {
        var r = EvaluationScore.Evaluate(new EvaluationComponents(0.8995, null, null, null));
        Assert.Equal(90.0m, r.Score);
        Assert.Equal(EvaluationClassification.Excellent, r.Classification);
        // and 69.95 → 70.0 good, 49.95 → 50.0 completed
        Assert.Equal(EvaluationClassification.Good, EvaluationScore.Evaluate(new EvaluationComponents(0.6995, null, null, null)).Classification);
        Assert.Equal(EvaluationClassification.Completed, EvaluationScore.Evaluate(new EvaluationComponents(0.4995, null, null, null)).Classification);
        Assert.Equal(EvaluationClassification.NotCompleted, EvaluationScore.Evaluate(new EvaluationComponents(0.4994, null, null, null)).Classification);
        Assert.Null(EvaluationScore.Classify(null));
    }

    [Theory]
    [InlineData(EvaluationClassification.Excellent, "excellent")]
    [InlineData(EvaluationClassification.Good, "good")]
    [InlineData(EvaluationClassification.Completed, "completed")]
    [InlineData(EvaluationClassification.NotCompleted, "notCompleted")]
    public void Classification_spellings(EvaluationClassification c, string spelling) => Assert.Equal(spelling, c.ToApi());

    [Fact]
    public void Components_outside_zero_to_one_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => EvaluationScore.Score(new EvaluationComponents(1.2, null, null, null)));
        Assert.Throws<ArgumentOutOfRangeException>(() => EvaluationScore.Score(new EvaluationComponents(null, -0.1, null, null)));
        Assert.Throws<ArgumentOutOfRangeException>(() => EvaluationScore.Score(new EvaluationComponents(null, null, double.NaN, null)));
    }

    // ---- properties -------------------------------------------------------------------------

    private static readonly Gen<double> UnitGen = Gen.Choose(0, 1_000_000).Select(i => i / 1_000_000.0);
    private static readonly Gen<double?> MaybeGen = Gen.Frequency((1, Gen.Constant<double?>(null)), (3, UnitGen.Select(x => (double?)x)));

    private static readonly Gen<EvaluationComponents> ComponentsGen =
        from d in MaybeGen
        from t in MaybeGen
        from r in MaybeGen
        from c in MaybeGen
        select new EvaluationComponents(d, t, r, c);

    [Property]
    public Property Score_is_within_zero_and_one_hundred_with_one_decimal() =>
        Prop.ForAll(ComponentsGen.ToArbitrary(), c =>
        {
            var s = EvaluationScore.Score(c);
            var any = c.Delivery.HasValue || c.Targets.HasValue || c.Responsiveness.HasValue || c.Citizens.HasValue;
            return any
                ? s is >= 0m and <= 100m && s.Value == Math.Round(s.Value, 1)
                : s is null;
        });

    [Property]
    public Property A_single_component_gives_one_hundred_times_it() =>
        Prop.ForAll(UnitGen.ToArbitrary(), Gen.Choose(0, 3).ToArbitrary(), (x, which) =>
        {
            var c = which switch
            {
                0 => new EvaluationComponents(x, null, null, null),
                1 => new EvaluationComponents(null, x, null, null),
                2 => new EvaluationComponents(null, null, x, null),
                _ => new EvaluationComponents(null, null, null, x),
            };
            // x has at most six decimals: 100x has at most four, exactly represented in decimal
            var expected = Math.Round(100m * (decimal)x, 1, MidpointRounding.AwayFromZero);
            return EvaluationScore.Score(c) == expected;
        });

    [Property]
    public Property Equal_components_give_that_value_whatever_is_present() =>
        Prop.ForAll(UnitGen.ToArbitrary(), ComponentsGen.ToArbitrary(), (x, shape) =>
        {
            double? Same(double? v) => v.HasValue ? x : null;
            var c = new EvaluationComponents(Same(shape.Delivery), Same(shape.Targets), Same(shape.Responsiveness), Same(shape.Citizens));
            var s = EvaluationScore.Score(c);
            return s is null
                ? c == default
                : Math.Abs(s.Value - Math.Round(100m * (decimal)x, 1, MidpointRounding.AwayFromZero)) <= 0.1m;
        });

    [Property]
    public Property Score_lies_between_the_smallest_and_largest_present_component() =>
        Prop.ForAll(ComponentsGen.ToArbitrary(), c =>
        {
            double?[] all = [c.Delivery, c.Targets, c.Responsiveness, c.Citizens];
            var present = all.Where(v => v.HasValue).Select(v => v!.Value).ToArray();
            var s = EvaluationScore.Score(c);
            if (present.Length == 0) return s is null;
            return s >= Math.Round((decimal)(100 * present.Min()), 1, MidpointRounding.AwayFromZero) - 0.1m
                && s <= Math.Round((decimal)(100 * present.Max()), 1, MidpointRounding.AwayFromZero) + 0.1m;
        });
}
