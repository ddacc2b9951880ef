namespace ThreeClears.Web.Features.Tasks;

public sealed record ProductRequest(string? Description, string? Unit, decimal? TargetQuantity, string? Kind);

public sealed record MilestoneRequest(string? Title, DateOnly? DueDate, decimal? CumulativeQuantity);

public sealed record CreateTaskRequest(
    string? Title, ProductRequest? Product, string? OwnerUserName, DateOnly? DueDate, DateOnly? StartDate,
    List<MilestoneRequest?>? Milestones, List<string?>? CooperatingOrgUnitCodes, List<string?>? ContributorUserNames,
    string? GoalCode, string? Source);

public sealed record ProgressRequest(decimal? CumulativeQuantity, string? Note, List<int>? AttachmentIds);

public sealed record VerifyRequest(bool? Approve, string? Note);

public sealed record TargetRequest(decimal? TargetQuantity, string? Reason);

public sealed record ReassignRequest(string? OwnerUserName, string? Reason);

public sealed record CancelRequest(string? Reason);

public sealed record ProductDto(string Description, string Unit, decimal TargetQuantity, decimal OriginalTargetQuantity, string Kind, bool Scored);

public sealed record MilestoneDto(string? Title, DateOnly DueDate, decimal CumulativeQuantity, bool Missed);

public sealed record AttachmentDto(int Id, string FileName, string ContentType, long Length, bool IsImage, string Url, string? ThumbnailUrl);

public sealed record ReportDto(int Id, DateOnly ReportedOn, DateTime ReportedAt, decimal CumulativeQuantity, string Note, string ByUserName,
    IReadOnlyList<AttachmentDto> Attachments);

public sealed record VerificationDto(bool Approved, string Note, string ByUserName, DateOnly On, DateTime At);

public sealed record TargetChangeDto(decimal From, decimal To, string Reason, string ByUserName, DateTime At);

public sealed record ReassignmentDto(string FromUserName, string ToUserName, string Reason, string ByUserName, DateTime At);

public sealed record TaskEscalationDto(int Id, string Reason, string Question, int Level, string ToUserName, DateOnly RespondBy, string Status,
    DateOnly RaisedOn, string? Decision);

public sealed record TaskConsultationDto(int Id, string ToOrgUnitCode, string Question, DateOnly Deadline, string Status, DateOnly AskedOn);

public sealed record TaskDto(
    int Id, string Code, string Title, ProductDto Product, string OwnerUserName, string OwnerFullName, string OwnerOrgUnitCode,
    string AssignedByUserName, DateOnly? StartDate, DateOnly DueDate, DateOnly CreatedOn, DateOnly AsOf, string Status,
    decimal ExpectedFraction, decimal ActualFraction, decimal DeliveredQuantity, DateOnly? CompletedOn, DateOnly? CancelledOn,
    string? CancelReason, IReadOnlyList<MilestoneDto> Milestones, IReadOnlyList<ReportDto> Reports,
    IReadOnlyList<VerificationDto> Verifications, IReadOnlyList<TaskEscalationDto> Escalations,
    IReadOnlyList<TaskConsultationDto> Consultations, IReadOnlyList<ReassignmentDto> Reassignments, bool BuckPassingFlag,
    IReadOnlyList<TargetChangeDto> TargetChanges, IReadOnlyList<string> CooperatingOrgUnitCodes,
    IReadOnlyList<string> ContributorUserNames, string? GoalCode, string? Source, int Version);

public sealed record TaskListItem(
    int Id, string Code, string Title, string OwnerUserName, string OwnerFullName, string OwnerOrgUnitCode, DateOnly DueDate,
    string Status, decimal DeliveredQuantity, decimal TargetQuantity, string ProductUnit, string Kind, bool BuckPassingFlag, int Version);

/// <summary>The answer to a progress report: enough to show the new status without reloading the task.</summary>
public sealed record ProgressResult(int TaskId, int ReportId, DateOnly ReportedOn, decimal CumulativeQuantity, string Status,
    decimal ExpectedFraction, decimal ActualFraction, int Version);

/// <summary>Tasks of one status: products (output, outcome) and activities (process) counted apart.</summary>
public sealed record TaskStatusCount(string Status, int Products, int Activities);

public sealed record TaskBoardGroup(string Group, int Products, int Activities, IReadOnlyList<TaskListItem> Items);

public sealed record TaskBoard(string OrgUnitCode, IReadOnlyList<TaskStatusCount> Counts, IReadOnlyList<TaskBoardGroup> Groups);
