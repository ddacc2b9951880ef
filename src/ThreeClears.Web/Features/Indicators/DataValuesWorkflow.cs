using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ThreeClears.Domain;
using ThreeClears.Domain.Access;
using ThreeClears.Domain.Periods;
using ThreeClears.Web.Features.Organisation;
using ThreeClears.Web.Infrastructure;

namespace ThreeClears.Web.Features.Indicators;

/// <summary>
/// The workflow of entered values: draft → submitted → approved, bottom-up in the tree and in time, and the
/// reopening (with a reason) that also reopens the approvals built on what it reopens.
/// </summary>
public sealed partial class DataValuesService
{
    public Task<WorkflowResult> SubmitAsync(WorkflowRequest? req, CancellationToken ct) => WorkflowAsync(req, WorkflowAction.Submit, ct);

    public Task<WorkflowResult> ApproveAsync(WorkflowRequest? req, CancellationToken ct) => WorkflowAsync(req, WorkflowAction.Approve, ct);

    public Task<WorkflowResult> ReopenAsync(WorkflowRequest? req, CancellationToken ct) => WorkflowAsync(req, WorkflowAction.Reopen, ct);

    private enum WorkflowAction { Submit, Approve, Reopen }

    private async Task<WorkflowResult> WorkflowAsync(WorkflowRequest? req, WorkflowAction action, CancellationToken ct)
    {
        _ = caller.UserId;
        req ??= new WorkflowRequest(null, null, null, null);
        var checks = new Checks();
        var unitCode = checks.Text("orgUnitCode", req.OrgUnitCode, 64);
        OrgUnit? unit = null;
        if (unitCode.Length > 0)
        {
            unit = await db.Set<OrgUnit>().AsNoTracking().FirstOrDefaultAsync(u => u.Code == unitCode, ct);
            if (unit is null) checks.Add("orgUnitCode", $"no org unit has code '{unitCode}'.");
        }
        var period = default(Period);
        if (string.IsNullOrWhiteSpace(req.Period)) checks.Add("period", "is required: use 2025, 2025Q3 or 2025-08.");
        else if (!Period.TryParse(req.Period, out period)) checks.Add("period", $"'{req.Period}' is not a period: use 2025, 2025Q3 or 2025-08.");
        List<int>? indicatorIds = null;
        if (req.IndicatorCodes is { } codes)
        {
            var wanted = codes.Select(c => c?.Trim()).Where(c => !string.IsNullOrEmpty(c)).Distinct().ToList();
            var found = await db.Set<Indicator>().AsNoTracking().Where(i => wanted.Contains(i.Code)).Select(i => new { i.Id, i.Code }).ToListAsync(ct);
            for (var i = 0; i < codes.Count; i++)
            {
                var c = codes[i]?.Trim();
                if (string.IsNullOrEmpty(c)) checks.Add($"indicatorCodes[{i}]", "is required.");
                else if (!found.Any(f => f.Code == c)) checks.Add($"indicatorCodes[{i}]", $"no indicator has code '{c}'.");
            }
            indicatorIds = [.. found.Select(f => f.Id)];
        }
        var reason = action == WorkflowAction.Reopen ? checks.Text("reason", req.Reason, Checks.TextMax) : null;
        checks.ThrowIfAny();

        var permission = action switch
        {
            WorkflowAction.Submit => Permission.SubmitData,
            _ => Permission.ApproveData, // a reopen: the approver's right over the unit, which a grant at its parent also gives
        };
        await caller.RequireAsync(permission, unit!.Id, ct);

        var p = period.ToString();
        var q = db.Set<DataValue>().Include(v => v.Indicator).Where(v => v.OrgUnitId == unit.Id && v.Period == p);
        if (indicatorIds is not null) q = q.Where(v => indicatorIds.Contains(v.IndicatorId));
        var values = await q.ToListAsync(ct);
        if (values.Count == 0)
            throw new UnprocessableException($"No values are entered at {unit.Code} for {p}{(indicatorIds is null ? "" : " for these indicators")}.");

        var targets = action switch
        {
            WorkflowAction.Submit => values.Where(v => v.Status == DataStatus.Draft).ToList(),
            WorkflowAction.Approve => values.Where(v => v.Status != DataStatus.Approved).ToList(),
            _ => values.Where(v => v.Status != DataStatus.Draft).ToList(),
        };
        if (action == WorkflowAction.Reopen && targets.Count == 0)
            throw new UnprocessableException($"Nothing to reopen at {unit.Code} for {p}: every value there is a draft.");
        if (action == WorkflowAction.Approve && targets.Count > 0)
            await RequireChildrenApprovedAsync(unit, period, targets, ct);

        var now = clock.UtcNow;
        var user = caller.UserName ?? "?";
        var reopenedAbove = new List<DataValueDto>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var v in targets) Move(v, action, unit.Code, now, user, reason);
        if (action == WorkflowAction.Reopen)
        {
            // The approvals built on these figures are reopened with them: the same period above the unit, and
            // the quarter and year enclosing it at the unit and above (a year's approval covers its months).
            var above = unit.Path.Split('/', StringSplitOptions.RemoveEmptyEntries)
                .Select(s => int.Parse(s, CultureInfo.InvariantCulture)).Where(id => id != unit.Id).ToList();
            var enclosing = Covering(period).Skip(1).Select(x => x.ToString()).ToList();
            var covering = enclosing.Append(p).ToList();
            var ids = targets.Select(t => t.IndicatorId).Distinct().ToList();
            var unitId = unit.Id;
            var parents = await db.Set<DataValue>().Include(v => v.Indicator).Include(v => v.OrgUnit)
                .Where(v => ids.Contains(v.IndicatorId) && v.Status == DataStatus.Approved
                    && ((above.Contains(v.OrgUnitId) && covering.Contains(v.Period)) || (v.OrgUnitId == unitId && enclosing.Contains(v.Period))))
                .ToListAsync(ct);
            foreach (var v in parents.OrderBy(v => v.OrgUnit!.Depth).ThenBy(v => v.PeriodStart).ThenByDescending(v => v.PeriodEnd))
            {
                Move(v, action, v.OrgUnit!.Code, now, user, v.Period == p ? $"{unit.Code} was reopened: {reason}" : $"{unit.Code} {p} was reopened: {reason}");
                reopenedAbove.Add(DataValueDto.Of(v, v.Indicator!.Code, v.OrgUnit.Code));
            }
        }
        await audit.CommitAsync(tx, ct);
        return new WorkflowResult(unit.Code, p, targets.Count,
            [.. values.OrderBy(v => v.Indicator!.Code).Select(v => DataValueDto.Of(v, v.Indicator!.Code, unit.Code))], reopenedAbove);
    }

    /// <summary>
    /// Bottom-up, in the tree and in time: every value of the same indicators inside the period — at the units
    /// below (for the period or a part of it) and at the unit itself for a part of it (a year's quarters and
    /// months) — must be approved before the period is. Approving a year vouches for what it is made of.
    /// </summary>
    private async Task RequireChildrenApprovedAsync(OrgUnit unit, Period period, List<DataValue> targets, CancellationToken ct)
    {
        var ids = targets.Select(t => t.IndicatorId).Distinct().ToList();
        var path = unit.Path;
        var unitId = unit.Id;
        var (start, end, p) = (period.Start, period.End, period.ToString());
        var open = await db.Set<DataValue>().AsNoTracking()
            .Where(v => ids.Contains(v.IndicatorId) && v.PeriodStart >= start && v.PeriodEnd <= end && v.OrgUnit!.Path.StartsWith(path)
                && !(v.OrgUnitId == unitId && v.Period == p) && v.Status != DataStatus.Approved)
            .Select(v => new { Indicator = v.Indicator!.Code, Unit = v.OrgUnit!.Code, v.Period, v.PeriodStart })
            .ToListAsync(ct);
        if (open.Count == 0) return;
        var byIndicator = open.GroupBy(o => o.Indicator).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key} at {string.Join(", ", g.OrderBy(x => x.Unit, StringComparer.Ordinal).ThenBy(x => x.PeriodStart)
                .Select(x => x.Period == p ? x.Unit : $"{x.Unit} ({x.Period})").Distinct())}");
        throw new UnprocessableException(
            $"{unit.Code} cannot be approved for {p} before what it is made of: still open — {string.Join("; ", byIndicator)}. Approve them first.");
    }

    private void Move(DataValue v, WorkflowAction action, string unitCode, DateTime now, string user, string? reason)
    {
        var before = Snapshot(v, v.Indicator!.Code, unitCode);
        var old = v.Status;
        switch (action)
        {
            case WorkflowAction.Submit:
                v.Status = DataStatus.Submitted;
                v.SubmittedBy = user;
                v.SubmittedAt = now;
                break;
            case WorkflowAction.Approve:
                v.Status = DataStatus.Approved;
                v.ApprovedBy = user;
                v.ApprovedAt = now;
                break;
            default:
                v.Status = DataStatus.Draft;
                v.SubmittedBy = null;
                v.SubmittedAt = null;
                v.ApprovedBy = null;
                v.ApprovedAt = null;
                break;
        }
        v.Version++;
        var name = action.ToApi();
        db.Add(new DataValueHistory { IndicatorId = v.IndicatorId, OrgUnitId = v.OrgUnitId, Period = v.Period, At = now, UserName = user, Action = name, OldValue = v.Value, NewValue = v.Value, OldStatus = old, NewStatus = v.Status, Reason = reason });
        audit.Record("dataValue", EntityId(v.Indicator.Code, unitCode, v.Period), name, before, new { status = v.Status.ToApi(), reason }, v.OrgUnitId);
    }
}
