using Microsoft.EntityFrameworkCore;
using ThreeClears.Domain;
using ThreeClears.Domain.Access;
using ThreeClears.Domain.Periods;
using ThreeClears.Web.Data;
using ThreeClears.Web.Features.Indicators;
using ThreeClears.Web.Features.Organisation;
using ThreeClears.Web.Features.Plan;
using ThreeClears.Web.Features.Tasks;
using ThreeClears.Web.Infrastructure;
using ThreeClears.Web.Infrastructure.Auth;

namespace ThreeClears.Web.Features.Dashboard;

public sealed record UnitCountDto(string OrgUnitCode, int Count);

public sealed record DashboardTasksDto(IReadOnlyDictionary<string, int> ByStatus, IReadOnlyList<UnitCountDto> OverdueByUnit);

/// <summary>The answer of <c>GET /api/dashboard</c>.</summary>
public sealed record DashboardDto(string OrgUnitCode, string Period, IReadOnlyList<AnalyticsRowDto> Indicators, DashboardTasksDto Tasks,
    int EscalationsWaiting);

public sealed record DashboardIndicator(string Code, string Name, string NameEn, string Unit);

public sealed record DashboardUnit(string Code, string Name, string NameEn);

/// <summary>The dashboard with the names the page shows next to the codes, and each key indicator's trend.</summary>
public sealed record DashboardView(DashboardDto Dto, DashboardUnit Unit, IReadOnlyDictionary<string, DashboardIndicator> Indicators,
    IReadOnlyDictionary<string, DashboardUnit> Children, IReadOnlyDictionary<string, AnalyticsResult> Trends);

/// <summary>
/// The province at a glance (PRODUCT.md §2): key indicators against their targets, tasks by status,
/// overdue tasks by unit and escalations waiting, for one unit and its subtree.
/// </summary>
public sealed class DashboardService(ThreeClearsDb db, Caller caller, AnalyticsService analytics, AppClock clock)
{
    /// <summary>At most this many key indicators, each read with one analytics call.</summary>
    public const int MaxIndicators = 20;

    public async Task<DashboardView> GetAsync(string? orgUnitCode, string? period, bool approvedOnly, CancellationToken ct)
    {
        var me = caller.UserId;
        var checks = new Checks();
        if (orgUnitCode is not null) checks.Text("orgUnit", orgUnitCode, 64);
        Period p = default;
        var hasPeriod = !string.IsNullOrWhiteSpace(period);
        if (hasPeriod && !Period.TryParse(period!.Trim(), out p))
            checks.Add("period", $"'{period}' is not a period: use 2025, 2025Q3 or 2025-08.");
        checks.ThrowIfAny();

        var code = string.IsNullOrWhiteSpace(orgUnitCode)
            ? await db.Users.Where(u => u.Id == me).Select(u => u.OrgUnit!.Code).FirstAsync(ct)
            : orgUnitCode.Trim();
        var unit = await db.Set<OrgUnit>().AsNoTracking().FirstOrDefaultAsync(u => u.Code == code, ct)
            ?? throw new NotFoundException($"No org unit has code '{code}'.");
        caller.KnowPath(unit.Id, unit.Path);
        var readData = await caller.CanAsync(Permission.ReadData, unit.Id, ct);
        var readTasks = await caller.CanAsync(Permission.ReadTasks, unit.Id, ct);
        if (!readData && !readTasks) throw new ForbiddenException("Your roles do not allow reading this unit's data or tasks.");
        var path = unit.Path;

        if (!hasPeriod) p = await LatestMonthAsync(path, approvedOnly, ct);

        // Key indicators: those with a target for the year at the unit, else those with data in the subtree.
        var rows = new List<AnalyticsRowDto>();
        var meta = new Dictionary<string, DashboardIndicator>(StringComparer.Ordinal);
        var trends = new Dictionary<string, AnalyticsResult>(StringComparer.Ordinal);
        if (readData)
        {
            var targeted = await db.Set<PlanTarget>().AsNoTracking().Where(t => t.OrgUnitId == unit.Id && t.TargetYear == p.Year)
                .Select(t => t.IndicatorCode).Distinct().ToListAsync(ct);
            List<string> codes;
            if (targeted.Count > 0) codes = targeted;
            else
            {
                var from = new DateOnly(p.Year, 1, 1);
                var values = db.Set<DataValue>().Where(v => v.OrgUnit!.Path.StartsWith(path) && v.PeriodStart >= from && v.PeriodEnd <= p.End);
                if (approvedOnly) values = values.Where(v => v.Status == DataStatus.Approved);
                codes = await db.Set<Indicator>().Where(i => values.Any(v => v.IndicatorId == i.Id)).Select(i => i.Code).ToListAsync(ct);
            }
            codes = codes.Order(StringComparer.Ordinal).Take(MaxIndicators).ToList();
            var indicators = await db.Set<Indicator>().AsNoTracking().Where(i => codes.Contains(i.Code)).ToListAsync(ct);
            indicators = [.. indicators.OrderBy(i => i.Code, StringComparer.Ordinal)];
            foreach (var i in indicators) meta[i.Code] = new DashboardIndicator(i.Code, i.Name, i.NameEn, i.Unit);
            // Every key indicator in one pass over the tree and the values (not one analytics call each).
            foreach (var r in await analytics.ComputeAsync(unit, indicators, p, children: false, approvedOnly, ct))
            {
                rows.Add(r.Row);
                trends[r.Row.IndicatorCode] = r;
            }
        }

        // The subtree, to place each task's unit under one direct child.
        var nodes = await db.Set<OrgUnit>().AsNoTracking().Where(u => u.Path.StartsWith(path))
            .Select(u => new { u.Id, u.ParentId, u.Code, u.Name, u.NameEn, u.Path, u.DissolvedOn }).ToListAsync(ct);
        var children = nodes.Where(n => n.ParentId == unit.Id).OrderBy(n => n.Code, StringComparer.Ordinal).ToList();

        var byStatus = Enum.GetValues<Domain.Tasks.TaskStatus>().ToDictionary(s => s.ToApi(), _ => 0);
        var overdue = new List<UnitCountDto>();
        var waiting = 0;
        if (readTasks)
        {
            var tasks = await caller.Scoped(db.Set<TaskItem>().AsNoTracking().Where(t => t.OwnerOrgUnit!.Path.StartsWith(path)),
                Permission.ReadTasks, t => t.OwnerOrgUnitId, ct);
            var counts = await tasks.GroupBy(t => new { t.Status, t.OwnerOrgUnitId })
                .Select(g => new { g.Key.Status, g.Key.OwnerOrgUnitId, N = g.Count() }).ToListAsync(ct);
            foreach (var c in counts) byStatus[c.Status.ToApi()] += c.N;
            var pathOf = nodes.ToDictionary(n => n.Id, n => n.Path);
            foreach (var child in children)
            {
                var n = counts.Where(c => c.Status == Domain.Tasks.TaskStatus.Overdue && pathOf.TryGetValue(c.OwnerOrgUnitId, out var up)
                    && up.StartsWith(child.Path, StringComparison.Ordinal)).Sum(c => c.N);
                if (n > 0 || child.DissolvedOn is null) overdue.Add(new UnitCountDto(child.Code, n));
            }
            overdue = overdue.OrderByDescending(o => o.Count).ThenBy(o => o.OrgUnitCode, StringComparer.Ordinal).ToList();

            var escalations = await caller.Scoped(db.Set<Escalation>().AsNoTracking()
                    .Where(e => e.Status == EscalationState.Open && e.ToOrgUnit!.Path.StartsWith(path)),
                Permission.ReadTasks, e => e.ToOrgUnitId, ct);
            waiting = await escalations.CountAsync(ct);
        }

        var dto = new DashboardDto(unit.Code, p.ToString(), rows, new DashboardTasksDto(byStatus, overdue), waiting);
        return new DashboardView(dto, new DashboardUnit(unit.Code, unit.Name, unit.NameEn), meta,
            children.ToDictionary(c => c.Code, c => new DashboardUnit(c.Code, c.Name, c.NameEn), StringComparer.Ordinal), trends);
    }

    /// <summary>The latest month with a monthly value in the subtree, else the current month.</summary>
    private async Task<Period> LatestMonthAsync(string path, bool approvedOnly, CancellationToken ct)
    {
        var q = db.Set<DataValue>().Where(v => v.PeriodKind == Periodicity.Month && v.OrgUnit!.Path.StartsWith(path));
        if (approvedOnly) q = q.Where(v => v.Status == DataStatus.Approved);
        var latest = await q.OrderByDescending(v => v.PeriodStart).Select(v => (DateOnly?)v.PeriodStart).FirstOrDefaultAsync(ct);
        var day = latest ?? clock.Today;
        return Period.OfMonth(day.Year, day.Month);
    }
}
