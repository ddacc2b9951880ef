namespace ThreeClears.Domain.Tests.Tasks;

using ThreeClears.Domain.Tasks;

public class EscalationRoutingTests
{
    private static DateOnly D(int month, int day) => new(2026, month, day);
    private static readonly MonFriCalendar Cal = MonFriCalendar.April2026;

    // The owner "can.bo" works in an office of the agriculture department; the chain up to the root:
    //   0 PHONG-NN   head truong.phong
    //   1 SO-NNPTNT  head giam.doc.so
    //   2 VP-UBND    no head recorded
    //   3 CB (root)  head chu.tich
    private static readonly ChainUnit[] Chain =
    [
        new("PHONG-NN", "truong.phong"),
        new("SO-NNPTNT", "giam.doc.so"),
        new("VP-UBND", null),
        new("CB", "chu.tich"),
    ];

    // ---- first recipient ------------------------------------------------------------------------

    [Fact]
    public void Goes_to_the_head_of_the_owners_unit()
    {
        var to = EscalationRouting.FirstRecipient(Chain, "can.bo", assignerUserId: "truong.phong", assignerChainIndex: 0);
        Assert.Equal(new EscalationRecipient(0, "PHONG-NN", "truong.phong"), to);
    }

    [Fact]
    public void When_the_owner_is_the_head_it_goes_to_the_head_of_the_parent_unit()
    {
        var to = EscalationRouting.FirstRecipient(Chain, "truong.phong", assignerUserId: null, assignerChainIndex: null);
        Assert.Equal(new EscalationRecipient(1, "SO-NNPTNT", "giam.doc.so"), to);
        // User ids compare ignoring case.
        Assert.Equal(1, EscalationRouting.FirstRecipient(Chain, "Truong.Phong", null, null)!.ChainIndex);
    }

    [Fact]
    public void Units_without_a_head_are_passed_over()
    {
        ChainUnit[] chain = [new("PHONG-NN", null), new("SO-NNPTNT", "  "), new("CB", "chu.tich")];
        Assert.Equal(new EscalationRecipient(2, "CB", "chu.tich"), EscalationRouting.FirstRecipient(chain, "can.bo", null, null));
    }

    [Fact]
    public void An_assigner_in_a_unit_above_the_recipients_unit_gets_it()
    {
        // Assigned by a provincial leader at the root (index 3), above the office head (index 0).
        var to = EscalationRouting.FirstRecipient(Chain, "can.bo", assignerUserId: "pho.chu.tich", assignerChainIndex: 3);
        Assert.Equal(new EscalationRecipient(3, "CB", "pho.chu.tich"), to);
    }

    [Fact]
    public void An_assigner_in_the_recipients_own_unit_or_below_does_not()
    {
        // The owner heads the office, so the recipient is the director at index 1. A deputy director
        // (index 1, same unit) and a colleague in the office (index 0) are not above.
        Assert.Equal("giam.doc.so", EscalationRouting.FirstRecipient(Chain, "truong.phong", "pho.giam.doc", 1)!.UserId);
        Assert.Equal("giam.doc.so", EscalationRouting.FirstRecipient(Chain, "truong.phong", "dong.nghiep", 0)!.UserId);
        // An assigner whose unit is not on the owner's chain is not above either.
        Assert.Equal("truong.phong", EscalationRouting.FirstRecipient(Chain, "can.bo", "so.khac", null)!.UserId);
    }

    [Fact]
    public void A_self_assigned_task_escalates_to_the_head()
    {
        Assert.Equal("truong.phong", EscalationRouting.FirstRecipient(Chain, "can.bo", "can.bo", 3)!.UserId);
    }

    [Fact]
    public void With_nobody_above_the_owner_it_goes_to_the_assigner_or_nowhere()
    {
        ChainUnit[] rootOnly = [new("CB", "chu.tich")];
        Assert.Null(EscalationRouting.FirstRecipient(rootOnly, "chu.tich", null, null));
        Assert.Equal(new EscalationRecipient(0, "CB", "bi.thu"), EscalationRouting.FirstRecipient(rootOnly, "chu.tich", "bi.thu", 0));
    }

    [Fact]
    public void Raised_escalations_start_at_level_1_with_2_working_days_to_respond()
    {
        // Raised Wed 22 Apr: Thu 23 (1), Fri 24 (2) → respond by Fri 24 Apr.
        var step = EscalationRouting.Raise(Chain, "can.bo", "truong.phong", 0, D(4, 22), Cal);
        Assert.Equal(new EscalationStep(1, 0, "PHONG-NN", "truong.phong", D(4, 24)), step);
        // Raised Fri 24 Apr: Sat 25, Sun 26, Mon 27 (Hung Kings, observed) skipped; Tue 28 (1), Wed 29 (2).
        Assert.Equal(D(4, 29), EscalationRouting.DefaultRespondBy(D(4, 24), Cal));
    }

    // ---- climbing ------------------------------------------------------------------------------

    private static readonly EscalationStep Raised = new(1, 0, "PHONG-NN", "truong.phong", D(4, 24));

    [Fact]
    public void Does_not_climb_on_the_respond_by_date()
    {
        Assert.Empty(EscalationRouting.Climb(Chain, Raised, D(4, 24), Cal, "can.bo"));
    }

    [Fact]
    public void Climbs_one_level_the_day_after_a_missed_respond_by()
    {
        // Missed Fri 24 Apr; swept Sat 25 Apr. New respond-by = 24 Apr + 2 working days:
        // Mon 27 is a holiday → Tue 28 (1), Wed 29 (2) = 29 Apr, not yet missed on 25 Apr.
        var climbs = EscalationRouting.Climb(Chain, Raised, D(4, 25), Cal, "can.bo");
        Assert.Equal([new EscalationStep(2, 1, "SO-NNPTNT", "giam.doc.so", D(4, 29))], climbs);
        // Swept again on Wed 29 Apr (the new respond-by): no further climb.
        Assert.Empty(EscalationRouting.Climb(Chain, climbs[^1], D(4, 29), Cal, "can.bo"));
    }

    [Fact]
    public void Climbs_several_levels_in_one_sweep_across_a_weekend_and_holidays_and_stops_at_the_root()
    {
        // Nobody swept until Wed 6 May.
        //  1st: 24 Apr missed (6 May > 24 Apr) → SO-NNPTNT, respond by 24 Apr + 2 wd:
        //       Sat 25, Sun 26, Mon 27 (holiday) skipped; Tue 28 (1), Wed 29 (2) → 29 Apr.
        //  2nd: 29 Apr missed → next unit up with a head: VP-UBND has none, so CB (root);
        //       respond by 29 Apr + 2 wd: Thu 30 Apr and Fri 1 May (holidays), Sat 2, Sun 3 skipped;
        //       Mon 4 (1), Tue 5 (2) → 5 May.
        //  3rd: 5 May missed, but CB is the root: it stays there, respond-by unchanged.
        var climbs = EscalationRouting.Climb(Chain, Raised, D(5, 6), Cal, "can.bo");
        Assert.Equal(
            [
                new EscalationStep(2, 1, "SO-NNPTNT", "giam.doc.so", D(4, 29)),
                new EscalationStep(3, 3, "CB", "chu.tich", D(5, 5)),
            ],
            climbs);

        // Idempotent: sweeping again (same day or later) from where it now stands changes nothing.
        Assert.Empty(EscalationRouting.Climb(Chain, climbs[^1], D(5, 6), Cal, "can.bo"));
        Assert.Empty(EscalationRouting.Climb(Chain, climbs[^1], D(12, 31), Cal, "can.bo"));
    }

    [Fact]
    public void Climbing_from_an_assigner_passes_over_a_unit_the_assigner_heads_and_the_owner()
    {
        // The director (head of SO-NNPTNT, index 1) assigned the task and received the escalation.
        // The next unit up with a head other than the current recipient and the owner is CB.
        var fromAssigner = new EscalationStep(1, 1, "SO-NNPTNT", "giam.doc.so", D(4, 24));
        ChainUnit[] chain = [new("PHONG-NN", "can.bo"), new("SO-NNPTNT", "giam.doc.so"), new("KHOI", "giam.doc.so"), new("CB", "chu.tich")];
        var climbs = EscalationRouting.Climb(chain, fromAssigner, D(4, 25), Cal, "can.bo");
        Assert.Equal([new EscalationStep(2, 3, "CB", "chu.tich", D(4, 29))], climbs);
    }

    [Fact]
    public void An_overdue_task_escalates_to_its_assigner_once()
    {
        Assert.True(EscalationRouting.NeedsOverdueEscalation(TaskStatus.Overdue, overdueEscalationAlreadyRaised: false));
        Assert.False(EscalationRouting.NeedsOverdueEscalation(TaskStatus.Overdue, overdueEscalationAlreadyRaised: true));
        Assert.False(EscalationRouting.NeedsOverdueEscalation(TaskStatus.AtRisk, overdueEscalationAlreadyRaised: false));
        Assert.False(EscalationRouting.NeedsOverdueEscalation(TaskStatus.CompletedLate, overdueEscalationAlreadyRaised: false));
    }

    [Fact]
    public void Bad_chains_are_refused()
    {
        Assert.Throws<ArgumentException>(() => EscalationRouting.FirstRecipient([], "can.bo", null, null));
        Assert.Throws<ArgumentOutOfRangeException>(() => EscalationRouting.FirstRecipient(Chain, "can.bo", "x", 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => EscalationRouting.Climb(Chain, Raised with { ChainIndex = 9 }, D(5, 1), Cal));
    }
}
