using Microsoft.EntityFrameworkCore;
using ThreeClears.Domain;
using ThreeClears.Domain.Access;
using ThreeClears.Domain.Evaluation;
using ThreeClears.Domain.Periods;
using ThreeClears.Web.Data;
using ThreeClears.Web.Features.Organisation;
using ThreeClears.Web.Infrastructure;
using ThreeClears.Web.Infrastructure.Auth;

namespace ThreeClears.Web.Features.Evaluation;

/// <summary>
/// The results score (PRODUCT.md "Evaluation"): the ranking of units or officials for a period, a
/// subject's score card with the evidence behind it, and its history over periods. Reading needs
/// <see cref="Permission.ReadEvaluations"/> over the subject's unit; an official may also read their own.
/// </summary>
public sealed class EvaluationService(ThreeClearsDb db, Caller caller, EvaluationEngine engine, AppClock clock)
{
    public const int MaxHistory = 12;

    /// <summary><c>GET /api/evaluations?period=&amp;kind=&amp;orgUnit=&amp;unitKind=</c>.</summary>
    public async Task<EvaluationListDto> RankingAsync(string? period, string? kind, string? orgUnit, string? unitKind, Paging paging,
        CancellationToken ct)
    {
        _ = caller.UserId;
        var checks = new Checks();
        var p = ParsePeriod(checks, period);
        var k = checks.Enum<EvaluationKind>("kind", kind);
        var uk = checks.Enum<OrgUnitKind>("unitKind", unitKind, required: false);
        if (orgUnit is not null) checks.Text("orgUnit", orgUnit, 64);
        checks.ThrowIfAny();
        await caller.RequireAnywhereAsync(Permission.ReadEvaluations, ct);

        var units = await UnitsAsync(ct);
        var scope = await caller.UnitsWithAsync(Permission.ReadEvaluations, ct);
        IEnumerable<UnitInfo> candidates = units.Values.Where(u => scope.Contains(u.Id));
        UnitInfo? root = null;
        if (!string.IsNullOrWhiteSpace(orgUnit))
        {
            root = units.Values.FirstOrDefault(u => u.Code == orgUnit.Trim()) ?? throw new NotFoundException($"No org unit has code '{orgUnit}'.");
            if (!scope.Contains(root.Id)) throw new ForbiddenException($"Your roles do not allow reading the evaluations of {root.Code}.");
            candidates = candidates.Where(u => u.Path.StartsWith(root.Path, StringComparison.Ordinal));
        }
        var unitList = candidates.ToList();

        var subjects = k == EvaluationKind.Unit
            ? unitList.Where(u => Evaluated(u, p!.Value) && (uk is null || u.Kind == uk)).Select(UnitSubject).ToList()
            : await OfficialsAsync(unitList.Select(u => u.Id).ToArray(), units, ct);

        var today = clock.Today;
        var results = await engine.EvaluateAsync(k!.Value, subjects, p!.Value, today, units, ct, evidence: false);
        var scores = results.Select(r => r.Result.Score).ToArray();
        var ranks = EvaluationRanking.Rank(scores);
        var items = results.Select((r, i) => new EvaluationItemDto(r.Subject.Code, r.Subject.Name, r.Subject.NameEn, units[r.Subject.OrgUnitId].Code,
                r.Result.Score, EvaluationEngine.Components(r.Result.Components), r.Result.Classification?.ToApi(), ranks[i], r.Counts))
            .OrderBy(x => x.Rank ?? int.MaxValue).ThenBy(x => x.Subject, StringComparer.Ordinal).ToList();
        return new EvaluationListDto(k.Value.ToApi(), p!.Value.ToString(), Cutoff(p.Value, today), root?.Code,
            [.. items.Skip(paging.Skip).Take(paging.PageSize)], items.Count);
    }

    /// <summary><c>GET /api/evaluations/{kind}/{subject}?period=</c>: the score card and its evidence.</summary>
    public async Task<EvaluationDetailDto> DetailAsync(string kind, string subject, string? period, CancellationToken ct)
    {
        _ = caller.UserId;
        var (k, p) = ParseKindAndPeriod(kind, period);
        var units = await UnitsAsync(ct);
        var s = await SubjectAsync(k, subject, units, ct);
        var today = clock.Today;
        var r = (await engine.EvaluateAsync(k, [s], p, today, units, ct))[0];
        return new EvaluationDetailDto(k.ToApi(), s.Code, s.Name, s.NameEn, units[s.OrgUnitId].Code, s.Position, p.ToString(), p.Start, p.End,
            Cutoff(p, today), r.Result.Score, r.Result.Classification?.ToApi(), EvaluationEngine.Components(r.Result.Components),
            EvaluationEngine.Weights(r.Result.Components), r.Delivery, r.Targets, r.Responsiveness, r.Citizens);
    }

    /// <summary>
    /// <c>GET /api/evaluations/{kind}/{subject}/history?period=&amp;count=</c>: the <paramref name="count"/>
    /// periods of the same length ending with <paramref name="period"/> (periods not yet begun left out).
    /// </summary>
    public async Task<EvaluationHistoryDto> HistoryAsync(string kind, string subject, string? period, int? count, CancellationToken ct)
    {
        _ = caller.UserId;
        var (k, p) = ParseKindAndPeriod(kind, period, () => count is < 1 or > MaxHistory ? ("count", $"must be from 1 to {MaxHistory}.") : null);
        var units = await UnitsAsync(ct);
        var s = await SubjectAsync(k, subject, units, ct);
        var today = clock.Today;
        var items = new List<EvaluationHistoryItemDto>();
        foreach (var q in Preceding(p, count ?? 4))
        {
            var r = (await engine.EvaluateAsync(k, [s], q, today, units, ct, evidence: false))[0];
            items.Add(new EvaluationHistoryItemDto(q.ToString(), Cutoff(q, today), r.Result.Score, r.Result.Classification?.ToApi(),
                EvaluationEngine.Components(r.Result.Components), r.Counts));
        }
        return new EvaluationHistoryDto(k.ToApi(), s.Code, s.Name, s.NameEn, items);
    }

    /// <summary><paramref name="count"/> consecutive periods of <paramref name="last"/>'s length, ending with it, oldest first.</summary>
    public static IReadOnlyList<Period> Preceding(Period last, int count)
    {
        var list = new List<Period>(count);
        var p = last;
        for (var i = 0; i < count; i++)
        {
            list.Add(p);
            p = p.Kind switch
            {
                Periodicity.Year => Period.OfYear(p.Year - 1),
                Periodicity.Quarter => p.Index == 1 ? Period.OfQuarter(p.Year - 1, 4) : Period.OfQuarter(p.Year, p.Index - 1),
                _ => p.Index == 1 ? Period.OfMonth(p.Year - 1, 12) : Period.OfMonth(p.Year, p.Index - 1),
            };
            if (p.Year < 1900) break;
        }
        list.Reverse();
        return list;
    }

    /// <summary>The units ranked: not partner provinces (a province does not score another), not units gone before the period began.</summary>
    private static bool Evaluated(UnitInfo u, Period p) => u.Kind != OrgUnitKind.Partner && (u.DissolvedOn is not { } d || d > p.Start);

    private static EvaluationSubject UnitSubject(UnitInfo u) => new(u.Id, u.Code, u.Name, u.NameEn, u.Id, null, u.Id);

    private static DateOnly Cutoff(Period p, DateOnly today) => p.End < today ? p.End : today;

    private async Task<Dictionary<int, UnitInfo>> UnitsAsync(CancellationToken ct) =>
        await db.Set<OrgUnit>().AsNoTracking()
            .Select(u => new UnitInfo(u.Id, u.ParentId, u.Code, u.Name, u.NameEn, u.Kind, u.Path, u.DissolvedOn, u.HeadUserId))
            .ToDictionaryAsync(u => u.Id, ct);

    private async Task<List<EvaluationSubject>> OfficialsAsync(int[] unitIds, IReadOnlyDictionary<int, UnitInfo> units, CancellationToken ct)
    {
        var heads = HeadedUnits(units);
        var users = await db.Users.AsNoTracking().Where(u => unitIds.Contains(u.OrgUnitId))
            .Select(u => new { u.Id, u.UserName, u.FullName, u.OrgUnitId, u.Position }).ToListAsync(ct);
        return [.. users.Select(u => new EvaluationSubject(u.Id, u.UserName!, u.FullName, u.FullName, u.OrgUnitId, u.Position, heads.GetValueOrDefault(u.Id)))];
    }

    /// <summary>The unit each head heads (the lowest one, should someone head two).</summary>
    private static Dictionary<int, int?> HeadedUnits(IReadOnlyDictionary<int, UnitInfo> units)
    {
        var heads = new Dictionary<int, int?>();
        foreach (var u in units.Values.Where(u => u.HeadUserId is not null && u.Kind != OrgUnitKind.Partner).OrderBy(u => u.Path.Length))
            heads[u.HeadUserId!.Value] = u.Id;
        return heads;
    }

    private async Task<EvaluationSubject> SubjectAsync(EvaluationKind kind, string code, IReadOnlyDictionary<int, UnitInfo> units, CancellationToken ct)
    {
        code = code.Trim();
        if (kind == EvaluationKind.Unit)
        {
            var u = units.Values.FirstOrDefault(x => x.Code == code) ?? throw new NotFoundException($"No org unit has code '{code}'.");
            caller.KnowPath(u.Id, u.Path);
            await caller.RequireAsync(Permission.ReadEvaluations, u.Id, ct);
            return UnitSubject(u);
        }
        var user = await db.Users.AsNoTracking().Where(x => x.UserName == code)
                       .Select(x => new { x.Id, x.UserName, x.FullName, x.OrgUnitId, x.Position }).FirstOrDefaultAsync(ct)
                   ?? throw new NotFoundException($"No official has user name '{code}'.");
        // An official may always read their own results score.
        if (user.Id != caller.UserId)
        {
            caller.KnowPath(user.OrgUnitId, units[user.OrgUnitId].Path);
            await caller.RequireAsync(Permission.ReadEvaluations, user.OrgUnitId, ct);
        }
        return new EvaluationSubject(user.Id, user.UserName!, user.FullName, user.FullName, user.OrgUnitId, user.Position,
            HeadedUnits(units).GetValueOrDefault(user.Id));
    }

    private (EvaluationKind Kind, Period Period) ParseKindAndPeriod(string kind, string? period, Func<(string, string)?>? more = null)
    {
        var checks = new Checks();
        var k = checks.Enum<EvaluationKind>("kind", kind);
        var p = ParsePeriod(checks, period);
        if (more?.Invoke() is { } extra) checks.Add(extra.Item1, extra.Item2);
        checks.ThrowIfAny();
        return (k!.Value, p!.Value);
    }

    private Period? ParsePeriod(Checks checks, string? period)
    {
        if (string.IsNullOrWhiteSpace(period))
        {
            checks.Add("period", "is required: a year (2026), a quarter (2026Q1) or a month (2026-03).");
            return null;
        }
        if (!Period.TryParse(period.Trim(), out var p))
        {
            checks.Add("period", $"'{period}' is not a period: write a year (2026), a quarter (2026Q1) or a month (2026-03).");
            return null;
        }
        var today = clock.Today;
        if (p.Start > today)
        {
            checks.Add("period", $"{p} has not begun (today is {today:yyyy-MM-dd}): nothing is due in it yet.");
            return null;
        }
        return p;
    }
}
