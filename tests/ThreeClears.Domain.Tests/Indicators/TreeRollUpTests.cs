using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ThreeClears.Domain.Indicators;
using ThreeClears.Domain.Periods;

namespace ThreeClears.Domain.Tests.Indicators;

/// <summary>
/// The tree roll-up with lineage. The province (0) had communes X1, X2 and Y; on 1 July 2025 X1 and X2 merged
/// into M, and Y was split, 0.4 to M and 0.6 to N. All five sit under the province; nothing of X1, X2 or Y
/// is deleted.
/// </summary>
public class TreeRollUpTests
{
    private static readonly DateOnly Reform = new(2025, 7, 1);
    private const int Province = 0, X1 = 1, X2 = 2, Y = 3, M = 4, N = 5;
    private static readonly int[] Parents = [-1, 0, 0, 0, 0, 0];
    private static readonly LineageLine[] Lines =
        [new(X1, M, Reform), new(X2, M, Reform), new(Y, M, Reform, 0.4m), new(Y, N, Reform, 0.6m)];

    private static Period P(string s) => Period.Parse(s);

    // Retail sales (flow, sum), a month: X1 10 in 2024, 12 in Jan–Jun 2025; X2 5, then 6; Y 20, then 25;
    // from July 2025 M reports 30 and N 18.
    private static Dictionary<Period, decimal>[] Retail()
    {
        var x1 = Series.Months(2024, 1, 12, 10);
        Series.Months(2025, 1, 6, 12, x1);
        var x2 = Series.Months(2024, 1, 12, 5);
        Series.Months(2025, 1, 6, 6, x2);
        var y = Series.Months(2024, 1, 12, 20);
        Series.Months(2025, 1, 6, 25, y);
        return [[], x1, x2, y, Series.Months(2025, 7, 12, 30), Series.Months(2025, 7, 12, 18)];
    }

    private static TreeRollUp Compute(TimeKind kind, Aggregation aggregation, Dictionary<Period, decimal>[] values, LineageLine[]? lines = null) =>
        TreeRollUp.Compute(kind, aggregation, Parents, values, lines ?? Lines);

    private static decimal? Value(TreeRollUp r, int unit, string period, TimeKind kind = TimeKind.Flow) =>
        TimeAggregation.ValueAt(r.Figures(unit), P(period), kind);

    [Fact]
    public void Merged_and_split_predecessors_roll_into_the_successors_before_the_reform()
    {
        var r = Compute(TimeKind.Flow, Aggregation.Sum, Retail());
        Assert.Equal(276m, Value(r, M, "2024"));        // X1 120 + X2 60 + Y 240 × 0.4 = 96
        Assert.Equal(144m, Value(r, N, "2024"));        // Y 240 × 0.6
        Assert.Equal(28m, Value(r, M, "2025-03"));      // 12 + 6 + 25 × 0.4 = 10
        Assert.Equal(15m, Value(r, N, "2025-03"));      // 25 × 0.6
        Assert.Equal(30m, Value(r, M, "2025-08"));      // after the reform only M's own figure
    }

    [Fact]
    public void The_province_counts_every_value_once_across_the_reform()
    {
        var r = Compute(TimeKind.Flow, Aggregation.Sum, Retail());
        Assert.Equal(420m, Value(r, Province, "2024"));     // 120 + 60 + 240: not 420 + 276 + 144
        Assert.Equal(43m, Value(r, Province, "2025-03"));   // 12 + 6 + 25
        Assert.Equal(48m, Value(r, Province, "2025-08"));   // 30 + 18
        // The year 2025 straddles the reform: 6 × 43 = 258 before it, 6 × 48 = 288 after.
        Assert.Equal(546m, Value(r, Province, "2025"));
        Assert.Equal(35m, r.At(Province, P("2024-05")).RolledUp);   // M 10 + 5 + 8, N 12
    }

    [Fact]
    public void A_straddling_year_is_the_predecessors_first_half_and_the_successors_second()
    {
        var r = Compute(TimeKind.Flow, Aggregation.Sum, Retail());
        Assert.Equal(348m, Value(r, M, "2025"));    // 6 × 28 + 6 × 30
        Assert.Equal(198m, Value(r, N, "2025"));    // 6 × 15 + 6 × 18
        // M's year on year is therefore like for like: (348 − 276) ÷ 276 × 100 = 26.09 %.
        var row = IndicatorAnalytics.Compute(P("2025"), TimeKind.Flow, false, r.Figures(M), null);
        Assert.Equal(26.09m, Math.Round(row.YoyPercent!.Value, 2));
    }

    [Fact]
    public void Nothing_of_a_predecessor_is_lost_its_own_figures_stay_its_own()
    {
        var r = Compute(TimeKind.Flow, Aggregation.Sum, Retail());
        Assert.Equal(120m, Value(r, X1, "2024"));
        Assert.Equal(240m, Value(r, Y, "2024"));
        Assert.Equal(150m, Value(r, Y, "2025"));    // its own first half: 6 × 25
        var y = r.At(Y, P("2024-05"));
        Assert.Equal(20m, y.Own);
        Assert.Equal(20m, y.Entered);
        Assert.Null(y.Inherited);
    }

    [Fact]
    public void A_split_level_is_shared_and_the_ratio_is_recomputed_from_its_parts()
    {
        // Households (level, sum, yearly): X1 1,000, X2 500, Y 2,000 in 2024; M 2,400 and N 1,250 in 2025.
        // Poor households: X1 300, X2 50, Y 400; M 360, N 200.
        Dictionary<Period, decimal>[] households =
            [[], Series.Of(("2024", 1000)), Series.Of(("2024", 500)), Series.Of(("2024", 2000)), Series.Of(("2025", 2400)), Series.Of(("2025", 1250))];
        Dictionary<Period, decimal>[] poor =
            [[], Series.Of(("2024", 300)), Series.Of(("2024", 50)), Series.Of(("2024", 400)), Series.Of(("2025", 360)), Series.Of(("2025", 200))];
        var hh = Compute(TimeKind.Level, Aggregation.Sum, households);
        var pp = Compute(TimeKind.Level, Aggregation.Sum, poor);
        Assert.Equal(2300m, Value(hh, M, "2024", TimeKind.Level));         // 1,000 + 500 + 2,000 × 0.4
        Assert.Equal(1200m, Value(hh, N, "2024", TimeKind.Level));         // 2,000 × 0.6
        Assert.Equal(3500m, Value(hh, Province, "2024", TimeKind.Level));  // 1,000 + 500 + 2,000
        Assert.Equal(3650m, Value(hh, Province, "2025", TimeKind.Level));  // 2,400 + 1,250
        Assert.Equal(510m, Value(pp, M, "2024", TimeKind.Level));          // 300 + 50 + 400 × 0.4
        // M's poverty rate: 510 ÷ 2,300 × 100 = 22.17 % in 2024, 360 ÷ 2,400 × 100 = 15 % in 2025.
        var before = DerivedIndicator.Compute(Value(pp, M, "2024", TimeKind.Level), Value(hh, M, "2024", TimeKind.Level), 100m);
        Assert.Equal(22.17m, Math.Round(before!.Value, 2));
        Assert.Equal(15m, DerivedIndicator.Compute(Value(pp, M, "2025", TimeKind.Level), Value(hh, M, "2025", TimeKind.Level), 100m));
    }

    [Fact]
    public void A_predecessor_that_lives_on_keeps_the_rest_of_itself()
    {
        // Z gave 0.4 of itself to M on 1 July 2025 and carries on: 50 a month in 2024, 30 from July 2025.
        const int Z = 1;
        int[] parents = [-1, 0, 0];
        var z = Series.Months(2024, 1, 12, 50);
        Series.Months(2025, 7, 12, 30, z);
        Dictionary<Period, decimal>[] values = [[], z, Series.Months(2025, 7, 12, 25)];
        var r = TreeRollUp.Compute(TimeKind.Flow, Aggregation.Sum, parents, values, [new LineageLine(Z, 2, Reform, 0.4m)]);
        Assert.Equal(20m, TimeAggregation.ValueAt(r.Figures(2), P("2024-03"), TimeKind.Flow));   // 50 × 0.4
        Assert.Equal(50m, TimeAggregation.ValueAt(r.Figures(Z), P("2024-03"), TimeKind.Flow));   // its own record
        Assert.Equal(50m, TimeAggregation.ValueAt(r.Figures(0), P("2024-03"), TimeKind.Flow));   // 30 kept + 20 handed on
        Assert.Equal(50m, r.At(0, P("2024-03")).RolledUp);
        Assert.Equal(55m, TimeAggregation.ValueAt(r.Figures(0), P("2025-08"), TimeKind.Flow));   // 30 + 25
    }

    [Fact]
    public void An_average_inherits_the_plain_mean_and_counts_once_at_the_parent()
    {
        // A score averaged over units: X1 80, X2 60 (merged into M), Y 90 (split): M inherits (80 + 60 + 90) ÷ 3.
        Dictionary<Period, decimal>[] values =
            [[], Series.Of(("2024", 80)), Series.Of(("2024", 60)), Series.Of(("2024", 90)), Series.Of(("2025", 70)), Series.Of(("2025", 75))];
        var r = Compute(TimeKind.Level, Aggregation.Average, values);
        Assert.Equal(230m / 3m, Value(r, M, "2024", TimeKind.Level));
        Assert.Equal(90m, Value(r, N, "2024", TimeKind.Level));
        Assert.Equal((230m / 3m + 90m) / 2m, Value(r, Province, "2024", TimeKind.Level)); // the successors are the province's units now
        Assert.Equal(72.5m, Value(r, Province, "2025", TimeKind.Level));                  // (70 + 75) ÷ 2
    }

    [Fact]
    public void A_figure_entered_for_the_successor_wins_and_a_difference_is_shown()
    {
        var values = Retail();
        values[M].Add(P("2024"), 300m); // back-filled by M's office: the predecessors give 276
        var r = Compute(TimeKind.Flow, Aggregation.Sum, values);
        var m = r.At(M, P("2024"));
        Assert.Equal(300m, m.Value);
        Assert.Equal(300m, m.Entered);
        Assert.Equal(276m, m.Inherited);
        Assert.Equal(24m, m.LineageDiscrepancy!.Value.Difference);
        Assert.Equal(444m, Value(r, Province, "2024"));         // M's official 300 + N 144
        Assert.Null(r.At(M, P("2025")).LineageDiscrepancy);      // a year straddling the reform is not compared
    }

    [Fact]
    public void The_parents_own_figure_wins_over_its_children_and_the_difference_is_a_discrepancy()
    {
        var values = Retail();
        values[Province].Add(P("2025-08"), 50m);
        var r = Compute(TimeKind.Flow, Aggregation.Sum, values);
        var cb = r.At(Province, P("2025-08"));
        Assert.Equal(50m, cb.Value);
        Assert.Equal(48m, cb.RolledUp);
        Assert.Equal(2m, cb.Discrepancy!.Value.Difference);
        Assert.Null(r.At(Province, P("2025-07")).Discrepancy);
    }

    [Fact]
    public void Chains_of_changes_are_followed_and_a_cycle_is_ignored()
    {
        // A became B in 2020, B became C on 1 July 2025: A's 2019 figure is C's history, counted once.
        int[] parents = [-1, 0, 0, 0];
        Dictionary<Period, decimal>[] values = [[], Series.Of(("2019", 7)), Series.Of(("2022", 9)), Series.Of(("2026", 11))];
        var r = TreeRollUp.Compute(TimeKind.Flow, Aggregation.Sum, parents, values,
            [new LineageLine(1, 2, new DateOnly(2020, 1, 1)), new LineageLine(2, 3, Reform)]);
        Assert.Equal(7m, Value(r, 3, "2019"));
        Assert.Equal(9m, Value(r, 3, "2022"));
        Assert.Equal(7m, Value(r, 0, "2019"));
        Assert.Equal(9m, Value(r, 0, "2022"));

        var cycle = TreeRollUp.Compute(TimeKind.Flow, Aggregation.Sum, [-1, 0, 0], [Series.Empty, Series.Of(("2019", 7)), Series.Of(("2019", 3))],
            [new LineageLine(1, 2, Reform), new LineageLine(2, 1, Reform)]);
        Assert.Equal(10m, Value(cycle, 0, "2019"));   // both lines are ignored: 7 + 3
        Assert.Equal(3m, Value(cycle, 2, "2019"));
    }

    [Fact]
    public void None_hands_nothing_on()
    {
        Dictionary<Period, decimal>[] values = [[], Series.Of(("2024", 6.5m)), [], [], Series.Of(("2025", 7m)), []];
        var r = Compute(TimeKind.Rate, Aggregation.None, values);
        Assert.Null(Value(r, M, "2024", TimeKind.Rate));
        Assert.Equal(6.5m, Value(r, X1, "2024", TimeKind.Rate));
        Assert.Null(Value(r, Province, "2024", TimeKind.Rate));
    }

    [Fact]
    public void Bad_trees_are_refused()
    {
        Assert.Throws<ArgumentException>(() => TreeRollUp.Compute(TimeKind.Flow, Aggregation.Sum, [1, -1], [Series.Empty, Series.Empty], []));
        Assert.Throws<ArgumentException>(() => TreeRollUp.Compute(TimeKind.Flow, Aggregation.Sum, [-1], [Series.Empty, Series.Empty], []));
        Assert.Throws<ArgumentException>(() => TreeRollUp.Compute(TimeKind.Flow, Aggregation.Sum, [-1, 0], [Series.Empty, Series.Empty], [new LineageLine(1, 5, Reform)]));
    }

    // ---- Property: a reform moves figures between units but never changes the province's total -------

    private static readonly Arbitrary<(decimal[] Before, decimal Share)> Splits =
        Gen.Choose(0, 100).SelectMany(share =>
            Gen.ArrayOf(Gen.Choose(0, 1_000_000).Select(i => i / 100m), 3).Select(v => (v, share / 100m)))
        .ToArbitrary();

    [Property]
    public Property The_province_total_is_the_same_with_or_without_the_lineage() =>
        Prop.ForAll(Splits, s =>
        {
            // X1, X2 merged into M; Y split: s to M, 1 − s to N.
            Dictionary<Period, decimal>[] values =
                [[], Series.Of(("2024-02", s.Before[0])), Series.Of(("2024-02", s.Before[1])), Series.Of(("2024-02", s.Before[2])), [], []];
            LineageLine[] lines = [new(X1, M, Reform), new(X2, M, Reform), new(Y, M, Reform, s.Share), new(Y, N, Reform, 1m - s.Share)];
            var with = Compute(TimeKind.Flow, Aggregation.Sum, values, lines);
            var without = Compute(TimeKind.Flow, Aggregation.Sum, values, []);
            var total = s.Before[0] + s.Before[1] + s.Before[2];
            return Value(with, Province, "2024-02") == total && Value(without, Province, "2024-02") == total
                && (Value(with, M, "2024-02") ?? 0m) + (Value(with, N, "2024-02") ?? 0m) == total;
        });
}
