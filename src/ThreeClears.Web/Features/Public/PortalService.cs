using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Processing;
using ThreeClears.Domain;
using ThreeClears.Domain.Evaluation;
using ThreeClears.Domain.Indicators;
using ThreeClears.Domain.Periods;
using ThreeClears.Domain.Tasks;
using ThreeClears.Web.Data;
using ThreeClears.Web.Features.Audit;
using ThreeClears.Web.Features.Evidence;
using ThreeClears.Web.Features.Indicators;
using ThreeClears.Web.Features.Organisation;
using ThreeClears.Web.Features.Plan;
using ThreeClears.Web.Features.Ratings;
using ThreeClears.Web.Features.Tasks;
using ThreeClears.Web.Infrastructure;
using ThreeClears.Web.Infrastructure.Files;

namespace ThreeClears.Web.Features.Public;

public sealed record PublicPhotoDto(int Id, string Url, string ThumbnailUrl);

/// <summary>A delivered product: a verified task of kind output or outcome. No official's name, no file name.</summary>
public sealed record PublicProductDto(int TaskId, string Title, string Product, string Kind, decimal Delivered, decimal Target, string Unit,
    string OrgUnitCode, string OrgUnitName, string OrgUnitNameEn, DateOnly DueDate, DateOnly CompletedOn, bool OnTime,
    IReadOnlyList<PublicPhotoDto> Photos);

public sealed record PublicIndicatorDto(string Code, string Name, string NameEn, string Unit, AnalyticsRowDto Figures);

public sealed record PublicIndicatorsDto(string OrgUnitCode, string Period, IReadOnlyList<PublicIndicatorDto> Items);

/// <summary>A unit and its citizens' rating over the year: the mean only from <see cref="EvaluationScore.MinimumRatings"/> ratings.</summary>
public sealed record PublicUnitDto(string Code, string Name, string NameEn, string Kind, string? ParentCode, int Ratings, bool Published, double? Mean);

public sealed record PublicUnitsDto(string Period, int MinimumRatings, IReadOnlyList<PublicUnitDto> Items);

/// <summary>
/// What the public portal publishes, and nothing more (PRODUCT.md §2 "Citizen / voter"): delivered
/// products (verified tasks of kinds output and outcome, never process tasks) with their evidence
/// photos, key indicators against their targets from approved values only, and units with their
/// citizens' rating. Every reading here is for anyone; nothing here reads personal data.
/// </summary>
public sealed class PortalService(ThreeClearsDb db, AnalyticsService analytics, RatingsService ratings, IFileStore files, AppClock clock)
{
    public const int PhotosPerProduct = 6;
    public const int PhotoPixels = 1600;
    /// <summary>The portal shows at most this many key indicators.</summary>
    public const int MaxIndicators = 20;

    /// <summary>A published product: completed, verified by someone other than its owner, not cancelled, and a product (not a process).</summary>
    public static readonly Expression<Func<TaskItem, bool>> Delivered = t =>
        t.CompletedOn != null && t.VerifiedOn != null && t.CancelledOn == null && (t.Kind == ProductKind.Output || t.Kind == ProductKind.Outcome);

    // ---------------------------------------------------------------- products

    public async Task<PageOf<PublicProductDto>> ProductsAsync(string? orgUnit, Paging paging, CancellationToken ct)
    {
        var q = db.Set<TaskItem>().AsNoTracking().Where(Delivered);
        if (!string.IsNullOrWhiteSpace(orgUnit))
        {
            var code = orgUnit.Trim();
            var unit = await db.Set<OrgUnit>().AsNoTracking().Where(u => u.Code == code).Select(u => new { u.Path }).FirstOrDefaultAsync(ct)
                       ?? throw new NotFoundException($"No org unit has code '{code}'.");
            q = q.Where(t => t.OwnerOrgUnit!.Path.StartsWith(unit.Path));
        }
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(t => t.CompletedOn).ThenByDescending(t => t.Id).Skip(paging.Skip).Take(paging.PageSize)
            .Select(t => new
            {
                t.Id, t.Title, t.ProductDescription, t.Kind, t.DeliveredQuantity, t.TargetQuantity, t.ProductUnit, t.DueDate, t.CompletedOn,
                Code = t.OwnerOrgUnit!.Code, t.OwnerOrgUnit.Name, t.OwnerOrgUnit.NameEn,
            }).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var photos = (await PublishedPhotos().Where(a => ids.Contains(a.TaskId!.Value)).OrderBy(a => a.Id)
            .Select(a => new { a.Id, TaskId = a.TaskId!.Value }).ToListAsync(ct)).ToLookup(p => p.TaskId);
        return new PageOf<PublicProductDto>([.. rows.Select(r => new PublicProductDto(r.Id, r.Title, r.ProductDescription, r.Kind.ToApi(),
            r.DeliveredQuantity, r.TargetQuantity, r.ProductUnit, r.Code, r.Name, r.NameEn, r.DueDate, r.CompletedOn!.Value, r.CompletedOn <= r.DueDate,
            [.. photos[r.Id].Take(PhotosPerProduct).Select(p => new PublicPhotoDto(p.Id, $"/api/public/photos/{p.Id}", $"/api/public/photos/{p.Id}/thumbnail"))]))], total);
    }

    /// <summary>
    /// Photos that are evidence of a delivered product: images with a thumbnail, sent with a
    /// progress report of that very task. A file uploaded but never reported with is not evidence.
    /// </summary>
    private IQueryable<Attachment> PublishedPhotos()
    {
        var delivered = db.Set<TaskItem>().Where(Delivered);
        var reports = db.Set<TaskProgressReport>();
        return db.Set<Attachment>().AsNoTracking()
            .Where(a => a.IsImage && a.ThumbnailSha256 != null && a.TaskId != null
                && delivered.Any(t => t.Id == a.TaskId)
                && reports.Any(r => r.TaskId == a.TaskId && r.Attachments.Any(x => x.Id == a.Id)));
    }

    /// <summary>
    /// The photo of a delivered product: its thumbnail, or a full-size copy without metadata. Any
    /// other attachment (of a task not verified, of a process task, a document, a household's
    /// housing evidence) is 404, as if it did not exist.
    /// </summary>
    public async Task<Stream> PhotoAsync(int id, bool thumbnail, CancellationToken ct)
    {
        if (!await PublishedPhotos().AnyAsync(a => a.Id == id, ct)) throw new NotFoundException($"No published photo has id {id}.");
        var row = await db.Set<Attachment>().AsNoTracking().Where(a => a.Id == id).Select(a => new { a.Sha256, a.ThumbnailSha256 }).FirstAsync(ct);
        if (thumbnail)
            return await files.OpenAsync(row.ThumbnailSha256!, ct) ?? throw new NotFoundException("The photo's bytes are missing from the store.");
        var copy = await db.Set<PublicPhoto>().AsNoTracking().Where(p => p.AttachmentId == id).Select(p => p.Sha256).FirstOrDefaultAsync(ct)
                   ?? await MakeCopyAsync(id, row.Sha256, ct);
        return await files.OpenAsync(copy, ct) ?? throw new NotFoundException("The photo's bytes are missing from the store.");
    }

    /// <summary>Re-encodes the original once: oriented, at most 1600 px, every metadata profile dropped.</summary>
    private async Task<string> MakeCopyAsync(int id, string sha256, CancellationToken ct)
    {
        string hash;
        await using (var source = await files.OpenAsync(sha256, ct) ?? throw new NotFoundException("The photo's bytes are missing from the store."))
        {
            using var image = await Image.LoadAsync(source, ct);
            image.Mutate(x => x.AutoOrient());
            // Only ever smaller: a photo already within 1600 px keeps its size.
            if (image.Width > PhotoPixels || image.Height > PhotoPixels)
                image.Mutate(x => x.Resize(new ResizeOptions { Mode = ResizeMode.Max, Size = new Size(PhotoPixels, PhotoPixels) }));
            image.Metadata.ExifProfile = null;
            image.Metadata.IptcProfile = null;
            image.Metadata.XmpProfile = null;
            image.Metadata.IccProfile = null;
            using var output = new MemoryStream();
            await image.SaveAsJpegAsync(output, new JpegEncoder { Quality = 80 }, ct);
            output.Position = 0;
            hash = (await files.SaveAsync(output, EvidenceService.MaxUploadBytes, ct)).Sha256;
        }
        db.Add(new PublicPhoto { AttachmentId = id, Sha256 = hash, CreatedAt = clock.UtcNow });
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { /* another node made the same copy at the same time: its row stands */ }
        return hash;
    }

    // ---------------------------------------------------------------- indicators

    /// <summary>
    /// The province's key indicators for a period (default: the latest month with an approved
    /// value): those with a target for its year, each against its target, from approved values only.
    /// </summary>
    public async Task<PublicIndicatorsDto> IndicatorsAsync(string? period, CancellationToken ct)
    {
        Period p = default;
        if (!string.IsNullOrWhiteSpace(period) && !Period.TryParse(period.Trim(), out p))
            throw new ValidationException(new Dictionary<string, string[]> { ["period"] = [$"'{period}' is not a period: use 2025, 2025Q3 or 2025-08."] });
        var root = await db.Set<OrgUnit>().AsNoTracking().Where(u => u.ParentId == null).OrderBy(u => u.Id).Select(u => new { u.Id, u.Code, u.Path }).FirstAsync(ct);
        if (string.IsNullOrWhiteSpace(period))
        {
            var path = root.Path;
            var latest = await db.Set<DataValue>().Where(v => v.Status == DataStatus.Approved && v.PeriodKind == Periodicity.Month && v.OrgUnit!.Path.StartsWith(path))
                .OrderByDescending(v => v.PeriodStart).Select(v => (DateOnly?)v.PeriodStart).FirstOrDefaultAsync(ct);
            var day = latest ?? clock.Today;
            p = Period.OfMonth(day.Year, day.Month);
        }
        var codes = await db.Set<PlanTarget>().AsNoTracking().Where(t => t.OrgUnitId == root.Id && t.TargetYear == p.Year)
            .Select(t => t.IndicatorCode).Distinct().ToListAsync(ct);
        var meta = await db.Set<Indicator>().AsNoTracking().Where(i => codes.Contains(i.Code))
            .Select(i => new { i.Code, i.Name, i.NameEn, i.Unit }).ToListAsync(ct);
        var items = new List<PublicIndicatorDto>();
        foreach (var m in meta.OrderBy(m => m.Code, StringComparer.Ordinal).Take(MaxIndicators))
            items.Add(new PublicIndicatorDto(m.Code, m.Name, m.NameEn, m.Unit, await analytics.PublicAsync(m.Code, root.Code, p.ToString(), ct)));
        // Those with a figure first: a target without an approved figure yet is shown, after them.
        return new PublicIndicatorsDto(root.Code, p.ToString(),
            [.. items.OrderBy(i => (i.Figures.Actual ?? i.Figures.Ytd ?? i.Figures.Value) is null).ThenBy(i => i.Code, StringComparer.Ordinal)]);
    }

    // ---------------------------------------------------------------- units

    /// <summary>The units citizens may rate (not dissolved, not partner provinces), with this year's rating.</summary>
    public async Task<PublicUnitsDto> UnitsAsync(CancellationToken ct)
    {
        var units = await db.Set<OrgUnit>().AsNoTracking().Where(u => u.DissolvedOn == null && u.Kind != OrgUnitKind.Partner)
            .OrderBy(u => u.Depth).ThenBy(u => u.Kind).ThenBy(u => u.Name)
            .Select(u => new { u.Id, u.Code, u.Name, u.NameEn, u.Kind, ParentCode = u.Parent == null ? null : u.Parent.Code }).ToListAsync(ct);
        var year = Period.OfYear(clock.Today.Year);
        var tallies = await ratings.TalliesAsync([.. units.Select(u => u.Id)], year, ct);
        return new PublicUnitsDto(year.ToString(), EvaluationScore.MinimumRatings, [.. units.Select(u =>
        {
            var t = tallies.GetValueOrDefault(u.Id);
            var published = t.Ratings >= EvaluationScore.MinimumRatings;
            return new PublicUnitDto(u.Code, u.Name, u.NameEn, u.Kind.ToApi(), u.ParentCode, t.Ratings, published,
                published ? Math.Round(t.Mean!.Value, 2) : null);
        })]);
    }

    public Task<AuditHead> HeadAsync(AuditChainer chainer, CancellationToken ct) => AuditApi.HeadAsync(db, chainer, ct);

    /// <summary>The root unit: whose portal this is.</summary>
    public async Task<(string Code, string Name, string NameEn)> RootAsync(CancellationToken ct)
    {
        var r = await db.Set<OrgUnit>().AsNoTracking().Where(u => u.ParentId == null).OrderBy(u => u.Id)
            .Select(u => new { u.Code, u.Name, u.NameEn }).FirstAsync(ct);
        return (r.Code, r.Name, r.NameEn);
    }

    /// <summary>One unit's public facts and its rating this year, with the share of each star once published.</summary>
    public async Task<(PublicUnitDto Unit, RatingSummaryDto Summary)> UnitAsync(string code, CancellationToken ct)
    {
        var u = await db.Set<OrgUnit>().AsNoTracking().Where(x => x.Code == code && x.Kind != OrgUnitKind.Partner && x.DissolvedOn == null)
            .Select(x => new { x.Code, x.Name, x.NameEn, x.Kind, ParentCode = x.Parent == null ? null : x.Parent.Code, x.DissolvedOn }).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException($"No unit has code '{code}'.");
        var summary = await ratings.SummaryAsync(u.Code, Period.OfYear(clock.Today.Year).ToString(), ct);
        return (new PublicUnitDto(u.Code, u.Name, u.NameEn, u.Kind.ToApi(), u.ParentCode, summary.Ratings, summary.Published, summary.Mean), summary);
    }
}
