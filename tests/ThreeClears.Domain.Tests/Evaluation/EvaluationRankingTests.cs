using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ThreeClears.Domain.Evaluation;

namespace ThreeClears.Domain.Tests.Evaluation;

public class EvaluationRankingTests
{
    [Fact]
    public void Equal_scores_share_a_rank_and_the_next_rank_skips()
    {
        Assert.Equal(new int?[] { 1, 2, 2, 4 }, EvaluationRanking.Rank([95.0m, 90.0m, 90.0m, 85.0m]));
    }

    [Fact]
    public void Ranks_follow_the_input_order_and_unscored_subjects_are_unranked()
    {
        // 90.5 first; the two 80.0 share 2; 70.0 is 4th; no score → no rank
        Assert.Equal(new int?[] { 2, 1, 2, null, 4 }, EvaluationRanking.Rank([80.0m, 90.5m, 80.0m, null, 70.0m]));
    }

    [Fact]
    public void Scores_equal_in_value_share_a_rank_whatever_their_scale()
    {
        Assert.Equal(new int?[] { 1, 1, 3 }, EvaluationRanking.Rank([75m, 75.0m, 74.9m]));
    }

    [Fact]
    public void Edge_cases()
    {
        Assert.Empty(EvaluationRanking.Rank([]));
        Assert.Equal(new int?[] { null, null }, EvaluationRanking.Rank([null, null]));
        Assert.Equal(new int?[] { 1, 1, 1 }, EvaluationRanking.Rank([60.0m, 60.0m, 60.0m]));
        Assert.Throws<ArgumentException>(() => EvaluationRanking.Rank([1m], new int?[2]));
    }

    [Property]
    public Property Rank_is_one_plus_the_number_of_strictly_higher_scores() =>
        Prop.ForAll(
            Gen.ArrayOf(Gen.Frequency((1, Gen.Constant<decimal?>(null)), (4, Gen.Choose(0, 20).Select(i => (decimal?)(i * 5m))))).ToArbitrary(),
            scores =>
            {
                var ranks = EvaluationRanking.Rank(scores);
                for (var i = 0; i < scores.Length; i++)
                {
                    int? expected = scores[i] is { } s ? 1 + scores.Count(o => o > s) : null;
                    if (ranks[i] != expected) return false;
                }
                return true;
            });
}
