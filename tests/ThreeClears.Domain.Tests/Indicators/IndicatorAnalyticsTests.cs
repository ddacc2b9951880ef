using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ThreeClears.Domain.Indicators;
using ThreeClears.Domain.Periods;

namespace ThreeClears.Domain.Tests.Indicators;

public class IndicatorAnalyticsTests
{
    private static Period P(string s) => Period.Parse(s);

    private static readonly IndicatorDefinition RetailSales =
        new("RETAIL_SALES", Periodicity.Month, TimeKind.Flow, Aggregation.Sum, Min: 0);

    // Retail sales of goods and services, VND bn.
    // 2024: 978.45 a month Jan–Aug (8 × 978.45 = 7,827.6), 1,043.1 a month Sep–Dec (4 × 1,043.1 = 4,172.4); year 12,000.
    // 2025: 1,112.5 a month Jan–Aug (8 × 1,112.5 = 8,900) — "nearly VND 8,900 billion, up 13.7%".
    private static Dictionary<Period, decimal> RetailWithHistory()
    {
        var s = Series.Months(2024, 1, 8, 978.45m);
        Series.Months(2024, 9, 12, 1043.1m, s);
        Series.Months(2025, 1, 8, 1112.5m, s);
        return s;
    }

    private static readonly IndicatorTarget Retail2025 = new(Baseline: 12_000m, TargetValue: 13_500m, TargetYear: 2025, Direction.Increase);

    [Fact]
    public void Retail_sales_first_eight_months_with_history()
    {
        var row = IndicatorAnalytics.Compute(RetailSales, P("2025-08"), RetailWithHistory(), Retail2025);

        Assert.Equal(P("2025-08"), row.Period);
        Assert.Equal(1112.5m, row.Value);
        Assert.Equal(978.45m, row.ValueYearBefore);
        // (1,112.5 − 978.45) ÷ 978.45 × 100 = 134.05 ÷ 978.45 × 100 = 13.7002…
        Assert.Equal(13.7002401758m, Math.Round(row.YoyPercent!.Value, 10));
        Assert.False(row.ChangeInPercentagePoints);

        Assert.Equal(8900m, row.Ytd);
        Assert.Equal(7827.6m, row.YtdYearBefore);
        // (8,900 − 7,827.6) ÷ 7,827.6 × 100 = 1,072.4 ÷ 7,827.6 × 100 = 13.7002… ("up 13.7%")
        Assert.Equal(13.7002401758m, Math.Round(row.YtdYoyPercent!.Value, 10));

        Assert.Equal(8900m, row.Actual); // a flow's actual is its YTD
        Assert.Equal(13_500m, row.Target);
        // 8,900 ÷ 13,500 × 100 = 65.925925…
        Assert.Equal(65.925926m, Math.Round(row.AchievementPercent!.Value, 6));

        // 8,900 × 12,000 ÷ 7,827.6 = 106,800,000 ÷ 7,827.6 = 13,644.028821…
        Assert.Equal(ForecastMethod.History, row.ForecastMethod);
        Assert.Equal(13644.028821m, Math.Round(row.Forecast!.Value, 6));
        Assert.Equal(106_800_000m / 7827.6m, row.Forecast);  // full precision kept
        Assert.True(row.OnTrack); // 13,644.03 ≥ 13,500
    }

    [Fact]
    public void Retail_sales_without_history_uses_the_run_rate()
    {
        var s = Series.Months(2025, 1, 8, 1112.5m);
        var row = IndicatorAnalytics.Compute(RetailSales, P("2025-08"), s, Retail2025);
        Assert.Equal(8900m, row.Ytd);
        Assert.Null(row.YtdYearBefore);
        Assert.Null(row.YoyPercent);
        Assert.Null(row.YtdYoyPercent);
        Assert.Equal(ForecastMethod.RunRate, row.ForecastMethod);
        Assert.Equal(13350m, row.Forecast);       // 8,900 × 12 ÷ 8
        Assert.False(row.OnTrack);                // 13,350 < 13,500
    }

    [Fact]
    public void Last_years_same_months_at_zero_is_no_history()
    {
        var s = Series.Months(2024, 1, 8, 0m);
        Series.Months(2024, 9, 12, 1000m, s);     // full year 4,000, but Jan–Aug 0
        Series.Months(2025, 1, 8, 1112.5m, s);
        var row = IndicatorAnalytics.Compute(RetailSales, P("2025-08"), s, Retail2025);
        Assert.Equal(0m, row.YtdYearBefore);
        Assert.Null(row.YtdYoyPercent);           // no percent change from 0
        Assert.Equal(ForecastMethod.RunRate, row.ForecastMethod);
        Assert.Equal(13350m, row.Forecast);
    }

    [Fact]
    public void An_incomplete_last_year_is_no_history_either()
    {
        // 2024 only Jan–Aug: its "full year" would equal its YTD and the forecast would stall at 8,900.
        var s = Series.Months(2024, 1, 8, 978.45m);
        Series.Months(2025, 1, 8, 1112.5m, s);
        var row = IndicatorAnalytics.Compute(RetailSales, P("2025-08"), s, null);
        Assert.Equal(7827.6m, row.YtdYearBefore);
        Assert.Equal(ForecastMethod.RunRate, row.ForecastMethod);
        Assert.Equal(13350m, row.Forecast);
        // An official 2024 total makes it complete again: 8,900 × 12,000 ÷ 7,827.6.
        s.Add(P("2024"), 12_000m);
        Assert.Equal(106_800_000m / 7827.6m, IndicatorAnalytics.Compute(RetailSales, P("2025-08"), s, null).Forecast);
    }

    [Fact]
    public void Quarterly_flow_ytd_and_forecast()
    {
        // Public investment disbursed by quarter. YTD through Q3 = 100 + 200 + 300 = 600.
        var s = Series.Of(("2025Q1", 100), ("2025Q2", 200), ("2025Q3", 300));
        var row = IndicatorAnalytics.Compute(P("2025Q3"), TimeKind.Flow, false, s, null);
        Assert.Equal(300m, row.Value);
        Assert.Equal(600m, row.Ytd);
        Assert.Equal(800m, row.Forecast);         // 600 × 12 ÷ 9
        Assert.Null(row.OnTrack);                 // no target
        Assert.Null(row.AchievementPercent);
        Assert.Null(row.Target);

        // With 2024 = 90, 180, 270, 360 (YTD Q1–Q3 540, year 900): 600 × 900 ÷ 540 = 1,000.
        s.Add(P("2024Q1"), 90); s.Add(P("2024Q2"), 180); s.Add(P("2024Q3"), 270); s.Add(P("2024Q4"), 360);
        row = IndicatorAnalytics.Compute(P("2025Q3"), TimeKind.Flow, false, s, null);
        Assert.Equal(1000m, row.Forecast);
        Assert.Equal(ForecastMethod.History, row.ForecastMethod);
        Assert.Equal(11.111111m, Math.Round(row.YoyPercent!.Value, 6));    // (300 − 270) ÷ 270 × 100
        Assert.Equal(11.111111m, Math.Round(row.YtdYoyPercent!.Value, 6)); // (600 − 540) ÷ 540 × 100
    }

    [Fact]
    public void At_year_end_the_flow_forecast_is_the_year_itself()
    {
        var s = Series.Of(("2024", 12_000), ("2025", 13_700));
        var row = IndicatorAnalytics.Compute(P("2025"), TimeKind.Flow, false, s, Retail2025);
        Assert.Equal(13_700m, row.Ytd);
        Assert.Equal(13_700m, row.Forecast);      // 13,700 × 12,000 ÷ 12,000
        Assert.Equal(14.166667m, Math.Round(row.YoyPercent!.Value, 6)); // 1,700 ÷ 12,000 × 100
        Assert.True(row.OnTrack);
    }

    [Fact]
    public void Yoy_of_a_rate_is_in_percentage_points_of_a_flow_in_percent()
    {
        var s = Series.Of(("2024", 7.2m), ("2025", 8.5m));
        var rate = IndicatorAnalytics.Compute(P("2025"), TimeKind.Rate, false, s, null);
        Assert.Equal(1.3m, rate.YoyPercent);      // 8.5 − 7.2 = 1.3 points
        Assert.True(rate.ChangeInPercentagePoints);
        Assert.Null(rate.Ytd);
        Assert.Null(rate.YtdYoyPercent);

        var flow = IndicatorAnalytics.Compute(P("2025"), TimeKind.Flow, false, s, null);
        Assert.Equal(18.055556m, Math.Round(flow.YoyPercent!.Value, 6)); // 1.3 ÷ 7.2 × 100
        Assert.False(flow.ChangeInPercentagePoints);
    }

    [Fact]
    public void A_derived_ratio_changes_in_points_even_if_declared_a_level()
    {
        var forestCover = new IndicatorDefinition("FOREST_COVER", Periodicity.Year, TimeKind.Level, Aggregation.None,
            NumeratorCode: "FOREST_AREA", DenominatorCode: "LAND_AREA", Factor: 100);
        var s = Series.Of(("2024", 55.2m), ("2025", 55.6m));
        var row = IndicatorAnalytics.Compute(forestCover, P("2025"), s, null);
        Assert.True(row.ChangeInPercentagePoints);
        Assert.Equal(0.4m, row.YoyPercent);       // 55.6 − 55.2
        Assert.Equal(55.6m, row.Actual);
        Assert.Equal(ForecastMethod.LatestValue, row.ForecastMethod);
    }

    [Fact]
    public void Poverty_rate_decrease_target()
    {
        // Baseline 20 %, target 15 %, actual 17 %: (20 − 17) ÷ (20 − 15) × 100 = 3 ÷ 5 × 100 = 60 %.
        var target = new IndicatorTarget(20m, 15m, 2025, Direction.Decrease);
        var s = Series.Of(("2024", 18.5m), ("2025", 17m));
        var row = IndicatorAnalytics.Compute(P("2025"), TimeKind.Rate, false, s, target);
        Assert.Equal(17m, row.Actual);
        Assert.Equal(60m, row.AchievementPercent);
        Assert.Equal(-1.5m, row.YoyPercent);      // 17 − 18.5 points
        Assert.Equal(17m, row.Forecast);          // the latest value
        Assert.False(row.OnTrack);                // 17 > 15

        // Below the target: (20 − 14) ÷ 5 × 100 = 120 %, on track.
        s[P("2025")] = 14m;
        row = IndicatorAnalytics.Compute(P("2025"), TimeKind.Rate, false, s, target);
        Assert.Equal(120m, row.AchievementPercent);
        Assert.True(row.OnTrack);                 // 14 ≤ 15
    }

    [Fact]
    public void Achievement_edge_cases()
    {
        Assert.Equal(60m, IndicatorAnalytics.Achievement(17m, new(20m, 15m, 2025, Direction.Decrease)));
        Assert.Equal(110m, IndicatorAnalytics.Achievement(1.1m, new(null, 1m, 2025, Direction.Increase)));  // 1.1 ÷ 1 × 100
        Assert.Null(IndicatorAnalytics.Achievement(17m, new(null, 15m, 2025, Direction.Decrease)));         // no baseline
        Assert.Null(IndicatorAnalytics.Achievement(17m, new(15m, 15m, 2025, Direction.Decrease)));          // baseline = target
        Assert.Null(IndicatorAnalytics.Achievement(5m, new(null, 0m, 2025, Direction.Increase)));           // target 0
        Assert.Null(IndicatorAnalytics.Achievement(null, new(null, 10m, 2025, Direction.Increase)));
        Assert.Null(IndicatorAnalytics.Achievement(5m, null));
        Assert.Equal(-20m, IndicatorAnalytics.Achievement(21m, new(20m, 15m, 2025, Direction.Decrease)));   // worse than baseline: (20 − 21) ÷ 5 × 100
    }

    [Fact]
    public void On_track_edges()
    {
        Assert.True(IndicatorAnalytics.OnTrack(13_500m, new(null, 13_500m, 2025, Direction.Increase)));  // equal meets it
        Assert.True(IndicatorAnalytics.OnTrack(15m, new(20m, 15m, 2025, Direction.Decrease)));
        Assert.False(IndicatorAnalytics.OnTrack(15.01m, new(20m, 15m, 2025, Direction.Decrease)));
        Assert.Null(IndicatorAnalytics.OnTrack(null, new(20m, 15m, 2025, Direction.Decrease)));
        Assert.Null(IndicatorAnalytics.OnTrack(10m, null));
    }

    [Fact]
    public void A_level_uses_its_latest_value()
    {
        // Forest area (ha), monthly; September not yet entered. Target 365,000 ha.
        var s = Series.Of(("2024-09", 358_000), ("2025-07", 362_000), ("2025-08", 362_500));
        var target = new IndicatorTarget(355_000m, 365_000m, 2025, Direction.Increase);
        var row = IndicatorAnalytics.Compute(P("2025-09"), TimeKind.Level, false, s, target);
        Assert.Null(row.Value);                   // nothing for September itself
        Assert.Null(row.YoyPercent);
        Assert.Null(row.Ytd);
        Assert.Equal(362_500m, row.Actual);       // the latest: August
        Assert.Equal(362_500m, row.Forecast);
        Assert.Equal(99.315068m, Math.Round(row.AchievementPercent!.Value, 6)); // 362,500 ÷ 365,000 × 100
        Assert.False(row.OnTrack);

        var q3 = IndicatorAnalytics.Compute(P("2025Q3"), TimeKind.Level, false, s, target);
        Assert.Equal(362_500m, q3.Value);         // last available in Q3
        Assert.Equal(358_000m, q3.ValueYearBefore);
        Assert.Equal(1.256983m, Math.Round(q3.YoyPercent!.Value, 6)); // 4,500 ÷ 358,000 × 100
    }

    [Fact]
    public void Nothing_stored_gives_an_empty_row()
    {
        var row = IndicatorAnalytics.Compute(RetailSales, P("2025-08"), Series.Empty, Retail2025);
        Assert.Null(row.Value);
        Assert.Null(row.Ytd);
        Assert.Null(row.Actual);
        Assert.Null(row.Forecast);
        Assert.Null(row.ForecastMethod);
        Assert.Null(row.AchievementPercent);
        Assert.Null(row.OnTrack);
        Assert.Equal(13_500m, row.Target);
    }

    [Fact]
    public void Change_rules()
    {
        Assert.Equal(50m, IndicatorAnalytics.Change(150m, 100m, false));
        Assert.Equal(50m, IndicatorAnalytics.Change(150m, 100m, true));
        Assert.Equal(-25m, IndicatorAnalytics.Change(75m, 100m, false));
        Assert.Null(IndicatorAnalytics.Change(5m, 0m, false));
        Assert.Equal(5m, IndicatorAnalytics.Change(5m, 0m, true));
        Assert.Null(IndicatorAnalytics.Change(null, 1m, true));
        Assert.Null(IndicatorAnalytics.Change(1m, null, false));
    }

    // ---- Properties ---------------------------------------------------------------------------

    private static readonly Arbitrary<decimal> Amount = Gen.Choose(-100_000_000, 100_000_000).Select(i => i / 1000m).ToArbitrary();

    [Property]
    public Property Yoy_of_equal_values_is_0() =>
        Prop.ForAll(Amount, v =>
            IndicatorAnalytics.Change(v, v, inPercentagePoints: true) == 0m
            && (v == 0m ? IndicatorAnalytics.Change(v, v, false) is null : IndicatorAnalytics.Change(v, v, false) == 0m));

    private static readonly Arbitrary<(int[] Months, int Through)> SameEveryYear =
        Gen.ArrayOf(Gen.Choose(1, 100_000), 12).SelectMany(m => Gen.Choose(1, 12).Select(t => (m, t))).ToArbitrary();

    [Property]
    public Property A_year_exactly_like_the_last_has_zero_change_and_forecasts_last_years_total() =>
        Prop.ForAll(SameEveryYear, x =>
        {
            var s = new Dictionary<Period, decimal>();
            decimal full = 0m;
            for (var m = 1; m <= 12; m++)
            {
                var v = x.Months[m - 1] / 10m;
                s.Add(Period.OfMonth(2024, m), v);
                full += v;
                if (m <= x.Through) s.Add(Period.OfMonth(2025, m), v);
            }
            var row = IndicatorAnalytics.Compute(Period.OfMonth(2025, x.Through), TimeKind.Flow, false, s, null);
            return row.YoyPercent == 0m && row.YtdYoyPercent == 0m
                && row.ForecastMethod == ForecastMethod.History && row.Forecast == full;
        });
}
