namespace ThreeClears.Domain.Welfare;

/// <summary>
/// The happiness index of a set of respondents (a unit's, or a unit's whole subtree's):
/// Index = 1 − Hn × An, Hn = share of respondents not happy, An = the average, over the
/// respondents who are not happy, of the share of domains in which they are not sufficient.
/// When Hn = 0 the index is 1. Published only with at least <see cref="MinimumRespondents"/>.
/// </summary>
public static class HappinessIndex
{
    /// <summary>A figure is published when it covers at least this many respondents.</summary>
    public const int MinimumRespondents = 30;

    /// <summary>The figures of a set of respondents, in one pass.</summary>
    public static HappinessResult Compute(ReadOnlySpan<DomainScores> respondents, int minimumRespondents = MinimumRespondents)
    {
        var acc = new HappinessAccumulator();
        acc.AddRange(respondents);
        return acc.Result(minimumRespondents);
    }
}

/// <summary>
/// A unit's happiness figures, as the API reports them.
/// <list type="bullet">
/// <item><see cref="Respondents"/> is always given.</item>
/// <item>Below 30 respondents nothing but the count is given: <see cref="Index"/>,
/// <see cref="HappyShare"/> and <see cref="Domains"/> are null and <see cref="Published"/> false.
/// PRODUCT.md publishes a unit's figures only from 30 respondents (API.md: unpublished →
/// <c>published:false</c>, <c>index:null</c>, with <c>respondents</c>); the domain means of a handful
/// of respondents are no more reliable than their index, and with one respondent they are that
/// person's answers.</item>
/// <item><see cref="HappyShare"/> (0..1) and <see cref="Domains"/> (each domain's mean score over
/// the respondents, 0..1) come with a published index.</item>
/// </list>
/// </summary>
public sealed record HappinessResult(
    int Respondents,
    double? Index,
    double? HappyShare,
    DomainScores? Domains,
    bool Published);

/// <summary>
/// Accumulates respondents' domain scores in O(1) memory: counts, the number of insufficient
/// domains among the not-happy respondents (an integer, so Hn × An is exact up to one division),
/// and the per-domain sums of scores. Accumulators <see cref="Merge"/> into a parent's, which then
/// covers every respondent in the subtree — the same figures as computing from the union of the
/// responses (the domain means up to floating-point summation order).
/// </summary>
public sealed class HappinessAccumulator
{
    private int _respondents;
    private int _happy;
    private long _insufficientDomainsOfNotHappy;
    private double _livingStandards, _health, _education, _environment, _safety, _culture, _governance, _lifeSatisfaction;

    public int Respondents => _respondents;
    public int Happy => _happy;
    public int NotHappy => _respondents - _happy;

    /// <summary>Share of respondents who are happy; null with no respondents.</summary>
    public double? HappyShare => _respondents == 0 ? null : (double)_happy / _respondents;

    /// <summary>Hn: share of respondents not happy; null with no respondents.</summary>
    public double? Hn => _respondents == 0 ? null : (double)NotHappy / _respondents;

    /// <summary>
    /// An: the average, over the not-happy respondents, of the share of domains in which each is not
    /// sufficient; null when nobody is unhappy (then Hn = 0 and the index is 1).
    /// </summary>
    public double? An => NotHappy == 0 ? null : (double)_insufficientDomainsOfNotHappy / ((long)NotHappy * HappinessDomains.Count);

    /// <summary>
    /// 1 − Hn × An whatever the number of respondents; null with none. Computed as
    /// 1 − (insufficient domains of the not-happy) ÷ (8 × respondents), which is Hn × An with the
    /// not-happy count cancelled, so it takes one rounding instead of three.
    /// </summary>
    public double? RawIndex => _respondents == 0
        ? null
        : NotHappy == 0
            ? 1.0
            : 1.0 - (double)_insufficientDomainsOfNotHappy / ((long)_respondents * HappinessDomains.Count);

    /// <summary>Each domain's mean score over the respondents; null with none.</summary>
    public DomainScores? DomainMeans
    {
        get
        {
            if (_respondents == 0) return null;
            double n = _respondents;
            return new DomainScores(_livingStandards / n, _health / n, _education / n, _environment / n,
                _safety / n, _culture / n, _governance / n, _lifeSatisfaction / n);
        }
    }

    /// <summary>Adds one respondent. Every score must be within 0..1.</summary>
    public void Add(in DomainScores scores)
    {
        var sufficient = Check(scores.LivingStandards) + Check(scores.Health) + Check(scores.Education)
            + Check(scores.Environment) + Check(scores.Safety) + Check(scores.Culture)
            + Check(scores.Governance) + Check(scores.LifeSatisfaction);

        _respondents = checked(_respondents + 1);
        if (HappinessSurvey.IsHappy(sufficient)) _happy++;
        else _insufficientDomainsOfNotHappy += HappinessDomains.Count - sufficient;

        _livingStandards += scores.LivingStandards;
        _health += scores.Health;
        _education += scores.Education;
        _environment += scores.Environment;
        _safety += scores.Safety;
        _culture += scores.Culture;
        _governance += scores.Governance;
        _lifeSatisfaction += scores.LifeSatisfaction;
    }

    public void AddRange(ReadOnlySpan<DomainScores> respondents)
    {
        foreach (ref readonly var r in respondents) Add(in r);
    }

    /// <summary>Adds every respondent of <paramref name="other"/> (e.g. a child unit's) to this one.</summary>
    public void Merge(HappinessAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (ReferenceEquals(other, this)) throw new ArgumentException("An accumulator cannot be merged into itself.", nameof(other));
        _respondents = checked(_respondents + other._respondents);
        _happy += other._happy;
        _insufficientDomainsOfNotHappy += other._insufficientDomainsOfNotHappy;
        _livingStandards += other._livingStandards;
        _health += other._health;
        _education += other._education;
        _environment += other._environment;
        _safety += other._safety;
        _culture += other._culture;
        _governance += other._governance;
        _lifeSatisfaction += other._lifeSatisfaction;
    }

    /// <summary>A new accumulator holding the respondents of every part (a parent from its children).</summary>
    public static HappinessAccumulator Combine(params ReadOnlySpan<HappinessAccumulator> parts)
    {
        var acc = new HappinessAccumulator();
        foreach (var p in parts) acc.Merge(p);
        return acc;
    }

    /// <summary>The figures as published: only the count below <paramref name="minimumRespondents"/>.</summary>
    public HappinessResult Result(int minimumRespondents = HappinessIndex.MinimumRespondents)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(minimumRespondents);
        var published = _respondents > 0 && _respondents >= minimumRespondents;
        return published
            ? new HappinessResult(_respondents, RawIndex, HappyShare, DomainMeans, true)
            : new HappinessResult(_respondents, null, null, null, false);
    }

    /// <summary>
    /// An accumulator from totals kept elsewhere (e.g. summed by a database over stored respondents):
    /// the number of respondents, of happy ones, the insufficient domains of the not-happy ones, and
    /// the per-domain sums of scores. Each respondent's sufficiency and happiness must have been
    /// decided by <see cref="HappinessSurvey"/>; the totals are checked for consistency.
    /// </summary>
    public static HappinessAccumulator FromTotals(int respondents, int happy, long insufficientDomainsOfNotHappy, in DomainScores scoreSums)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(respondents);
        if (happy < 0 || happy > respondents) throw new ArgumentOutOfRangeException(nameof(happy), happy, "Must be between 0 and the respondents.");
        var notHappy = respondents - happy;
        // A not-happy respondent is insufficient in at least 3 of 8 domains (sufficient in at most 5) and at most 8.
        var minInsufficient = (long)notHappy * (HappinessDomains.Count - MaxSufficientOfNotHappy);
        if (insufficientDomainsOfNotHappy < minInsufficient || insufficientDomainsOfNotHappy > (long)notHappy * HappinessDomains.Count)
            throw new ArgumentOutOfRangeException(nameof(insufficientDomainsOfNotHappy), insufficientDomainsOfNotHappy,
                "Inconsistent with the number of respondents who are not happy.");
        foreach (var domain in HappinessDomains.All)
        {
            var sum = scoreSums[domain];
            if (!(sum >= -1e-9 && sum <= respondents + 1e-9))
                throw new ArgumentOutOfRangeException(nameof(scoreSums), sum, $"The {domain} sum must be between 0 and the respondents.");
        }
        return new HappinessAccumulator
        {
            _respondents = respondents,
            _happy = happy,
            _insufficientDomainsOfNotHappy = insufficientDomainsOfNotHappy,
            _livingStandards = scoreSums.LivingStandards,
            _health = scoreSums.Health,
            _education = scoreSums.Education,
            _environment = scoreSums.Environment,
            _safety = scoreSums.Safety,
            _culture = scoreSums.Culture,
            _governance = scoreSums.Governance,
            _lifeSatisfaction = scoreSums.LifeSatisfaction,
        };
    }

    /// <summary>The most domains a respondent who is not happy can be sufficient in (5 of 8).</summary>
    private static readonly int MaxSufficientOfNotHappy = Enumerable.Range(0, HappinessDomains.Count + 1).Last(s => !HappinessSurvey.IsHappy(s));

    private static int Check(double score)
    {
        if (!(score is >= 0 and <= 1))
            throw new ArgumentOutOfRangeException(nameof(score), score, "A domain score is within 0..1.");
        return HappinessSurvey.IsSufficient(score) ? 1 : 0;
    }
}
