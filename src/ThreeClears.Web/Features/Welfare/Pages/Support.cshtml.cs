using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ThreeClears.Domain;
using ThreeClears.Web.Features.Evidence;
using ThreeClears.Web.Infrastructure;

namespace ThreeClears.Web.Features.Welfare.Pages;

/// <summary>Record or update a household's housing support, with a photo of the house taken on the phone.</summary>
[Authorize]
[RequestSizeLimit(EvidenceService.MaxUploadBytes + 100_000)]
[RequestFormLimits(MultipartBodyLengthLimit = EvidenceService.MaxUploadBytes + 100_000)]
public sealed class SupportModel(HousingService housing, EvidenceService evidence, AppClock clock) : AppPage
{
    /// <summary>"new" or the record's id.</summary>
    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "new";
    [BindProperty(SupportsGet = true)] public string? Household { get; set; }
    [BindProperty] public int? Year { get; set; }
    [BindProperty] public string? Kind { get; set; }
    [BindProperty] public decimal? Budget { get; set; }
    [BindProperty] public string? Status { get; set; }
    [BindProperty] public DateOnly? CompletedOn { get; set; }
    [BindProperty] public int Version { get; set; }
    public SupportDto? Record { get; private set; }
    public bool IsNew => Id == "new";
    public static IReadOnlyList<string> Kinds => ApiSpelling.All<SupportKind>();
    public static IReadOnlyList<string> Statuses => ApiSpelling.All<SupportStatus>();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (IsNew)
        {
            Year = clock.Today.Year;
            Status = "planned";
            Kind = "newBuild";
            if (Household is not null) await TryAsync(() => housing.UploadTargetAsync(Household, ct));
            return Page();
        }
        if (!int.TryParse(Id, out var id)) return NotFound();
        if (await TryAsync(async () => Record = await housing.GetSupportAsync(id, ct)))
        {
            (Household, Year, Kind, Budget, Status, CompletedOn, Version) =
                (Record!.HouseholdCode, Record.Year, Record.Kind, Record.Budget, Record.Status, Record.CompletedOn, Record.Version);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? photo, CancellationToken ct)
    {
        SupportDto? saved = null;
        var ok = await TryAsync(async () =>
        {
            int? id = IsNew ? null : int.TryParse(Id, out var n) ? n : throw new NotFoundException($"No housing support has id '{Id}'.");
            var current = id is { } i ? await housing.GetSupportAsync(i, ct) : null;
            var attachments = current?.Attachments.Select(a => a.AttachmentId).ToList() ?? [];
            if (photo is { Length: > 0 })
            {
                var household = await housing.UploadTargetAsync(current?.HouseholdCode ?? Household ?? "", ct);
                attachments.Add((await evidence.UploadForUnitAsync(household.OrgUnitId, photo, ct)).AttachmentId);
            }
            saved = id is { } existing
                ? await housing.UpdateSupportAsync(existing, new SupportRequest(null, null, Kind, Budget, Status, CompletedOn, [.. attachments]), WelfareApi.Expect(Version), ct)
                : await housing.CreateSupportAsync(new SupportRequest(Household, Year, Kind, Budget, Status, CompletedOn, [.. attachments]), ct);
        });
        if (ok) return Redirect($"/housing/support/{saved!.Id}?saved=true");
        if (!IsNew && int.TryParse(Id, out var back)) { try { Record = await housing.GetSupportAsync(back, ct); } catch (ProblemException) { } }
        return Page();
    }
}
