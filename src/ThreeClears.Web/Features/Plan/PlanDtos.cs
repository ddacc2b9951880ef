namespace ThreeClears.Web.Features.Plan;

public sealed record GoalRequest(string? Code, string? Title, string? TitleEn, string? Kind, string? ParentCode, string? Description, string? OrgUnitCode);

public sealed record TargetRequest(
    string? IndicatorCode, string? OrgUnitCode, decimal? Baseline, decimal? TargetValue, int? TargetYear, string? Direction,
    string? GoalCode, string? OwnerUserName);

public sealed record TargetDto(
    int Id, string IndicatorCode, string OrgUnitCode, string? OwnerUserName, decimal Baseline, decimal TargetValue, int TargetYear,
    string Direction, string? GoalCode, int Version);

/// <summary>Tasks carrying a goal's code: how many (not cancelled), and the codes of those the caller may read.</summary>
public sealed record GoalTasks(int Count, IReadOnlyList<string> Codes);

/// <summary>A node of the plan tree: the goal, its targets, its tasks and the goals under it.</summary>
public sealed record GoalNode(
    string Code, string Title, string? TitleEn, string Kind, string? ParentCode, string? Description, string OrgUnitCode, int Version,
    IReadOnlyList<GoalNode> Children, IReadOnlyList<TargetDto> Targets, GoalTasks Tasks);
