using ThreeClears.Domain;
using ThreeClears.Domain.Welfare;

namespace ThreeClears.Domain.Tests.Welfare;

public class HappinessSurveyTests
{
    [Theory]
    [InlineData(HappinessDomain.LivingStandards, "livingStandards")]
    [InlineData(HappinessDomain.Health, "health")]
    [InlineData(HappinessDomain.Education, "education")]
    [InlineData(HappinessDomain.Environment, "environment")]
    [InlineData(HappinessDomain.Safety, "safety")]
    [InlineData(HappinessDomain.Culture, "culture")]
    [InlineData(HappinessDomain.Governance, "governance")]
    [InlineData(HappinessDomain.LifeSatisfaction, "lifeSatisfaction")]
    public void Domain_spellings(HappinessDomain domain, string spelling)
    {
        Assert.Equal(spelling, domain.ToApi());
        Assert.True(ApiSpelling.TryParse<HappinessDomain>(spelling, out var back));
        Assert.Equal(domain, back);
    }

    [Fact]
    public void There_are_eight_domains_in_api_order()
    {
        Assert.Equal(8, HappinessDomains.Count);
        Assert.Equal(Enum.GetValues<HappinessDomain>(), HappinessDomains.All);
        Assert.False(ApiSpelling.TryParse<HappinessDomain>("3", out _));
        Assert.False(ApiSpelling.TryParse<HappinessDomain>("wealth", out _));
    }

    [Theory]
    // (mean − 1) ÷ 4
    [InlineData(new double[] { 3 }, 0.5)]              // (3 − 1)/4
    [InlineData(new double[] { 1 }, 0.0)]
    [InlineData(new double[] { 5 }, 1.0)]
    [InlineData(new double[] { 1, 2 }, 0.125)]         // mean 1.5 → 0.5/4
    [InlineData(new double[] { 2, 4, 3 }, 0.5)]        // mean 3
    [InlineData(new double[] { 4, 5, 4, 5 }, 0.875)]   // mean 4.5 → 3.5/4
    public void Domain_score_is_mean_minus_one_over_four(double[] items, double expected) =>
        Assert.Equal(expected, HappinessSurvey.DomainScore(items));

    [Fact]
    public void Domain_score_of_thirds()
    {
        // 5, 5, 4: mean 14/3; (14/3 − 1)/4 = (11/3)/4 = 11/12
        Assert.Equal(11.0 / 12, HappinessSurvey.DomainScore([5.0, 5, 4]), 15);
        Assert.Equal(11.0 / 12, HappinessSurvey.DomainScore([5, 5, 4]), 15);
    }

    [Fact]
    public void Domain_score_refuses_empty_and_bad_items()
    {
        Assert.Throws<ArgumentException>(() => HappinessSurvey.DomainScore(ReadOnlySpan<double>.Empty));
        Assert.Throws<ArgumentOutOfRangeException>(() => HappinessSurvey.DomainScore([3.0, 2.5]));
        Assert.Throws<ArgumentOutOfRangeException>(() => HappinessSurvey.DomainScore([0, 3]));
        Assert.Throws<ArgumentOutOfRangeException>(() => HappinessSurvey.DomainScore([6]));
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(5, true)]
    [InlineData(3.0, true)]
    [InlineData(0, false)]
    [InlineData(6, false)]
    [InlineData(2.5, false)]
    [InlineData(-3, false)]
    [InlineData(double.NaN, false)]
    [InlineData(double.PositiveInfinity, false)]
    public void An_answer_is_an_integer_from_1_to_5(double answer, bool valid) =>
        Assert.Equal(valid, HappinessSurvey.IsValidAnswer(answer));

    [Fact]
    public void Validation_reports_every_bad_field_by_its_path()
    {
        var answers = new HappinessAnswers
        {
            LivingStandards = [3, 4],
            Health = [3, 0, 2.5, 6, 5],   // [1], [2], [3] are bad
            Education = null,             // missing
            Environment = [],             // empty
            Safety = [5],
            Culture = [1],
            Governance = [2, 7],          // [1] is bad
            LifeSatisfaction = [4],
        };

        var errors = HappinessSurvey.Validate(answers);

        Assert.Equal(
            new[] { "answers.education", "answers.environment", "answers.governance[1]", "answers.health[1]", "answers.health[2]", "answers.health[3]" },
            errors.Keys.Order(StringComparer.Ordinal));
        Assert.All(errors.Values, messages => Assert.Single(messages));
        Assert.False(HappinessSurvey.IsValid(answers));
        Assert.False(HappinessSurvey.TryScore(answers, out _));
        Assert.Throws<ArgumentException>(() => HappinessSurvey.Score(answers));
    }

    [Fact]
    public void Validation_takes_a_prefix_and_reports_missing_answers()
    {
        Assert.Equal(["answers"], HappinessSurvey.Validate(null).Keys);
        var errors = HappinessSurvey.Validate(new HappinessAnswers { Health = [9] }, "items[3].answers");
        Assert.Contains("items[3].answers.health[0]", errors.Keys);
        Assert.Contains("items[3].answers.lifeSatisfaction", errors.Keys);
        Assert.Equal(8, errors.Count);
    }

    [Fact]
    public void Valid_answers_have_no_errors_and_score()
    {
        var answers = new HappinessAnswers
        {
            LivingStandards = [5, 5],     // 1
            Health = [3],                 // 0.5
            Education = [1, 2],           // 0.125
            Environment = [4],            // 0.75
            Safety = [2],                 // 0.25
            Culture = [3, 4],             // mean 3.5 → 0.625
            Governance = [1],             // 0
            LifeSatisfaction = [4, 5, 4, 5], // 0.875
        };

        Assert.Empty(HappinessSurvey.Validate(answers));
        var s = HappinessSurvey.Score(answers);
        Assert.Equal(new DomainScores(1, 0.5, 0.125, 0.75, 0.25, 0.625, 0, 0.875), s);
        Assert.Equal(0.625, s[HappinessDomain.Culture]);
        // sufficient (≥ 0.5): living, health, environment, culture, life = 5 of 8 = 62.5 % < 66 % → not happy
        Assert.Equal(5, s.SufficientCount);
        Assert.False(s.IsHappy);
    }

    [Fact]
    public void Sufficient_from_a_score_of_one_half()
    {
        Assert.True(HappinessSurvey.IsSufficient(0.5));
        Assert.False(HappinessSurvey.IsSufficient(0.4999999));
        Assert.True(HappinessSurvey.IsSufficient(1));
    }

    [Fact]
    public void Happy_needs_66_percent_of_the_domains_six_of_eight_yes_five_of_eight_no()
    {
        // 6/8 = 75 % ≥ 66 % → happy;  5/8 = 62.5 % < 66 % → not happy
        Assert.True(HappinessSurvey.IsHappy(6));
        Assert.False(HappinessSurvey.IsHappy(5));
        Assert.True(HappinessSurvey.IsHappy(8));
        Assert.False(HappinessSurvey.IsHappy(0));

        // the same through scores: six domains exactly at 0.5, two below
        var six = new DomainScores(0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.25, 0.25);
        var five = six with { Safety = 0.4375 };
        Assert.True(six.IsHappy);
        Assert.False(five.IsHappy);

        // and through raw answers: 3 is exactly sufficient, a mean of 2.5 is not;
        // five domains at [3] plus culture [2, 3] (0.375) → 5 sufficient; culture [3, 3] → 6
        var threes = HappinessAnswers.Uniform(3);
        var answers = new HappinessAnswers
        {
            LivingStandards = [3], Health = [3], Education = [3], Environment = [3], Safety = [3],
            Culture = [2, 3], Governance = [1], LifeSatisfaction = [2],
        };
        Assert.True(HappinessSurvey.Score(threes).IsHappy);
        Assert.False(HappinessSurvey.Score(answers).IsHappy);
        Assert.True(HappinessSurvey.Score(With6(answers)).IsHappy);

        static HappinessAnswers With6(HappinessAnswers a) => new()
        {
            LivingStandards = a.LivingStandards, Health = a.Health, Education = a.Education, Environment = a.Environment,
            Safety = a.Safety, Culture = [3, 3], Governance = a.Governance, LifeSatisfaction = a.LifeSatisfaction,
        };
    }

    [Fact]
    public void The_66_percent_rule_in_other_domain_counts_is_exact_integer_arithmetic()
    {
        // 2 of 3 = 66.67 % ≥ 66 % → happy; 33 of 50 = 66 % exactly → happy; 32 of 50 = 64 % → not
        Assert.True(HappinessSurvey.IsHappy(2, 3));
        Assert.True(HappinessSurvey.IsHappy(33, 50));
        Assert.False(HappinessSurvey.IsHappy(32, 50));
        Assert.Throws<ArgumentOutOfRangeException>(() => HappinessSurvey.IsHappy(9));
    }
}
