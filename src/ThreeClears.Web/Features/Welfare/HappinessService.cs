using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ThreeClears.Domain.Access;
using ThreeClears.Domain.Welfare;
using ThreeClears.Web.Data;
using ThreeClears.Web.Features.Audit;
using ThreeClears.Web.Features.Indicators;
using ThreeClears.Web.Features.Organisation;
using ThreeClears.Web.Infrastructure;
using ThreeClears.Web.Infrastructure.Auth;

namespace ThreeClears.Web.Features.Welfare;

/// <summary>
/// The happiness survey: batches of responses (good rows kept, bad ones reported by index with every
/// reason; a respondent sent again has their answers replaced) and the index per unit with its
/// children, computed by <see cref="HappinessIndex"/> from per-unit totals summed in SQL.
/// </summary>
public sealed class HappinessService(ThreeClearsDb db, Caller caller, AuditLog audit, AppClock clock)
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;
    public const int MaxAnswersPerDomain = 50;
    public const int MaxBatch = 5_000;

    private static readonly string[] Updatable =
    [
        nameof(HappinessResponse.Answers), nameof(HappinessResponse.LivingStandards), nameof(HappinessResponse.Health),
        nameof(HappinessResponse.Education), nameof(HappinessResponse.Environment), nameof(HappinessResponse.Safety),
        nameof(HappinessResponse.Culture), nameof(HappinessResponse.Governance), nameof(HappinessResponse.LifeSatisfaction),
        nameof(HappinessResponse.SufficientDomains), nameof(HappinessResponse.Happy), nameof(HappinessResponse.Version),
        nameof(HappinessResponse.At), nameof(HappinessResponse.UserName),
    ];

    private sealed record Good(int Index, WelfareUnit Unit, int Year, string Respondent, HappinessAnswers Answers, DomainScores Scores);

    public async Task<ResponsesResult> PostAsync(List<ResponseRow?>? rows, CancellationToken ct)
    {
        _ = caller.UserId;
        if (rows is null) throw new ValidationException(new Dictionary<string, string[]> { [""] = ["a JSON array of responses is required."] });
        if (rows.Count > MaxBatch) throw new ValidationException(new Dictionary<string, string[]> { [""] = [$"at most {MaxBatch} responses a batch."] });
        var scope = await caller.UnitsWithAsync(Permission.ManageWelfare, ct);
        if (scope.IsEmpty) throw new ForbiddenException("Your roles do not allow recording survey responses.");
        var units = await WelfareUnits.LoadAsync(db, ct);

        var good = new List<Good>(rows.Count);
        var rejected = new List<IndexRejection>();
        var seen = new Dictionary<(int, int, string), int>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var checks = new Checks();
            if (row is null)
            {
                rejected.Add(new IndexRejection(i, new Dictionary<string, string[]> { [""] = ["a response object is required."] }));
                continue;
            }
            WelfareUnit? unit = null;
            var code = checks.Text("orgUnitCode", row.OrgUnitCode, HouseholdRules.CodeMax);
            if (code.Length > 0)
            {
                unit = units.ByCode(code);
                if (unit is null) checks.Add("orgUnitCode", $"no org unit has code '{HouseholdRules.Clip(code)}'.");
                else if (unit.Kind == OrgUnitKind.Partner || unit.DissolvedOn is not null)
                    checks.Add("orgUnitCode", $"'{unit.Code}' is a partner province or a dissolved unit.");
                else if (!scope.Contains(unit.Id)) checks.Add("orgUnitCode", $"'{unit.Code}' is outside your units.");
            }
            if (checks.Required("year", row.Year) is { } y && y is < MinYear or > MaxYear) checks.Add("year", $"must be between {MinYear} and {MaxYear}.");
            var respondent = HouseholdRules.Code(checks, row.RespondentCode, "respondentCode");
            checks.AddAll(HappinessSurvey.Validate(row.Answers).Select(e => new KeyValuePair<string, IReadOnlyList<string>>(e.Key, e.Value)));
            if (row.Answers is { } a)
                foreach (var d in HappinessDomains.All.Where(d => a[d] is { Length: > MaxAnswersPerDomain }))
                    checks.Add($"answers.{Domain.ApiSpelling.ToApi(d)}", $"at most {MaxAnswersPerDomain} answers a domain.");
            if (!checks.Any)
            {
                var key = (unit!.Id, row.Year!.Value, respondent);
                if (seen.TryGetValue(key, out var first)) checks.Add("respondentCode", $"row {first} already answers for '{respondent}' at {unit.Code} in {row.Year}.");
                else seen[key] = i;
            }
            if (checks.Any) rejected.Add(new IndexRejection(i, checks.ToDictionary()));
            else good.Add(new Good(i, unit!, row.Year!.Value, respondent, row.Answers!, HappinessSurvey.Score(row.Answers!)));
        }
        var replaced = good.Count > 0 ? await WriteAsync(good, ct) : 0;
        return new ResponsesResult(good.Count, replaced, rejected);
    }

    /// <summary>Writes the good rows in one transaction as multi-row statements; returns how many replaced earlier answers.</summary>
    private async Task<int> WriteAsync(List<Good> good, CancellationToken ct)
    {
        var unitIds = good.Select(g => g.Unit.Id).Distinct().ToList();
        var years = good.Select(g => g.Year).Distinct().ToList();
        var codes = good.Select(g => g.Respondent).Distinct().ToList();
        var existing = await db.Set<HappinessResponse>().AsNoTracking()
            .Where(r => unitIds.Contains(r.OrgUnitId) && years.Contains(r.Year) && codes.Contains(r.RespondentCode))
            .ToDictionaryAsync(r => (r.OrgUnitId, r.Year, r.RespondentCode), ct);
        var now = clock.UtcNow;
        var user = caller.UserName;
        var added = new List<HappinessResponse>();
        var changed = new List<(HappinessResponse, int)>();
        foreach (var g in good)
        {
            var answers = JsonSerializer.Serialize(g.Answers, AuditLog.Json);
            var entityId = $"{g.Unit.Code}/{g.Year}/{g.Respondent}";
            var after = new { domains = DomainsDto.Of(g.Scores), sufficientDomains = g.Scores.SufficientCount, happy = g.Scores.IsHappy };
            if (existing.TryGetValue((g.Unit.Id, g.Year, g.Respondent), out var r))
            {
                var before = new { domains = DomainsDto.Of(Scores(r)), sufficientDomains = r.SufficientDomains, happy = r.Happy };
                var old = r.Version;
                r.Answers = answers;
                r.Score(g.Scores);
                r.Version++;
                r.At = now;
                r.UserName = user;
                changed.Add((r, old));
                audit.Record("happinessResponse", entityId, "update", before, after, g.Unit.Id);
            }
            else
            {
                r = new HappinessResponse { OrgUnitId = g.Unit.Id, Year = g.Year, RespondentCode = g.Respondent, Answers = answers, At = now, UserName = user };
                r.Score(g.Scores);
                added.Add(r);
                audit.Record("happinessResponse", entityId, "create", null, after, g.Unit.Id);
            }
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await BulkCopy.RunAsync(db, added, ct);
        await BulkInsert.UpdateAsync(db, changed, Updatable, nameof(HappinessResponse.Id), nameof(HappinessResponse.Version), ct);
        var entries = db.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).ToList();
        await BulkCopy.RunAsync(db, [.. entries.Select(e => e.Entity)], ct);
        foreach (var e in entries) e.State = EntityState.Detached;
        await audit.CommitAsync(tx, ct);
        return changed.Count;
    }

    private static DomainScores Scores(HappinessResponse r) =>
        new(r.LivingStandards, r.Health, r.Education, r.Environment, r.Safety, r.Culture, r.Governance, r.LifeSatisfaction);

    // ---------------------------------------------------------------- the index

    private sealed record UnitSums(int OrgUnitId, int Respondents, int Happy, int InsufficientOfNotHappy,
        double LivingStandards, double Health, double Education, double Environment, double Safety, double Culture, double Governance,
        double LifeSatisfaction);

    /// <summary>The index of a unit (every respondent of its subtree) and of each child; aggregates only, for any official.</summary>
    public async Task<HappinessIndexDto> IndexAsync(string? orgUnit, int? year, CancellationToken ct)
    {
        _ = caller.UserId;
        var checks = new Checks();
        if (year is < MinYear or > MaxYear) checks.Add("year", $"must be between {MinYear} and {MaxYear}.");
        checks.ThrowIfAny();
        var y = year ?? clock.Today.Year;
        var units = await WelfareUnits.LoadAsync(db, ct);
        var unit = units.Require(orgUnit);
        var q = db.Set<HappinessResponse>().AsNoTracking().Where(r => r.Year == y);
        if (unit.ParentId is not null)
        {
            var ids = units.SubtreeIds(unit);
            q = q.Where(r => ids.Contains(r.OrgUnitId));
        }
        var sums = await q.GroupBy(r => r.OrgUnitId).Select(g => new UnitSums(g.Key, g.Count(),
                g.Sum(r => r.Happy ? 1 : 0),
                g.Sum(r => r.Happy ? 0 : HappinessDomains.Count - r.SufficientDomains),
                g.Sum(r => r.LivingStandards), g.Sum(r => r.Health), g.Sum(r => r.Education), g.Sum(r => r.Environment),
                g.Sum(r => r.Safety), g.Sum(r => r.Culture), g.Sum(r => r.Governance), g.Sum(r => r.LifeSatisfaction)))
            .ToListAsync(ct);

        var branch = units.BranchOf(unit);
        var whole = new HappinessAccumulator();
        var byBranch = new Dictionary<int, HappinessAccumulator>();
        foreach (var s in sums)
        {
            var acc = HappinessAccumulator.FromTotals(s.Respondents, s.Happy, s.InsufficientOfNotHappy,
                new DomainScores(s.LivingStandards, s.Health, s.Education, s.Environment, s.Safety, s.Culture, s.Governance, s.LifeSatisfaction));
            whole.Merge(acc);
            if (branch.TryGetValue(s.OrgUnitId, out var b) && b.Id != unit.Id)
            {
                if (!byBranch.TryGetValue(b.Id, out var into)) byBranch[b.Id] = into = new HappinessAccumulator();
                into.Merge(acc);
            }
        }
        var children = units.ChildrenOf(unit)
            .Where(c => byBranch.ContainsKey(c.Id) || c.HoldsHouseholds)
            .Select(c => Dto(c, y, byBranch.TryGetValue(c.Id, out var a) ? a : new HappinessAccumulator(), []))
            .ToList();
        return Dto(unit, y, whole, children);
    }

    private static HappinessIndexDto Dto(WelfareUnit u, int year, HappinessAccumulator acc, IReadOnlyList<HappinessIndexDto> children)
    {
        var r = acc.Result();
        return new HappinessIndexDto(u.Code, u.Name, u.NameEn, year, r.Respondents, r.Index, r.HappyShare, DomainsDto.Of(r.Domains), r.Published, children);
    }
}
