using ThreeClears.Domain.Periods;

namespace ThreeClears.Domain.Evaluation;

/// <summary>
/// The results score (the task-results input to the annual rating; never "the official rating").
/// <para><b>Components</b> (each in 0..1, absent when it has no items):</para>
/// <list type="bullet">
/// <item><b>Delivery</b> — mean credit over the scored tasks due in the period: completed on time 1,
/// completed late 0.5, still open at the period's end 0. Credit is judged <i>as at the period's
/// end</i>: a task completed after the period's end was open then and earns 0, even if completed
/// since; a task cancelled on or before the period's end is excluded, one cancelled after it was
/// open then and earns 0 (cancelling later cannot erase a miss). <c>process</c> tasks are excluded.</item>
/// <item><b>Targets</b> — mean over the owned targets of min(achievement ÷ 100, 1), clamped below at
/// 0 (a <c>decrease</c> target moving the wrong way has a negative achievement; it earns 0, not a
/// penalty beyond the target). A target with no achievement figure at the period's end (null or
/// NaN) counts, and earns 0.</item>
/// <item><b>Responsiveness</b> — share of the consultations and escalations whose deadline falls in the
/// period that were answered on or before the deadline (a deemed agreement is not an answer).</item>
/// <item><b>Citizens</b> — (mean rating − 1) ÷ 4 with at least 30 ratings; absent below.</item>
/// </list>
/// <para><b>Score</b> = 100 × the weighted mean of the present components, weights 0.5 / 0.3 / 0.1 / 0.1
/// re-normalised over those present (Delivery and Responsiveness alone weigh 0.5/0.6 and 0.1/0.6).
/// It is rounded to one decimal, midpoint away from zero (89.95 → 90.0, 70.25 → 70.3); before
/// rounding the double is taken to 15 significant digits, so that binary noise (89.9499999…)
/// does not decide a midpoint (49.74999999999999 → 49.75 → 49.8). The decimal always
/// carries one decimal place (100.0, not 100). Null with no component.</para>
/// <para><b>Classification</b> compares the <i>rounded</i> score: excellent ≥ 90, good ≥ 70, completed ≥ 50,
/// notCompleted below; so 89.95 is excellent, the same figure the page shows.</para>
/// <para><b>As of</b>: an optional <c>asOf</c> evaluates a period that has not ended: the cut-off is the
/// earlier of the period's end and <c>asOf</c>; only items due on or before it count, judged as at
/// the end of that day.</para>
/// </summary>
public static class EvaluationScore
{
    public const double DeliveryWeight = 0.5;
    public const double TargetsWeight = 0.3;
    public const double ResponsivenessWeight = 0.1;
    public const double CitizensWeight = 0.1;

    /// <summary>Citizens is present with at least this many ratings.</summary>
    public const int MinimumRatings = 30;

    public const decimal ExcellentFrom = 90m;
    public const decimal GoodFrom = 70m;
    public const decimal CompletedFrom = 50m;

    // The weights in tenths, so that the re-normalising denominator is an exact integer.
    private const int DeliveryTenths = 5, TargetsTenths = 3, ResponsivenessTenths = 1, CitizensTenths = 1;

    /// <summary>Credit of one task as at <paramref name="cutoff"/>: null when excluded (process, or cancelled by then).</summary>
    public static double? DeliveryCredit(in DeliveryTask task, DateOnly cutoff)
    {
        if (task.IsProcess) return null;
        if (task.CancelledOn is { } cancelled && cancelled <= cutoff) return null;
        if (task.CompletedOn is { } done && done <= cutoff) return done <= task.DueDate ? 1.0 : 0.5;
        return 0.0;
    }

    /// <summary>Delivery over the tasks due in <paramref name="period"/> (up to <paramref name="asOf"/>); null when none count.</summary>
    public static double? Delivery(ReadOnlySpan<DeliveryTask> tasks, Period period, DateOnly? asOf = null)
    {
        var cutoff = Cutoff(period, asOf);
        var start = period.Start;
        int count = 0, halves = 0; // credit kept in halves: exact
        foreach (ref readonly var t in tasks)
        {
            if (t.DueDate < start || t.DueDate > cutoff) continue;
            var credit = DeliveryCredit(t, cutoff);
            if (credit is null) continue;
            count++;
            halves += credit.Value switch { 1.0 => 2, 0.5 => 1, _ => 0 };
        }
        return count == 0 ? null : halves / (2.0 * count);
    }

    /// <summary>Credit of one target: min(achievement ÷ 100, 1), at least 0; null or NaN earns 0.</summary>
    public static double TargetCredit(double? achievementPercent) =>
        achievementPercent is { } a && !double.IsNaN(a) ? Math.Clamp(a / 100, 0, 1) : 0;

    /// <summary>Targets over the owned targets' achievement percents; null when there are none.</summary>
    public static double? Targets(ReadOnlySpan<double?> achievementPercents)
    {
        if (achievementPercents.IsEmpty) return null;
        double sum = 0;
        foreach (var a in achievementPercents) sum += TargetCredit(a);
        return sum / achievementPercents.Length;
    }

    /// <summary>Responsiveness over the items whose deadline is in <paramref name="period"/> (up to <paramref name="asOf"/>); null when none.</summary>
    public static double? Responsiveness(ReadOnlySpan<ResponseItem> items, Period period, DateOnly? asOf = null)
    {
        var cutoff = Cutoff(period, asOf);
        var start = period.Start;
        int count = 0, onTime = 0;
        foreach (ref readonly var item in items)
        {
            if (item.Deadline < start || item.Deadline > cutoff) continue;
            count++;
            if (item.AnsweredOnTime) onTime++;
        }
        return count == 0 ? null : (double)onTime / count;
    }

    /// <summary>Citizens from the ratings' stars (each 1..5); null below 30 ratings.</summary>
    public static double? Citizens(ReadOnlySpan<int> stars)
    {
        long sum = 0;
        foreach (var s in stars)
        {
            if (s is < 1 or > 5) throw new ArgumentOutOfRangeException(nameof(stars), s, "A rating is 1 to 5 stars.");
            sum += s;
        }
        return Citizens(stars.Length, sum);
    }

    /// <summary>Citizens from a count of ratings and the sum of their stars (e.g. grouped in a database); null below 30.</summary>
    public static double? Citizens(int ratings, long starsSum)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ratings);
        if (starsSum < ratings || starsSum > 5L * ratings)
            throw new ArgumentOutOfRangeException(nameof(starsSum), starsSum, "The sum of the stars must lie between 1 and 5 times the number of ratings.");
        if (ratings < MinimumRatings) return null;
        return ((double)starsSum / ratings - 1) / 4;
    }

    /// <summary>The score, rounded to one decimal (midpoint away from zero); null when no component is present.</summary>
    public static decimal? Score(in EvaluationComponents components)
    {
        double weighted = 0;
        var tenths = 0;
        Add(components.Delivery, DeliveryTenths, nameof(components.Delivery), ref weighted, ref tenths);
        Add(components.Targets, TargetsTenths, nameof(components.Targets), ref weighted, ref tenths);
        Add(components.Responsiveness, ResponsivenessTenths, nameof(components.Responsiveness), ref weighted, ref tenths);
        Add(components.Citizens, CitizensTenths, nameof(components.Citizens), ref weighted, ref tenths);
        if (tenths == 0) return null;
        var raw = 100.0 * weighted / tenths;
        // (decimal)double keeps 15 significant digits: 49.74999999999999 becomes 49.75 exactly.
        // Adding 0.0m gives every score the scale of one decimal (100 → 100.0).
        return Math.Round((decimal)raw, 1, MidpointRounding.AwayFromZero) + 0.0m;
    }

    /// <summary>excellent ≥ 90, good ≥ 70, completed ≥ 50, notCompleted below; null for no score. Pass the rounded score.</summary>
    public static EvaluationClassification? Classify(decimal? score) => score switch
    {
        null => null,
        >= ExcellentFrom => EvaluationClassification.Excellent,
        >= GoodFrom => EvaluationClassification.Good,
        >= CompletedFrom => EvaluationClassification.Completed,
        _ => EvaluationClassification.NotCompleted,
    };

    /// <summary>Score and classification of the components.</summary>
    public static EvaluationResult Evaluate(in EvaluationComponents components)
    {
        var score = Score(components);
        return new EvaluationResult(components, score, Classify(score));
    }

    private static DateOnly Cutoff(Period period, DateOnly? asOf) =>
        asOf is { } d && d < period.End ? d : period.End;

    private static void Add(double? component, int weightTenths, string name, ref double weighted, ref int tenths)
    {
        if (component is not { } c) return;
        if (!(c is >= 0 and <= 1)) throw new ArgumentOutOfRangeException(name, c, "A component is within 0..1.");
        weighted += weightTenths * c;
        tenths += weightTenths;
    }
}
