namespace ThreeClears.Domain.Evaluation;

/// <summary>
/// Competition ranking ("1224"): by score, highest first; equal scores share a rank and the next
/// rank skips (1, 2, 2, 4). Subjects without a score are unranked (null). Scores are compared as
/// given — pass the one-decimal scores, so that subjects shown with the same score share a rank.
/// </summary>
public static class EvaluationRanking
{
    /// <summary>Ranks aligned with <paramref name="scores"/>.</summary>
    public static int?[] Rank(ReadOnlySpan<decimal?> scores)
    {
        var ranks = new int?[scores.Length];
        Rank(scores, ranks);
        return ranks;
    }

    /// <summary>Writes into <paramref name="ranks"/> (same length as <paramref name="scores"/>) the rank of each subject.</summary>
    public static void Rank(ReadOnlySpan<decimal?> scores, Span<int?> ranks)
    {
        if (ranks.Length != scores.Length)
            throw new ArgumentException("ranks must be as long as scores.", nameof(ranks));

        var scored = 0;
        foreach (var s in scores) if (s.HasValue) scored++;

        var keys = new decimal[scored];
        var order = new int[scored];
        for (int i = 0, j = 0; i < scores.Length; i++)
        {
            ranks[i] = null;
            if (scores[i] is { } s)
            {
                keys[j] = -s; // ascending sort of the negated score = descending score
                order[j++] = i;
            }
        }
        Array.Sort(keys, order);

        for (var j = 0; j < scored; j++)
        {
            ranks[order[j]] = j > 0 && keys[j] == keys[j - 1] ? ranks[order[j - 1]] : j + 1;
        }
    }
}
