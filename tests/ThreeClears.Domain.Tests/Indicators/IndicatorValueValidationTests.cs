using ThreeClears.Domain.Indicators;
using ThreeClears.Domain.Periods;

namespace ThreeClears.Domain.Tests.Indicators;

public class IndicatorValueValidationTests
{
    private static readonly IndicatorDefinition Monthly =
        new("RETAIL_SALES", Periodicity.Month, TimeKind.Flow, Aggregation.Sum, Min: 0);
    private static readonly IndicatorDefinition Quarterly =
        new("PUBLIC_INVEST", Periodicity.Quarter, TimeKind.Flow, Aggregation.Sum);
    private static readonly IndicatorDefinition Yearly =
        new("POVERTY_HH_RATE", Periodicity.Year, TimeKind.Rate, Aggregation.None, Min: 0, Max: 100);

    [Theory]
    [InlineData("2025-08", Periodicity.Month)]
    [InlineData("2025Q3", Periodicity.Quarter)] // coarser than the periodicity: an official quarter figure
    [InlineData("2025", Periodicity.Year)]
    public void A_monthly_indicator_takes_months_and_coarser(string period, Periodicity kind)
    {
        Assert.Empty(IndicatorValueValidation.Validate(Monthly, period, 100m, out var parsed));
        Assert.Equal(kind, parsed.Kind);
    }

    [Fact]
    public void A_quarterly_indicator_rejects_a_month_and_says_which_quarter()
    {
        var errors = IndicatorValueValidation.Validate(Quarterly, "2025-08", 3408m, out _);
        var e = Assert.Single(errors);
        Assert.Equal("period", e.Field);
        Assert.Equal("'2025-08' is a month but PUBLIC_INVEST is reported by quarter: use 2025Q3 or a coarser period.", e.Message);
        Assert.Empty(IndicatorValueValidation.Validate(Quarterly, "2025Q3", 3408m, out _));
        Assert.Empty(IndicatorValueValidation.Validate(Quarterly, "2025", 3408m, out _));
    }

    [Theory]
    [InlineData("2025Q3", "'2025Q3' is a quarter but POVERTY_HH_RATE is reported by year: use 2025 or a coarser period.")]
    [InlineData("2025-12", "'2025-12' is a month but POVERTY_HH_RATE is reported by year: use 2025 or a coarser period.")]
    public void A_yearly_indicator_takes_only_years(string period, string message) =>
        Assert.Equal(message, IndicatorValueValidation.CheckPeriod(Yearly, period, out _));

    [Theory]
    [InlineData("2025Q5")]
    [InlineData("2025-13")]
    [InlineData("25")]
    [InlineData("2025-8")]
    [InlineData("Q3/2025")]
    public void Unreadable_periods_are_rejected(string period) =>
        Assert.Equal($"'{period}' is not a period: use 2025, 2025Q3 or 2025-08.", IndicatorValueValidation.CheckPeriod(Monthly, period, out _));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void A_period_is_required(string? period) =>
        Assert.Equal("period is required: use 2025, 2025Q3 or 2025-08.", IndicatorValueValidation.CheckPeriod(Monthly, period, out _));

    [Theory]
    [InlineData(0)]     // bounds are inclusive
    [InlineData(100)]
    [InlineData(17.5)]
    public void Values_within_bounds_pass(decimal value) =>
        Assert.Null(IndicatorValueValidation.CheckValue(Yearly, value));

    [Fact]
    public void Values_outside_bounds_are_rejected_with_the_bound()
    {
        Assert.Equal("-0.5 is below the minimum 0 for POVERTY_HH_RATE.", IndicatorValueValidation.CheckValue(Yearly, -0.5m));
        Assert.Equal("100.01 is above the maximum 100 for POVERTY_HH_RATE.", IndicatorValueValidation.CheckValue(Yearly, 100.01m));
        Assert.Equal("value is required.", IndicatorValueValidation.CheckValue(Yearly, null));
        // No max: any large non-negative value passes.
        Assert.Null(IndicatorValueValidation.CheckValue(Monthly, 1_000_000_000_000m));
    }

    [Fact]
    public void Every_bad_field_is_reported_at_once()
    {
        var errors = IndicatorValueValidation.Validate(Yearly, "2025-13", 120m, out _);
        Assert.Equal(
            [
                new IndicatorValueError("period", "'2025-13' is not a period: use 2025, 2025Q3 or 2025-08."),
                new IndicatorValueError("value", "120 is above the maximum 100 for POVERTY_HH_RATE."),
            ],
            errors);
    }

    [Fact]
    public void A_derived_indicator_takes_no_entered_values()
    {
        var derived = new IndicatorDefinition("POVERTY_RATE", Periodicity.Year, TimeKind.Rate, Aggregation.None,
            NumeratorCode: "POOR_HH", DenominatorCode: "HH", Factor: 100);
        var e = Assert.Single(IndicatorValueValidation.Validate(derived, "2025", 12m, out var parsed));
        Assert.Equal("indicatorCode", e.Field);
        Assert.Equal(Period.OfYear(2025), parsed);
    }
}
