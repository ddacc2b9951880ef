using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ThreeClears.Domain.Access;
using ThreeClears.Web.Data;
using ThreeClears.Web.Features.Evidence;
using ThreeClears.Web.Features.Organisation;
using ThreeClears.Web.Infrastructure;
using ThreeClears.Web.Infrastructure.Auth;

namespace ThreeClears.Web.Features.Tasks.Pages;

/// <summary>One dated line of a task's history; <see cref="Item"/> is one of the TaskDto's records.</summary>
public sealed record TimelineEntry(DateTime At, DateOnly On, object Item);

/// <summary>
/// The task page: its three clears, its status as of a date, its history, and the forms of the
/// people who may act on it. The forms shown are a courtesy; the services decide who may act.
/// </summary>
[Authorize]
// A progress report carries a photo: this page's posts may be as large as an evidence file.
[RequestSizeLimit(EvidenceService.MaxUploadBytes + 100_000)]
public sealed class TaskModel(TasksService tasks, TaskActions actions, EvidenceService evidence, OrganisationService units,
    Caller caller, ThreeClearsDb db, AppClock clock) : AppPage
{
    [BindProperty(SupportsGet = true, Name = "asOf")] public string? AsOfText { get; set; }
    [BindProperty(SupportsGet = true)] public string? Done { get; set; }
    public TaskDto? Item { get; private set; }
    public List<TimelineEntry> Timeline { get; private set; } = [];
    public int LaterEntries { get; private set; }

    /// <summary>
    /// Photos shown as thumbnails: the latest few. A thumbnail weighs about 20 KB, so a long history
    /// of photos would break the 100 KB page budget; older photos are listed as links.
    /// </summary>
    public const int Thumbnails = 3;
    public HashSet<int> ThumbnailIds { get; private set; } = [];
    public bool Historical { get; private set; }

    public string? AssignerName { get; private set; }
    public bool IsOwner { get; private set; }
    public bool IsAssigner { get; private set; }
    public bool CanReport { get; private set; }
    public bool CanVerify { get; private set; }
    public bool CanChangeTarget { get; private set; }
    public bool CanReassign { get; private set; }
    public bool CanCancel { get; private set; }
    public bool CanReadAudit { get; private set; }
    public List<AssignableOfficial> Officials { get; private set; } = [];

    /// <summary>The form whose post failed: its messages and what was typed show on it, opened.</summary>
    public string? Failed { get; private set; }
    public PostedValues Posted { get; private set; } = new();
    /// <summary>Evidence already uploaded by a report that was then refused: sent again without uploading again.</summary>
    public List<int> Kept { get; private set; } = [];

    public sealed record PostedValues(string? Quantity = null, string? Note = null, string? Approve = null, string? Target = null,
        string? OwnerUserName = null, string? Reason = null);

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostReportAsync(string id, string? quantity, string? note, IFormFile? photo, List<int>? kept, int version,
        CancellationToken ct)
    {
        Posted = new PostedValues(Quantity: quantity, Note: note);
        var ids = kept ?? [];
        Kept = ids;
        return await ActAsync(id, "report", async taskId =>
        {
            // Check the quantity before storing a photo, so that a mistyped number leaves no file behind.
            var checks = new Checks();
            var q = TaskView.Number(checks, "cumulativeQuantity", quantity, required: true);
            checks.ThrowIfAny();
            if (photo is { Length: > 0 }) ids.Add((await evidence.UploadForTaskAsync(await evidence.UploadTargetAsync(taskId, ct), photo, ct)).AttachmentId);
            SetVersion(version);
            await actions.ReportProgressAsync(taskId, new ProgressRequest(q, note, ids), HttpContext, ct);
        }, ct);
    }

    public Task<IActionResult> OnPostVerifyAsync(string id, string? approve, string? note, int version, CancellationToken ct)
    {
        Posted = new PostedValues(Approve: approve, Note: note);
        return ActAsync(id, "verify", async taskId =>
        {
            SetVersion(version);
            bool? yes = approve switch { "true" => true, "false" => false, _ => null };
            await actions.VerifyAsync(taskId, new VerifyRequest(yes, note), HttpContext, ct);
        }, ct);
    }

    public Task<IActionResult> OnPostTargetAsync(string id, string? targetQuantity, string? reason, int version, CancellationToken ct)
    {
        Posted = new PostedValues(Target: targetQuantity, Reason: reason);
        return ActAsync(id, "target", async taskId =>
        {
            var checks = new Checks();
            var q = TaskView.Number(checks, "targetQuantity", targetQuantity, required: true);
            checks.ThrowIfAny();
            SetVersion(version);
            await actions.ChangeTargetAsync(taskId, new TargetRequest(q, reason), HttpContext, ct);
        }, ct);
    }

    public Task<IActionResult> OnPostReassignAsync(string id, string? ownerUserName, string? reason, int version, CancellationToken ct)
    {
        Posted = new PostedValues(OwnerUserName: ownerUserName, Reason: reason);
        return ActAsync(id, "reassign", async taskId =>
        {
            SetVersion(version);
            await actions.ReassignAsync(taskId, new ReassignRequest(ownerUserName, reason), HttpContext, ct);
        }, ct);
    }

    public Task<IActionResult> OnPostCancelAsync(string id, string? reason, int version, CancellationToken ct)
    {
        Posted = new PostedValues(Reason: reason);
        return ActAsync(id, "cancel", async taskId =>
        {
            SetVersion(version);
            await actions.CancelAsync(taskId, new CancelRequest(reason), HttpContext, ct);
        }, ct);
    }

    public string? ErrorIn(string form, string field) => Failed == form ? ErrorFor(field) : null;

    /// <summary>Runs one form's action; on success back to the page (post, redirect, get), else the page with the form's messages.</summary>
    private async Task<IActionResult> ActAsync(string id, string form, Func<int, Task> action, CancellationToken ct)
    {
        int taskId = 0;
        if (await TryAsync(async () =>
            {
                taskId = TaskAccess.ParseId(id);
                await action(taskId);
            }))
            return Redirect($"/tasks/{taskId}?done={form}");
        Failed = form;
        await LoadAsync(id, ct);
        return Page();
    }

    /// <summary>The form's hidden version becomes If-Match, as an API client would send it.</summary>
    private void SetVersion(int version) => Request.Headers.IfMatch = $"\"{version}\"";

    private async Task LoadAsync(string id, CancellationToken ct)
    {
        var today = clock.Today;
        if (!await TryAsync(async () =>
            {
                var checks = new Checks();
                var asOf = TaskView.Day(checks, "asOf", AsOfText, required: false);
                checks.ThrowIfAny();
                Item = await tasks.GetAsync(TaskAccess.ParseId(id), asOf, ct);
            }))
            return;
        var t = Item!;
        Historical = t.AsOf != today;
        Timeline = BuildTimeline(t);
        LaterEntries = Timeline.Count(e => e.On > t.AsOf);
        Timeline = [.. Timeline.Where(e => e.On <= t.AsOf)];
        ThumbnailIds = [.. Timeline.Select(e => e.Item).OfType<ReportDto>().SelectMany(r => r.Attachments)
            .Where(a => a.ThumbnailUrl is not null).TakeLast(Thumbnails).Select(a => a.Id)];

        var me = caller.UserName;
        IsOwner = string.Equals(t.OwnerUserName, me, StringComparison.Ordinal);
        IsAssigner = string.Equals(t.AssignedByUserName, me, StringComparison.Ordinal);
        var ownerUnit = (await units.FindAsync(t.OwnerOrgUnitCode, ct)).Id;
        AssignerName = await db.Users.Where(u => u.UserName == t.AssignedByUserName).Select(u => u.FullName).FirstOrDefaultAsync(ct);
        CanReadAudit = await caller.CanAsync(Permission.ReadAudit, ownerUnit, ct);
        // A finished task, or one looked at on another date, takes no action.
        var open = !TaskView.IsFinished(t.Status) && !Historical;
        if (!open) return;
        CanReport = IsOwner;
        CanVerify = !IsOwner && (IsAssigner || await caller.CanAsync(Permission.VerifyTasks, ownerUnit, ct));
        CanChangeTarget = IsAssigner;
        CanCancel = IsAssigner;
        CanReassign = IsAssigner || await caller.CanAsync(Permission.ReassignTasks, ownerUnit, ct);
        if (CanReassign) Officials = await Assignable.OfficialsAsync(db, caller, ct);
    }

    /// <summary>Everything that happened to the task, oldest first; date-only events sort at the start of their day.</summary>
    private static List<TimelineEntry> BuildTimeline(TaskDto t)
    {
        static DateTime Day(DateOnly d) => d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-7);
        static DateOnly VnDate(DateTime utc) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), AppClock.Vietnam));
        var list = new List<TimelineEntry>();
        list.AddRange(t.Reports.Select(r => new TimelineEntry(r.ReportedAt, r.ReportedOn, r)));
        list.AddRange(t.Verifications.Select(v => new TimelineEntry(v.At, v.On, v)));
        list.AddRange(t.TargetChanges.Select(c => new TimelineEntry(c.At, VnDate(c.At), c)));
        list.AddRange(t.Reassignments.Select(r => new TimelineEntry(r.At, VnDate(r.At), r)));
        list.AddRange(t.Escalations.Select(e => new TimelineEntry(Day(e.RaisedOn), e.RaisedOn, e)));
        list.AddRange(t.Consultations.Select(c => new TimelineEntry(Day(c.AskedOn), c.AskedOn, c)));
        return [.. list.OrderBy(e => e.At)];
    }
}
