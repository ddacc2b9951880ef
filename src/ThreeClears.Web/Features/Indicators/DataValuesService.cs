using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ThreeClears.Domain;
using ThreeClears.Domain.Access;
using ThreeClears.Domain.Indicators;
using ThreeClears.Domain.Periods;
using ThreeClears.Web.Data;
using ThreeClears.Web.Features.Audit;
using ThreeClears.Web.Features.Organisation;
using ThreeClears.Web.Infrastructure;
using ThreeClears.Web.Infrastructure.Auth;

namespace ThreeClears.Web.Features.Indicators;

/// <summary>
/// Entered values: the batch that keeps its good rows and reports its bad ones, single writes, the
/// list, and the workflow draft → submitted → approved (bottom-up) with reopening.
/// </summary>
public sealed partial class DataValuesService(ThreeClearsDb db, Caller caller, AuditLog audit, AppClock clock)
{
    private sealed record UnitRef(int Id, string Code, string Path, DateOnly? DissolvedOn);

    private sealed record GoodRow(int Index, Indicator Indicator, UnitRef Unit, Period Period, decimal Value, string? Comment, string? Source);

    /// <summary>
    /// Writes every good row of the batch in one transaction, with its history and audit entry, and
    /// reports each bad row by its 0-based index with every reason. Indicators, units and the existing
    /// values of the touched keys are read once each, whatever the size of the batch.
    /// </summary>
    public async Task<BatchResult> PutBatchAsync(List<DataValueRow?>? rows, CancellationToken ct)
    {
        _ = caller.UserId;
        if (rows is null) throw new ValidationException(new Dictionary<string, string[]> { [""] = ["a JSON array of values is required."] });
        var scope = await caller.UnitsWithAsync(Permission.EnterData, ct);
        if (scope.IsEmpty) throw new ForbiddenException("Your roles do not allow entering data values.");
        var (good, rejected) = await ValidateAsync(rows, scope, ct);
        if (good.Count > 0) await WriteAsync(good, rejected, ct);
        rejected.Sort((a, b) => a.Index.CompareTo(b.Index));
        return new BatchResult(good.Count - rejected.Count(r => r.Locked), [.. rejected.Select(r => new RowRejection(r.Index, r.Errors))]);
    }

    private sealed record Rejected(int Index, IDictionary<string, string[]> Errors, bool Locked = false);

    private async Task<(List<GoodRow> Good, List<Rejected> Rejected)> ValidateAsync(List<DataValueRow?> rows, UnitSet scope, CancellationToken ct)
    {
        var indicators = await db.Set<Indicator>().AsNoTracking().ToDictionaryAsync(i => i.Code, StringComparer.Ordinal, ct);
        var unitCodes = rows.Select(r => r?.OrgUnitCode?.Trim()).Where(c => !string.IsNullOrEmpty(c)).Distinct().ToList();
        var units = await db.Set<OrgUnit>().AsNoTracking().Where(u => unitCodes.Contains(u.Code))
            .Select(u => new UnitRef(u.Id, u.Code, u.Path, u.DissolvedOn)).ToDictionaryAsync(u => u.Code, StringComparer.Ordinal, ct);

        var good = new List<GoodRow>(rows.Count);
        var rejected = new List<Rejected>();
        var seen = new Dictionary<(int, int, Period), int>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var checks = new Checks();
            if (row is null)
            {
                rejected.Add(new Rejected(i, new Dictionary<string, string[]> { [""] = ["a value object is required."] }));
                continue;
            }
            var code = row.IndicatorCode?.Trim();
            Indicator? indicator = null;
            if (string.IsNullOrEmpty(code)) checks.Add("indicatorCode", "is required.");
            else if (!indicators.TryGetValue(code, out indicator)) checks.Add("indicatorCode", $"no indicator has code '{code}'.");

            var period = default(Period);
            if (indicator is not null)
            {
                foreach (var e in IndicatorValueValidation.Validate(indicator.Definition(), row.Period, row.Value, out period))
                    checks.Add(e.Field, e.Message);
            }
            else
            {
                if (string.IsNullOrWhiteSpace(row.Period)) checks.Add("period", "is required: use 2025, 2025Q3 or 2025-08.");
                else if (!Period.TryParse(row.Period, out period)) checks.Add("period", $"'{row.Period}' is not a period: use 2025, 2025Q3 or 2025-08.");
                if (row.Value is null) checks.Add("value", "value is required.");
            }

            var unitCode = row.OrgUnitCode?.Trim();
            UnitRef? unit = null;
            if (string.IsNullOrEmpty(unitCode)) checks.Add("orgUnitCode", "is required.");
            else if (!units.TryGetValue(unitCode, out unit)) checks.Add("orgUnitCode", $"no org unit has code '{unitCode}'.");
            else if (!scope.Contains(unit.Id)) checks.Add("orgUnitCode", $"{unit.Code} is outside your units: you may not enter data for it.");
            else if (unit.DissolvedOn is { } gone && !checks.Has("period") && period.End >= gone)
                checks.Add("orgUnitCode", $"{unit.Code} was dissolved on {gone:yyyy-MM-dd}: enter {period} for its successor.");

            var comment = checks.Text("comment", row.Comment, Checks.TextMax, required: false);
            var source = checks.Text("source", row.Source, Checks.TitleMax, required: false);
            if (!checks.Any)
            {
                if (seen.TryGetValue((indicator!.Id, unit!.Id, period), out var first))
                    checks.Add("period", $"row {first} already gives {indicator.Code} at {unit.Code} for {period}.");
                else seen[(indicator.Id, unit.Id, period)] = i;
            }
            if (checks.Any) rejected.Add(new Rejected(i, checks.ToDictionary()));
            else good.Add(new GoodRow(i, indicator!, unit!, period, row.Value!.Value, comment.Length == 0 ? null : comment, source.Length == 0 ? null : source));
        }
        return (good, rejected);
    }

    /// <summary>Writes the good rows; a row whose value is approved is moved to <paramref name="rejected"/> (locked).</summary>
    private async Task<List<(GoodRow Row, DataValue Value)>> WriteAsync(List<GoodRow> good, List<Rejected> rejected, CancellationToken ct)
    {
        var indicatorIds = good.Select(g => g.Indicator.Id).Distinct().ToList();
        var unitIds = good.Select(g => g.Unit.Id).Distinct().ToList();
        var periods = good.Select(g => g.Period.ToString()).Distinct().ToList();
        // One query for every touched key (a superset: the three lists cross), matched in memory.
        var existing = await db.Set<DataValue>().AsNoTracking()
            .Where(v => indicatorIds.Contains(v.IndicatorId) && unitIds.Contains(v.OrgUnitId) && periods.Contains(v.Period))
            .ToDictionaryAsync(v => (v.IndicatorId, v.OrgUnitId, v.Period), ct);

        // Approved periods are locked (as in DHIS2), and an approval covers more than its own value:
        //  - below it: an approval at a unit locks the units under it for that indicator and period;
        //  - inside it: an approved year (or quarter) locks the quarters and months within it, at the unit and
        //    below. Approval goes bottom-up in time as in the tree (ApproveAsync), so whatever is inside an
        //    approved period was approved first; this lock keeps a new month from slipping into a closed year.
        // Every approval that could cover a touched key — at the unit or an ancestor, for the period or one
        // enclosing it — is read in one query.
        var coveringPeriods = good.SelectMany(g => Covering(g.Period)).Select(x => x.ToString()).Distinct().ToList();
        var lockUnits = good.SelectMany(g => Ancestors(g.Unit).Append(g.Unit.Id)).Distinct().ToList();
        var approvals = (await db.Set<DataValue>().AsNoTracking()
                .Where(v => lockUnits.Contains(v.OrgUnitId) && indicatorIds.Contains(v.IndicatorId) && coveringPeriods.Contains(v.Period)
                    && v.Status == DataStatus.Approved)
                .Select(v => new { v.IndicatorId, v.OrgUnitId, v.Period, v.OrgUnit!.Code }).ToListAsync(ct))
            .ToDictionary(v => (v.IndicatorId, v.OrgUnitId, v.Period), v => v.Code);

        var now = clock.UtcNow;
        var user = caller.UserName ?? "?";
        var written = new List<(GoodRow, DataValue)>(good.Count);
        var added = new List<DataValue>();
        var changed = new List<(DataValue, int)>();
        var history = new List<DataValueHistory>(good.Count);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var g in good)
        {
            var key = (g.Indicator.Id, g.Unit.Id, g.Period.ToString());
            var entityId = EntityId(g.Indicator.Code, g.Unit.Code, key.Item3);
            if (approvals.Count > 0 && LockedBy(g, approvals) is { } reason)
            {
                rejected.Add(new Rejected(g.Index, new Dictionary<string, string[]> { ["period"] = [reason] }, Locked: true));
                continue;
            }
            if (existing.TryGetValue(key, out var value))
            {
                if (value.Status == DataStatus.Approved)
                {
                    rejected.Add(new Rejected(g.Index, new Dictionary<string, string[]>
                    {
                        ["period"] = [$"{g.Indicator.Code} at {g.Unit.Code} for {key.Item3} is approved and locked: reopen it (with a reason) to correct it."],
                    }, Locked: true));
                    continue;
                }
                written.Add((g, value));
                if (value.Value == g.Value && value.Comment == g.Comment && value.Source == g.Source) continue;
                var before = value.Id == 0 ? null : Snapshot(value, g.Indicator.Code, g.Unit.Code);
                var oldValue = value.Value;
                var oldStatus = value.Status;
                value.Value = g.Value;
                value.Comment = g.Comment;
                value.Source = g.Source;
                // A change after submission has to be submitted again.
                value.Status = DataStatus.Draft;
                value.SubmittedBy = null;
                value.SubmittedAt = null;
                value.EnteredBy = user;
                value.EnteredAt = now;
                changed.Add((value, value.Version));
                value.Version++;
                history.Add(new DataValueHistory
                {
                    IndicatorId = key.Item1, OrgUnitId = key.Item2, Period = key.Item3, At = now, UserName = user, Action = "update",
                    OldValue = oldValue, NewValue = g.Value, OldStatus = oldStatus, NewStatus = value.Status,
                });
                audit.Record("dataValue", entityId, "update", before, Snapshot(value, g.Indicator.Code, g.Unit.Code), g.Unit.Id);
            }
            else
            {
                value = new DataValue
                {
                    IndicatorId = g.Indicator.Id, OrgUnitId = g.Unit.Id, Period = key.Item3, PeriodKind = g.Period.Kind,
                    PeriodStart = g.Period.Start, PeriodEnd = g.Period.End, Value = g.Value, Comment = g.Comment, Source = g.Source,
                    Status = DataStatus.Draft, EnteredBy = user, EnteredAt = now,
                };
                added.Add(value);
                history.Add(new DataValueHistory
                {
                    IndicatorId = key.Item1, OrgUnitId = key.Item2, Period = key.Item3, At = now, UserName = user, Action = "create",
                    NewValue = g.Value, NewStatus = DataStatus.Draft,
                });
                existing[key] = value;
                written.Add((g, value));
                audit.Record("dataValue", entityId, "create", null, Snapshot(value, g.Indicator.Code, g.Unit.Code), g.Unit.Id);
            }
        }
        // Changed values, new values, their history and every audit entry go out as multi-row statements.
        await BulkInsert.UpdateAsync(db, changed,
            [nameof(DataValue.Value), nameof(DataValue.Comment), nameof(DataValue.Source), nameof(DataValue.Status), nameof(DataValue.SubmittedBy),
             nameof(DataValue.SubmittedAt), nameof(DataValue.EnteredBy), nameof(DataValue.EnteredAt), nameof(DataValue.Version)],
            nameof(DataValue.Id), nameof(DataValue.Version), ct);
        await BulkInsert.RunAsync(db, added, ct);
        await BulkInsert.RunAsync(db, history, ct);
        var entries = db.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).ToList();
        await BulkInsert.RunAsync(db, [.. entries.Select(e => e.Entity)], ct);
        foreach (var e in entries) e.State = EntityState.Detached;
        await audit.CommitAsync(tx, ct);
        return written;
    }

    /// <summary>One value written on its own: 404 for an unknown indicator or unit, 403 outside the caller's units, 409 when approved or stale.</summary>
    public async Task<DataValueDto> PutOneAsync(string indicatorCode, string orgUnitCode, string period, DataValueWrite? body, HttpContext http, CancellationToken ct)
    {
        _ = caller.UserId;
        var indicator = await db.Set<Indicator>().AsNoTracking().FirstOrDefaultAsync(i => i.Code == indicatorCode, ct)
            ?? throw new NotFoundException($"No indicator has code '{indicatorCode}'.");
        var unit = await FindUnitAsync(orgUnitCode, ct);
        await caller.RequireAsync(Permission.EnterData, unit.Id, ct);
        if (body is null) throw new ValidationException(new Dictionary<string, string[]> { ["value"] = ["is required."] });
        var canonical = Period.TryParse(period, out var p) ? p.ToString() : period;
        var current = await db.Set<DataValue>().AsNoTracking()
            .FirstOrDefaultAsync(v => v.IndicatorId == indicator.Id && v.OrgUnitId == unit.Id && v.Period == canonical, ct);
        if (current is not null)
        {
            Versions.Check(http, current.Version, required: true);
            if (current.Status == DataStatus.Approved)
                throw new ConflictException($"{indicator.Code} at {unit.Code} for {canonical} is approved and locked: reopen it (with a reason) to correct it.");
        }
        var rows = new List<DataValueRow?> { new(indicatorCode, orgUnitCode, period, body.Value, body.Comment, body.Source) };
        var (good, rejected) = await ValidateAsync(rows, await caller.UnitsWithAsync(Permission.EnterData, ct), ct);
        if (rejected.Count > 0) throw new ValidationException(rejected[0].Errors);
        var written = await WriteAsync(good, rejected, ct);
        if (rejected.Count > 0) throw new ConflictException(rejected[0].Errors.First().Value[0]);
        var dto = DataValueDto.Of(written[0].Value, indicator.Code, unit.Code);
        Versions.SetETag(http, dto.Version);
        return dto;
    }

    public async Task<DataValueDetail> GetOneAsync(string indicatorCode, string orgUnitCode, string period, HttpContext http, CancellationToken ct)
    {
        _ = caller.UserId;
        var indicator = await db.Set<Indicator>().AsNoTracking().FirstOrDefaultAsync(i => i.Code == indicatorCode, ct)
            ?? throw new NotFoundException($"No indicator has code '{indicatorCode}'.");
        var unit = await FindUnitAsync(orgUnitCode, ct);
        await caller.RequireAsync(Permission.ReadData, unit.Id, ct);
        var canonical = Period.TryParse(period, out var p) ? p.ToString() : period;
        var value = await db.Set<DataValue>().AsNoTracking()
            .FirstOrDefaultAsync(v => v.IndicatorId == indicator.Id && v.OrgUnitId == unit.Id && v.Period == canonical, ct)
            ?? throw new NotFoundException($"No value of {indicator.Code} is entered at {unit.Code} for '{period}'.");
        var history = await db.Set<DataValueHistory>().AsNoTracking()
            .Where(h => h.IndicatorId == indicator.Id && h.OrgUnitId == unit.Id && h.Period == canonical).OrderBy(h => h.Id).ToListAsync(ct);
        Versions.SetETag(http, value.Version);
        return new DataValueDetail(DataValueDto.Of(value, indicator.Code, unit.Code),
            [.. history.Select(h => new DataValueChange(h.At, h.UserName, h.Action, h.OldValue, h.NewValue,
                h.OldStatus?.ToApi(), h.NewStatus.ToApi(), h.Reason))]);
    }

    /// <summary>
    /// Values the caller may read. <paramref name="orgUnit"/> alone: values entered at that unit;
    /// with <paramref name="children"/>: at that unit and every unit below it. <paramref name="period"/>
    /// takes every value whose period lies inside it (2025 lists the year, its quarters and its months).
    /// </summary>
    public async Task<PageOf<DataValueDto>> ListAsync(string? indicator, string? orgUnit, string? period, bool children, string? status,
        Paging paging, CancellationToken ct)
    {
        _ = caller.UserId;
        var checks = new Checks();
        Period? within = null;
        if (!string.IsNullOrWhiteSpace(period))
        {
            if (Period.TryParse(period, out var p)) within = p;
            else checks.Add("period", $"'{period}' is not a period: use 2025, 2025Q3 or 2025-08.");
        }
        var state = checks.Enum<DataStatus>("status", status, required: false);
        checks.ThrowIfAny();

        var q = db.Set<DataValue>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(indicator))
        {
            var ind = await db.Set<Indicator>().AsNoTracking().Where(i => i.Code == indicator.Trim()).Select(i => (int?)i.Id).FirstOrDefaultAsync(ct)
                ?? throw new NotFoundException($"No indicator has code '{indicator}'.");
            q = q.Where(v => v.IndicatorId == ind);
        }
        if (!string.IsNullOrWhiteSpace(orgUnit))
        {
            var unit = await FindUnitAsync(orgUnit.Trim(), ct);
            q = children ? q.Where(v => v.OrgUnit!.Path.StartsWith(unit.Path)) : q.Where(v => v.OrgUnitId == unit.Id);
        }
        if (within is { } w)
        {
            var (start, end) = (w.Start, w.End);
            q = q.Where(v => v.PeriodStart >= start && v.PeriodEnd <= end);
        }
        if (state is { } st) q = q.Where(v => v.Status == st);
        q = await caller.Scoped(q, Permission.ReadData, v => v.OrgUnitId, ct);
        var total = await q.CountAsync(ct);
        var items = await q.OrderBy(v => v.Indicator!.Code).ThenBy(v => v.OrgUnit!.Code).ThenBy(v => v.PeriodStart).ThenBy(v => v.PeriodEnd)
            .Skip(paging.Skip).Take(paging.PageSize)
            .Select(v => new { v, ic = v.Indicator!.Code, uc = v.OrgUnit!.Code })
            .ToListAsync(ct);
        return new PageOf<DataValueDto>([.. items.Select(x => DataValueDto.Of(x.v, x.ic, x.uc))], total);
    }

    /// <summary>The period and the coarser periods enclosing it: 2025-08, 2025Q3, 2025.</summary>
    private static IEnumerable<Period> Covering(Period p)
    {
        yield return p;
        if (p.Kind == Periodicity.Month) yield return p.Enclosing(Periodicity.Quarter);
        if (p.Kind != Periodicity.Year) yield return p.Enclosing(Periodicity.Year);
    }

    /// <summary>Why the row's key is locked by an approval (its own, an enclosing period's, or one above), or null.</summary>
    private static string? LockedBy(GoodRow g, Dictionary<(int, int, string), string> approvals)
    {
        var code = g.Indicator.Code;
        var period = g.Period.ToString();
        foreach (var cover in Covering(g.Period).Skip(1))
            if (approvals.ContainsKey((g.Indicator.Id, g.Unit.Id, cover.ToString())))
                return $"{code} at {g.Unit.Code} is approved for {cover}, which contains {period}: the periods inside it are locked; reopen {cover} (with a reason) first.";
        foreach (var a in Ancestors(g.Unit))
            foreach (var cover in Covering(g.Period))
                if (approvals.TryGetValue((g.Indicator.Id, a, cover.ToString()), out var above))
                    return cover == g.Period
                        ? $"{code} is approved at {above} for {period}: the units below it are locked; reopen it there (with a reason) first."
                        : $"{code} is approved at {above} for {cover}, which contains {period}: the units and periods below it are locked; reopen it there (with a reason) first.";
        return null;
    }

    /// <summary>The ids of the unit's ancestors, read from its path ("/1/7/42/").</summary>
    private static IEnumerable<int> Ancestors(UnitRef unit)
    {
        foreach (var part in unit.Path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var id = int.Parse(part, CultureInfo.InvariantCulture);
            if (id != unit.Id) yield return id;
        }
    }

    private async Task<OrgUnit> FindUnitAsync(string code, CancellationToken ct) =>
        await db.Set<OrgUnit>().AsNoTracking().FirstOrDefaultAsync(u => u.Code == code, ct)
        ?? throw new NotFoundException($"No org unit has code '{code}'.");

    private static string EntityId(string indicator, string unit, string period) => $"{indicator}/{unit}/{period}";

    private static object Snapshot(DataValue v, string indicator, string unit) => new
    {
        indicatorCode = indicator, orgUnitCode = unit, period = v.Period, value = v.Value, comment = v.Comment, source = v.Source,
        status = v.Status.ToApi(),
    };
}
