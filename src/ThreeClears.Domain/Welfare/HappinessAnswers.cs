namespace ThreeClears.Domain.Welfare;

/// <summary>
/// One respondent's raw answers: a list per domain, each answer meant to be an integer 1..5.
/// The shape of the API's <c>answers</c> object, so a camelCase JSON reader fills it directly.
/// Answers are doubles so that a non-integer (2.5) reaches validation and is reported against its
/// own key instead of failing the whole body.
/// </summary>
public sealed class HappinessAnswers
{
    public double[]? LivingStandards { get; init; }
    public double[]? Health { get; init; }
    public double[]? Education { get; init; }
    public double[]? Environment { get; init; }
    public double[]? Safety { get; init; }
    public double[]? Culture { get; init; }
    public double[]? Governance { get; init; }
    public double[]? LifeSatisfaction { get; init; }

    /// <summary>The same answers in every domain (convenient for tests and demo data).</summary>
    public static HappinessAnswers Uniform(params double[] answers) => new()
    {
        LivingStandards = answers, Health = answers, Education = answers, Environment = answers,
        Safety = answers, Culture = answers, Governance = answers, LifeSatisfaction = answers,
    };

    public double[]? this[HappinessDomain domain] => domain switch
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
}
