using ThreeClears.Domain.Indicators;
using ThreeClears.Domain.Periods;

namespace ThreeClears.Domain.Tests.Indicators;

public class DerivedIndicatorTests
{
    [Fact]
    public void Numerator_over_denominator_times_factor()
    {
        Assert.Equal(11.25m, DerivedIndicator.Compute(450m, 4000m, 100m));          // 450 ÷ 4,000 × 100
        Assert.Equal(0.1125m, DerivedIndicator.Compute(450m, 4000m, 1m));
        // Forest cover: 362,500 ha of forest ÷ 670,000 ha of land × 100 = 54.104477… %
        Assert.Equal(54.104478m, Math.Round(DerivedIndicator.Compute(362_500m, 670_000m, 100m)!.Value, 6));
    }

    [Fact]
    public void Null_when_a_part_is_missing_or_the_denominator_is_0()
    {
        Assert.Null(DerivedIndicator.Compute(450m, 0m, 100m));
        Assert.Null(DerivedIndicator.Compute(450m, null, 100m));
        Assert.Null(DerivedIndicator.Compute(null, 4000m, 100m));
        Assert.Equal(0m, DerivedIndicator.Compute(0m, 4000m, 100m)); // no poor households is 0 %, not missing
    }

    [Fact]
    public void The_district_rate_comes_from_summed_parts_not_the_mean_of_commune_rates()
    {
        // Commune   poor   households   own rate
        // c1         300        1,000      30 %
        // c2          50          500      10 %
        // c3         100        2,500       4 %
        decimal?[] poor = [300m, 50m, 100m];
        decimal?[] households = [1000m, 500m, 2500m];

        var right = DerivedIndicator.Compute(
            UnitAggregation.Combine(Aggregation.Sum, poor),        // 450
            UnitAggregation.Combine(Aggregation.Sum, households),  // 4,000
            100m);
        Assert.Equal(11.25m, right);                               // 450 ÷ 4,000 × 100

        decimal?[] communeRates = [DerivedIndicator.Compute(300m, 1000m, 100m), DerivedIndicator.Compute(50m, 500m, 100m), DerivedIndicator.Compute(100m, 2500m, 100m)];
        Assert.Equal([30m, 10m, 4m], communeRates);
        var wrong = UnitAggregation.Combine(Aggregation.Average, communeRates); // (30 + 10 + 4) ÷ 3 = 14.666…
        Assert.Equal(14.67m, Math.Round(wrong!.Value, 2));
        Assert.NotEqual(right, wrong);
    }

    [Fact]
    public void Parts_are_aggregated_over_time_by_their_own_kind_first()
    {
        // Budget revenue per household in Q1 2025 (VND m): revenue is a flow (sum of months),
        // households a level (last month). (1,000 + 1,100 + 1,300) ÷ 4,000 × 1 = 3,400 ÷ 4,000 = 0.85.
        var revenue = Series.Of(("2025-01", 1000), ("2025-02", 1100), ("2025-03", 1300));
        var households = Series.Of(("2025-01", 3900), ("2025-03", 4000));
        var q1 = Period.Parse("2025Q1");
        Assert.Equal(0.85m, DerivedIndicator.ValueAt(revenue, TimeKind.Flow, households, TimeKind.Level, 1m, q1));
        // Not the mean of the monthly ratios, and not with households summed over the quarter.
        Assert.Null(DerivedIndicator.ValueAt(revenue, TimeKind.Flow, households, TimeKind.Level, 1m, Period.Parse("2025Q2")));
    }
}
