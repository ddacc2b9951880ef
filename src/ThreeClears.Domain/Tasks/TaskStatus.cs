namespace ThreeClears.Domain.Tasks;

/// <summary>
/// A task's status as of a date (PRODUCT.md §3 "Tasks"; API.md "Tasks").
/// The API spells the members in camelCase: see <see cref="ApiSpelling"/>.
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
    /// <summary>Completed on time or late: a verifier approved the delivered product.</summary>
    public static bool IsCompleted(this TaskStatus status) =>
        status is TaskStatus.CompletedOnTime or TaskStatus.CompletedLate;

    /// <summary>Completed or cancelled: nothing more happens to the task.</summary>
    public static bool IsFinished(this TaskStatus status) =>
        status.IsCompleted() || status == TaskStatus.Cancelled;
}
