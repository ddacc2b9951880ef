using Microsoft.EntityFrameworkCore;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Processing;
using ThreeClears.Domain.Access;
using ThreeClears.Web.Data;
using ThreeClears.Web.Features.Audit;
using ThreeClears.Web.Features.Tasks;
using ThreeClears.Web.Infrastructure;
using ThreeClears.Web.Infrastructure.Auth;
using ThreeClears.Web.Infrastructure.Files;

namespace ThreeClears.Web.Features.Evidence;

public sealed record UploadedDto(int AttachmentId, string FileName, string ContentType, long Length, string Sha256, string Url, string? ThumbnailUrl);

/// <summary>
/// Evidence files: accepted by what their bytes are, stored by content, served only as the kind
/// they were accepted as, with a small thumbnail for photos so that phones load little.
/// </summary>
public sealed class EvidenceService(ThreeClearsDb db, Caller caller, TaskAccess access, IFileStore files, AuditLog audit, AppClock clock)
{
    public const long MaxUploadBytes = 20_000_000;
    public const int ThumbnailPixels = 320;

    public static AttachmentDto Dto(int id, string fileName, string contentType, long length, bool isImage, string? thumbnail) =>
        new(id, fileName, contentType, length, isImage, $"/api/attachments/{id}", thumbnail is null ? null : $"/api/attachments/{id}/thumbnail");

    /// <summary>
    /// The task evidence may be uploaded for: open, and the caller its owner or a named contributor.
    /// Checked before the body is read, so a refused upload costs nothing.
    /// </summary>
    public async Task<TaskItem> UploadTargetAsync(int taskId, CancellationToken ct)
    {
        var task = await access.ReadableAsync(taskId, ct);
        var me = caller.UserId;
        if (task.OwnerId != me && !await db.Set<TaskContributor>().AnyAsync(c => c.TaskId == taskId && c.UserId == me, ct))
            throw new ForbiddenException("Only the task's owner or a named contributor uploads its evidence.");
        TaskAccess.RequireOpen(task);
        return task;
    }

    public Task<UploadedDto> UploadForTaskAsync(TaskItem task, IFormFile? file, CancellationToken ct) =>
        StoreAsync(file, task.OwnerOrgUnitId, task.Id, ct);

    /// <summary>
    /// Evidence of a unit's record that is not a task (a housing support's photos): whoever may read
    /// the unit's welfare data may see it. The caller checks the right to upload first.
    /// </summary>
    public Task<UploadedDto> UploadForUnitAsync(int orgUnitId, IFormFile? file, CancellationToken ct) =>
        StoreAsync(file, orgUnitId, null, ct);

    private async Task<UploadedDto> StoreAsync(IFormFile? file, int orgUnitId, int? taskId, CancellationToken ct)
    {
        var checks = new Checks();
        if (file is null || file.Length == 0) checks.Add("file", "is required: send the file as multipart form field 'file'.");
        else if (file.Length > MaxUploadBytes) throw new FileTooLargeException(MaxUploadBytes);
        checks.ThrowIfAny();
        var name = SafeName(file!.FileName);
        var head = new byte[16];
        await using (var s = file.OpenReadStream()) head = head[..await s.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct)];
        var kind = FileKinds.Detect(head, name)
                   ?? throw new ValidationException(new Dictionary<string, string[]>
                   {
                       ["file"] = ["is not an accepted kind: photos (JPEG, PNG, WebP), PDF, DOCX or XLSX."],
                   });
        StoredFile stored;
        await using (var s = file.OpenReadStream()) stored = await files.SaveAsync(s, MaxUploadBytes, ct);
        var thumbnail = kind.IsImage ? await ThumbnailAsync(stored.Sha256, ct) : null;
        var row = new Attachment
        {
            Sha256 = stored.Sha256, FileName = name, ContentType = kind.ContentType, Length = stored.Length, IsImage = kind.IsImage,
            ThumbnailSha256 = thumbnail, OrgUnitId = orgUnitId, TaskId = taskId, UploadedById = caller.UserId, UploadedAt = clock.UtcNow,
        };
        db.Add(row);
        await db.SaveChangesAsync(ct);
        audit.Record("attachment", row.Id, "upload", null, new { row.Sha256, row.FileName, row.ContentType, row.Length, taskId }, orgUnitId);
        await audit.SaveAsync(ct);
        var dto = Dto(row.Id, row.FileName, row.ContentType, row.Length, row.IsImage, row.ThumbnailSha256);
        return new UploadedDto(row.Id, row.FileName, row.ContentType, row.Length, row.Sha256, dto.Url, dto.ThumbnailUrl);
    }

    /// <summary>A JPEG at most 320 px on its long side; a photo that cannot be decoded simply gets none.</summary>
    private async Task<string?> ThumbnailAsync(string sha256, CancellationToken ct)
    {
        try
        {
            await using var source = await files.OpenAsync(sha256, ct) ?? throw new InvalidOperationException("The file just stored is missing.");
            using var image = await Image.LoadAsync(source, ct);
            image.Mutate(x => x.AutoOrient());
            // A small photo stays its size: enlarging it would only cost bytes on a slow link.
            if (image.Width > ThumbnailPixels || image.Height > ThumbnailPixels)
                image.Mutate(x => x.Resize(new ResizeOptions { Mode = ResizeMode.Max, Size = new Size(ThumbnailPixels, ThumbnailPixels) }));
            image.Metadata.ExifProfile = null;
            using var output = new MemoryStream();
            await image.SaveAsJpegAsync(output, new JpegEncoder { Quality = 70 }, ct);
            output.Position = 0;
            return (await files.SaveAsync(output, MaxUploadBytes, ct)).Sha256;
        }
        catch (Exception e) when (e is UnknownImageFormatException or InvalidImageContentException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>The file, if the caller may see what it is evidence for.</summary>
    public async Task<(Stream Content, string ContentType, string FileName)> OpenAsync(int id, bool thumbnail, CancellationToken ct)
    {
        var row = await db.Set<Attachment>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct)
                  ?? throw new NotFoundException($"No attachment has id {id}.");
        if (row.TaskId is { } taskId) await access.ReadableAsync(taskId, ct);
        else if (!await caller.CanAsync(Permission.ReadTasks, row.OrgUnitId, ct) && !await caller.CanAsync(Permission.ReadWelfare, row.OrgUnitId, ct))
            throw new ForbiddenException("This file is outside your units.");
        var sha = thumbnail ? row.ThumbnailSha256 ?? throw new NotFoundException("This file has no thumbnail.") : row.Sha256;
        var stream = await files.OpenAsync(sha, ct) ?? throw new NotFoundException("The file's bytes are missing from the store.");
        return (stream, thumbnail ? "image/jpeg" : row.ContentType, row.FileName);
    }

    /// <summary>Keeps a readable name without paths or characters that break headers.</summary>
    internal static string SafeName(string? name)
    {
        var n = Path.GetFileName(name ?? "").Trim();
        n = new string([.. n.Where(c => !char.IsControl(c) && c is not '"' and not '\\' and not '/')]);
        if (n.Length > 200) n = n[..200];
        return n.Length == 0 ? "file" : n;
    }
}
