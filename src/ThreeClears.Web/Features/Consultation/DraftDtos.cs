using System.Text.Json.Serialization;

namespace ThreeClears.Web.Features.Drafts;

public sealed record SectionRequest(string? Key, string? Title, string? Text);

public sealed record DraftRequest(string? Title, DateOnly? OpenFrom, DateOnly? OpenTo, string? OrgUnitCode, string? Description,
    List<SectionRequest?>? Sections);

public sealed record DraftUpdateRequest(string? Title, DateOnly? OpenFrom, DateOnly? OpenTo, string? Description);

public sealed record SectionDto(string Key, string Title, string? Text);

/// <summary>A draft as API.md names it, with its phase on the server's today and what the caller may do with it.</summary>
public sealed record DraftDto(int Id, string Title, string? Description, string OrgUnitCode, string OrgUnitName, string OrgUnitNameEn,
    DateOnly OpenFrom, DateOnly OpenTo, string Phase, int DaysLeft, IReadOnlyList<SectionDto> Sections, bool CanManage, bool CanAnswer,
    int Version);

public sealed record ConferenceRequest(string? OrganizerOrgUnitCode, DateOnly? Date, string? Location, int? Participants);

public sealed record ConferenceDto(int Id, int DraftId, string OrganizerOrgUnitCode, string OrganizerName, string OrganizerNameEn,
    DateOnly Date, string Location, int Participants, int Opinions);

public sealed record OpinionRequest(string? Text, string? Group, string? Section, int? ConferenceId, string? SubmitterName, string? Contact);

/// <summary>
/// A response as shown. On the portal only a published one is shown, without the official's user
/// name (the unit answers); officials see who drafted and who published it.
/// </summary>
public sealed record ResponseDto(string Decision, string Explanation, string State, DateOnly? PublishedOn,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? AnsweredByUserName,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTime? AnsweredAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? PublishedByUserName,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Version);

/// <summary>
/// An opinion. <c>state</c> is <c>waiting</c> (no response), <c>drafted</c> (a response not yet
/// published) or <c>answered</c> (published). The submitter's name and whether a contact was left
/// are for the officials who answer; the contact itself is in no answer at all.
/// </summary>
public sealed record OpinionDto(int Id, int DraftId, string Text, string Group, string? Section, string Source, int? ConferenceId,
    DateOnly SubmittedOn, string State, ResponseDto? Response,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? SubmitterName,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? HasContact,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? NoticeState);

public sealed record ResponseRequest(string? Decision, string? Explanation, bool? Publish);

public sealed record BatchResponseRequest(List<int?>? OpinionIds, string? Decision, string? Explanation, bool? Publish);

public sealed record PublishRequest(List<int>? OpinionIds);

public sealed record RejectedOpinion(int Index, int? OpinionId, IDictionary<string, string[]> Errors);

public sealed record BatchResponseResult(int Accepted, int Published, IReadOnlyList<OpinionDto> Responses, IReadOnlyList<RejectedOpinion> Rejected);

public sealed record PublishResult(int Published, int Notices);

/// <summary>The answer of <c>GET /api/drafts/{id}/summary</c> (API.md), with a few figures more.</summary>
public sealed record DraftSummaryDto(int Conferences, int Participants, int Opinions, int Answered, decimal AnsweredPercent,
    IReadOnlyDictionary<string, int> ByDecision, IReadOnlyDictionary<string, int> ByGroup,
    IReadOnlyDictionary<string, int> BySource, int Waiting, int Drafted);

public sealed record NoticeDto(int Id, int OpinionId, string Channel, string State, DateTime CreatedAt, DateTime? SentAt, int Attempts, string? LastError);
