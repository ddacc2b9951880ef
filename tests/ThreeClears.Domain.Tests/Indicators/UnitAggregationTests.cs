using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ThreeClears.Domain.Indicators;

namespace ThreeClears.Domain.Tests.Indicators;

public class UnitAggregationTests
{
    [Fact]
    public void Sum_adds_the_children_that_have_a_value()
    {
        // Three communes reported, one did not: 1,200.5 + 830 + 415.25 = 2,445.75.
        Assert.Equal(2445.75m, UnitAggregation.Combine(Aggregation.Sum, [1200.5m, 830m, null, 415.25m]));
        Assert.Null(UnitAggregation.Combine(Aggregation.Sum, [null, null]));  // nothing reported is not 0
        Assert.Null(UnitAggregation.Combine(Aggregation.Sum, []));
        Assert.Equal(0m, UnitAggregation.Combine(Aggregation.Sum, [0m, null]));
    }

    [Fact]
    public void Average_is_the_mean_of_the_children_with_a_value()
    {
        // Happiness-style score declared average: (0.62 + 0.71 + 0.80) ÷ 3 = 2.13 ÷ 3 = 0.71; the null is not a 0.
        Assert.Equal(0.71m, UnitAggregation.Combine(Aggregation.Average, [0.62m, null, 0.71m, 0.80m]));
        // 10 + 20 ÷ 2 = 15
        Assert.Equal(15m, UnitAggregation.Combine(Aggregation.Average, [10m, 20m]));
        Assert.Null(UnitAggregation.Combine(Aggregation.Average, [null]));
    }

    [Fact]
    public void None_does_not_roll_up()
    {
        Assert.Null(UnitAggregation.Combine(Aggregation.None, [8.1m, 7.9m]));
        var r = UnitAggregation.RollUp(Aggregation.None, null, [8.1m, 7.9m]);
        Assert.Null(r.Value);
        Assert.Null(r.Discrepancy);
        var entered = UnitAggregation.RollUp(Aggregation.None, 8.0m, [8.1m, 7.9m]);
        Assert.Equal(8.0m, entered.Value);
        Assert.Null(entered.Discrepancy); // nothing rolled up, nothing to disagree with
    }

    [Fact]
    public void A_value_entered_at_the_parent_is_official_and_a_difference_is_a_discrepancy()
    {
        // District enters 3,150; its communes add up to 1,200 + 1,000 + 900 = 3,100.
        var r = UnitAggregation.RollUp(Aggregation.Sum, 3150m, [1200m, 1000m, 900m]);
        Assert.Equal(3150m, r.Value);
        Assert.Equal(3150m, r.Own);
        Assert.Equal(3100m, r.RolledUp);
        var d = Assert.IsType<Discrepancy>(r.Discrepancy);
        Assert.Equal(new Discrepancy(3150m, 3100m), d);
        Assert.Equal(50m, d.Difference);  // 3,150 − 3,100

        // Lower than the roll-up: negative difference, still shown.
        var lower = UnitAggregation.RollUp(Aggregation.Sum, 3000m, [1200m, 1000m, 900m]);
        Assert.Equal(-100m, lower.Discrepancy!.Value.Difference);
    }

    [Fact]
    public void No_discrepancy_when_they_agree_or_one_side_is_missing()
    {
        Assert.Null(UnitAggregation.RollUp(Aggregation.Sum, 3100.00m, [1200m, 1000m, 900m]).Discrepancy); // 3100.00 = 3100
        var onlyChildren = UnitAggregation.RollUp(Aggregation.Sum, null, [1200m, 1000m, 900m]);
        Assert.Equal(3100m, onlyChildren.Value);
        Assert.Null(onlyChildren.Discrepancy);
        var onlyOwn = UnitAggregation.RollUp(Aggregation.Sum, 3150m, [null, null]);
        Assert.Equal(3150m, onlyOwn.Value);
        Assert.Null(onlyOwn.Discrepancy);
    }

    [Fact]
    public void Rolls_up_a_tree_bottom_up_with_overrides()
    {
        // 0 province
        // ├─ 1 district A (enters 260 itself)   ├─ 3 commune a1: 100   └─ 4 commune a2: 150
        // └─ 2 district B                        ├─ 5 commune b1: 70    └─ 6 commune b2: (none)
        int[] parent = [-1, 0, 0, 1, 1, 2, 2];
        decimal?[] own = [null, 260m, null, 100m, 150m, 70m, null];
        var r = UnitAggregation.RollUpTree(Aggregation.Sum, parent, own);

        Assert.Equal(260m, r[1].Value);                          // official
        Assert.Equal(250m, r[1].RolledUp);                       // 100 + 150
        Assert.Equal(10m, r[1].Discrepancy!.Value.Difference);   // 260 − 250
        Assert.Equal(70m, r[2].Value);                           // b2 did not report
        Assert.Equal(330m, r[0].Value);                          // 260 (A's official) + 70
        Assert.Null(r[0].Discrepancy);
        Assert.Null(r[6].Value);

        var avg = UnitAggregation.RollUpTree(Aggregation.Average, parent, own);
        Assert.Equal(70m, avg[2].Value);                         // mean of b1 only
        Assert.Equal(165m, avg[0].Value);                        // (260 + 70) ÷ 2

        var none = UnitAggregation.RollUpTree(Aggregation.None, parent, own);
        Assert.Null(none[0].Value);
        Assert.Equal(260m, none[1].Value);
    }

    [Fact]
    public void Tree_parents_must_come_first()
    {
        Assert.Throws<ArgumentException>(() => UnitAggregation.RollUpTree(Aggregation.Sum, [1, -1], [1m, 2m]));
        Assert.Throws<ArgumentException>(() => UnitAggregation.RollUpTree(Aggregation.Sum, [-1], [1m, 2m]));
    }

    // ---- Properties ---------------------------------------------------------------------------

    private static readonly Gen<decimal?> MaybeValue = Gen.Frequency(
        (1, Gen.Constant<decimal?>(null)),
        (4, Gen.Choose(-10_000_000, 10_000_000).Select(i => (decimal?)(i / 100m))));

    private static readonly Arbitrary<decimal?[]> Values = Gen.ArrayOf(MaybeValue).ToArbitrary();

    [Property]
    public Property Sum_roll_up_is_additive() =>
        Prop.ForAll(Values, Values, (a, b) =>
        {
            var whole = UnitAggregation.Combine(Aggregation.Sum, [.. a, .. b]);
            var left = UnitAggregation.Combine(Aggregation.Sum, a);
            var right = UnitAggregation.Combine(Aggregation.Sum, b);
            return left is null && right is null
                ? whole is null
                : whole == (left ?? 0m) + (right ?? 0m);
        });

    private static readonly Arbitrary<(int[] Parent, decimal?[] Own)> Trees =
        Gen.Choose(1, 40).SelectMany(n =>
            Gen.CollectToArray(Enumerable.Range(0, n), i => i == 0 ? Gen.Constant(-1) : Gen.Choose(-1, i - 1))
                .SelectMany(parent => Gen.ArrayOf(MaybeValue, n).Select(own => (parent, own))))
        .ToArbitrary();

    [Property]
    public Property A_tree_without_entries_above_the_leaves_totals_its_leaves() =>
        Prop.ForAll(Trees, t =>
        {
            var n = t.Parent.Length;
            var hasChildren = new bool[n];
            foreach (var p in t.Parent) if (p >= 0) hasChildren[p] = true;
            var own = new decimal?[n];
            decimal leafTotal = 0m;
            var anyLeaf = false;
            for (var i = 0; i < n; i++)
            {
                if (hasChildren[i] || t.Own[i] is not { } v) continue;
                own[i] = v;
                leafTotal += v;
                anyLeaf = true;
            }
            var r = UnitAggregation.RollUpTree(Aggregation.Sum, t.Parent, own);
            var rootValues = new List<decimal?>();
            for (var i = 0; i < n; i++) if (t.Parent[i] == -1) rootValues.Add(r[i].Value);
            var total = UnitAggregation.Combine(Aggregation.Sum, rootValues.ToArray());
            return anyLeaf ? total == leafTotal : total is null;
        });
}
