using ThreeClears.Domain;

namespace ThreeClears.Web.Features.Indicators;

/// <summary>One row of <c>PUT /api/data-values</c>.</summary>
public sealed record DataValueRow(string? IndicatorCode, string? OrgUnitCode, string? Period, decimal? Value, string? Comment, string? Source);

/// <summary>The body of <c>PUT /api/data-values/{indicatorCode}/{orgUnitCode}/{period}</c>.</summary>
public sealed record DataValueWrite(decimal? Value, string? Comment, string? Source);

/// <summary>A refused row: its 0-based index in the batch and every reason, by field.</summary>
public sealed record RowRejection(int Index, IDictionary<string, string[]> Errors);

public sealed record BatchResult(int Accepted, IReadOnlyList<RowRejection> Rejected);

public sealed record WorkflowRequest(string? OrgUnitCode, string? Period, List<string?>? IndicatorCodes, string? Reason);

/// <summary>What a submit, approve or reopen did: the values it changed and, for a reopen, the approvals above it undid.</summary>
public sealed record WorkflowResult(string OrgUnitCode, string Period, int Changed, IReadOnlyList<DataValueDto> Values, IReadOnlyList<DataValueDto> ReopenedAbove);

public sealed record DataValueDto(
    string IndicatorCode, string OrgUnitCode, string Period, decimal Value, string? Comment, string? Source, string Status,
    string EnteredBy, DateTime EnteredAt, string? SubmittedBy, DateTime? SubmittedAt, string? ApprovedBy, DateTime? ApprovedAt, int Version)
{
    public static DataValueDto Of(DataValue v, string indicatorCode, string orgUnitCode) => new(
        indicatorCode, orgUnitCode, v.Period, v.Value, v.Comment, v.Source, v.Status.ToApi(), v.EnteredBy, v.EnteredAt,
        v.SubmittedBy, v.SubmittedAt, v.ApprovedBy, v.ApprovedAt, v.Version);
}

public sealed record DataValueChange(DateTime At, string UserName, string Action, decimal? OldValue, decimal? NewValue,
    string? OldStatus, string NewStatus, string? Reason);

/// <summary>A value with every change it went through, oldest first.</summary>
public sealed record DataValueDetail(DataValueDto Value, IReadOnlyList<DataValueChange> History);
