using System.Diagnostics.CodeAnalysis;

namespace ThreeClears.Domain.Tasks;

/// <summary>
/// A task's status as of a date (PRODUCT.md §3 "Tasks"; API.md "Tasks").
/// The API spells the members in camelCase: see <see cref="TaskStatusNames"/>.
/// </summary>
/// <remarks>
/// The name clashes with <c>System.Threading.Tasks.TaskStatus</c>, which implicit usings import.
/// Inside <c>namespace ThreeClears.Domain.Tasks</c> this one wins; elsewhere put
/// <c>using ThreeClears.Domain.Tasks;</c> inside the namespace, or alias it.
/// </remarks>
public enum TaskStatus
{
    NotStarted,
    OnTrack,
    AtRisk,
    Overdue,
    CompletedOnTime,
    CompletedLate,
    Cancelled,
}

public static class TaskStatusNames
{
    /// <summary>The API spelling: <c>notStarted</c>, <c>onTrack</c>, <c>atRisk</c>, <c>overdue</c>,
    /// <c>completedOnTime</c>, <c>completedLate</c>, <c>cancelled</c>.</summary>
    public static string ToApiName(this TaskStatus status) => status switch
    {
        TaskStatus.NotStarted => "notStarted",
        TaskStatus.OnTrack => "onTrack",
        TaskStatus.AtRisk => "atRisk",
        TaskStatus.Overdue => "overdue",
        TaskStatus.CompletedOnTime => "completedOnTime",
        TaskStatus.CompletedLate => "completedLate",
        TaskStatus.Cancelled => "cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>Parses the API spelling, ignoring case (as ASP.NET's JSON enum reading does).</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out TaskStatus status)
    {
        foreach (var candidate in Enum.GetValues<TaskStatus>())
        {
            if (string.Equals(candidate.ToApiName(), text, StringComparison.OrdinalIgnoreCase))
            {
                status = candidate;
                return true;
            }
        }
        status = default;
        return false;
    }

    /// <summary>Completed on time or late: a verifier approved the delivered product.</summary>
    public static bool IsCompleted(this TaskStatus status) =>
        status is TaskStatus.CompletedOnTime or TaskStatus.CompletedLate;

    /// <summary>Completed or cancelled: nothing more happens to the task.</summary>
    public static bool IsFinished(this TaskStatus status) =>
        status.IsCompleted() || status == TaskStatus.Cancelled;
}
