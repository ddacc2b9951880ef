using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ThreeClears.Domain.Welfare;

namespace ThreeClears.Domain.Tests.Welfare;

public class HappinessIndexTests
{
    //          living health educ. envir. safety cult.  gov.  life   sufficient  happy  not-sufficient share
    // R1       1      1      1      1      1      1      1     1      8/8         yes    —
    // R2       0.5    0.5    0.5    0.5    0.5    0.5    0     0      6/8 = 75 %  yes    —
    // R3       0.75   0.75   0.75   0.75   0.75   0.25   0.25  0.25   5/8 = 62.5% no     3/8
    // R4       0.5    0.5    0      0      0      0      0     0      2/8         no     6/8
    //
    // Hn = 2 not happy / 4 = 0.5
    // An = (3/8 + 6/8) / 2 = 9/16 = 0.5625
    // Index = 1 − 0.5 × 0.5625 = 1 − 0.28125 = 0.71875
    // happyShare = 2/4 = 0.5
    // domain means: living (1 + .5 + .75 + .5)/4 = 2.75/4 = 0.6875, health the same;
    //   education (1 + .5 + .75 + 0)/4 = 0.5625, environment and safety the same;
    //   culture (1 + .5 + .25 + 0)/4 = 0.4375; governance (1 + 0 + .25 + 0)/4 = 0.3125, life the same.
    private static readonly DomainScores R1 = DomainScores.Uniform(1);
    private static readonly DomainScores R2 = new(0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0, 0);
    private static readonly DomainScores R3 = new(0.75, 0.75, 0.75, 0.75, 0.75, 0.25, 0.25, 0.25);
    private static readonly DomainScores R4 = new(0.5, 0.5, 0, 0, 0, 0, 0, 0);
    private static readonly DomainScores[] Four = [R1, R2, R3, R4];
    private static readonly DomainScores FourMeans = new(0.6875, 0.6875, 0.5625, 0.5625, 0.5625, 0.4375, 0.3125, 0.3125);

    [Fact]
    public void Four_crafted_respondents_worked_by_hand()
    {
        var acc = new HappinessAccumulator();
        acc.AddRange(Four);

        Assert.Equal(4, acc.Respondents);
        Assert.Equal(2, acc.Happy);
        Assert.Equal(2, acc.NotHappy);
        Assert.Equal(0.5, acc.Hn);
        Assert.Equal(0.5625, acc.An);
        Assert.Equal(0.71875, acc.RawIndex);
        Assert.Equal(0.5, acc.HappyShare);
        Assert.Equal(FourMeans, acc.DomainMeans);

        // four respondents are fewer than 30: not published, every figure withheld, the count given
        var r = acc.Result();
        Assert.False(r.Published);
        Assert.Null(r.Index);
        Assert.Equal(4, r.Respondents);
        Assert.Null(r.HappyShare);
        Assert.Null(r.Domains);
        Assert.Equal(new HappinessResult(4, 0.71875, 0.5, FourMeans, true), acc.Result(minimumRespondents: 4));
    }

    [Fact]
    public void Totals_summed_elsewhere_give_the_same_figures()
    {
        // the four: 4 respondents, 2 happy, the not-happy insufficient in 3 + 6 = 9 domains;
        // score sums per domain = 4 × the means above
        var sums = new DomainScores(2.75, 2.75, 2.25, 2.25, 2.25, 1.75, 1.25, 1.25);
        var acc = HappinessAccumulator.FromTotals(4, 2, 9, sums);
        Assert.Equal(0.5, acc.Hn);
        Assert.Equal(0.5625, acc.An);
        Assert.Equal(0.71875, acc.RawIndex);
        Assert.Equal(FourMeans, acc.DomainMeans);

        var merged = HappinessAccumulator.FromTotals(0, 0, 0, default);
        merged.Merge(acc);
        Assert.Equal(0.71875, merged.RawIndex);

        // two not happy cannot be insufficient in fewer than 2 × 3 or more than 2 × 8 domains
        Assert.Throws<ArgumentOutOfRangeException>(() => HappinessAccumulator.FromTotals(4, 2, 5, sums));
        Assert.Throws<ArgumentOutOfRangeException>(() => HappinessAccumulator.FromTotals(4, 2, 17, sums));
        Assert.Throws<ArgumentOutOfRangeException>(() => HappinessAccumulator.FromTotals(4, 5, 0, sums));
        Assert.Throws<ArgumentOutOfRangeException>(() => HappinessAccumulator.FromTotals(2, 2, 0, sums)); // sums above 2
    }

    [Fact]
    public void The_same_four_eight_times_over_publish_the_same_index()
    {
        // 32 respondents: 16 not happy → Hn = 0.5; An still 9/16 → index 0.71875
        var many = Enumerable.Repeat(Four, 8).SelectMany(x => x).ToArray();
        var r = HappinessIndex.Compute(many);
        Assert.True(r.Published);
        Assert.Equal(32, r.Respondents);
        Assert.Equal(0.71875, r.Index);
        Assert.Equal(0.5, r.HappyShare);
        Assert.Equal(FourMeans, r.Domains);
    }

    [Fact]
    public void From_raw_answers_to_the_index()
    {
        // R2 as answers: six domains [3] or [2, 4] (score 0.5), two domains [1] (score 0)
        var r2 = new HappinessAnswers
        {
            LivingStandards = [3], Health = [2, 4], Education = [3], Environment = [3, 3, 3], Safety = [3],
            Culture = [3], Governance = [1], LifeSatisfaction = [1, 1],
        };
        // R4: living [3], health [3], the rest [1]
        var r4 = new HappinessAnswers
        {
            LivingStandards = [3], Health = [3], Education = [1], Environment = [1], Safety = [1],
            Culture = [1], Governance = [1], LifeSatisfaction = [1],
        };
        Assert.Equal(R2, HappinessSurvey.Score(r2));
        Assert.Equal(R4, HappinessSurvey.Score(r4));
        Assert.Equal(R1, HappinessSurvey.Score(HappinessAnswers.Uniform(5, 5)));

        // R1, R2, R4: Hn = 1/3, An = 6/8 → index = 1 − (1/3)(3/4) = 1 − 1/4 = 0.75
        var r = HappinessIndex.Compute([R1, HappinessSurvey.Score(r2), HappinessSurvey.Score(r4)], minimumRespondents: 3);
        Assert.True(r.Published);
        Assert.Equal(0.75, r.Index);
    }

    [Fact]
    public void Twenty_nine_respondents_are_not_published_thirty_are()
    {
        var r29 = HappinessIndex.Compute(Enumerable.Repeat(R4, 29).ToArray());
        Assert.False(r29.Published);
        Assert.Null(r29.Index);
        Assert.Equal(29, r29.Respondents);

        // 30 × R4: everyone not happy, each not sufficient in 6/8 → Hn = 1, An = 0.75 → index 0.25
        var r30 = HappinessIndex.Compute(Enumerable.Repeat(R4, 30).ToArray());
        Assert.True(r30.Published);
        Assert.Equal(0.25, r30.Index);
        Assert.Equal(30, r30.Respondents);
        Assert.Equal(0.0, r30.HappyShare);
    }

    [Fact]
    public void When_nobody_is_unhappy_the_index_is_one()
    {
        // R2 is happy with two domains at 0: Hn = 0 → index 1, whatever those domains
        var r = HappinessIndex.Compute(Enumerable.Repeat(R2, 30).ToArray());
        Assert.Equal(1.0, r.Index);
        Assert.Equal(1.0, r.HappyShare);

        var acc = new HappinessAccumulator();
        acc.Add(R2);
        Assert.Equal(0.0, acc.Hn);
        Assert.Null(acc.An);
        Assert.Equal(1.0, acc.RawIndex);
    }

    [Fact]
    public void No_respondents_gives_no_figures()
    {
        var r = HappinessIndex.Compute([]);
        Assert.Equal(new HappinessResult(0, null, null, null, false), r);
        Assert.False(new HappinessAccumulator().Result(minimumRespondents: 0).Published);
    }

    [Fact]
    public void A_parent_merges_its_childrens_accumulators_and_covers_every_respondent()
    {
        // child A: R1, R3 (Hn 1/2); child B: R2, R4 (Hn 1/2) — the parent is the four of them
        var a = new HappinessAccumulator();
        a.Add(R1);
        a.Add(R3);
        var b = new HappinessAccumulator();
        b.Add(R2);
        b.Add(R4);
        Assert.Equal(1 - 0.5 * (3.0 / 8), a.RawIndex); // 0.8125
        Assert.Equal(1 - 0.5 * (6.0 / 8), b.RawIndex); // 0.625

        var parent = HappinessAccumulator.Combine(a, b);
        Assert.Equal(0.71875, parent.RawIndex);  // equal-sized children: the mean of 0.8125 and 0.625 agrees…
        Assert.Equal(FourMeans, parent.DomainMeans);
        Assert.Equal(4, parent.Respondents);

        // …but not with unequal sizes: A = R1 alone (index 1), B = R2, R3, R4 (Hn 2/3, An 9/16 → 1 − 3/8 = 0.625);
        // mean of indices 0.8125 ≠ union 0.71875
        var a1 = new HappinessAccumulator();
        a1.Add(R1);
        var b3 = new HappinessAccumulator();
        b3.AddRange([R2, R3, R4]);
        Assert.Equal(0.625, b3.RawIndex);
        a1.Merge(b3);
        Assert.Equal(0.71875, a1.RawIndex);
        Assert.Equal(3, b3.Respondents); // the merged-in child is unchanged
    }

    [Fact]
    public void Bad_inputs_are_refused()
    {
        var acc = new HappinessAccumulator();
        Assert.Throws<ArgumentException>(() => acc.Merge(acc));
        Assert.Throws<ArgumentOutOfRangeException>(() => acc.Add(R1 with { Health = 1.01 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => acc.Add(R1 with { Safety = -0.1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => acc.Add(R1 with { Culture = double.NaN }));
        Assert.Equal(0, acc.Respondents);
    }

    // ---- properties -------------------------------------------------------------------------

    private static readonly Gen<double> AnswerGen = Gen.Choose(1, 5).Select(i => (double)i);

    private static readonly Gen<DomainScores> RespondentGen =
        Gen.ArrayOf(Gen.Choose(1, 4).SelectMany(n => Gen.ArrayOf(AnswerGen, n)), HappinessDomains.Count)
            .Select(domains => new HappinessAnswers
            {
                LivingStandards = domains[0], Health = domains[1], Education = domains[2], Environment = domains[3],
                Safety = domains[4], Culture = domains[5], Governance = domains[6], LifeSatisfaction = domains[7],
            })
            .Select(HappinessSurvey.Score);

    private static readonly Gen<DomainScores[]> RespondentsGen =
        Gen.Choose(0, 80).SelectMany(n => Gen.ArrayOf(RespondentGen, n));

    [Property]
    public Property Index_and_shares_stay_within_zero_and_one() =>
        Prop.ForAll(RespondentsGen.ToArbitrary(), rs =>
        {
            var acc = new HappinessAccumulator();
            acc.AddRange(rs);
            var r = acc.Result(minimumRespondents: 1);
            if (rs.Length == 0) return r.Index is null && r.HappyShare is null && r.Domains is null;
            var d = r.Domains!.Value;
            return r.Index is >= 0 and <= 1
                && r.HappyShare is >= 0 and <= 1
                && HappinessDomains.All.All(x => d[x] is >= 0 and <= 1)
                && acc.Result().Published == (rs.Length >= 30)
                && (acc.Result().Index is not null) == (rs.Length >= 30)
                && (acc.Result().Domains is not null) == (rs.Length >= 30);
        });

    [Property]
    public Property Everyone_answering_five_everywhere_gives_one() =>
        Prop.ForAll(Gen.Choose(1, 200).ToArbitrary(), n =>
        {
            var acc = new HappinessAccumulator();
            var fives = HappinessSurvey.Score(HappinessAnswers.Uniform(5, 5, 5));
            for (var i = 0; i < n; i++) acc.Add(fives);
            var r = acc.Result(minimumRespondents: 1);
            return r.Index == 1.0 && r.HappyShare == 1.0 && r.Domains == DomainScores.Uniform(1);
        });

    [Property]
    public Property Index_is_one_minus_Hn_times_An() =>
        Prop.ForAll(RespondentsGen.ToArbitrary(), rs =>
        {
            var acc = new HappinessAccumulator();
            acc.AddRange(rs);
            if (rs.Length == 0) return acc.RawIndex is null;
            // straight from the definition, respondent by respondent
            var notHappy = rs.Where(r => !r.IsHappy).ToArray();
            var hn = (double)notHappy.Length / rs.Length;
            var expected = notHappy.Length == 0
                ? 1.0
                : 1 - hn * notHappy.Average(r => (HappinessDomains.Count - r.SufficientCount) / (double)HappinessDomains.Count);
            return Math.Abs(acc.RawIndex!.Value - expected) < 1e-12;
        });

    [Property]
    public Property Merging_children_equals_the_union_of_their_responses() =>
        Prop.ForAll(RespondentsGen.SelectMany(rs => Gen.Choose(0, rs.Length), (rs, cut) => (rs, cut)).ToArbitrary(), t =>
        {
            var union = new HappinessAccumulator();
            union.AddRange(t.rs);
            var left = new HappinessAccumulator();
            left.AddRange(t.rs.AsSpan(0, t.cut));
            var right = new HappinessAccumulator();
            right.AddRange(t.rs.AsSpan(t.cut));
            left.Merge(right);

            var u = union.Result();
            var m = left.Result();
            return u.Respondents == m.Respondents
                && u.Published == m.Published
                && u.Index == m.Index               // integer state: exactly equal
                && u.HappyShare == m.HappyShare
                && (u.Domains is null
                    ? m.Domains is null
                    : HappinessDomains.All.All(d => Math.Abs(u.Domains.Value[d] - m.Domains!.Value[d]) < 1e-12));
        });
}
