using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ThreeClears.Domain.Drafts;

namespace ThreeClears.Domain.Tests.Drafts;

/// <summary>The open period, the text a citizen may send, the contact they may leave, and the summary's share.</summary>
public class DraftRulesTests
{
    private static readonly DraftWindow August = new(new DateOnly(2025, 8, 1), new DateOnly(2025, 8, 31));

    [Theory]
    [InlineData("2025-07-31", DraftPhase.NotYetOpen, 31)]
    [InlineData("2025-08-01", DraftPhase.Open, 31)]
    [InlineData("2025-08-31", DraftPhase.Open, 1)] // openTo is inclusive: the last day still takes opinions
    [InlineData("2025-09-01", DraftPhase.Closed, 0)]
    public void OpenTo_is_inclusive(string day, DraftPhase phase, int daysLeft)
    {
        var d = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(phase, August.PhaseOn(d));
        Assert.Equal(daysLeft, August.DaysLeft(d));
    }

    [Fact]
    public void A_window_may_not_end_before_it_starts_nor_last_over_a_year()
    {
        Assert.Null(DraftWindow.Problem(new DateOnly(2025, 8, 1), new DateOnly(2025, 8, 1)));
        Assert.NotNull(DraftWindow.Problem(new DateOnly(2025, 8, 2), new DateOnly(2025, 8, 1)));
        // 2024 is a leap year: 1 Jan 2024 to 31 Dec 2024 is 366 days, allowed; one more day is not.
        Assert.Null(DraftWindow.Problem(new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31)));
        Assert.NotNull(DraftWindow.Problem(new DateOnly(2024, 1, 1), new DateOnly(2025, 1, 1)));
    }

    [Fact]
    public void Hostile_text_is_kept_as_typed_but_broken_Unicode_and_control_characters_are_refused()
    {
        Assert.Null(OpinionText.Problem("<script>alert('x')</script> & \"quotes\""));
        Assert.Null(OpinionText.Problem("Đề nghị bổ sung chỉ tiêu 🌾 về\r\nnông nghiệp\t."));
        Assert.Null(OpinionText.Problem(new string('a', 10_000)));
        Assert.Contains("at most 10000", OpinionText.Problem(new string('a', 10_001)));
        Assert.Equal("is required.", OpinionText.Problem(" \n "));
        Assert.Contains("lone surrogate", OpinionText.Problem("abc\ud800def"));
        Assert.Contains("lone surrogate", OpinionText.Problem("abc\udc00"));
        Assert.Contains("lone surrogate", OpinionText.Problem("\ud83c")); // half of an emoji
        Assert.Contains("control", OpinionText.Problem("a\u0000b"));
        Assert.Contains("control", OpinionText.Problem("a\u001bb"));
    }

    [Property(MaxTest = 500)]
    public Property Text_is_refused_for_broken_Unicode_exactly_when_a_surrogate_is_unpaired() =>
        Prop.ForAll(Gen.ArrayOf(Gen.Elements('a', 'Đ', ' ', '\ud83c', '\udf3e', '\ud800', '\udfff', 'ế')).Select(a => new string(a)).ToArbitrary(),
            s =>
            {
                var paired = true;
                for (var i = 0; i < s.Length; i++)
                {
                    if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) { i++; continue; }
                    if (char.IsSurrogate(s[i])) paired = false;
                }
                return OpinionText.IsWellFormed(s) == paired;
            });

    [Theory]
    [InlineData("dan@example.vn", ContactKind.Email)]
    [InlineData(" nguyen.van.a+gopy@mail.caobang.gov.vn ", ContactKind.Email)]
    [InlineData("0912 345 678", ContactKind.Phone)]
    [InlineData("+84 912-345-678", ContactKind.Phone)]
    [InlineData("(0206) 385 2345", ContactKind.Phone)]
    [InlineData("not a contact", null)]
    [InlineData("a@b", null)]
    [InlineData("12345", null)]
    [InlineData("+1 202 555 0100", null)]
    [InlineData("<script>@x.vn", null)]
    public void A_contact_is_an_address_or_a_Vietnamese_phone_number(string contact, ContactKind? kind) =>
        Assert.Equal(kind, SubmitterContact.Classify(contact));

    [Fact]
    public void Phone_numbers_are_written_with_their_leading_zero()
    {
        Assert.Equal("0912345678", SubmitterContact.NormalisePhone("+84 912 345 678"));
        Assert.Equal("0912345678", SubmitterContact.NormalisePhone("84912345678"));
        Assert.Equal("02063852345", SubmitterContact.NormalisePhone("(0206) 385 2345"));
        Assert.Null(SubmitterContact.NormalisePhone("+0912345678"));
    }

    [Fact]
    public void Answered_share_has_one_decimal()
    {
        // 541 ÷ 587 × 100 = 92.1635… → 92.2
        Assert.Equal(92.2m, ConsultationTally.AnsweredPercent(541, 587));
        // 1 ÷ 8 × 100 = 12.5 exactly; 1 ÷ 16 × 100 = 6.25 → 6.3 (half away from zero)
        Assert.Equal(12.5m, ConsultationTally.AnsweredPercent(1, 8));
        Assert.Equal(6.3m, ConsultationTally.AnsweredPercent(1, 16));
        Assert.Equal(0m, ConsultationTally.AnsweredPercent(0, 0));
        Assert.Equal(100m, ConsultationTally.AnsweredPercent(3, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => ConsultationTally.AnsweredPercent(4, 3));
    }

    [Fact]
    public void Tallies_name_every_spelling_even_at_zero()
    {
        var byGroup = ConsultationTally.ByEach([(OpinionGroup.Citizens, 3), (OpinionGroup.FormerLeaders, 2), (OpinionGroup.Citizens, 1)]);
        Assert.Equal(["citizens", "businesses", "formerLeaders", "officials"], byGroup.Keys);
        Assert.Equal([4, 0, 2, 0], byGroup.Values);
    }

    [Property(MaxTest = 300)]
    public Property Answered_share_is_between_0_and_100_and_grows_with_answers() =>
        Prop.ForAll(Gen.Choose(0, 5000).ToArbitrary(), Gen.Choose(0, 5000).ToArbitrary(), (a, b) =>
        {
            var (answered, total) = (Math.Min(a, b), Math.Max(a, b));
            var p = ConsultationTally.AnsweredPercent(answered, total);
            var more = answered < total ? ConsultationTally.AnsweredPercent(answered + 1, total) : p;
            return p is >= 0m and <= 100m && more >= p;
        });
}
