using Microsoft.EntityFrameworkCore;
using ThreeClears.Domain;
using ThreeClears.Domain.Evaluation;
using ThreeClears.Domain.Periods;
using ThreeClears.Domain.Tasks;
using ThreeClears.Web.Data;
using ThreeClears.Web.Features.Indicators;
using ThreeClears.Web.Features.Organisation;
using ThreeClears.Web.Features.Plan;
using ThreeClears.Web.Features.Ratings;
using ThreeClears.Web.Features.Tasks;

namespace ThreeClears.Web.Features.Evaluation;

/// <summary>An org unit as the evaluation reads it.</summary>
public sealed record UnitInfo(int Id, int? ParentId, string Code, string Name, string NameEn, OrgUnitKind Kind, string Path, DateOnly? DissolvedOn,
    int? HeadUserId);

/// <summary>
/// Who is evaluated. For a unit, <see cref="Id"/> is the unit's id; for an official, the user's.
/// <see cref="RatedUnitId"/> is the unit whose citizens' ratings make the Citizens component (none: absent).
/// </summary>
public sealed record EvaluationSubject(int Id, string Code, string Name, string NameEn, int OrgUnitId, string? Position, int? RatedUnitId);

/// <summary>A task as Delivery reads it (title and owner's name only for the evidence).</summary>
internal sealed record TaskFact(int Id, string? Title, ProductKind Kind, int OwnerId, int OwnerOrgUnitId, string? OwnerUserName, DateOnly DueDate,
    DateOnly? CompletedOn, DateOnly? CancelledOn, DateOnly CreatedOn);

/// <summary>A subject's result with the evidence behind each component.</summary>
public sealed record SubjectResult(EvaluationSubject Subject, EvaluationResult Result, DeliveryEvidenceDto Delivery, TargetsEvidenceDto Targets,
    ResponsivenessEvidenceDto Responsiveness, CitizensEvidenceDto Citizens)
{
    public EvaluationCountsDto Counts => new(Delivery.Counted, Targets.Items.Count, Responsiveness.Counted, Citizens.Ratings);
}

/// <summary>
/// Evaluates many subjects of one kind for one period in a fixed number of queries (tasks,
/// targets with their figures, consultations, escalation stops, ratings), whatever the number of
/// subjects, and hands every item to the pure <see cref="EvaluationScore"/> rule.
/// </summary>
/// <remarks>
/// What belongs to whom (API.md "Precise meanings"):
/// <list type="bullet">
/// <item>A unit: tasks owned by its officials at assignment (<c>ownerOrgUnit</c> is the unit itself, not
/// its subtree: a commune answers for its own products, and a parent ranked beside its children
/// would otherwise count their work twice); targets whose unit it is; consultations addressed to it;
/// escalation stops addressed to it (the stop's unit is the recipient official's); its citizens' ratings.</item>
/// <item>An official: tasks they own now; targets they own; escalation stops addressed to them
/// (consultations are addressed to units). Citizens rate units, not people: an official's Citizens
/// component is the ratings of the unit they head, because the head answers for the unit's service
/// to the public; for anyone else it is absent, as giving every clerk their unit's ratings would
/// score them on work that was not theirs.</item>
/// </list>
/// Targets' achievement is read from approved values only, so that an official's own unapproved
/// figures cannot lift their score; the same figure is <c>GET /api/analytics?approvedOnly=true</c>.
/// </remarks>
public sealed class EvaluationEngine(ThreeClearsDb db, RatingsService ratings, Installation installation)
{
    /// <summary>
    /// Evaluates <paramref name="subjects"/>. Without <paramref name="evidence"/> (a ranking) the items are
    /// counted but not listed, and the tasks' titles and names are not read.
    /// </summary>
    public async Task<IReadOnlyList<SubjectResult>> EvaluateAsync(EvaluationKind kind, IReadOnlyList<EvaluationSubject> subjects, Period period,
        DateOnly today, IReadOnlyDictionary<int, UnitInfo> units, CancellationToken ct, bool evidence = true)
    {
        var cutoff = period.End < today ? period.End : today;
        var start = period.Start;
        var ids = subjects.Select(s => s.Id).Distinct().ToArray();
        var byUnit = kind == EvaluationKind.Unit;
        string CodeOf(int unitId) => units.TryGetValue(unitId, out var u) ? u.Code : unitId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        string TaskCode(DateOnly createdOn, int id) => TaskAccess.Code(installation.RootCode, createdOn, id);

        // Tasks due in the period up to the cut-off (process and cancelled ones too: the evidence shows them excluded).
        var tq = db.Set<TaskItem>().AsNoTracking().Where(t => t.DueDate >= start && t.DueDate <= cutoff);
        tq = byUnit ? tq.Where(t => ids.Contains(t.OwnerOrgUnitId)) : tq.Where(t => ids.Contains(t.OwnerId));
        tq = tq.OrderBy(t => t.DueDate).ThenBy(t => t.Id);
        var tasks = (evidence
                ? await tq.Select(t => new TaskFact(t.Id, t.Title, t.Kind, t.OwnerId, t.OwnerOrgUnitId, t.Owner!.UserName, t.DueDate, t.CompletedOn,
                    t.CancelledOn, t.CreatedOn)).ToListAsync(ct)
                : await tq.Select(t => new TaskFact(t.Id, null, t.Kind, t.OwnerId, t.OwnerOrgUnitId, null, t.DueDate, t.CompletedOn, t.CancelledOn,
                    default)).ToListAsync(ct))
            .ToLookup(t => byUnit ? t.OwnerOrgUnitId : t.OwnerId);

        // Targets of the period's year with their figures at the period.
        var year = period.Year;
        var targetQuery = db.Set<PlanTarget>().AsNoTracking().Where(t => t.TargetYear == year);
        targetQuery = byUnit
            ? targetQuery.Where(t => ids.Contains(t.OrgUnitId))
            : targetQuery.Where(t => t.OwnerUserId != null && ids.Contains(t.OwnerUserId.Value));
        var targetRows = await targetQuery.OrderBy(t => t.IndicatorCode).ThenBy(t => t.Id)
            .Select(t => new { Row = new TargetRow(t.Id, t.IndicatorCode, t.OrgUnitId, t.OwnerUserId, t.Baseline, t.TargetValue, t.TargetYear, t.Direction),
                OwnerUserName = t.OwnerUser!.UserName })
            .ToListAsync(ct);
        var figures = await TargetAchievements.ComputeAsync(db, [.. targetRows.Select(t => t.Row)], period, approvedOnly: true, ct);
        var indicatorCodes = targetRows.Select(t => t.Row.IndicatorCode).Distinct().ToArray();
        var indicators = await db.Set<Indicator>().AsNoTracking().Where(i => indicatorCodes.Contains(i.Code))
            .ToDictionaryAsync(i => i.Code, i => new { i.Name, i.NameEn, i.Unit }, ct);
        var targets = targetRows.ToLookup(t => byUnit ? t.Row.OrgUnitId : t.Row.OwnerUserId!.Value);

        // Consultations addressed to the units.
        var consultations = byUnit
            ? (await db.Set<Consultation>().AsNoTracking()
                    .Where(c => ids.Contains(c.ToOrgUnitId) && c.Deadline >= start && c.Deadline <= cutoff)
                    .OrderBy(c => c.Deadline).ThenBy(c => c.Id)
                    .Select(c => new { c.Id, c.TaskId, TaskCreatedOn = c.Task!.CreatedOn, c.ToOrgUnitId, c.Deadline, c.Status, c.AnsweredOn })
                    .ToListAsync(ct))
                .ToLookup(c => c.ToOrgUnitId)
            : null;

        // Every place an escalation stood whose deadline falls in the period.
        var stopQuery =
            from s in db.Set<EscalationStepRow>().AsNoTracking()
            join e in db.Set<Escalation>() on s.EscalationId equals e.Id
            join u in db.Users on s.ToUserId equals u.Id
            where s.RespondBy >= start && s.RespondBy <= cutoff
            select new
            {
                s.EscalationId, s.Level, s.ToUserId, ToUserName = u.UserName, s.ToOrgUnitId, s.RespondBy, CurrentLevel = e.Level, e.Status, e.ResolvedOn,
                e.TaskId, TaskCreatedOn = e.Task!.CreatedOn,
            };
        stopQuery = byUnit ? stopQuery.Where(s => ids.Contains(s.ToOrgUnitId)) : stopQuery.Where(s => ids.Contains(s.ToUserId));
        var stops = (await stopQuery.OrderBy(s => s.RespondBy).ThenBy(s => s.EscalationId).ThenBy(s => s.Level).ToListAsync(ct))
            .ToLookup(s => byUnit ? s.ToOrgUnitId : s.ToUserId);

        var rated = subjects.Select(s => s.RatedUnitId).OfType<int>().Distinct().ToArray();
        var tallies = rated.Length == 0 ? new Dictionary<int, RatingTally>() : await ratings.TalliesAsync(rated, period, ct);

        var results = new List<SubjectResult>(subjects.Count);
        foreach (var subject in subjects)
        {
            // Delivery.
            var own = tasks[subject.Id].ToList();
            var deliveryTasks = own.Select(t => new DeliveryTask(t.DueDate, t.CompletedOn, t.Kind == ProductKind.Process, t.CancelledOn)).ToArray();
            var delivery = EvaluationScore.Delivery(deliveryTasks, period, today);
            var taskEvidence = new List<TaskEvidenceDto>(own.Count);
            decimal creditSum = 0;
            var counted = 0;
            for (var i = 0; i < own.Count; i++)
            {
                var t = own[i];
                var credit = EvaluationScore.DeliveryCredit(deliveryTasks[i], cutoff);
                var outcome = credit switch
                {
                    null => t.Kind == ProductKind.Process ? "excludedProcess" : "excludedCancelled",
                    1.0 => "completedOnTime",
                    0.5 => "completedLate",
                    _ => "openAtCutoff",
                };
                if (credit is { } c)
                {
                    counted++;
                    creditSum += (decimal)c;
                }
                if (evidence) taskEvidence.Add(new TaskEvidenceDto(t.Id, TaskCode(t.CreatedOn, t.Id), t.Title ?? "", t.OwnerUserName ?? "", CodeOf(t.OwnerOrgUnitId),
                    t.Kind.ToApi(), t.DueDate, t.CompletedOn, t.CancelledOn, outcome, credit is { } cc ? (decimal)cc : null));
            }

            // Targets.
            var mine = targets[subject.Id].ToList();
            var percents = mine.Select(t => figures.TryGetValue(t.Row.Id, out var f) && f.AchievementPercent is { } a ? (double?)(double)a : null).ToArray();
            var targetsValue = EvaluationScore.Targets(percents);
            var targetEvidence = mine.Select((t, i) =>
            {
                var f = figures.GetValueOrDefault(t.Row.Id);
                var meta = indicators.GetValueOrDefault(t.Row.IndicatorCode);
                return new TargetEvidenceDto(t.Row.Id, t.Row.IndicatorCode, meta?.Name ?? t.Row.IndicatorCode, meta?.NameEn ?? t.Row.IndicatorCode,
                    meta?.Unit ?? "", CodeOf(t.Row.OrgUnitId), t.OwnerUserName, t.Row.TargetYear, t.Row.Baseline, t.Row.TargetValue,
                    t.Row.Direction.ToApi(), f.Actual, f.AchievementPercent, Round(EvaluationScore.TargetCredit(percents[i])));
            }).ToList();

            // Responsiveness.
            var responses = new List<(ResponseItem Item, ResponseEvidenceDto Evidence)>();
            if (consultations is not null)
                foreach (var c in consultations[subject.Id])
                {
                    var item = ResponseItems.Consultation(c.Status, c.Deadline, c.AnsweredOn);
                    if (!evidence)
                    {
                        responses.Add((item, null!));
                        continue;
                    }
                    responses.Add((item, new ResponseEvidenceDto("consultation", c.Id, c.TaskId, TaskCode(c.TaskCreatedOn, c.TaskId), null,
                        CodeOf(c.ToOrgUnitId), null, c.Deadline, item.AnsweredOn, item.AnsweredOnTime,
                        ConsultationsService.StatusOf(c.Status, c.Deadline, c.AnsweredOn, today).ToApi())));
                }
            foreach (var s in stops[subject.Id])
            {
                var resolvedHere = s.Status == EscalationState.Resolved && s.Level == s.CurrentLevel;
                var item = ResponseItems.EscalationStop(new EscalationStop(s.Level, s.ToUserId, s.ToOrgUnitId, s.RespondBy), s.CurrentLevel,
                    s.Status == EscalationState.Resolved ? s.ResolvedOn : null);
                if (!evidence)
                {
                    responses.Add((item, null!));
                    continue;
                }
                var status = resolvedHere ? "resolved" : s.Level < s.CurrentLevel ? "climbed" : "open";
                responses.Add((item, new ResponseEvidenceDto("escalation", s.EscalationId, s.TaskId, TaskCode(s.TaskCreatedOn, s.TaskId), s.ToUserName,
                    CodeOf(s.ToOrgUnitId), s.Level, s.RespondBy, item.AnsweredOn, item.AnsweredOnTime, status)));
            }
            responses.Sort((a, b) => a.Item.Deadline.CompareTo(b.Item.Deadline));
            var responseItems = responses.Select(r => r.Item).ToArray();
            var responsiveness = EvaluationScore.Responsiveness(responseItems, period, today);

            // Citizens.
            var tally = subject.RatedUnitId is { } ru ? tallies.GetValueOrDefault(ru) : default;
            var citizens = EvaluationScore.Citizens(tally.Ratings, tally.StarsSum);

            var result = EvaluationScore.Evaluate(new EvaluationComponents(delivery, targetsValue, responsiveness, citizens));
            results.Add(new SubjectResult(subject, result,
                new DeliveryEvidenceDto(Round(delivery), counted, creditSum, taskEvidence),
                new TargetsEvidenceDto(Round(targetsValue), targetEvidence.Sum(t => t.Credit), targetEvidence),
                new ResponsivenessEvidenceDto(Round(responsiveness), responseItems.Length, responseItems.Count(r => r.AnsweredOnTime),
                    evidence ? [.. responses.Select(r => r.Evidence)] : []),
                new CitizensEvidenceDto(Round(citizens), subject.RatedUnitId is { } rid ? CodeOf(rid) : null, tally.Ratings, tally.StarsSum,
                    tally.Mean is { } m ? Math.Round((decimal)m, 4, MidpointRounding.AwayFromZero) : null, EvaluationScore.MinimumRatings)));
        }
        return results;
    }

    internal static decimal? Round(double? x) => x is { } v ? Round(v) : null;

    internal static decimal Round(double x) => Math.Round((decimal)x, 4, MidpointRounding.AwayFromZero);

    internal static EvaluationComponentsDto Components(EvaluationComponents c) =>
        new(Round(c.Delivery), Round(c.Targets), Round(c.Responsiveness), Round(c.Citizens));

    /// <summary>Each present component's weight over the sum of the present weights.</summary>
    internal static EvaluationWeightsDto Weights(EvaluationComponents c)
    {
        var total = (c.Delivery is null ? 0 : EvaluationScore.DeliveryWeight) + (c.Targets is null ? 0 : EvaluationScore.TargetsWeight)
                    + (c.Responsiveness is null ? 0 : EvaluationScore.ResponsivenessWeight) + (c.Citizens is null ? 0 : EvaluationScore.CitizensWeight);
        decimal? W(double? component, double weight) => component is null || total == 0 ? null : Round(weight / total);
        return new EvaluationWeightsDto(W(c.Delivery, EvaluationScore.DeliveryWeight), W(c.Targets, EvaluationScore.TargetsWeight),
            W(c.Responsiveness, EvaluationScore.ResponsivenessWeight), W(c.Citizens, EvaluationScore.CitizensWeight));
    }
}
