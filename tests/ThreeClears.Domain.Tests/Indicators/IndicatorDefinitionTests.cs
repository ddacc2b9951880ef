using ThreeClears.Domain.Indicators;
using ThreeClears.Domain.Periods;

namespace ThreeClears.Domain.Tests.Indicators;

public class IndicatorDefinitionTests
{
    [Fact]
    public void A_plain_indicator_is_sound()
    {
        var retail = new IndicatorDefinition("RETAIL_SALES", Periodicity.Month, TimeKind.Flow, Aggregation.Sum, Min: 0);
        Assert.Empty(retail.Validate());
        Assert.False(retail.IsDerived);
        Assert.False(retail.ChangeInPercentagePoints);
        Assert.Equal(1m, retail.Factor);
    }

    [Fact]
    public void Rates_and_derived_ratios_change_in_percentage_points()
    {
        var growth = new IndicatorDefinition("GRDP_GROWTH", Periodicity.Year, TimeKind.Rate, Aggregation.None);
        var poverty = new IndicatorDefinition("POVERTY_RATE", Periodicity.Year, TimeKind.Level, Aggregation.None,
            NumeratorCode: "POOR_HH", DenominatorCode: "HH", Factor: 100);
        var forest = new IndicatorDefinition("FOREST_AREA", Periodicity.Year, TimeKind.Level, Aggregation.Sum);
        Assert.True(growth.ChangeInPercentagePoints);
        Assert.True(poverty.IsDerived);
        Assert.True(poverty.ChangeInPercentagePoints);
        Assert.Empty(poverty.Validate());
        Assert.False(forest.ChangeInPercentagePoints);
    }

    [Fact]
    public void Reports_every_inconsistency()
    {
        var bad = new IndicatorDefinition(" ", (Periodicity)7, TimeKind.Flow, Aggregation.Sum, Min: 10, Max: 5,
            NumeratorCode: null, DenominatorCode: "HH", Factor: 0);
        var errors = bad.Validate();
        Assert.Contains("code is required.", errors);
        Assert.Contains("periodicity must be month, quarter or year.", errors);
        Assert.Contains("min (10) is greater than max (5).", errors);
        Assert.Contains("a derived indicator needs a numerator.", errors);
        Assert.Contains("factor must not be 0.", errors);
        Assert.Equal(5, errors.Count);
    }

    [Fact]
    public void A_derived_indicator_needs_both_parts_and_not_itself()
    {
        var half = new IndicatorDefinition("X", Periodicity.Year, TimeKind.Rate, Aggregation.None, NumeratorCode: "A");
        Assert.Equal(["a derived indicator needs a denominator."], half.Validate());
        var self = new IndicatorDefinition("X", Periodicity.Year, TimeKind.Rate, Aggregation.None, NumeratorCode: "X", DenominatorCode: "B");
        Assert.Equal(["a derived indicator cannot be computed from itself."], self.Validate());
    }
}
