using ThreeClears.Domain;
using ThreeClears.Domain.Welfare;

namespace ThreeClears.Web.Features.Welfare;

// ---- households

public sealed record HouseholdDto(
    string Code, string CommuneCode, string Village, string HeadName, int Members,
    string? Poverty, string? Housing, string? Kitchen, string? Sanitation,
    bool HousingAdequate, bool KitchenAdequate, bool SanitationAdequate, bool AllThree,
    int Version, DateTime UpdatedAt)
{
    public static HouseholdDto Of(Household h, string communeCode) => new(
        h.Code, communeCode, h.Village, h.HeadName, h.Members,
        h.Poverty?.ToApi(), h.Housing?.ToApi(), h.Kitchen?.ToApi(), h.Sanitation?.ToApi(),
        h.HousingAdequate, h.KitchenAdequate, h.SanitationAdequate, h.HousingAdequate && h.KitchenAdequate && h.SanitationAdequate,
        h.Version, h.UpdatedAt);
}

/// <summary>The body of <c>PUT /api/households/{code}</c>: every field of the import's row but the code.</summary>
public sealed record HouseholdWrite(
    string? CommuneCode, string? Village, string? HeadName, int? Members,
    string? Poverty, string? Housing, string? Kitchen, string? Sanitation);

public sealed record HouseholdRevisionDto(int Revision, DateTime At, string? UserName, string Source, string CommuneCode, string Village,
    string HeadName, int Members, string? Poverty, string? Housing, string? Kitchen, string? Sanitation);

public sealed record RowRejection(int Line, IDictionary<string, string[]> Errors);

/// <summary>
/// <c>POST /api/households/import</c>: <c>updated</c> counts rows whose code was known (an update,
/// whether or not it changed anything); <c>unchanged</c> says how many of those were already so.
/// </summary>
public sealed record ImportResult(int ImportId, int Imported, int Updated, int Unchanged, IReadOnlyList<RowRejection> Rejected);

public sealed record ImportProgressDto(int Id, string FileName, string Status, int LinesDone, int? LinesTotal, int Imported, int Updated,
    int Unchanged, int RejectedCount, IReadOnlyList<RowRejection> Rejected, string? Error, DateTime StartedAt, DateTime? FinishedAt);

// ---- coverage

public sealed record CoverageDto(
    string OrgUnitCode, string Name, string NameEn,
    int Households, int HousingAdequate, int KitchenAdequate, int SanitationAdequate, int AllThree,
    double? HousingPercent, double? KitchenPercent, double? SanitationPercent, double? AllThreePercent,
    IReadOnlyList<CoverageDto> Children)
{
    public static CoverageDto Of(WelfareUnit u, WelfareCoverage c, IReadOnlyList<CoverageDto> children) => new(
        u.Code, u.Name, u.NameEn, c.Households, c.HousingAdequate, c.KitchenAdequate, c.SanitationAdequate, c.AllThree,
        c.HousingPercent, c.KitchenPercent, c.SanitationPercent, c.AllThreePercent, children);
}

// ---- housing programme

public sealed record ProgrammeRequest(string? OrgUnitCode, int? Year, int? TargetHouses, decimal? Funding);

public sealed record ProgrammeDto(string OrgUnitCode, int Year, int TargetHouses, decimal Funding, int Version);

/// <summary>
/// Progress of a unit (and its subtree) for a year. <c>targetHouses</c> and <c>funding</c> are the
/// unit's own programme when it has one, else the sum of its children's (null with none anywhere);
/// <c>supported</c> counts support records, <c>completed</c> the completed ones, <c>spent</c> the
/// budget of the records underway or completed, <c>committed</c> the budget of all of them.
/// </summary>
public sealed record ProgrammeProgressDto(
    string OrgUnitCode, string Name, string NameEn, int Year,
    int? TargetHouses, decimal? Funding, bool OwnTarget,
    int Supported, int Underway, int Completed, int NewBuilds, int Repairs, decimal Spent, decimal Committed,
    double? CompletedPercent, double? SpentPercent, IReadOnlyList<ProgrammeProgressDto> Children);

public sealed record SupportRequest(string? HouseholdCode, int? Year, string? Kind, decimal? Budget, string? Status, DateOnly? CompletedOn,
    int[]? AttachmentIds);

public sealed record SupportAttachmentDto(int AttachmentId, string FileName, string ContentType, string Url, string? ThumbnailUrl);

public sealed record SupportDto(int Id, string HouseholdCode, string CommuneCode, string Village, string HeadName, int Year, string Kind,
    decimal Budget, string Status, DateOnly? CompletedOn, IReadOnlyList<SupportAttachmentDto> Attachments, int Version);

// ---- happiness

public sealed record ResponseRow(string? OrgUnitCode, int? Year, string? RespondentCode, HappinessAnswers? Answers);

/// <summary><c>accepted</c> counts the rows written; <c>replaced</c> how many of them replaced a respondent's earlier answers.</summary>
public sealed record ResponsesResult(int Accepted, int Replaced, IReadOnlyList<IndexRejection> Rejected);

public sealed record IndexRejection(int Index, IDictionary<string, string[]> Errors);

public sealed record DomainsDto(double LivingStandards, double Health, double Education, double Environment, double Safety, double Culture,
    double Governance, double LifeSatisfaction)
{
    public static DomainsDto? Of(DomainScores? d) => d is { } s
        ? new(s.LivingStandards, s.Health, s.Education, s.Environment, s.Safety, s.Culture, s.Governance, s.LifeSatisfaction)
        : null;
}

public sealed record HappinessIndexDto(
    string OrgUnitCode, string Name, string NameEn, int Year, int Respondents, double? Index, double? HappyShare, DomainsDto? Domains,
    bool Published, IReadOnlyList<HappinessIndexDto> Children);
