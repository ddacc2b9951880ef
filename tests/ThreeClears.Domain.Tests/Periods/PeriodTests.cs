using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ThreeClears.Domain.Periods;

namespace ThreeClears.Domain.Tests.Periods;

public class PeriodTests
{
    // ---- Parsing: the three accepted shapes -------------------------------------------------

    [Theory]
    [InlineData("2025", Periodicity.Year, 2025, 0)]
    [InlineData("2025Q1", Periodicity.Quarter, 2025, 1)]
    [InlineData("2025Q4", Periodicity.Quarter, 2025, 4)]
    [InlineData("2025q3", Periodicity.Quarter, 2025, 3)] // lower-case q is tolerated
    [InlineData("2025-01", Periodicity.Month, 2025, 1)]
    [InlineData("2025-08", Periodicity.Month, 2025, 8)]
    [InlineData("2025-12", Periodicity.Month, 2025, 12)]
    [InlineData(" 2025-08 ", Periodicity.Month, 2025, 8)] // surrounding blanks are trimmed
    [InlineData("1900", Periodicity.Year, 1900, 0)]
    [InlineData("2999Q4", Periodicity.Quarter, 2999, 4)]
    public void Parses_the_canonical_shapes(string text, Periodicity kind, int year, int index)
    {
        Assert.True(Period.TryParse(text, out var p));
        Assert.Equal(new Period(kind, year, index), p);
        Assert.Equal(p, Period.Parse(text));
    }

    // Decision: only the canonical forms 2025, 2025Q3 and 2025-08 are periods. A one-digit month
    // ("2025-8") is rejected rather than guessed, so that one period has exactly one spelling and
    // the stored key is unambiguous.
    [Theory]
    [InlineData("2025Q5")]      // no fifth quarter
    [InlineData("2025Q0")]
    [InlineData("2025-13")]     // no thirteenth month
    [InlineData("2025-00")]
    [InlineData("25")]          // two-digit year
    [InlineData("2025-8")]      // month must have two digits
    [InlineData("2025-+8")]     // no signs
    [InlineData("2025- 8")]     // no inner blanks
    [InlineData("2025Q")]
    [InlineData("2025Q10")]
    [InlineData("2025-08-01")]  // a date is not a period
    [InlineData("2025/08")]
    [InlineData("08-2025")]
    [InlineData("Q3 2025")]
    [InlineData("2025H1")]      // half-years are not periods
    [InlineData("02025")]
    [InlineData("-2025")]
    [InlineData("1899")]        // outside 1900–2999
    [InlineData("3000")]
    [InlineData("２０２５")]      // full-width digits
    [InlineData("٢٠٢٥")]        // Arabic-Indic digits
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Rejects_everything_else(string? text)
    {
        Assert.False(Period.TryParse(text, out _));
        if (text is not null) Assert.Throws<FormatException>(() => Period.Parse(text));
    }

    [Theory]
    [InlineData("2025", "2025")]
    [InlineData("2025q3", "2025Q3")]
    [InlineData("2025-08", "2025-08")]
    public void ToString_is_the_canonical_spelling(string text, string expected) =>
        Assert.Equal(expected, Period.Parse(text).ToString());

    // ---- Calendar facts -----------------------------------------------------------------------

    [Theory]
    [InlineData("2025", "2025-01-01", "2025-12-31", 1, 12)]
    [InlineData("2025Q1", "2025-01-01", "2025-03-31", 1, 3)]
    [InlineData("2025Q3", "2025-07-01", "2025-09-30", 7, 9)]
    [InlineData("2025Q4", "2025-10-01", "2025-12-31", 10, 12)]
    [InlineData("2025-02", "2025-02-01", "2025-02-28", 2, 2)]
    [InlineData("2024-02", "2024-02-01", "2024-02-29", 2, 2)] // leap year
    [InlineData("2025-08", "2025-08-01", "2025-08-31", 8, 8)]
    public void Start_end_and_months(string text, string start, string end, int firstMonth, int lastMonth)
    {
        var p = Period.Parse(text);
        Assert.Equal(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), p.Start);
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), p.End);
        Assert.Equal(firstMonth, p.FirstMonth);
        Assert.Equal(lastMonth, p.LastMonth);
        Assert.Equal(lastMonth - firstMonth + 1, p.Months().Count());
        Assert.All(p.Months(), m => Assert.Equal(Periodicity.Month, m.Kind));
    }

    [Fact]
    public void Year_before_keeps_the_kind_and_index()
    {
        Assert.Equal(Period.Parse("2024Q3"), Period.Parse("2025Q3").YearBefore);
        Assert.Equal(Period.Parse("2024-08"), Period.Parse("2025-08").YearBefore);
        Assert.Equal(Period.Parse("2024"), Period.Parse("2025").YearBefore);
    }

    [Theory]
    [InlineData("2025-08", Periodicity.Quarter, "2025Q3")]
    [InlineData("2025-08", Periodicity.Year, "2025")]
    [InlineData("2025-09", Periodicity.Quarter, "2025Q3")]
    [InlineData("2025-10", Periodicity.Quarter, "2025Q4")]
    [InlineData("2025Q2", Periodicity.Year, "2025")]
    [InlineData("2025Q2", Periodicity.Month, "2025-06")] // the quarter's last month
    [InlineData("2025", Periodicity.Month, "2025-12")]
    public void Enclosing(string text, Periodicity kind, string expected) =>
        Assert.Equal(Period.Parse(expected), Period.Parse(text).Enclosing(kind));

    [Fact]
    public void Contains_a_period_and_a_date()
    {
        var q3 = Period.Parse("2025Q3");
        Assert.True(q3.Contains(Period.Parse("2025-07")));
        Assert.True(q3.Contains(Period.Parse("2025-09")));
        Assert.True(q3.Contains(q3));
        Assert.False(q3.Contains(Period.Parse("2025-10")));
        Assert.False(q3.Contains(Period.Parse("2025")));
        Assert.True(Period.Parse("2025").Contains(q3));
        Assert.True(q3.Contains(new DateOnly(2025, 9, 30)));
        Assert.False(q3.Contains(new DateOnly(2025, 10, 1)));
    }

    [Fact]
    public void Orders_by_start_then_shorter_first()
    {
        // 2025-01, 2025Q1 and 2025 all start on 1 January; the shorter one sorts first.
        var sorted = new[] { "2025", "2025Q1", "2025-01", "2024-12", "2025-02" }.Select(Period.Parse).Order().ToArray();
        Assert.Equal(new[] { "2024-12", "2025-01", "2025Q1", "2025", "2025-02" }, sorted.Select(p => p.ToString()));
        Assert.True(Period.Parse("2025-07") > Period.Parse("2025Q2"));
        Assert.True(Period.Parse("2025Q2") <= Period.Parse("2025Q2"));
    }

    // ---- Properties ---------------------------------------------------------------------------

    private static readonly Arbitrary<Period> AnyPeriod =
        Gen.Choose(1900, 2999).SelectMany(y => Gen.Choose(0, 16).Select(i =>
            i == 0 ? Period.OfYear(y) : i <= 4 ? Period.OfQuarter(y, i) : Period.OfMonth(y, i - 4))).ToArbitrary();

    [Property]
    public Property Round_trips_through_its_spelling() =>
        Prop.ForAll(AnyPeriod, p => Period.Parse(p.ToString()) == p);

    [Property]
    public Property Months_tile_the_period() =>
        Prop.ForAll(AnyPeriod, p =>
        {
            var months = p.Months().ToArray();
            return months[0].Start == p.Start && months[^1].End == p.End
                && months.All(p.Contains)
                && months.Zip(months.Skip(1), (a, b) => a.End.AddDays(1) == b.Start).All(x => x);
        });
}
