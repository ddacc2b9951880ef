using ThreeClears.Domain;
namespace ThreeClears.Domain.Tests.Tasks;

using ThreeClears.Domain.Tasks;

public class ConsultationRuleTests
{
    private static DateOnly D(int month, int day) => new(2026, month, day);
    private static readonly MonFriCalendar Cal = MonFriCalendar.April2026;

    // Asked on Fri 24 Apr 2026. Working days after it: Sat 25, Sun 26 weekend; Mon 27 holiday;
    // Tue 28 (1), Wed 29 (2); Thu 30 Apr, Fri 1 May holidays; Sat 2, Sun 3 weekend;
    // Mon 4 (3), Tue 5 (4), Wed 6 (5), Thu 7 (6), Fri 8 (7), Mon 11 (8), Tue 12 (9), Wed 13 (10).
    private static readonly DateOnly Asked = D(4, 24);

    [Fact]
    public void Default_deadline_is_5_working_days()
    {
        Assert.Equal(D(5, 6), ConsultationRule.DefaultDeadline(Asked, Cal));
        Assert.Equal(D(5, 6), ConsultationRule.ResolveDeadline(Asked, null, Cal));
    }

    [Fact]
    public void A_requested_deadline_may_be_at_most_10_working_days_away()
    {
        Assert.Equal(D(5, 13), ConsultationRule.LatestDeadline(Asked, Cal));
        Assert.Null(ConsultationRule.DeadlineProblem(Asked, D(5, 13), Cal));
        Assert.Equal(D(5, 13), ConsultationRule.ResolveDeadline(Asked, D(5, 13), Cal));
        Assert.Equal(
            "The deadline 2026-05-14 is more than 10 working days away; the latest allowed is 2026-05-13.",
            ConsultationRule.DeadlineProblem(Asked, D(5, 14), Cal));
        Assert.Throws<ArgumentException>(() => ConsultationRule.ResolveDeadline(Asked, D(5, 14), Cal));
    }

    [Fact]
    public void A_requested_deadline_must_be_after_the_day_asked()
    {
        Assert.NotNull(ConsultationRule.DeadlineProblem(Asked, Asked, Cal));
        Assert.NotNull(ConsultationRule.DeadlineProblem(Asked, D(4, 1), Cal));
        // The next day is fine even though it is a Saturday.
        Assert.Null(ConsultationRule.DeadlineProblem(Asked, D(4, 25), Cal));
    }

    [Fact]
    public void Request_validation_names_every_bad_field()
    {
        var errors = ConsultationRule.ValidateRequest(new ConsultationRequestInput(" ", null, D(5, 14), new string('l', 10_001)), Asked, Cal);
        Assert.Equal(["deadline", "legalBasis", "question", "toOrgUnitCode"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(ConsultationRule.ValidateRequest(new ConsultationRequestInput("SO-TC", "Is the budget line available?"), Asked, Cal));
        Assert.Empty(ConsultationRule.ValidateRequest(
            new ConsultationRequestInput("SO-TC", "Is the budget line available?", D(5, 8), "Decree 30/2020, art. 10"), Asked, Cal));
    }

    // ---- status --------------------------------------------------------------------------------

    private static readonly DateOnly Deadline = D(5, 6);

    [Fact]
    public void Deemed_agreed_the_day_after_the_deadline_and_not_on_it()
    {
        Assert.Equal(ConsultationStatus.Pending, ConsultationRule.StatusAsOf(Deadline, null, D(4, 24)));
        Assert.Equal(ConsultationStatus.Pending, ConsultationRule.StatusAsOf(Deadline, null, D(5, 6)));
        Assert.Equal(ConsultationStatus.DeemedAgreed, ConsultationRule.StatusAsOf(Deadline, null, D(5, 7)));
        Assert.False(ConsultationRule.IsAnsweredOnTime(Deadline, null));
    }

    [Fact]
    public void An_answer_on_the_deadline_is_on_time()
    {
        var objection = new ConsultationAnswer(ConsultationOutcome.Objected, D(5, 6));
        Assert.True(ConsultationRule.CanRespond(Deadline, D(5, 6)));
        Assert.Equal(ConsultationStatus.Pending, ConsultationRule.StatusAsOf(Deadline, objection, D(5, 5)));
        Assert.Equal(ConsultationStatus.Objected, ConsultationRule.StatusAsOf(Deadline, objection, D(5, 6)));
        Assert.Equal(ConsultationStatus.Objected, ConsultationRule.StatusAsOf(Deadline, objection, D(12, 31)));
        Assert.True(ConsultationRule.IsAnsweredOnTime(Deadline, objection));
        // (24 Apr, 6 May]: Tue 28, Wed 29, Mon 4, Tue 5, Wed 6 = 5 working days.
        Assert.Equal(5, ConsultationRule.AnswerWorkingDays(Asked, objection.AnsweredOn, Cal));
    }

    [Fact]
    public void An_agreement_the_next_working_day_takes_1_working_day()
    {
        // Asked Fri 24 Apr, agreed Tue 28 Apr: Mon 27 is a holiday → 1 working day.
        var agreed = new ConsultationAnswer(ConsultationOutcome.Agreed, D(4, 28));
        Assert.Equal(ConsultationStatus.Agreed, ConsultationRule.StatusAsOf(Deadline, agreed, D(4, 28)));
        Assert.Equal(1, ConsultationRule.AnswerWorkingDays(Asked, agreed.AnsweredOn, Cal));
    }

    [Fact]
    public void A_deemed_agreement_is_final_and_a_late_answer_changes_nothing()
    {
        var late = new ConsultationAnswer(ConsultationOutcome.Objected, D(5, 7));
        Assert.False(ConsultationRule.CanRespond(Deadline, D(5, 7)));
        Assert.Equal(ConsultationStatus.DeemedAgreed, ConsultationRule.StatusAsOf(Deadline, late, D(5, 7)));
        Assert.Equal(ConsultationStatus.DeemedAgreed, ConsultationRule.StatusAsOf(Deadline, late, D(6, 1)));
        Assert.False(ConsultationRule.IsAnsweredOnTime(Deadline, late));
    }

    // ---- responses -----------------------------------------------------------------------------

    [Fact]
    public void An_objection_needs_reasons_and_an_alternative()
    {
        var errors = ConsultationRule.ValidateResponse(new ConsultationResponseInput("objected", " ", null));
        Assert.Equal(["alternative", "reasons"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("An objection must give its reasons.", Assert.Single(errors["reasons"]));
        Assert.Equal("An objection must propose an alternative.", Assert.Single(errors["alternative"]));

        Assert.Empty(ConsultationRule.ValidateResponse(new ConsultationResponseInput(
            "objected", "The site is in a protected forest.", "Use the plot next to the commune office.")));
    }

    [Fact]
    public void An_agreement_needs_nothing_more()
    {
        Assert.Empty(ConsultationRule.ValidateResponse(new ConsultationResponseInput("agreed")));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("deemedAgreed")]
    [InlineData("yes")]
    public void The_outcome_is_agreed_or_objected(string? outcome)
    {
        var errors = ConsultationRule.ValidateResponse(new ConsultationResponseInput(outcome, "r", "a"));
        Assert.Equal(["outcome"], errors.Keys);
    }

    [Fact]
    public void Api_names()
    {
        Assert.Equal("deemedAgreed", ConsultationStatus.DeemedAgreed.ToApi());
        Assert.Equal("pending", ConsultationStatus.Pending.ToApi());
        Assert.True(ApiSpelling.TryParse<ConsultationOutcome>("objected", out var outcome));
        Assert.Equal(ConsultationOutcome.Objected, outcome);
    }
}
