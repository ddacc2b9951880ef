using ThreeClears.Domain;
using ThreeClears.Domain.Welfare;

namespace ThreeClears.Domain.Tests.Welfare;

public class ThreeQuestionsTests
{
    [Theory]
    [InlineData(HousingCondition.Solid, true)]
    [InlineData(HousingCondition.SemiSolid, true)]
    [InlineData(HousingCondition.Temporary, false)]
    [InlineData(HousingCondition.Dilapidated, false)]
    public void Housing_is_adequate_when_solid_or_semi_solid(HousingCondition housing, bool adequate) =>
        Assert.Equal(adequate, ThreeQuestions.IsAdequate(housing));

    [Theory]
    [InlineData(KitchenCondition.Hygienic, true)]
    [InlineData(KitchenCondition.Makeshift, false)]
    [InlineData(KitchenCondition.None, false)]
    public void Kitchen_is_adequate_only_when_hygienic(KitchenCondition kitchen, bool adequate) =>
        Assert.Equal(adequate, ThreeQuestions.IsAdequate(kitchen));

    [Theory]
    [InlineData(SanitationCondition.Hygienic, true)]
    [InlineData(SanitationCondition.Unhygienic, false)]
    [InlineData(SanitationCondition.None, false)]
    public void Sanitation_is_adequate_only_when_hygienic(SanitationCondition sanitation, bool adequate) =>
        Assert.Equal(adequate, ThreeQuestions.IsAdequate(sanitation));

    [Fact]
    public void Not_recorded_is_not_adequate()
    {
        Assert.False(ThreeQuestions.IsAdequate((HousingCondition?)null));
        Assert.False(ThreeQuestions.IsAdequate((KitchenCondition?)null));
        Assert.False(ThreeQuestions.IsAdequate((SanitationCondition?)null));
        Assert.False(ThreeQuestions.AllAdequate(HousingCondition.Solid, KitchenCondition.Hygienic, null));
        Assert.False(new HouseholdConditions(null, null, null).AllThreeAdequate);
    }

    [Fact]
    public void All_three_needs_each_of_them()
    {
        Assert.True(ThreeQuestions.AllAdequate(HousingCondition.SemiSolid, KitchenCondition.Hygienic, SanitationCondition.Hygienic));
        Assert.False(ThreeQuestions.AllAdequate(HousingCondition.Temporary, KitchenCondition.Hygienic, SanitationCondition.Hygienic));
        Assert.False(ThreeQuestions.AllAdequate(HousingCondition.Solid, KitchenCondition.Makeshift, SanitationCondition.Hygienic));
        Assert.False(ThreeQuestions.AllAdequate(HousingCondition.Solid, KitchenCondition.Hygienic, SanitationCondition.Unhygienic));
    }
}

public class ApiSpellingOfWelfareEnumsTests
{
    [Theory]
    [InlineData(PovertyStatus.Poor, "poor")]
    [InlineData(PovertyStatus.NearPoor, "nearPoor")]
    [InlineData(PovertyStatus.None, "none")]
    public void Poverty_spellings(PovertyStatus value, string spelling)
    {
        Assert.Equal(spelling, value.ToApi());
        Assert.True(ApiSpelling.TryParse<PovertyStatus>(spelling, out var back));
        Assert.Equal(value, back);
    }

    [Theory]
    [InlineData(HousingCondition.Solid, "solid")]
    [InlineData(HousingCondition.SemiSolid, "semiSolid")]
    [InlineData(HousingCondition.Temporary, "temporary")]
    [InlineData(HousingCondition.Dilapidated, "dilapidated")]
    public void Housing_spellings(HousingCondition value, string spelling)
    {
        Assert.Equal(spelling, value.ToApi());
        Assert.True(ApiSpelling.TryParse<HousingCondition>(spelling, out var back));
        Assert.Equal(value, back);
    }

    [Theory]
    [InlineData(KitchenCondition.Hygienic, "hygienic")]
    [InlineData(KitchenCondition.Makeshift, "makeshift")]
    [InlineData(KitchenCondition.None, "none")]
    public void Kitchen_spellings(KitchenCondition value, string spelling)
    {
        Assert.Equal(spelling, value.ToApi());
        Assert.True(ApiSpelling.TryParse<KitchenCondition>(spelling, out var back));
        Assert.Equal(value, back);
    }

    [Theory]
    [InlineData(SanitationCondition.Hygienic, "hygienic")]
    [InlineData(SanitationCondition.Unhygienic, "unhygienic")]
    [InlineData(SanitationCondition.None, "none")]
    public void Sanitation_spellings(SanitationCondition value, string spelling)
    {
        Assert.Equal(spelling, value.ToApi());
        Assert.True(ApiSpelling.TryParse<SanitationCondition>(spelling, out var back));
        Assert.Equal(value, back);
    }

    [Fact]
    public void Parsing_trims_and_ignores_case_but_refuses_numbers_and_unknown_words()
    {
        Assert.True(ApiSpelling.TryParse<HousingCondition>("  SemiSolid ", out var h));
        Assert.Equal(HousingCondition.SemiSolid, h);
        Assert.True(ApiSpelling.TryParse<PovertyStatus>("NEARPOOR", out var p));
        Assert.Equal(PovertyStatus.NearPoor, p);

        Assert.False(ApiSpelling.TryParse<HousingCondition>("1", out _));
        Assert.False(ApiSpelling.TryParse<HousingCondition>("semi-solid", out _));
        Assert.False(ApiSpelling.TryParse<KitchenCondition>("", out _));
        Assert.False(ApiSpelling.TryParse<SanitationCondition>("unhygenic", out _));
        Assert.False(ApiSpelling.TryParse<PovertyStatus>("0", out _));
    }

    [Fact]
    public void Optional_parsing_reads_an_empty_cell_as_not_recorded()
    {
        Assert.True(ApiSpelling.TryParseOptional<HousingCondition>("  ", out var h));
        Assert.Null(h);
        Assert.True(ApiSpelling.TryParseOptional<KitchenCondition>("", out var k));
        Assert.Null(k);
        Assert.True(ApiSpelling.TryParseOptional<SanitationCondition>("hygienic", out var s));
        Assert.Equal(SanitationCondition.Hygienic, s);
        Assert.True(ApiSpelling.TryParseOptional<PovertyStatus>("", out var p));
        Assert.Null(p);
        Assert.False(ApiSpelling.TryParseOptional<SanitationCondition>("clean", out _));
    }
}
