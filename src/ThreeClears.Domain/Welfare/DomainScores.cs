namespace ThreeClears.Domain.Welfare;

/// <summary>
/// One value per happiness domain, each in 0..1: a respondent's domain scores, or the mean
/// domain scores of a set of respondents (the API's <c>domains</c> object — the property names
/// camelCase to its keys). A 64-byte value: no allocation per respondent.
/// </summary>
public readonly record struct DomainScores(
    double LivingStandards,
    double Health,
    double Education,
    double Environment,
    double Safety,
    double Culture,
    double Governance,
    double LifeSatisfaction)
{
    /// <summary>The same score in every domain.</summary>
    public static DomainScores Uniform(double score) => new(score, score, score, score, score, score, score, score);

    /// <summary>From exactly eight values in <see cref="HappinessDomains.All"/> order.</summary>
    public static DomainScores FromSpan(ReadOnlySpan<double> values)
    {
        if (values.Length != HappinessDomains.Count)
            throw new ArgumentException($"Expected {HappinessDomains.Count} domain values, got {values.Length}.", nameof(values));
        return new(values[0], values[1], values[2], values[3], values[4], values[5], values[6], values[7]);
    }

    public double this[HappinessDomain domain] => domain switch
    {
        HappinessDomain.LivingStandards => LivingStandards,
        HappinessDomain.Health => Health,
        HappinessDomain.Education => Education,
        HappinessDomain.Environment => Environment,
        HappinessDomain.Safety => Safety,
        HappinessDomain.Culture => Culture,
        HappinessDomain.Governance => Governance,
        HappinessDomain.LifeSatisfaction => LifeSatisfaction,
        _ => throw new ArgumentOutOfRangeException(nameof(domain), domain, null),
    };

    /// <summary>Copies the eight values, in <see cref="HappinessDomains.All"/> order, into <paramref name="destination"/>.</summary>
    public void CopyTo(Span<double> destination)
    {
        if (destination.Length < HappinessDomains.Count)
            throw new ArgumentException($"Needs room for {HappinessDomains.Count} values.", nameof(destination));
        destination[0] = LivingStandards;
        destination[1] = Health;
        destination[2] = Education;
        destination[3] = Environment;
        destination[4] = Safety;
        destination[5] = Culture;
        destination[6] = Governance;
        destination[7] = LifeSatisfaction;
    }

    /// <summary>Domains whose score is at least <see cref="HappinessSurvey.SufficientScore"/> (0.5).</summary>
    public int SufficientCount =>
        S(LivingStandards) + S(Health) + S(Education) + S(Environment) + S(Safety) + S(Culture) + S(Governance) + S(LifeSatisfaction);

    /// <summary>Sufficient in at least 66% of the domains: 6 of 8 (75%) is happy, 5 of 8 (62.5%) is not.</summary>
    public bool IsHappy => HappinessSurvey.IsHappy(SufficientCount);

    private static int S(double score) => HappinessSurvey.IsSufficient(score) ? 1 : 0;
}
