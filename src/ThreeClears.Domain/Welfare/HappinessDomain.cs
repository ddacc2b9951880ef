namespace ThreeClears.Domain.Welfare;

/// <summary>
/// The eight domains of the happiness survey. Member names camelCase to the API spellings
/// (<c>livingStandards, health, education, environment, safety, culture, governance, lifeSatisfaction</c>).
/// </summary>
public enum HappinessDomain
{
    LivingStandards,
    Health,
    Education,
    Environment,
    Safety,
    /// <summary>Culture and community.</summary>
    Culture,
    /// <summary>Public services and governance.</summary>
    Governance,
    LifeSatisfaction,
}

public static class HappinessDomains
{
    /// <summary>Number of domains: 8.</summary>
    public const int Count = 8;

    private static readonly HappinessDomain[] AllDomains =
    [
        HappinessDomain.LivingStandards, HappinessDomain.Health, HappinessDomain.Education,
        HappinessDomain.Environment, HappinessDomain.Safety, HappinessDomain.Culture,
        HappinessDomain.Governance, HappinessDomain.LifeSatisfaction,
    ];

    /// <summary>All domains in their declared (API) order.</summary>
    public static IReadOnlyList<HappinessDomain> All => AllDomains;
}
