using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ThreeClears.Domain.Indicators;
using ThreeClears.Domain.Periods;

namespace ThreeClears.Domain.Tests.Indicators;

public class LineageTests
{
    private static readonly DateOnly Reform = new(2025, 7, 1); // communes merged on 1 July 2025
    private static Period P(string s) => Period.Parse(s);

    // ---- A split predecessor: commune X went 40% to A and 60% to B ----------------------------

    // X's retail sales (flow, VND bn): 50 a month in 2024 (600 for the year), 55 a month Jan–Jun 2025,
    // and a stray July 2025 figure that must be ignored (X no longer exists then).
    private static Dictionary<Period, decimal> X()
    {
        var x = Series.Months(2024, 1, 12, 50);
        Series.Months(2025, 1, 6, 55, x);
        x.Add(P("2025-07"), 999);
        return x;
    }

    private static readonly Dictionary<Period, decimal> AOwn = Series.Months(2025, 7, 12, 25);
    private static readonly Dictionary<Period, decimal> BOwn = Series.Months(2025, 7, 12, 35);

    private static RolledUpValue A(string period) =>
        Lineage.SuccessorValue(TimeKind.Flow, Aggregation.Sum, P(period), AOwn, [new PredecessorSeries(X(), Reform, 0.4m)]);

    private static RolledUpValue B(string period) =>
        Lineage.SuccessorValue(TimeKind.Flow, Aggregation.Sum, P(period), BOwn, [new PredecessorSeries(X(), Reform, 0.6m)]);

    [Fact]
    public void Split_flow_before_the_change_is_the_predecessor_times_the_share()
    {
        Assert.Equal(240m, A("2024").Value);    // 600 × 0.4
        Assert.Equal(360m, B("2024").Value);    // 600 × 0.6   (240 + 360 = 600: nothing lost)
        Assert.Equal(60m, A("2024Q3").Value);   // 150 × 0.4
        Assert.Equal(66m, A("2025Q2").Value);   // 165 × 0.4 — Q2 ends 30 June, before 1 July
        Assert.Equal(22m, A("2025-06").Value);  // 55 × 0.4
        Assert.Equal(33m, B("2025-06").Value);  // 55 × 0.6
        Assert.Null(A("2025-06").Own);
        Assert.Null(A("2025-06").Discrepancy);
    }

    [Fact]
    public void From_the_effective_date_only_the_successor_counts()
    {
        Assert.Equal(25m, A("2025-07").Value);  // X's stray 999 is ignored
        Assert.Null(A("2025-07").RolledUp);
        Assert.Equal(75m, A("2025Q3").Value);   // 3 × 25; Q3 starts on the effective date
        Assert.Equal(105m, B("2025Q4").Value);  // 3 × 35
        Assert.Null(A("2026").Value);
    }

    [Fact]
    public void A_year_straddling_the_change_is_built_from_its_quarters()
    {
        // A 2025 = Q1 (165 × 0.4 = 66) + Q2 (66) + Q3 own (75) + Q4 own (75) = 282
        // B 2025 = 99 + 99 + 105 + 105 = 408
        Assert.Equal(282m, A("2025").Value);
        Assert.Equal(408m, B("2025").Value);
        // Together 690 = X's first half 330 + A's and B's second halves 150 + 210.
    }

    [Fact]
    public void A_change_in_mid_quarter_splits_the_quarter_into_months()
    {
        var august = new DateOnly(2025, 8, 1);
        var own = Series.Of(("2025-08", 40), ("2025-09", 41));
        var x = Series.Of(("2025-07", 30), ("2025-08", 999));
        var r = Lineage.SuccessorValue(TimeKind.Flow, Aggregation.Sum, P("2025Q3"), own, [new PredecessorSeries(x, august)]);
        Assert.Equal(111m, r.Value); // July from X (30) + August 40 + September 41
    }

    [Fact]
    public void Split_level_is_multiplied_by_the_share_and_a_straddling_year_takes_the_last_part()
    {
        // Households (level): X had 2,000 at the end of 2024 and 2,050 in June 2025; A reports 830 in December 2025.
        var x = Series.Of(("2024", 2000), ("2025-06", 2050));
        var aOwn = Series.Of(("2025-12", 830));
        PredecessorSeries[] preds = [new(x, Reform, 0.4m)];
        Assert.Equal(800m, Lineage.SuccessorValue(TimeKind.Level, Aggregation.Sum, P("2024"), aOwn, preds).Value);    // 2,000 × 0.4
        Assert.Equal(820m, Lineage.SuccessorValue(TimeKind.Level, Aggregation.Sum, P("2025Q2"), aOwn, preds).Value);  // 2,050 × 0.4
        Assert.Equal(830m, Lineage.SuccessorValue(TimeKind.Level, Aggregation.Sum, P("2025"), aOwn, preds).Value);    // last part: A's December
        var noOwnYet = Lineage.SuccessorValue(TimeKind.Level, Aggregation.Sum, P("2025"), Series.Empty, preds);
        Assert.Equal(820m, noOwnYet.Value);                                                                              // last part with a value: Q2
    }

    // ---- A merger: communes P1, P2, P3 became M ------------------------------------------------

    private static readonly Dictionary<Period, decimal>[] Households =
        [Series.Of(("2024", 1000)), Series.Of(("2024", 500)), Series.Of(("2024", 2500))];
    private static readonly Dictionary<Period, decimal>[] PoorHouseholds =
        [Series.Of(("2024", 300)), Series.Of(("2024", 50)), Series.Of(("2024", 100))];
    private static readonly Dictionary<Period, decimal>[] EnteredPovertyRates =            // 30%, 10%, 4%
        [Series.Of(("2024", 30)), Series.Of(("2024", 10)), Series.Of(("2024", 4))];

    private static PredecessorSeries[] Merged(Dictionary<Period, decimal>[] series) =>
        [.. series.Select(s => new PredecessorSeries(s, Reform))]; // share defaults to 1

    [Fact]
    public void Merger_sums_flows_and_levels_of_all_predecessors()
    {
        var hh = Lineage.SuccessorValue(TimeKind.Level, Aggregation.Sum, P("2024"), Series.Empty, Merged(Households));
        var poor = Lineage.SuccessorValue(TimeKind.Level, Aggregation.Sum, P("2024"), Series.Empty, Merged(PoorHouseholds));
        Assert.Equal(4000m, hh.Value);   // 1,000 + 500 + 2,500
        Assert.Equal(450m, poor.Value);  // 300 + 50 + 100

        // The merged commune's poverty rate is recomputed from its parts: 450 ÷ 4,000 × 100 = 11.25 %,
        // not the mean of the three rates (30 + 10 + 4) ÷ 3 = 14.67 %.
        Assert.Equal(11.25m, DerivedIndicator.Compute(poor.Value, hh.Value, 100m));
    }

    [Fact]
    public void A_rate_with_no_aggregation_is_null_across_predecessors_unless_entered()
    {
        var preds = Merged(EnteredPovertyRates);
        var r = Lineage.SuccessorValue(TimeKind.Rate, Aggregation.None, P("2024"), Series.Empty, preds);
        Assert.Null(r.Value);
        var entered = Lineage.SuccessorValue(TimeKind.Rate, Aggregation.None, P("2024"), Series.Of(("2024", 11.3m)), preds);
        Assert.Equal(11.3m, entered.Value);
        Assert.Null(entered.Discrepancy);
    }

    [Fact]
    public void Rates_are_never_multiplied_by_the_share()
    {
        // Declared average on purpose: the plain mean (30 + 10 + 4) ÷ 3 = 14.666…, shares ignored.
        PredecessorSeries[] preds =
        [
            new(EnteredPovertyRates[0], Reform, 0.4m),
            new(EnteredPovertyRates[1], Reform),
            new(EnteredPovertyRates[2], Reform),
        ];
        var avg = Lineage.SuccessorValue(TimeKind.Rate, Aggregation.Average, P("2024"), Series.Empty, preds);
        Assert.Equal(14.666667m, Math.Round(avg.Value!.Value, 6));
        // Even a rate declared sum is not scaled: 30 + 10 + 4 = 44 (not 30 × 0.4 + 14 = 26).
        var sum = Lineage.SuccessorValue(TimeKind.Rate, Aggregation.Sum, P("2024"), Series.Empty, preds);
        Assert.Equal(44m, sum.Value);
        // And a rate is never built from parts of a straddling period.
        Assert.Null(Lineage.SuccessorValue(TimeKind.Rate, Aggregation.Average, P("2025"), Series.Empty, preds).Value);
    }

    [Fact]
    public void Average_of_flows_or_levels_is_the_plain_mean_without_shares()
    {
        // Average household size (level, declared average): 4.2 and 3.8 → 4.0, share 0.5 does not halve it.
        PredecessorSeries[] preds = [new(Series.Of(("2024", 4.2m)), Reform, 0.5m), new(Series.Of(("2024", 3.8m)), Reform)];
        Assert.Equal(4.0m, Lineage.SuccessorValue(TimeKind.Level, Aggregation.Average, P("2024"), Series.Empty, preds).Value);
    }

    [Fact]
    public void A_successor_figure_entered_for_the_past_is_official_and_a_difference_is_shown()
    {
        // M back-fills 4,100 households for 2024; its predecessors give 4,000.
        var r = Lineage.SuccessorValue(TimeKind.Level, Aggregation.Sum, P("2024"), Series.Of(("2024", 4100)), Merged(Households));
        Assert.Equal(4100m, r.Value);
        Assert.Equal(4000m, r.RolledUp);
        Assert.Equal(100m, r.Discrepancy!.Value.Difference); // 4,100 − 4,000
    }

    [Fact]
    public void Predecessors_without_a_value_or_with_share_0_are_skipped()
    {
        PredecessorSeries[] preds =
        [
            new(Series.Of(("2024", 1000)), Reform),
            new(Series.Empty, Reform),
            new(Series.Of(("2024", 7777)), Reform, 0m),
        ];
        Assert.Equal(1000m, Lineage.SuccessorValue(TimeKind.Flow, Aggregation.Sum, P("2024"), Series.Empty, preds).Value);
        Assert.Null(Lineage.SuccessorValue(TimeKind.Flow, Aggregation.Sum, P("2023"), Series.Empty, preds).Value);
        Assert.Null(Lineage.SuccessorValue(TimeKind.Flow, Aggregation.Sum, P("2024"), Series.Empty, []).Value);
    }

    [Fact]
    public void Remaining_is_what_a_predecessor_did_not_hand_on()
    {
        // X's retail sales: 50 a month in 2024, 55 a month Jan–Jun 2025; 0.4 went to A on 1 July 2025.
        SuccessorShare[] toA = [new(Reform, 0.4m)];
        Assert.Equal(30m, Lineage.Remaining(TimeKind.Flow, Aggregation.Sum, P("2024-03"), X(), toA));    // 50 × 0.6
        Assert.Equal(360m, Lineage.Remaining(TimeKind.Flow, Aggregation.Sum, P("2024"), X(), toA));      // 600 × 0.6
        // 2025 straddles: Q1 and Q2 (165 each) × 0.6 = 198, plus the stray July (999) that passed nothing.
        Assert.Equal(1197m, Lineage.Remaining(TimeKind.Flow, Aggregation.Sum, P("2025"), X(), toA));
        // With 0.6 to B as well nothing stays before the reform.
        SuccessorShare[] both = [new(Reform, 0.4m), new(Reform, 0.6m)];
        Assert.Null(Lineage.Remaining(TimeKind.Flow, Aggregation.Sum, P("2024"), X(), both));
        // From the reform on nothing is handed on: the stray July stays whole with X.
        Assert.Equal(999m, Lineage.Remaining(TimeKind.Flow, Aggregation.Sum, P("2025-07"), X(), both));
        // A mean or a rate cannot be split: what stays is the value itself while a part of X stays.
        var rate = Series.Of(("2024", 12.5m));
        Assert.Equal(12.5m, Lineage.Remaining(TimeKind.Rate, Aggregation.Average, P("2024"), rate, toA));
        Assert.Null(Lineage.Remaining(TimeKind.Rate, Aggregation.Average, P("2024"), rate, both));
        // Nothing is handed on under 'none', so everything stays.
        Assert.Equal(12.5m, Lineage.Remaining(TimeKind.Rate, Aggregation.None, P("2024"), rate, both));
    }

    [Fact]
    public void Shares_are_checked()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PredecessorSeries(Series.Empty, Reform, 1.1m));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PredecessorSeries(Series.Empty, Reform, -0.1m));
        Assert.Empty(Lineage.CheckShares([0.4m, 0.6m]));
        Assert.Empty(Lineage.CheckShares([0.5m]));  // the rest of it went elsewhere or nowhere recorded
        Assert.Equal(["the shares add up to 1.3, more than 1."], Lineage.CheckShares([0.7m, 0.6m]));
        // −0.2 out of range, 1.5 out of range, and the total −0.2 + 1.5 = 1.3 is more than 1.
        Assert.Equal(
            ["share -0.2 is not between 0 and 1.", "share 1.5 is not between 0 and 1.", "the shares add up to 1.3, more than 1."],
            Lineage.CheckShares([-0.2m, 1.5m]));
    }

    // ---- Property: shares summing to 1 preserve the total -------------------------------------

    private static readonly Arbitrary<(int[] Cents, int[] Shares, int PeriodIndex)> Splits =
        Gen.ArrayOf(Gen.Choose(0, 1_000_000), 12)
            .SelectMany(cents => Gen.Choose(1, 6).SelectMany(k => Gen.Piles(k, 100))
                .SelectMany(shares => Gen.Choose(0, 16).Select(i => (cents, shares, i))))
            .ToArbitrary();

    [Property]
    public Property A_split_with_shares_summing_to_1_preserves_the_total_flow() =>
        Prop.ForAll(Splits, s =>
        {
            var x = new Dictionary<Period, decimal>();
            for (var m = 1; m <= 12; m++) x.Add(Period.OfMonth(2024, m), s.Cents[m - 1] / 100m);
            var period = s.PeriodIndex == 0 ? Period.OfYear(2024)
                : s.PeriodIndex <= 4 ? Period.OfQuarter(2024, s.PeriodIndex) : Period.OfMonth(2024, s.PeriodIndex - 4);

            decimal total = 0m;
            foreach (var share in s.Shares)
            {
                var v = Lineage.SuccessorValue(TimeKind.Flow, Aggregation.Sum, period, Series.Empty,
                    [new PredecessorSeries(x, Reform, share / 100m)]).Value;
                total += v ?? 0m;
            }
            return total == TimeAggregation.Flow(x, period);
        });
}
