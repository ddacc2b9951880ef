using ThreeClears.Domain.Calendar;

namespace ThreeClears.Domain.Tasks;

/// <summary>
/// One unit of the owner's chain: index 0 is the owner's unit, the last entry is the root.
/// Ids are strings (the API names units by code and officials by user name); user ids compare
/// ignoring case.
/// </summary>
public sealed record ChainUnit(string UnitId, string? HeadUserId);

/// <summary>Who an escalation goes to: the person and the position of their unit in the chain.</summary>
public sealed record EscalationRecipient(int ChainIndex, string UnitId, string UserId);

/// <summary>
/// Where an escalation stands: <paramref name="Level"/> as the API counts it (1 for the first
/// recipient, one more per climb), the recipient's position in the chain, and the response deadline
/// (a date; an answer on that date is on time).
/// </summary>
public sealed record EscalationStep(int Level, int ChainIndex, string UnitId, string RecipientUserId, DateOnly RespondBy);

/// <summary>
/// Routing of escalations ("no passing the buck"; API.md "Precise meanings", Escalations).
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>First recipient: the first unit from the owner's unit upwards whose head is someone other
///   than the owner (a unit without a head is passed over). If the assigner's unit is strictly above
///   that unit in the chain, the assigner instead. If nobody qualifies (the owner heads every unit up to
///   the root), the assigner if on the chain and not the owner, else nobody (null: the caller refuses).</item>
/// <item>Climbing: each missed <c>respondBy</c> (D after it) moves the escalation to the head of the next unit up
///   that has a head other than the owner and the current recipient; the new <c>respondBy</c> is 2 working
///   days after the missed one; repeated while the new deadline is missed too, so one sweep may climb
///   several levels. At the top (no such head above) it stays where it is and its <c>respondBy</c> is not
///   moved: the missed deadline stays visible, and sweeping again changes nothing.</item>
/// </list>
/// </remarks>
public static class EscalationRouting
{
    /// <summary>Working days to respond to an escalation.</summary>
    public const int RespondWithinWorkingDays = 2;

    /// <summary>The default response deadline: 2 working days after the day it is raised.</summary>
    public static DateOnly DefaultRespondBy(DateOnly raisedOn, IWorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.AddWorkingDays(raisedOn, RespondWithinWorkingDays);
    }

    /// <param name="chain">The owner's unit (index 0) up to the root.</param>
    /// <param name="ownerUserId">The task owner, who raises the escalation.</param>
    /// <param name="assignerUserId">The task's assigner, or null.</param>
    /// <param name="assignerChainIndex">The position of the assigner's unit in <paramref name="chain"/>, or null
    /// when the assigner's unit is not on it (then the assigner is not "above").</param>
    public static EscalationRecipient? FirstRecipient(
        IReadOnlyList<ChainUnit> chain, string ownerUserId, string? assignerUserId, int? assignerChainIndex)
    {
        CheckChain(chain);
        ArgumentException.ThrowIfNullOrWhiteSpace(ownerUserId);
        if (assignerChainIndex is { } ai && (ai < 0 || ai >= chain.Count))
            throw new ArgumentOutOfRangeException(nameof(assignerChainIndex), ai, "The assigner's unit is not in the chain.");

        var assigner = !string.IsNullOrWhiteSpace(assignerUserId) && assignerChainIndex is { } idx && !SameUser(assignerUserId, ownerUserId)
            ? new EscalationRecipient(idx, chain[idx].UnitId, assignerUserId)
            : null;

        var head = NextHead(chain, fromIndex: 0, ownerUserId, currentRecipient: null);
        if (head is null) return assigner;
        return assigner is not null && assigner.ChainIndex > head.ChainIndex ? assigner : head;
    }

    /// <summary>The escalation as raised: the first recipient at level 1, respond by the default deadline.</summary>
    public static EscalationStep? Raise(
        IReadOnlyList<ChainUnit> chain, string ownerUserId, string? assignerUserId, int? assignerChainIndex,
        DateOnly raisedOn, IWorkingCalendar calendar)
    {
        var to = FirstRecipient(chain, ownerUserId, assignerUserId, assignerChainIndex);
        return to is null ? null : new EscalationStep(1, to.ChainIndex, to.UnitId, to.UserId, DefaultRespondBy(raisedOn, calendar));
    }

    /// <summary>
    /// The climbs an open escalation makes as of <paramref name="asOf"/>, in order, each to be recorded;
    /// empty when its deadline is not missed or there is nobody further up. The last one (if any) is the
    /// escalation's new position.
    /// </summary>
    /// <param name="chain">The owner's unit (index 0) up to the root.</param>
    /// <param name="current">Where the escalation stands now.</param>
    /// <param name="asOf">The sweep date D; a deadline is missed when D is after it.</param>
    /// <param name="calendar">Working days.</param>
    /// <param name="ownerUserId">The owner, never a recipient; optional.</param>
    public static IReadOnlyList<EscalationStep> Climb(
        IReadOnlyList<ChainUnit> chain, EscalationStep current, DateOnly asOf, IWorkingCalendar calendar, string? ownerUserId = null)
    {
        CheckChain(chain);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(calendar);
        if (current.ChainIndex < 0 || current.ChainIndex >= chain.Count)
            throw new ArgumentOutOfRangeException(nameof(current), current.ChainIndex, "The escalation's unit is not in the chain.");

        var climbs = new List<EscalationStep>();
        var at = current;
        while (asOf > at.RespondBy)
        {
            var next = NextHead(chain, at.ChainIndex + 1, ownerUserId, at.RecipientUserId);
            if (next is null) break;
            at = new EscalationStep(
                at.Level + 1, next.ChainIndex, next.UnitId, next.UserId,
                calendar.AddWorkingDays(at.RespondBy, RespondWithinWorkingDays));
            climbs.Add(at);
        }
        return climbs;
    }

    /// <summary>
    /// An overdue task gets one automatic escalation (<c>reason:"overdue"</c>) to its assigner, on the
    /// first sweep that finds it overdue.
    /// </summary>
    public static bool NeedsOverdueEscalation(TaskStatus statusAsOf, bool overdueEscalationAlreadyRaised) =>
        statusAsOf == TaskStatus.Overdue && !overdueEscalationAlreadyRaised;

    private static EscalationRecipient? NextHead(IReadOnlyList<ChainUnit> chain, int fromIndex, string? ownerUserId, string? currentRecipient)
    {
        for (var i = fromIndex; i < chain.Count; i++)
        {
            var head = chain[i].HeadUserId;
            if (string.IsNullOrWhiteSpace(head)) continue;
            if (ownerUserId is not null && SameUser(head, ownerUserId)) continue;
            if (currentRecipient is not null && SameUser(head, currentRecipient)) continue;
            return new EscalationRecipient(i, chain[i].UnitId, head);
        }
        return null;
    }

    private static bool SameUser(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static void CheckChain(IReadOnlyList<ChainUnit> chain)
    {
        ArgumentNullException.ThrowIfNull(chain);
        if (chain.Count == 0) throw new ArgumentException("The chain needs at least the owner's unit.", nameof(chain));
        if (chain.Any(u => u is null)) throw new ArgumentException("A unit in the chain is null.", nameof(chain));
    }
}
