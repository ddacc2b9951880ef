using System.Globalization;

namespace ThreeClears.Domain.Welfare;

/// <summary>
/// Rules for one respondent: validation of the answers, domain scores, sufficiency and happiness.
/// <list type="bullet">
/// <item>Domain score = (mean of its items − 1) ÷ 4, in 0..1.</item>
/// <item>Sufficient in a domain when its score ≥ 0.5 (mean ≥ 3).</item>
/// <item>Happy when sufficient in at least 66% of the domains: with 8 domains, 6 (75%) or more.</item>
/// </list>
/// </summary>
public static class HappinessSurvey
{
    public const int MinAnswer = 1;
    public const int MaxAnswer = 5;

    /// <summary>A domain score at or above this is sufficient.</summary>
    public const double SufficientScore = 0.5;

    /// <summary>Happy when sufficient in at least this percentage of the domains.</summary>
    public const int HappyDomainPercent = 66;

    /// <summary>Field-path prefix of validation errors, as in the API body.</summary>
    public const string DefaultErrorPrefix = "answers";

    private static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>();

    /// <summary>An integer from 1 to 5 (3.0 is accepted as 3; 2.5, 0, 6, NaN are not).</summary>
    public static bool IsValidAnswer(double answer) =>
        answer is >= MinAnswer and <= MaxAnswer && answer == Math.Floor(answer);

    public static bool IsSufficient(double domainScore) => domainScore >= SufficientScore;

    /// <summary>
    /// Happy when <paramref name="sufficientDomains"/> ÷ <paramref name="domains"/> ≥ 66%, compared
    /// in integers (100·s ≥ 66·n) so no rounding decides the boundary.
    /// </summary>
    public static bool IsHappy(int sufficientDomains, int domains = HappinessDomains.Count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(domains);
        ArgumentOutOfRangeException.ThrowIfNegative(sufficientDomains);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sufficientDomains, domains);
        return 100L * sufficientDomains >= (long)HappyDomainPercent * domains;
    }

    /// <summary>
    /// Every bad field at once, keyed as the API reports them: <c>answers</c> when the object is
    /// missing, <c>answers.health</c> when a domain has no answer, <c>answers.health[2]</c>
    /// (0-based) for an answer that is not an integer 1..5. Empty when valid.
    /// </summary>
    public static IReadOnlyDictionary<string, string[]> Validate(HappinessAnswers? answers, string prefix = DefaultErrorPrefix)
    {
        if (answers is null)
            return new Dictionary<string, string[]> { [prefix] = ["Answers are required in every domain."] };

        Dictionary<string, string[]>? errors = null;
        foreach (var domain in HappinessDomains.All)
        {
            var items = answers[domain];
            if (items is null || items.Length == 0)
            {
                (errors ??= [])[$"{prefix}.{domain.ToApi()}"] = ["At least one answer is required."];
                continue;
            }
            for (var i = 0; i < items.Length; i++)
            {
                if (!IsValidAnswer(items[i]))
                {
                    (errors ??= [])[string.Create(CultureInfo.InvariantCulture, $"{prefix}.{domain.ToApi()}[{i}]")] =
                        ["Each answer is an integer from 1 to 5."];
                }
            }
        }
        return errors ?? NoErrors;
    }

    public static bool IsValid(HappinessAnswers? answers)
    {
        if (answers is null) return false;
        foreach (var domain in HappinessDomains.All)
        {
            var items = answers[domain];
            if (items is null || items.Length == 0) return false;
            foreach (var a in items)
                if (!IsValidAnswer(a)) return false;
        }
        return true;
    }

    /// <summary>The respondent's eight domain scores, or false when the answers are not valid.</summary>
    public static bool TryScore(HappinessAnswers? answers, out DomainScores scores)
    {
        scores = default;
        if (!IsValid(answers)) return false;
        scores = new DomainScores(
            DomainScore(answers!.LivingStandards), DomainScore(answers.Health), DomainScore(answers.Education),
            DomainScore(answers.Environment), DomainScore(answers.Safety), DomainScore(answers.Culture),
            DomainScore(answers.Governance), DomainScore(answers.LifeSatisfaction));
        return true;
    }

    /// <summary>The respondent's eight domain scores; throws when the answers are not valid (see <see cref="Validate"/>).</summary>
    public static DomainScores Score(HappinessAnswers answers) =>
        TryScore(answers, out var scores)
            ? scores
            : throw new ArgumentException("The answers are not valid; see HappinessSurvey.Validate.", nameof(answers));

    /// <summary>(mean of the items − 1) ÷ 4. Throws when empty or when an item is not an integer 1..5.</summary>
    public static double DomainScore(ReadOnlySpan<double> items)
    {
        if (items.IsEmpty) throw new ArgumentException("A domain needs at least one answer.", nameof(items));
        double sum = 0;
        foreach (var a in items)
        {
            if (!IsValidAnswer(a)) throw new ArgumentOutOfRangeException(nameof(items), a, "Each answer is an integer from 1 to 5.");
            sum += a; // integers: the sum is exact
        }
        return (sum / items.Length - 1) / 4;
    }

    /// <summary>(mean of the items − 1) ÷ 4. Throws when empty or when an item is outside 1..5.</summary>
    public static double DomainScore(ReadOnlySpan<int> items)
    {
        if (items.IsEmpty) throw new ArgumentException("A domain needs at least one answer.", nameof(items));
        long sum = 0;
        foreach (var a in items)
        {
            if (a is < MinAnswer or > MaxAnswer) throw new ArgumentOutOfRangeException(nameof(items), a, "Each answer is an integer from 1 to 5.");
            sum += a;
        }
        return ((double)sum / items.Length - 1) / 4;
    }
}
