using ThreeClears.Web.Infrastructure;

namespace ThreeClears.Web.Features.Tasks.Pages;

public sealed class MilestoneForm
{
    public string? Title { get; set; }
    public string? DueDate { get; set; }
    public string? Quantity { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Title) && string.IsNullOrWhiteSpace(DueDate) && string.IsNullOrWhiteSpace(Quantity);
}

/// <summary>
/// The "assign a task" form as a browser posts it: text as typed, so that what was typed comes back
/// on a refusal, and numbers read the same in every language (see <see cref="TaskView.Number"/>).
/// </summary>
public sealed class TaskForm
{
    public const int MilestoneRows = 5;

    public string? Title { get; set; }
    public string? Description { get; set; }
    public string? ProductUnit { get; set; }
    public string? TargetQuantity { get; set; }
    public string? Kind { get; set; } = "output";
    public string? OwnerUserName { get; set; }
    public string? DueDate { get; set; }
    public string? StartDate { get; set; }
    public List<MilestoneForm> Milestones { get; set; } = [];
    public string? CooperatingOrgUnitCodes { get; set; }
    public string? ContributorUserNames { get; set; }
    public string? GoalCode { get; set; }
    public string? Source { get; set; }

    /// <summary>Always <see cref="MilestoneRows"/> rows to show, keeping what was typed.</summary>
    public void PadMilestones()
    {
        if (Milestones.Count > MilestoneRows) Milestones = Milestones[..MilestoneRows];
        while (Milestones.Count < MilestoneRows) Milestones.Add(new MilestoneForm());
    }

    /// <summary>
    /// The API request. Blank milestone rows are left out, so <paramref name="rowOf"/> maps each
    /// milestone the service sees back to its row on the form (for the field messages).
    /// </summary>
    public CreateTaskRequest ToRequest(out List<int> rowOf)
    {
        var checks = new Checks();
        var target = TaskView.Number(checks, "product.targetQuantity", TargetQuantity, required: false);
        var due = TaskView.Day(checks, "dueDate", DueDate, required: false);
        var start = TaskView.Day(checks, "startDate", StartDate, required: false);
        var milestones = new List<MilestoneRequest?>();
        rowOf = [];
        for (var row = 0; row < Milestones.Count && row < MilestoneRows; row++)
        {
            var m = Milestones[row];
            if (m.IsBlank) continue;
            // Parse errors name the row as shown, like the service's messages after remapping.
            milestones.Add(new MilestoneRequest(m.Title, TaskView.Day(checks, $"milestones[{row}].dueDate", m.DueDate, required: false),
                TaskView.Number(checks, $"milestones[{row}].cumulativeQuantity", m.Quantity, required: false)));
            rowOf.Add(row);
        }
        checks.ThrowIfAny();
        return new CreateTaskRequest(Title, new ProductRequest(Description, ProductUnit, target, Kind), OwnerUserName, due, start,
            milestones.Count == 0 ? null : milestones, TaskView.List(CooperatingOrgUnitCodes), TaskView.List(ContributorUserNames), GoalCode, Source);
    }
}
