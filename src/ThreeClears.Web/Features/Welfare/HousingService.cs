using Microsoft.EntityFrameworkCore;
using ThreeClears.Domain;
using ThreeClears.Domain.Access;
using ThreeClears.Web.Data;
using ThreeClears.Web.Features.Audit;
using ThreeClears.Web.Features.Evidence;
using ThreeClears.Web.Features.Organisation;
using ThreeClears.Web.Infrastructure;
using ThreeClears.Web.Infrastructure.Auth;

namespace ThreeClears.Web.Features.Welfare;

/// <summary>
/// The housing programme: targets and funding per unit and year, support records per household
/// with photo evidence, and progress per unit and year. Writing needs
/// <see cref="Permission.ManageWelfare"/> over the unit (the household's commune for support);
/// progress is an aggregate any official may read; support records name households, so they are
/// read with <see cref="Permission.ReadWelfare"/>.
/// </summary>
public sealed class HousingService(ThreeClearsDb db, Caller caller, AuditLog audit, AppClock clock)
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;
    public const int MaxHouses = 10_000_000;
    /// <summary>A bound on money fields (VND): ten million billion, far above any province's budget.</summary>
    public const decimal MaxVnd = 10_000_000_000_000_000m;
    public const int MaxAttachments = 20;

    // ---------------------------------------------------------------- programme

    public async Task<ProgrammeDto> CreateProgrammeAsync(ProgrammeRequest? req, CancellationToken ct)
    {
        _ = caller.UserId;
        var (unit, year, houses, funding) = await ValidateProgrammeAsync(req, true, ct);
        await caller.RequireAsync(Permission.ManageWelfare, unit.Id, ct);
        if (await db.Set<HousingProgramme>().AnyAsync(p => p.OrgUnitId == unit.Id && p.Year == year, ct))
            throw new ConflictException($"{unit.Code} already has a housing programme for {year}: change it with PUT /api/housing-programme/{unit.Code}/{year}.");
        var p = new HousingProgramme { OrgUnitId = unit.Id, Year = year, TargetHouses = houses, Funding = funding, CreatedAt = clock.UtcNow };
        db.Add(p);
        audit.Record("housingProgramme", $"{unit.Code}/{year}", "create", null, new { orgUnitCode = unit.Code, year, targetHouses = houses, funding }, unit.Id);
        await audit.SaveAsync(ct);
        return new ProgrammeDto(unit.Code, year, houses, funding, p.Version);
    }

    public async Task<ProgrammeDto> UpdateProgrammeAsync(string orgUnitCode, int year, ProgrammeRequest? req, Action<int> checkVersion, CancellationToken ct)
    {
        _ = caller.UserId;
        var code = orgUnitCode.Trim();
        var p = await db.Set<HousingProgramme>().Include(x => x.OrgUnit).FirstOrDefaultAsync(x => x.OrgUnit!.Code == code && x.Year == year, ct)
                ?? throw new NotFoundException($"No housing programme for '{HouseholdRules.Clip(code)}' in {year}.");
        await caller.RequireAsync(Permission.ManageWelfare, p.OrgUnitId, ct);
        checkVersion(p.Version);
        var (_, _, houses, funding) = await ValidateProgrammeAsync(req, false, ct);
        var before = new { targetHouses = p.TargetHouses, funding = p.Funding };
        p.TargetHouses = houses;
        p.Funding = funding;
        p.Version++;
        audit.Record("housingProgramme", $"{code}/{year}", "update", before, new { targetHouses = houses, funding }, p.OrgUnitId);
        await audit.SaveAsync(ct);
        return new ProgrammeDto(code, year, houses, funding, p.Version);
    }

    private async Task<(WelfareUnit Unit, int Year, int Houses, decimal Funding)> ValidateProgrammeAsync(ProgrammeRequest? req, bool creating, CancellationToken ct)
    {
        if (req is null) throw new ValidationException(new Dictionary<string, string[]> { [""] = ["a programme object is required."] });
        var checks = new Checks();
        WelfareUnit? unit = null;
        if (creating)
        {
            var code = checks.Text("orgUnitCode", req.OrgUnitCode, HouseholdRules.CodeMax);
            if (code.Length > 0)
            {
                unit = (await WelfareUnits.LoadAsync(db, ct)).ByCode(code);
                if (unit is null) checks.Add("orgUnitCode", $"no org unit has code '{HouseholdRules.Clip(code)}'.");
                else if (unit.Kind == OrgUnitKind.Partner || unit.DissolvedOn is not null)
                    checks.Add("orgUnitCode", $"'{unit.Code}' is a partner province or a dissolved unit: it runs no programme here.");
            }
            if (checks.Required("year", req.Year) is { } y && y is < MinYear or > MaxYear)
                checks.Add("year", $"must be between {MinYear} and {MaxYear}.");
        }
        if (checks.Required("targetHouses", req.TargetHouses) is { } t && t is < 0 or > MaxHouses)
            checks.Add("targetHouses", $"must be between 0 and {MaxHouses:N0}.");
        if (checks.Required("funding", req.Funding) is { } f && (f < 0 || f > MaxVnd))
            checks.Add("funding", "must be an amount in VND from 0.");
        checks.ThrowIfAny();
        return (unit!, req.Year ?? 0, req.TargetHouses!.Value, req.Funding!.Value);
    }

    // ---------------------------------------------------------------- progress

    private sealed record UnitTotals(int OrgUnitId, int Supported, int Underway, int Completed, int NewBuilds, decimal Spent, decimal Committed);

    private sealed record Totals(int Supported, int Underway, int Completed, int NewBuilds, decimal Spent, decimal Committed)
    {
        public static readonly Totals Zero = new(0, 0, 0, 0, 0, 0);
        public static Totals operator +(Totals a, Totals b) => new(a.Supported + b.Supported, a.Underway + b.Underway, a.Completed + b.Completed,
            a.NewBuilds + b.NewBuilds, a.Spent + b.Spent, a.Committed + b.Committed);
    }

    public async Task<ProgrammeProgressDto> ProgressAsync(string? orgUnit, int? year, CancellationToken ct)
    {
        _ = caller.UserId;
        var checks = new Checks();
        if (year is < MinYear or > MaxYear) checks.Add("year", $"must be between {MinYear} and {MaxYear}.");
        checks.ThrowIfAny();
        var y = year ?? clock.Today.Year;
        var units = await WelfareUnits.LoadAsync(db, ct);
        var unit = units.Require(orgUnit);

        var support = db.Set<HousingSupport>().AsNoTracking().Where(s => s.Year == y);
        if (unit.ParentId is not null)
        {
            var ids = units.SubtreeIds(unit);
            support = support.Where(s => ids.Contains(s.OrgUnitId));
        }
        var perUnit = await TotalsAsync(support, ct);
        var programmes = await db.Set<HousingProgramme>().AsNoTracking().Where(p => p.Year == y)
            .ToDictionaryAsync(p => p.OrgUnitId, p => (p.TargetHouses, p.Funding), ct);

        var totals = new Dictionary<int, Totals>();
        foreach (var t in perUnit)
            totals[t.OrgUnitId] = new Totals(t.Supported, t.Underway, t.Completed, t.NewBuilds, t.Spent, t.Committed);
        return Node(unit, units, totals, programmes, y, depth: 0);
    }

    /// <summary>One grouped query; SQLite cannot sum decimals in SQL, so there the budgets are summed here.</summary>
    private async Task<List<UnitTotals>> TotalsAsync(IQueryable<HousingSupport> support, CancellationToken ct)
    {
        if (db.IsPostgres)
        {
            return await support.GroupBy(s => s.OrgUnitId).Select(g => new UnitTotals(g.Key, g.Count(),
                    g.Sum(s => s.Status == SupportStatus.Underway ? 1 : 0),
                    g.Sum(s => s.Status == SupportStatus.Completed ? 1 : 0),
                    g.Sum(s => s.Kind == SupportKind.NewBuild ? 1 : 0),
                    g.Sum(s => s.Status != SupportStatus.Planned ? s.Budget : 0m),
                    g.Sum(s => s.Budget)))
                .ToListAsync(ct);
        }
        var rows = await support.Select(s => new { s.OrgUnitId, s.Status, s.Kind, s.Budget }).ToListAsync(ct);
        return [.. rows.GroupBy(s => s.OrgUnitId).Select(g => new UnitTotals(g.Key, g.Count(),
            g.Count(s => s.Status == SupportStatus.Underway), g.Count(s => s.Status == SupportStatus.Completed),
            g.Count(s => s.Kind == SupportKind.NewBuild), g.Where(s => s.Status != SupportStatus.Planned).Sum(s => s.Budget), g.Sum(s => s.Budget)))];
    }

    private static ProgrammeProgressDto Node(WelfareUnit unit, WelfareUnits units, Dictionary<int, Totals> totals,
        Dictionary<int, (int TargetHouses, decimal Funding)> programmes, int year, int depth)
    {
        // The subtree's children, computed in full so that a unit without its own target can sum theirs.
        var children = units.ChildrenOf(unit).Select(c => Node(c, units, totals, programmes, year, depth + 1)).ToList();
        var sum = totals.GetValueOrDefault(unit.Id) ?? Totals.Zero;
        foreach (var c in children)
            sum += new Totals(c.Supported, c.Underway, c.Completed, c.NewBuilds, c.Spent, c.Committed);
        int? target;
        decimal? funding;
        var own = programmes.TryGetValue(unit.Id, out var p);
        if (own) (target, funding) = (p.TargetHouses, p.Funding);
        else if (children.Any(c => c.TargetHouses is not null))
            (target, funding) = (children.Sum(c => c.TargetHouses ?? 0), children.Sum(c => c.Funding ?? 0));
        else (target, funding) = (null, null);
        // Only the first level is answered; below it, only units with something to show.
        var shown = depth == 0
            ? children.Where(c => c.TargetHouses is not null || c.Supported > 0 || units.ByCode(c.OrgUnitCode)!.HoldsHouseholds)
                .Select(c => c with { Children = [] }).ToList()
            : [];
        return new ProgrammeProgressDto(unit.Code, unit.Name, unit.NameEn, year, target, funding, own,
            sum.Supported, sum.Underway, sum.Completed, sum.NewBuilds, sum.Supported - sum.NewBuilds, sum.Spent, sum.Committed,
            target is > 0 ? 100.0 * sum.Completed / target.Value : null,
            funding is > 0 ? (double)(100m * sum.Spent / funding.Value) : null,
            shown);
    }

    // ---------------------------------------------------------------- support records

    private IQueryable<HousingSupport> SupportQuery() =>
        db.Set<HousingSupport>().AsNoTracking().Include(s => s.Household!).ThenInclude(h => h.OrgUnit).Include(s => s.Attachments).ThenInclude(a => a.Attachment);

    private static SupportDto Dto(HousingSupport s) => new(s.Id, s.Household!.Code, s.Household.OrgUnit!.Code, s.Household.Village, s.Household.HeadName,
        s.Year, s.Kind.ToApi(), s.Budget, s.Status.ToApi(), s.CompletedOn,
        [.. s.Attachments.OrderBy(a => a.AttachmentId).Select(a =>
        {
            var d = EvidenceService.Dto(a.AttachmentId, a.Attachment!.FileName, a.Attachment.ContentType, a.Attachment.Length, a.Attachment.IsImage,
                a.Attachment.ThumbnailSha256);
            return new SupportAttachmentDto(a.AttachmentId, d.FileName, d.ContentType, d.Url, d.ThumbnailUrl);
        })],
        s.Version);

    public async Task<SupportDto> GetSupportAsync(int id, CancellationToken ct)
    {
        _ = caller.UserId;
        var s = await SupportQuery().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException($"No housing support has id {id}.");
        await caller.RequireAsync(Permission.ReadWelfare, s.OrgUnitId, ct);
        return Dto(s);
    }

    public async Task<PageOf<SupportDto>> ListSupportAsync(string? orgUnit, int? year, string? status, Paging paging, CancellationToken ct)
    {
        _ = caller.UserId;
        var checks = new Checks();
        if (year is < MinYear or > MaxYear) checks.Add("year", $"must be between {MinYear} and {MaxYear}.");
        var st = checks.Enum<SupportStatus>("status", status, required: false);
        checks.ThrowIfAny();
        var q = await WelfareUnits.ReadableAsync(db, caller, SupportQuery(), orgUnit, s => s.OrgUnitId, ct);
        if (year is { } y) q = q.Where(s => s.Year == y);
        if (st is { } sv) q = q.Where(s => s.Status == sv);
        var total = await q.CountAsync(ct);
        var items = await q.OrderByDescending(s => s.Year).ThenBy(s => s.Household!.Code).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return new PageOf<SupportDto>([.. items.Select(Dto)], total);
    }

    /// <summary>The household a photo is uploaded for: 404 unknown, 403 outside the caller's welfare units.</summary>
    public async Task<Household> UploadTargetAsync(string householdCode, CancellationToken ct)
    {
        _ = caller.UserId;
        var code = householdCode.Trim();
        var h = await db.Set<Household>().AsNoTracking().FirstOrDefaultAsync(x => x.Code == code, ct)
                ?? throw new NotFoundException($"No household has code '{HouseholdRules.Clip(code)}'.");
        await caller.RequireAsync(Permission.ManageWelfare, h.OrgUnitId, ct);
        return h;
    }

    public async Task<SupportDto> CreateSupportAsync(SupportRequest? req, CancellationToken ct)
    {
        _ = caller.UserId;
        if (req is null) throw new ValidationException(new Dictionary<string, string[]> { [""] = ["a support object is required."] });
        var checks = new Checks();
        var code = HouseholdRules.Code(checks, req.HouseholdCode);
        Household? household = null;
        if (code.Length > 0 && !checks.Has("householdCode"))
        {
            household = await db.Set<Household>().AsNoTracking().FirstOrDefaultAsync(h => h.Code == code, ct);
            if (household is null) checks.Add("householdCode", $"no household has code '{code}'.");
        }
        if (checks.Required("year", req.Year) is { } y && y is < MinYear or > MaxYear) checks.Add("year", $"must be between {MinYear} and {MaxYear}.");
        var fields = CheckFields(checks, req, requireAll: true);
        if (household is not null) await caller.RequireAsync(Permission.ManageWelfare, household.OrgUnitId, ct);
        var attachments = await CheckAttachmentsAsync(checks, req.AttachmentIds, household, null, ct);
        checks.ThrowIfAny();
        if (await db.Set<HousingSupport>().AnyAsync(s => s.HouseholdId == household!.Id && s.Year == req.Year, ct))
            throw new ConflictException($"Household '{code}' already has a support record for {req.Year}: change that one.");

        var s = new HousingSupport
        {
            HouseholdId = household!.Id, OrgUnitId = household.OrgUnitId, Year = req.Year!.Value, Kind = fields.Kind!.Value, Budget = fields.Budget!.Value,
            Status = fields.Status!.Value, CompletedOn = fields.CompletedOn, CreatedAt = clock.UtcNow,
            Attachments = [.. attachments.Select(a => new HousingSupportAttachment { AttachmentId = a })],
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Add(s);
        await db.SaveChangesAsync(ct);
        audit.Record("housingSupport", s.Id, "create", null, Snapshot(s, code), s.OrgUnitId);
        await audit.CommitAsync(tx, ct);
        return await GetSupportAsync(s.Id, ct);
    }

    public async Task<SupportDto> UpdateSupportAsync(int id, SupportRequest? req, Action<int> checkVersion, CancellationToken ct)
    {
        _ = caller.UserId;
        var s = await db.Set<HousingSupport>().Include(x => x.Household).Include(x => x.Attachments).FirstOrDefaultAsync(x => x.Id == id, ct)
                ?? throw new NotFoundException($"No housing support has id {id}.");
        await caller.RequireAsync(Permission.ManageWelfare, s.OrgUnitId, ct);
        checkVersion(s.Version);
        if (req is null) throw new ValidationException(new Dictionary<string, string[]> { [""] = ["a support object is required."] });
        var checks = new Checks();
        if (req.HouseholdCode is { } hc && hc.Trim() != s.Household!.Code) checks.Add("householdCode", "cannot be changed: record the support of another household anew.");
        if (req.Year is { } y && y != s.Year) checks.Add("year", "cannot be changed: record the support of another year anew.");
        var fields = CheckFields(checks, req, requireAll: false, current: s);
        var attachments = req.AttachmentIds is null ? null : await CheckAttachmentsAsync(checks, req.AttachmentIds, s.Household, s.Id, ct);
        checks.ThrowIfAny();

        var before = Snapshot(s, s.Household!.Code);
        s.Kind = fields.Kind ?? s.Kind;
        s.Budget = fields.Budget ?? s.Budget;
        s.Status = fields.Status ?? s.Status;
        s.CompletedOn = fields.CompletedOn;
        if (attachments is not null)
        {
            s.Attachments.RemoveAll(a => !attachments.Contains(a.AttachmentId));
            foreach (var a in attachments.Where(a => s.Attachments.All(x => x.AttachmentId != a)))
                s.Attachments.Add(new HousingSupportAttachment { SupportId = s.Id, AttachmentId = a });
        }
        s.Version++;
        audit.Record("housingSupport", s.Id, "update", before, Snapshot(s, s.Household.Code), s.OrgUnitId);
        await audit.SaveAsync(ct);
        return await GetSupportAsync(s.Id, ct);
    }

    private sealed record SupportFields(SupportKind? Kind, decimal? Budget, SupportStatus? Status, DateOnly? CompletedOn);

    /// <summary>
    /// Kind, budget, status and completion date. A completed record without a date is completed
    /// today; a date on a record that is not completed is refused, as is a date in the future.
    /// </summary>
    private SupportFields CheckFields(Checks checks, SupportRequest req, bool requireAll, HousingSupport? current = null)
    {
        var kind = checks.Enum<SupportKind>("kind", req.Kind, requireAll);
        var status = checks.Enum<SupportStatus>("status", req.Status, requireAll);
        if (requireAll) checks.Required("budget", req.Budget);
        if (req.Budget is { } b && (b < 0 || b > MaxVnd)) checks.Add("budget", "must be an amount in VND from 0.");
        var effective = status ?? current?.Status;
        var completedOn = req.CompletedOn ?? (effective == SupportStatus.Completed ? current?.CompletedOn ?? clock.Today : null);
        if (effective is { } st && st != SupportStatus.Completed && req.CompletedOn is not null)
            checks.Add("completedOn", "is given only when the status is completed.");
        if (effective != SupportStatus.Completed) completedOn = null;
        if (completedOn is { } d && d > clock.Today) checks.Add("completedOn", "cannot be in the future.");
        return new SupportFields(kind, req.Budget, status, completedOn);
    }

    /// <summary>Evidence uploaded for this household's commune and not attached to another record.</summary>
    private async Task<List<int>> CheckAttachmentsAsync(Checks checks, int[]? ids, Household? household, int? supportId, CancellationToken ct)
    {
        if (ids is null || ids.Length == 0) return [];
        var distinct = ids.Distinct().ToList();
        if (distinct.Count > MaxAttachments)
        {
            checks.Add("attachmentIds", $"at most {MaxAttachments} files.");
            return [];
        }
        var found = await db.Set<Attachment>().AsNoTracking().Where(a => distinct.Contains(a.Id))
            .Select(a => new { a.Id, a.OrgUnitId, a.TaskId }).ToDictionaryAsync(a => a.Id, ct);
        var taken = await db.Set<HousingSupportAttachment>().AsNoTracking()
            .Where(a => distinct.Contains(a.AttachmentId) && (supportId == null || a.SupportId != supportId)).Select(a => a.AttachmentId).ToListAsync(ct);
        for (var i = 0; i < ids.Length; i++)
        {
            var path = $"attachmentIds[{i}]";
            if (!found.TryGetValue(ids[i], out var a)) checks.Add(path, $"no attachment has id {ids[i]}.");
            else if (a.TaskId is not null || (household is not null && a.OrgUnitId != household.OrgUnitId))
                checks.Add(path, "was not uploaded for this household (POST /api/households/{code}/attachments).");
            else if (taken.Contains(a.Id)) checks.Add(path, "is already evidence of another support record.");
        }
        return distinct;
    }

    private static object Snapshot(HousingSupport s, string householdCode) => new
    {
        householdCode, s.Year, kind = s.Kind.ToApi(), s.Budget, status = s.Status.ToApi(), s.CompletedOn,
        attachmentIds = s.Attachments.Select(a => a.AttachmentId).Order().ToArray(),
    };
}
