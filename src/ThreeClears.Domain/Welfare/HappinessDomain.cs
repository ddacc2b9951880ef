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

    public static string ToApi(this HappinessDomain domain) => domain switch
    {
        HappinessDomain.LivingStandards => "livingStandards",
        HappinessDomain.Health => "health",
        HappinessDomain.Education => "education",
        HappinessDomain.Environment => "environment",
        HappinessDomain.Safety => "safety",
        HappinessDomain.Culture => "culture",
        HappinessDomain.Governance => "governance",
        HappinessDomain.LifeSatisfaction => "lifeSatisfaction",
        _ => throw new ArgumentOutOfRangeException(nameof(domain), domain, null),
    };

    /// <summary>Reads an API spelling (case-insensitive, trimmed); numbers and unknown words are refused.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out HappinessDomain domain)
    {
        text = text.Trim();
        foreach (var d in AllDomains)
        {
            if (text.Equals(d.ToApi(), StringComparison.OrdinalIgnoreCase))
            {
                domain = d;
                return true;
            }
        }
        domain = default;
        return false;
    }
}
