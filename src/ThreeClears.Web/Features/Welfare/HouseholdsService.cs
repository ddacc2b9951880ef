using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ThreeClears.Domain.Access;
using ThreeClears.Web.Data;
using ThreeClears.Web.Features.Audit;
using ThreeClears.Web.Infrastructure;
using ThreeClears.Web.Infrastructure.Auth;
using ThreeClears.Web.Infrastructure.Files;

namespace ThreeClears.Web.Features.Welfare;

/// <summary>A household file received from a client, kept in a temporary file of this node until its import ends.</summary>
public sealed record ReceivedFile(string Path, string FileName, string Sha256, long Length, HouseholdFile.Format Format, int? Lines);

/// <summary>
/// The household register: list (with the three questions' <c>missing=</c>), one household, its
/// edit with If-Match, its revisions, and the import. Personal data is read only with
/// <see cref="Permission.ReadWelfare"/> over the household's commune (welfare, leader, inspector
/// and admin roles at the commune or above); everyone else gets aggregates only (coverage).
/// </summary>
public sealed class HouseholdsService(ThreeClearsDb db, Caller caller, AuditLog audit, AppClock clock, HouseholdImporter importer)
{
    public const long MaxFileBytes = Evidence.EvidenceService.MaxUploadBytes;

    public static readonly string[] MissingValues = ["housing", "kitchen", "sanitation", "any"];

    private sealed record Row(Household H, string CommuneCode);

    private IQueryable<Row> Rows(IQueryable<Household> q) => q.Select(h => new Row(h, h.OrgUnit!.Code));

    public async Task<PageOf<HouseholdDto>> ListAsync(string? orgUnit, string? missing, string? village, string? q, Paging paging, CancellationToken ct)
    {
        _ = caller.UserId;
        var checks = new Checks();
        var miss = missing?.Trim();
        if (!string.IsNullOrEmpty(miss) && !MissingValues.Contains(miss))
            checks.Add("missing", $"must be one of {string.Join(", ", MissingValues)}.");
        checks.Text("village", village, HouseholdRules.NameMax, required: false);
        checks.Text("q", q, HouseholdRules.NameMax, required: false);
        checks.ThrowIfAny();

        var query = await WelfareUnits.ReadableAsync(db, caller, db.Set<Household>().AsNoTracking(), orgUnit, h => h.OrgUnitId, ct);
        query = miss switch
        {
            "housing" => query.Where(h => !h.HousingAdequate),
            "kitchen" => query.Where(h => !h.KitchenAdequate),
            "sanitation" => query.Where(h => !h.SanitationAdequate),
            "any" => query.Where(h => !(h.HousingAdequate && h.KitchenAdequate && h.SanitationAdequate)),
            _ => query,
        };
        if (!string.IsNullOrWhiteSpace(village)) query = query.Where(h => h.Village == village.Trim());
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            query = query.Where(h => h.Code == term || h.HeadName.Contains(term));
        }
        var total = await query.CountAsync(ct);
        var rows = await Rows(query.OrderBy(h => h.OrgUnitId).ThenBy(h => h.Village).ThenBy(h => h.Code).Skip(paging.Skip).Take(paging.PageSize))
            .ToListAsync(ct);
        return new PageOf<HouseholdDto>([.. rows.Select(r => HouseholdDto.Of(r.H, r.CommuneCode))], total);
    }

    /// <summary>404 for an unknown code, 403 outside the caller's welfare units.</summary>
    public async Task<HouseholdDto> GetAsync(string code, CancellationToken ct)
    {
        var row = await ReadableAsync(code, ct);
        return HouseholdDto.Of(row.H, row.CommuneCode);
    }

    private async Task<Row> ReadableAsync(string code, CancellationToken ct)
    {
        _ = caller.UserId;
        var c = code.Trim();
        var row = await Rows(db.Set<Household>().AsNoTracking().Where(h => h.Code == c)).FirstOrDefaultAsync(ct)
                  ?? throw new NotFoundException($"No household has code '{HouseholdRules.Clip(c)}'.");
        if (!await caller.CanAsync(Permission.ReadWelfare, row.H.OrgUnitId, ct))
            throw new ForbiddenException("This household is outside your units: its personal data is for its commune and the levels above.");
        return row;
    }

    /// <summary>Changes a household (If-Match required): a new revision, an audit entry naming it, nothing when nothing differs.</summary>
    public async Task<HouseholdDto> UpdateAsync(string code, HouseholdWrite? body, Action<int> checkVersion, CancellationToken ct)
    {
        _ = caller.UserId;
        var c = code.Trim();
        var h = await db.Set<Household>().FirstOrDefaultAsync(x => x.Code == c, ct)
                ?? throw new NotFoundException($"No household has code '{HouseholdRules.Clip(c)}'.");
        await caller.RequireAsync(Permission.ManageWelfare, h.OrgUnitId, ct);
        checkVersion(h.Version);
        if (body is null) throw new ValidationException(new Dictionary<string, string[]> { [""] = ["a household object is required."] });
        var units = await WelfareUnits.LoadAsync(db, ct);
        var checks = new Checks();
        var fields = HouseholdRules.Validate(checks, units, await caller.UnitsWithAsync(Permission.ManageWelfare, ct),
            body.CommuneCode, body.Village, body.HeadName, body.Members, membersChecked: false,
            body.Poverty, body.Housing, body.Kitchen, body.Sanitation);
        checks.ThrowIfAny();

        var differences = fields!.Differences(h);
        if (differences.Count > 0)
        {
            var now = clock.UtcNow;
            var oldVersion = h.Version;
            var movedTo = h.OrgUnitId != fields.Commune.Id ? fields.Commune.Id : (int?)null;
            fields.ApplyTo(h);
            h.Version++;
            h.UpdatedAt = now;
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            db.Add(HouseholdRevision.Of(h, now, caller.UserName, "edit"));
            if (movedTo is { } unit)
                await db.Set<HousingSupport>().Where(s => s.HouseholdId == h.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.OrgUnitId, unit), ct);
            audit.Record("household", h.Code, "update", new { revision = oldVersion }, new { revision = h.Version, changed = differences, source = "edit" },
                h.OrgUnitId);
            await audit.CommitAsync(tx, ct);
        }
        return HouseholdDto.Of(h, fields.Commune.Code);
    }

    /// <summary>Every revision of a household's data, newest first: what the audit entries refer to.</summary>
    public async Task<IReadOnlyList<HouseholdRevisionDto>> RevisionsAsync(string code, CancellationToken ct)
    {
        var row = await ReadableAsync(code, ct);
        var units = await WelfareUnits.LoadAsync(db, ct);
        var revisions = await db.Set<HouseholdRevision>().AsNoTracking().Where(r => r.HouseholdCode == row.H.Code)
            .OrderByDescending(r => r.Revision).ToListAsync(ct);
        return [.. revisions.Select(r => new HouseholdRevisionDto(r.Revision, r.At, r.UserName, r.Source, units.ById(r.OrgUnitId).Code, r.Village,
            r.HeadName, r.Members, r.Poverty is { } p ? Domain.ApiSpelling.ToApi(p) : null, r.Housing is { } hc ? Domain.ApiSpelling.ToApi(hc) : null,
            r.Kitchen is { } k ? Domain.ApiSpelling.ToApi(k) : null, r.Sanitation is { } s ? Domain.ApiSpelling.ToApi(s) : null))];
    }

    // ---------------------------------------------------------------- import

    /// <summary>The caller's welfare units, 403 when none: checked before a file is read.</summary>
    public async Task<UnitSet> ImportScopeAsync(CancellationToken ct)
    {
        _ = caller.UserId;
        var scope = await caller.UnitsWithAsync(Permission.ManageWelfare, ct);
        if (scope.IsEmpty) throw new ForbiddenException("Your roles do not allow keeping the household register.");
        return scope;
    }

    /// <summary>Copies the upload to a temporary file while hashing it; 400 without a file, 413 over the limit.</summary>
    public static async Task<ReceivedFile> ReceiveAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
            throw new ValidationException(new Dictionary<string, string[]> { ["file"] = ["is required: send the CSV or XLSX file as multipart form field 'file'."] });
        if (file.Length > MaxFileBytes) throw new FileTooLargeException(MaxFileBytes);
        var path = Path.Combine(Path.GetTempPath(), "threeclears-import-" + Guid.NewGuid().ToString("N"));
        try
        {
            string sha;
            await using (var input = file.OpenReadStream())
            await using (var output = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            {
                var buffer = new byte[81920];
                int n;
                while ((n = await input.ReadAsync(buffer, ct)) > 0)
                {
                    hash.AppendData(buffer, 0, n);
                    await output.WriteAsync(buffer.AsMemory(0, n), ct);
                }
                sha = Convert.ToHexStringLower(hash.GetHashAndReset());
            }
            HouseholdFile.Format format;
            int? lines = null;
            await using (var s = File.OpenRead(path))
            {
                var head = new byte[4];
                var read = await s.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
                format = HouseholdFile.Detect(head.AsSpan(0, read), file.FileName);
                s.Position = 0;
                if (format == HouseholdFile.Format.Csv) lines = HouseholdFile.CountCsvLines(s);
            }
            var name = Evidence.EvidenceService.SafeName(file.FileName);
            return new ReceivedFile(path, name, sha, file.Length, format, lines);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    /// <summary>The API's import: the whole file in this request, answered when it is done.</summary>
    public async Task<ImportResult> ImportAsync(IFormFile? file, CancellationToken ct)
    {
        var scope = await ImportScopeAsync(ct);
        var received = await ReceiveAsync(file, ct);
        try
        {
            var job = await importer.StartAsync(received.FileName, received.Sha256, received.Length, received.Lines, caller.UserId, caller.UserName, ct);
            await using var stream = File.OpenRead(received.Path);
            return await importer.RunAsync(job.Id, HouseholdFile.Read(stream, received.Format), scope, caller.UserName, ct);
        }
        finally
        {
            File.Delete(received.Path);
        }
    }

    /// <summary>An import's progress, for the one who ran it (or an administrator).</summary>
    public async Task<ImportProgressDto> ImportProgressAsync(int id, CancellationToken ct)
    {
        var me = caller.UserId;
        var job = await db.Set<HouseholdImport>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct)
                  ?? throw new NotFoundException($"No household import has id {id}.");
        if (job.UserId != me && !(await caller.UnitsWithAsync(Permission.Administer, ct)).All)
            throw new ForbiddenException("This import was run by someone else.");
        var rejected = job.Rejections is { Length: > 0 } json
            ? JsonSerializer.Deserialize<List<RowRejection>>(json, AuditLog.Json) ?? []
            : [];
        // A running import whose node stopped writing long ago was interrupted.
        var status = job.Status == ImportStatus.Running && clock.UtcNow - job.UpdatedAt > TimeSpan.FromMinutes(10) ? "interrupted" : Domain.ApiSpelling.ToApi(job.Status);
        return new ImportProgressDto(job.Id, job.FileName, status, job.LinesDone, job.LinesTotal, job.Imported, job.Updated, job.Unchanged, job.Rejected,
            rejected, job.Error, job.StartedAt, job.FinishedAt);
    }
}
