using ThreeClears.Domain.Evaluation;
using ThreeClears.Domain.Periods;
using ThreeClears.Domain.Tasks;

namespace ThreeClears.Domain.Tests.Evaluation;

public class ResponseItemsTests
{
    private static DateOnly D(int month, int day) => new(2026, month, day);

    [Fact]
    public void A_deemed_agreement_is_never_an_answer()
    {
        // Silence past 10 March: deemed agreed, even if a date of answer were recorded.
        var item = ResponseItems.Consultation(ConsultationStatus.DeemedAgreed, D(3, 10), D(3, 9));
        Assert.Null(item.AnsweredOn);
        Assert.False(item.AnsweredOnTime);
        Assert.Null(ResponseItems.Consultation(ConsultationStatus.Pending, D(3, 10), null).AnsweredOn);
    }

    [Fact]
    public void An_objection_on_the_deadline_is_on_time_an_agreement_a_day_late_is_not()
    {
        Assert.True(ResponseItems.Consultation(ConsultationStatus.Objected, D(3, 10), D(3, 10)).AnsweredOnTime);
        var late = ResponseItems.Consultation(ConsultationStatus.Agreed, D(3, 10), D(3, 11));
        Assert.Equal(D(3, 11), late.AnsweredOn);
        Assert.False(late.AnsweredOnTime);
    }

    [Fact]
    public void Every_stop_of_a_climbed_escalation_but_the_last_is_unanswered()
    {
        // Raised to the chair (respond by 4 March), missed; climbed to the leader (by 6 March), who resolved it on 5 March.
        var chair = new EscalationStop(1, ToUserId: 10, ToOrgUnitId: 3, RespondBy: D(3, 4));
        var leader = new EscalationStop(2, ToUserId: 1, ToOrgUnitId: 1, RespondBy: D(3, 6));
        Assert.False(ResponseItems.EscalationStop(chair, currentLevel: 2, resolvedOn: D(3, 5)).AnsweredOnTime);
        Assert.True(ResponseItems.EscalationStop(leader, currentLevel: 2, resolvedOn: D(3, 5)).AnsweredOnTime);
        // Still open at level 2: nobody answered.
        Assert.Null(ResponseItems.EscalationStop(leader, currentLevel: 2, resolvedOn: null).AnsweredOn);
    }

    [Fact]
    public void Responsiveness_counts_consultations_and_escalation_stops_together()
    {
        // Q1 2026: consultation answered on time (1), consultation deemed agreed (0), escalation stop missed (0),
        // escalation resolved on time at its last stop (1) → 2 of 4 = 0.5.
        ResponseItem[] items =
        [
            ResponseItems.Consultation(ConsultationStatus.Agreed, D(2, 10), D(2, 9)),
            ResponseItems.Consultation(ConsultationStatus.DeemedAgreed, D(2, 12), null),
            ResponseItems.EscalationStop(new EscalationStop(1, 10, 3, D(3, 4)), 2, D(3, 5)),
            ResponseItems.EscalationStop(new EscalationStop(2, 1, 1, D(3, 6)), 2, D(3, 5)),
        ];
        Assert.Equal(0.5, EvaluationScore.Responsiveness(items, Period.OfQuarter(2026, 1)));
    }
}
