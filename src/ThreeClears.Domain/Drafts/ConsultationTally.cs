namespace ThreeClears.Domain.Drafts;

/// <summary>
/// The figures of a consultation's summary (API.md <c>GET /api/drafts/{id}/summary</c>). "Answered"
/// is an opinion with a published response; a response kept as a draft does not answer it.
/// </summary>
public static class ConsultationTally
{
    /// <summary>answered ÷ opinions × 100 to one decimal (half away from zero); 0 when there is no opinion yet.</summary>
    public static decimal AnsweredPercent(int answered, int opinions)
    {
        if (opinions < 0 || answered < 0 || answered > opinions)
            throw new ArgumentOutOfRangeException(nameof(answered), $"{answered} answered of {opinions} opinions is impossible.");
        return opinions == 0 ? 0m : Math.Round(answered * 100m / opinions, 1, MidpointRounding.AwayFromZero);
    }

    /// <summary>A count for every spelling of <typeparamref name="TEnum"/>, zero where there is none, in declaration order.</summary>
    public static IReadOnlyDictionary<string, int> ByEach<TEnum>(IEnumerable<(TEnum Key, int Count)> counts) where TEnum : struct, Enum
    {
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var name in ApiSpelling.All<TEnum>()) result[name] = 0;
        foreach (var (key, count) in counts) result[key.ToApi()] += count;
        return result;
    }
}
