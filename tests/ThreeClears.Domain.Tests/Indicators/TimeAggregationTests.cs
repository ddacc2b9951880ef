using ThreeClears.Domain.Indicators;
using ThreeClears.Domain.Periods;

namespace ThreeClears.Domain.Tests.Indicators;

public class TimeAggregationTests
{
    private static Period P(string s) => Period.Parse(s);

    // ---- Flows ------------------------------------------------------------------------------

    [Fact]
    public void Flow_months_sum_to_the_quarter_and_the_year()
    {
        var s = Series.Of(("2025-01", 100), ("2025-02", 120), ("2025-03", 130), ("2025-04", 90), ("2025-11", 10.5m));
        Assert.Equal(350m, TimeAggregation.Flow(s, P("2025Q1")));          // 100 + 120 + 130
        Assert.Equal(90m, TimeAggregation.Flow(s, P("2025Q2")));           // only April present
        Assert.Null(TimeAggregation.Flow(s, P("2025Q3")));                 // nothing stored
        Assert.Equal(450.5m, TimeAggregation.Flow(s, P("2025")));          // 350 + 90 + 10.5
        Assert.Equal(120m, TimeAggregation.ValueAt(s, P("2025-02"), TimeKind.Flow));
        Assert.Null(TimeAggregation.Flow(s, P("2025-05")));
    }

    [Fact]
    public void Flow_missing_months_are_skipped_not_guessed()
    {
        // Jan–Aug with March and June missing: the sum of the six present.
        var s = Series.Of(("2025-01", 10), ("2025-02", 11), ("2025-04", 13), ("2025-05", 14), ("2025-07", 16), ("2025-08", 17));
        Assert.Equal(81m, TimeAggregation.Flow(s, P("2025")));            // 10+11+13+14+16+17
        Assert.Equal(21m, TimeAggregation.Flow(s, P("2025Q1")));          // 10+11
        Assert.Equal(81m, TimeAggregation.YearToDate(s, 2025, 8));
    }

    [Fact]
    public void Flow_quarters_sum_to_the_year()
    {
        var s = Series.Of(("2025Q1", 700), ("2025Q2", 800), ("2025Q3", 900), ("2025Q4", 1000.25m));
        Assert.Equal(3400.25m, TimeAggregation.Flow(s, P("2025")));       // 700+800+900+1000.25
        Assert.Null(TimeAggregation.Flow(s, P("2025-08")));               // finer than the data
    }

    [Fact]
    public void A_value_stored_at_exactly_the_period_wins()
    {
        // Official Q2 figure 250 beats April–June 80+80+80 = 240; the official year 1,000 beats everything.
        var s = Series.Months(2025, 1, 6, 80);
        s.Add(P("2025Q2"), 250);
        Assert.Equal(250m, TimeAggregation.Flow(s, P("2025Q2")));
        Assert.Equal(490m, TimeAggregation.Flow(s, P("2025")));           // Q1 240 (months) + Q2 250 (stored)
        s.Add(P("2025"), 1000);
        Assert.Equal(1000m, TimeAggregation.Flow(s, P("2025")));
        Assert.Equal(80m, TimeAggregation.Flow(s, P("2025-05")));
    }

    // ---- Levels -----------------------------------------------------------------------------

    [Fact]
    public void Level_is_the_last_available_value_within_the_period()
    {
        // Forest area (ha) read monthly; September not yet entered.
        var s = Series.Of(("2025-01", 360_000), ("2025-05", 361_200), ("2025-07", 362_000), ("2025-08", 362_500));
        Assert.Equal(360_000m, TimeAggregation.Level(s, P("2025Q1")));
        Assert.Equal(361_200m, TimeAggregation.Level(s, P("2025Q2")));   // May, the last in Q2
        Assert.Equal(362_500m, TimeAggregation.Level(s, P("2025Q3")));   // August: September missing
        Assert.Equal(362_500m, TimeAggregation.Level(s, P("2025")));     // the last anywhere in 2025
        Assert.Null(TimeAggregation.Level(s, P("2025Q4")));
        Assert.Null(TimeAggregation.Level(s, P("2025-09")));
    }

    [Fact]
    public void Level_prefers_a_stored_quarter_and_never_sums()
    {
        var s = Series.Of(("2025Q3", 500), ("2025-08", 480), ("2025-10", 520), ("2025Q4", 530));
        Assert.Equal(500m, TimeAggregation.Level(s, P("2025Q3")));       // stored wins over August
        Assert.Equal(530m, TimeAggregation.Level(s, P("2025")));         // Q4 stored, ahead of October
        var onlyQuarters = Series.Of(("2025Q1", 10), ("2025Q2", 20));
        Assert.Equal(20m, TimeAggregation.ValueAt(onlyQuarters, P("2025"), TimeKind.Level)); // not 30
    }

    // ---- Rates ------------------------------------------------------------------------------

    [Fact]
    public void Rate_is_only_the_value_of_that_exact_period()
    {
        // Monthly growth rates are never summed or averaged into a quarter or a year.
        var s = Series.Of(("2025-01", 7.5m), ("2025-02", 8.1m), ("2025-03", 8.4m), ("2025Q2", 8.2m));
        Assert.Null(TimeAggregation.Rate(s, P("2025Q1")));
        Assert.Null(TimeAggregation.ValueAt(s, P("2025"), TimeKind.Rate));
        Assert.Equal(8.1m, TimeAggregation.Rate(s, P("2025-02")));
        Assert.Equal(8.2m, TimeAggregation.ValueAt(s, P("2025Q2"), TimeKind.Rate));
    }

    // ---- Year to date -----------------------------------------------------------------------

    [Fact]
    public void Ytd_of_a_monthly_flow_through_august()
    {
        // 1,112.5 a month for eight months = 8,900 (retail sales, first 8 months of 2025).
        var s = Series.Months(2025, 1, 12, 1112.5m);
        Assert.Equal(8900m, TimeAggregation.YearToDate(s, 2025, 8));
        Assert.Equal(1112.5m, TimeAggregation.YearToDate(s, 2025, 1));
        Assert.Equal(13350m, TimeAggregation.YearToDate(s, 2025, 12));   // 12 × 1,112.5
        Assert.Null(TimeAggregation.YearToDate(s, 2024, 8));
    }

    [Fact]
    public void Ytd_of_a_quarterly_flow_is_the_quarters_up_to_P()
    {
        var s = Series.Of(("2025Q1", 100), ("2025Q2", 200), ("2025Q3", 300), ("2025Q4", 400));
        Assert.Equal(600m, TimeAggregation.YearToDate(s, 2025, P("2025Q3").LastMonth));  // 100+200+300
        Assert.Equal(300m, TimeAggregation.YearToDate(s, 2025, 8));                        // Q1+Q2: August of a quarterly series is unknown
        Assert.Equal(1000m, TimeAggregation.YearToDate(s, 2025, 12));
    }

    [Fact]
    public void Ytd_mixes_stored_quarters_and_months_and_a_stored_year_at_december()
    {
        // Q1 official 300 (months would give 3 × 90 = 270), then April and May monthly.
        var s = Series.Months(2025, 1, 5, 90);
        s.Add(P("2025Q1"), 300);
        Assert.Equal(480m, TimeAggregation.YearToDate(s, 2025, 5));  // 300 + 90 + 90
        s.Add(P("2025"), 1200);
        Assert.Equal(1200m, TimeAggregation.YearToDate(s, 2025, 12));
        Assert.Equal(480m, TimeAggregation.YearToDate(s, 2025, 5)); // the year figure does not leak into a partial YTD
    }

    [Theory]
    [InlineData(0)]
    [InlineData(13)]
    public void Ytd_month_is_1_to_12(int month) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => TimeAggregation.YearToDate(Series.Empty, 2025, month));

    [Fact]
    public void Months_covered_counts_stored_years_quarters_and_months()
    {
        var s = Series.Months(2025, 1, 5, 90);       // January–May
        s.Add(P("2025Q3"), 300);                     // an official Q3
        Assert.Equal(8, TimeAggregation.MonthsCovered(s, P("2025")));   // 3 (Q1) + 2 (April, May) + 3 (Q3) + 0
        Assert.Equal(3, TimeAggregation.MonthsCovered(s, P("2025Q1")));
        Assert.Equal(1, TimeAggregation.MonthsCovered(s, P("2025-05")));
        Assert.Equal(0, TimeAggregation.MonthsCovered(s, P("2025-06")));
        s.Add(P("2025"), 1200);
        Assert.Equal(12, TimeAggregation.MonthsCovered(s, P("2025")));
    }

    // ---- Latest -----------------------------------------------------------------------------

    [Fact]
    public void Latest_is_the_last_value_known_at_the_end_of_P_within_its_year()
    {
        var s = Series.Of(("2024-12", 21.0m), ("2025-03", 19.4m), ("2025-06", 18.7m), ("2025Q2", 18.6m), ("2025-08", 17.9m));
        Assert.Equal(17.9m, TimeAggregation.Latest(s, P("2025-09")));   // September not entered: August
        Assert.Equal(17.9m, TimeAggregation.Latest(s, P("2025Q3")));
        Assert.Equal(17.9m, TimeAggregation.Latest(s, P("2025")));
        Assert.Equal(18.6m, TimeAggregation.Latest(s, P("2025-07")));   // Q2 and June both end 30 June: the quarter
        Assert.Equal(18.7m, TimeAggregation.Latest(s, P("2025-06")));   // but the exact period always wins
        Assert.Equal(19.4m, TimeAggregation.Latest(s, P("2025-04")));
        Assert.Null(TimeAggregation.Latest(s, P("2025-02")));            // does not reach back into 2024
    }
}
