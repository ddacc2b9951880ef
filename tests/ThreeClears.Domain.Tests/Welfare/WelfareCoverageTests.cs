using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ThreeClears.Domain.Welfare;

namespace ThreeClears.Domain.Tests.Welfare;

public class WelfareCoverageTests
{
    private const HousingCondition Solid = HousingCondition.Solid;
    private const HousingCondition SemiSolid = HousingCondition.SemiSolid;
    private const HousingCondition Temporary = HousingCondition.Temporary;
    private const HousingCondition Dilapidated = HousingCondition.Dilapidated;

    //  #  housing      kitchen    sanitation   H K S all
    //  1  solid        hygienic   hygienic     1 1 1 1
    //  2  semiSolid    hygienic   unhygienic   1 1 0 0
    //  3  temporary    makeshift  hygienic     0 0 1 0
    //  4  (none)       hygienic   hygienic     0 1 1 0   housing not recorded
    //  5  dilapidated  none       none         0 0 0 0
    //  6  solid        hygienic   (none)       1 1 0 0   sanitation not recorded
    //  7  semiSolid    hygienic   hygienic     1 1 1 1
    //  8  (none)       (none)     (none)       0 0 0 0   nothing recorded
    //                                    sums: 4 5 4 2 of 8
    //  percents: 4/8 = 50, 5/8 = 62.5, 4/8 = 50, 2/8 = 25
    private static readonly HouseholdConditions[] Eight =
    [
        new(Solid, KitchenCondition.Hygienic, SanitationCondition.Hygienic),
        new(SemiSolid, KitchenCondition.Hygienic, SanitationCondition.Unhygienic),
        new(Temporary, KitchenCondition.Makeshift, SanitationCondition.Hygienic),
        new(null, KitchenCondition.Hygienic, SanitationCondition.Hygienic),
        new(Dilapidated, KitchenCondition.None, SanitationCondition.None),
        new(Solid, KitchenCondition.Hygienic, null),
        new(SemiSolid, KitchenCondition.Hygienic, SanitationCondition.Hygienic),
        new(null, null, null),
    ];

    [Fact]
    public void Counts_and_percents_of_a_handful_of_households_including_not_recorded()
    {
        var c = WelfareCoverage.Of(Eight);

        Assert.Equal(8, c.Households);
        Assert.Equal(4, c.HousingAdequate);
        Assert.Equal(5, c.KitchenAdequate);
        Assert.Equal(4, c.SanitationAdequate);
        Assert.Equal(2, c.AllThree);
        Assert.Equal(50.0, c.HousingPercent);
        Assert.Equal(62.5, c.KitchenPercent);
        Assert.Equal(50.0, c.SanitationPercent);
        Assert.Equal(25.0, c.AllThreePercent);
    }

    [Fact]
    public void Percents_are_kept_in_full_precision_not_rounded()
    {
        // 1 of 3 households adequate: 100 × 1 ÷ 3 = 33.333…, not 33.3
        var c = WelfareCoverage.Empty
            .Add(Solid, KitchenCondition.Hygienic, SanitationCondition.Hygienic)
            .Add(Temporary, KitchenCondition.None, SanitationCondition.None)
            .Add(null, null, null);
        Assert.Equal(100.0 / 3, c.HousingPercent);
        Assert.NotEqual(33.3, c.HousingPercent);
    }

    [Fact]
    public void No_households_gives_null_percents()
    {
        var c = WelfareCoverage.Of([]);
        Assert.Equal(0, c.Households);
        Assert.Null(c.HousingPercent);
        Assert.Null(c.KitchenPercent);
        Assert.Null(c.SanitationPercent);
        Assert.Null(c.AllThreePercent);
        Assert.Equal(WelfareCoverage.Empty, c);
    }

    [Fact]
    public void A_parent_sums_its_childrens_counts_and_recomputes_percents_never_averaging_them()
    {
        // child A = households 1–3: housing 2 of 3 → 66.67 %
        // child B = households 4–8: housing 2 of 5 → 40 %
        // average of the percents would be 53.33 %; the parent is 4 of 8 = 50 %
        var a = WelfareCoverage.Of(Eight.AsSpan(0, 3));
        var b = WelfareCoverage.Of(Eight.AsSpan(3));
        Assert.Equal(200.0 / 3, a.HousingPercent!.Value, 12);
        Assert.Equal(40.0, b.HousingPercent);

        var parent = a + b;
        Assert.Equal(WelfareCoverage.Of(Eight), parent);
        Assert.Equal(50.0, parent.HousingPercent);
        Assert.Equal(parent, WelfareCoverage.Sum([a, b]));
        Assert.Equal(parent, WelfareCoverage.Sum([a, WelfareCoverage.Empty, b]));
    }

    [Fact]
    public void Counts_from_elsewhere_build_the_same_value()
    {
        Assert.Equal(WelfareCoverage.Of(Eight), new WelfareCoverage(8, 4, 5, 4, 2));
    }

    [Theory]
    [InlineData(-1, 0, 0, 0, 0)]
    [InlineData(2, 3, 0, 0, 0)]
    [InlineData(2, 0, -1, 0, 0)]
    [InlineData(2, 0, 0, 3, 0)]
    [InlineData(5, 2, 3, 4, 3)] // all three cannot exceed the smallest of the three
    public void Inconsistent_counts_are_refused(int n, int h, int k, int s, int all) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new WelfareCoverage(n, h, k, s, all));

    private static readonly Gen<HouseholdConditions> HouseholdGen =
        from h in Gen.Elements<HousingCondition?>(null, Solid, SemiSolid, Temporary, Dilapidated)
        from k in Gen.Elements<KitchenCondition?>(null, KitchenCondition.Hygienic, KitchenCondition.Makeshift, KitchenCondition.None)
        from s in Gen.Elements<SanitationCondition?>(null, SanitationCondition.Hygienic, SanitationCondition.Unhygienic, SanitationCondition.None)
        select new HouseholdConditions(h, k, s);

    [Property]
    public Property Splitting_anywhere_and_summing_gives_the_whole() =>
        Prop.ForAll(
            Gen.ArrayOf(HouseholdGen).SelectMany(hs => Gen.Choose(0, hs.Length), (hs, cut) => (hs, cut)).ToArbitrary(),
            t =>
            {
                var whole = WelfareCoverage.Of(t.hs);
                var parts = WelfareCoverage.Of(t.hs.AsSpan(0, t.cut)) + WelfareCoverage.Of(t.hs.AsSpan(t.cut));
                return whole == parts
                    && whole.AllThree <= Math.Min(whole.HousingAdequate, Math.Min(whole.KitchenAdequate, whole.SanitationAdequate))
                    && (whole.Households == 0 ? whole.AllThreePercent is null : whole.AllThreePercent is >= 0 and <= 100);
            });
}
