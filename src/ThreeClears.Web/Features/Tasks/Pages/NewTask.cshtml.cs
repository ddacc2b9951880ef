using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ThreeClears.Web.Data;
using ThreeClears.Web.Infrastructure;
using ThreeClears.Web.Infrastructure.Auth;

namespace ThreeClears.Web.Features.Tasks.Pages;

/// <summary>Assigning a task with its three clears: the product, the dates and milestones, the one owner.</summary>
[Authorize]
public sealed partial class NewTaskModel(TasksService tasks, Caller caller, ThreeClearsDb db) : AppPage
{
    [BindProperty] public TaskForm Form { get; set; } = new();
    public List<AssignableOfficial> Officials { get; private set; } = [];
    public bool TooManyOfficials => Officials.Count > Paging.MaxPageSize;

    public async Task OnGetAsync(string? owner, CancellationToken ct)
    {
        Form.OwnerUserName = owner;
        Form.PadMilestones();
        Officials = await Assignable.OfficialsAsync(db, caller, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        TaskDto? created = null;
        var ok = await TryAsync(async () =>
        {
            var request = Form.ToRequest(out var rowOf);
            try
            {
                created = await tasks.CreateAsync(request, ct);
            }
            catch (ValidationException v)
            {
                throw new ValidationException(ToFormRows(v.Errors, rowOf));
            }
        });
        if (ok) return Redirect($"/tasks/{created!.Id}");
        Form.PadMilestones();
        Officials = await Assignable.OfficialsAsync(db, caller, ct);
        return Page();
    }

    /// <summary>The service numbers the milestones it was sent; the form shows them on their own rows.</summary>
    private static Dictionary<string, string[]> ToFormRows(IDictionary<string, string[]> errors, List<int> rowOf) =>
        errors.ToDictionary(
            e => MilestoneIndex().Replace(e.Key, m => int.TryParse(m.Groups[1].Value, out var i) && i < rowOf.Count ? $"milestones[{rowOf[i]}]" : m.Value),
            e => e.Value);

    /// <summary>Every message whose path starts with <paramref name="prefix"/> (a list's items), with the item named.</summary>
    public string? ErrorsUnder(string prefix) =>
        FieldErrors.Where(e => e.Key == prefix || e.Key.StartsWith(prefix + "[", StringComparison.Ordinal)) is var list && list.Any()
            ? string.Join(" ", list.SelectMany(e => e.Value.Select(v => e.Key == prefix ? v : $"{e.Key[prefix.Length..]}: {v}")))
            : null;

    [GeneratedRegex(@"^milestones\[(\d+)\]")]
    private static partial Regex MilestoneIndex();
}
