using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ThreeClears.Domain.Access;
using ThreeClears.Web.Features.Organisation;
using ThreeClears.Web.Infrastructure;
using ThreeClears.Web.Infrastructure.Auth;

namespace ThreeClears.Web.Features.Plan.Pages;

public sealed class GoalForm
{
    public string? Code { get; set; }
    public string? Title { get; set; }
    public string? TitleEn { get; set; }
    public string? Kind { get; set; } = "programme";
    public string? ParentCode { get; set; }
    public string? OrgUnitCode { get; set; }
    public string? Description { get; set; }

    public GoalRequest ToRequest() => new(Code, Title, TitleEn, Kind, ParentCode, Description, OrgUnitCode);
}

public sealed class TargetForm
{
    public string? IndicatorCode { get; set; }
    public string? OrgUnitCode { get; set; }
    public string? OwnerUserName { get; set; }
    // Number inputs always send a dot, whatever the page's language: read them invariantly.
    public string? Baseline { get; set; }
    public string? TargetValue { get; set; }
    public string? TargetYear { get; set; }
    public string? Direction { get; set; } = "increase";
    public string? GoalCode { get; set; }

    private static decimal? Number(string? s) =>
        decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d : null;

    public TargetRequest ToRequest() => new(IndicatorCode, OrgUnitCode, Number(Baseline), Number(TargetValue),
        int.TryParse(TargetYear, NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : null, Direction, GoalCode, OwnerUserName);
}

/// <summary>The strategic plan: the tree with its targets and tasks; leaders add goals and targets.</summary>
[Authorize]
public sealed class PlanModel(PlanService plan, OrganisationService units, Caller caller) : AppPage
{
    public IReadOnlyList<GoalNode> Tree { get; private set; } = [];
    public List<OrgUnitListItem> Units { get; private set; } = [];
    public bool CanManage { get; private set; }
    /// <summary>Which form the messages belong to ("goal" or "target"), after a refused post.</summary>
    public string? Posted { get; private set; }
    public string? Done { get; private set; }

    [BindProperty] public GoalForm Goal { get; set; } = new();
    [BindProperty] public TargetForm Target { get; set; } = new();

    public async Task OnGetAsync(string? done, CancellationToken ct)
    {
        Done = done;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostGoalAsync(CancellationToken ct)
    {
        if (await TryAsync(() => plan.CreateGoalAsync(Goal.ToRequest(), ct))) return Redirect("/plan?done=goal");
        Posted = "goal";
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostTargetAsync(CancellationToken ct)
    {
        if (await TryAsync(() => plan.CreateTargetAsync(Target.ToRequest(), ct))) return Redirect("/plan?done=target");
        Posted = "target";
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Tree = await plan.TreeAsync(ct);
        CanManage = !(await caller.UnitsWithAsync(Permission.ManagePlan, ct)).IsEmpty;
        if (CanManage) Units = await units.TreeAsync(ct);
    }

    public IEnumerable<GoalNode> All() => Flatten(Tree);

    private static IEnumerable<GoalNode> Flatten(IEnumerable<GoalNode> nodes)
    {
        foreach (var n in nodes)
        {
            yield return n;
            foreach (var c in Flatten(n.Children)) yield return c;
        }
    }

    public static string Number(decimal d) => d.ToString("#,0.####", CultureInfo.CurrentCulture);
}
