namespace ThreeClears.Domain.Drafts;

/// <summary>
/// A draft's open period. API.md: "openTo is inclusive"; both ends are Vietnam dates. Opinions are
/// taken only while it is open; after <see cref="OpenTo"/> the collection is complete and only
/// answering goes on.
/// </summary>
public readonly record struct DraftWindow(DateOnly OpenFrom, DateOnly OpenTo)
{
    /// <summary>The longest open period accepted: long enough for any consultation, short enough to catch a typo in the year.</summary>
    public const int MaxDays = 366;

    public DraftPhase PhaseOn(DateOnly day) =>
        day < OpenFrom ? DraftPhase.NotYetOpen : day > OpenTo ? DraftPhase.Closed : DraftPhase.Open;

    public bool IsOpenOn(DateOnly day) => PhaseOn(day) == DraftPhase.Open;

    /// <summary>Days left to comment, the day itself counted (1 on the last day), 0 once closed.</summary>
    public int DaysLeft(DateOnly day) => day > OpenTo ? 0 : OpenTo.DayNumber - Math.Max(day.DayNumber, OpenFrom.DayNumber) + 1;

    /// <summary>Why a window cannot be used, or null: it must not end before it starts, nor last more than <see cref="MaxDays"/> days.</summary>
    public static string? Problem(DateOnly openFrom, DateOnly openTo)
    {
        if (openTo < openFrom) return "must not be before openFrom.";
        if (openTo.DayNumber - openFrom.DayNumber + 1 > MaxDays) return $"makes the open period longer than {MaxDays} days.";
        return null;
    }
}
