using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ThreeClears.Domain.Access;
using ThreeClears.Domain.Evaluation;
using ThreeClears.Domain.Periods;
using ThreeClears.Web.Data;
using ThreeClears.Web.Features.Audit;
using ThreeClears.Web.Features.Organisation;
using ThreeClears.Web.Infrastructure;
using ThreeClears.Web.Infrastructure.Auth;

namespace ThreeClears.Web.Features.Ratings;

public sealed record RatingRequest(string? OrgUnitCode, int? Stars, string? Comment);
public sealed record HideRequest(string? Reason);
public sealed record RatingDto(int Id, string OrgUnitCode, int Stars, string? Comment, string Period, DateTime CreatedAt,
    bool Hidden, string? HiddenReason, string? HiddenByUserName, DateTime? HiddenAt);
/// <summary>
/// A unit's ratings over a period. The mean (and the share of each star) is published only from
/// <see cref="EvaluationScore.MinimumRatings"/> ratings on; below that only the count is told.
/// </summary>
public sealed record RatingSummaryDto(string OrgUnitCode, string Period, int Ratings, bool Published, double? Mean,
    IReadOnlyDictionary<string, int>? ByStars);
/// <summary>The count and the sum of the stars of a unit's visible ratings: what the Citizens component needs.</summary>
public readonly record struct RatingTally(int Ratings, long StarsSum)
{
    public double? Mean => Ratings == 0 ? null : (double)StarsSum / Ratings;
}

/// <summary>
/// Citizens' ratings of units (PRODUCT.md "Evaluation", API.md "Precise meanings"). Rating is
/// public: a client names itself by the <c>X-Client-Id</c> header, and may rate a unit once per
/// calendar month. Reading the ratings one by one (with comments) and hiding one is the
/// administrator's work over the unit; the tallies are public and feed the Citizens component.
/// </summary>
public sealed class RatingsService(ThreeClearsDb db, Caller caller, AuditLog audit, AppClock clock)
{
    public const int CommentMax = 2_000;
    public const int ReasonMax = 2_000;
    public const int ClientIdMax = 200;
    public const string ClientHeader = "X-Client-Id";

    public async Task<RatingDto> RateAsync(RatingRequest body, string? clientId, CancellationToken ct)
    {
        var checks = new Checks();
        var code = checks.Text("orgUnitCode", body.OrgUnitCode, 64);
        var stars = checks.Required("stars", body.Stars);
        if (stars is < 1 or > 5) checks.Add("stars", "must be a whole number from 1 to 5.");
        var comment = checks.Text("comment", body.Comment, CommentMax, required: false);
        if (string.IsNullOrWhiteSpace(clientId)) checks.Add(ClientHeader, "is required: the portal sets it; it names the client so that each rates a unit once a month.");
        else if (clientId.Length > ClientIdMax) checks.Add(ClientHeader, $"must be at most {ClientIdMax} characters.");
        checks.ThrowIfAny();

        var unit = await db.Set<OrgUnit>().AsNoTracking().Where(u => u.Code == code).Select(u => new { u.Id, u.Code })
                       .FirstOrDefaultAsync(ct) ?? throw new NotFoundException($"No org unit has code '{code}'.");
        var today = clock.Today;
        var month = new DateOnly(today.Year, today.Month, 1);
        var hash = Hash(clientId!);
        if (await db.Set<Rating>().AnyAsync(r => r.OrgUnitId == unit.Id && r.Month == month && r.ClientHash == hash, ct))
            throw new ConflictException($"This client has already rated {unit.Code} in {Period.OfMonth(month.Year, month.Month)}; one rating per unit per month.");

        var rating = new Rating
        {
            OrgUnitId = unit.Id, ClientHash = hash, Month = month, Stars = stars!.Value,
            Comment = string.IsNullOrWhiteSpace(comment) ? null : comment, CreatedAt = clock.UtcNow,
        };
        db.Add(rating);
        await db.SaveChangesAsync(ct); // the unique index settles a race between two nodes (409)
        // The comment is referenced, not copied: an abusive one can be hidden without a chained copy of it.
        audit.Record("rating", rating.Id, "create", null, new { orgUnitCode = unit.Code, rating.Stars, hasComment = rating.Comment is not null },
            unit.Id, userName: "citizen");
        await audit.SaveAsync(ct);
        return ToDto(rating, unit.Code);
    }

    public async Task<RatingDto> HideAsync(int id, HideRequest body, CancellationToken ct)
    {
        var rating = await db.Set<Rating>().Include(r => r.OrgUnit).FirstOrDefaultAsync(r => r.Id == id, ct)
                     ?? throw new NotFoundException($"No rating has id {id}.");
        var checks = new Checks();
        var reason = checks.Text("reason", body.Reason, ReasonMax);
        checks.ThrowIfAny();
        caller.KnowPath(rating.OrgUnitId, rating.OrgUnit!.Path);
        await caller.RequireAsync(Permission.Administer, rating.OrgUnitId, ct);
        if (rating.Hidden) throw new ConflictException($"Rating {id} is already hidden.");
        rating.Hidden = true;
        rating.HiddenReason = reason;
        rating.HiddenByUserName = caller.UserName;
        rating.HiddenAt = clock.UtcNow;
        audit.Record("rating", rating.Id, "hide", new { hidden = false }, new { hidden = true, reason }, rating.OrgUnitId);
        await audit.SaveAsync(ct);
        return ToDto(rating, rating.OrgUnit.Code);
    }

    /// <summary>Ratings one by one, comments included, for the administrators of the units.</summary>
    public async Task<PageOf<RatingDto>> ListAsync(string? orgUnit, string? period, bool includeHidden, Paging paging, CancellationToken ct)
    {
        var checks = new Checks();
        var p = ParsePeriod(checks, period, required: false);
        checks.ThrowIfAny();
        var q = await caller.Scoped(db.Set<Rating>().AsNoTracking(), Permission.Administer, r => r.OrgUnitId, ct);
        if (!string.IsNullOrWhiteSpace(orgUnit))
        {
            var id = await UnitIdAsync(orgUnit, ct);
            q = q.Where(r => r.OrgUnitId == id);
        }
        if (p is { } pp)
        {
            var (from, to) = (pp.Start, pp.End);
            q = q.Where(r => r.Month >= from && r.Month <= to);
        }
        if (!includeHidden) q = q.Where(r => !r.Hidden);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(r => r.Id).Skip(paging.Skip).Take(paging.PageSize)
            .Select(r => new { Rating = r, Code = r.OrgUnit!.Code }).ToListAsync(ct);
        return new PageOf<RatingDto>([.. rows.Select(r => ToDto(r.Rating, r.Code))], total);
    }

    /// <summary>The public summary of a unit's own ratings over a period (default: this year).</summary>
    public async Task<RatingSummaryDto> SummaryAsync(string? orgUnit, string? period, CancellationToken ct)
    {
        var checks = new Checks();
        var code = checks.Text("orgUnit", orgUnit, 64);
        var p = ParsePeriod(checks, period, required: false) ?? Period.OfYear(clock.Today.Year);
        checks.ThrowIfAny();
        var id = await UnitIdAsync(code!, ct);
        var byStars = await Visible(p).Where(r => r.OrgUnitId == id)
            .GroupBy(r => r.Stars).Select(g => new { Stars = g.Key, Count = g.Count() }).ToListAsync(ct);
        var count = byStars.Sum(s => s.Count);
        var published = count >= EvaluationScore.MinimumRatings;
        double? mean = published ? Math.Round(byStars.Sum(s => (double)s.Stars * s.Count) / count, 2) : null;
        return new RatingSummaryDto(code!, p.ToString(), count, published, mean,
            published ? Enumerable.Range(1, 5).ToDictionary(s => s.ToString(System.Globalization.CultureInfo.InvariantCulture),
                s => byStars.FirstOrDefault(x => x.Stars == s)?.Count ?? 0) : null);
    }

    /// <summary>
    /// The visible ratings of each unit over a period, tallied in the database in one query: what
    /// the evaluation and the portal read. Units without ratings are absent from the answer.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, RatingTally>> TalliesAsync(IReadOnlyCollection<int> unitIds, Period period, CancellationToken ct)
    {
        var ids = unitIds.ToArray();
        var rows = await Visible(period).Where(r => ids.Contains(r.OrgUnitId))
            .GroupBy(r => r.OrgUnitId).Select(g => new { Id = g.Key, Count = g.Count(), Sum = g.Sum(r => r.Stars) })
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.Id, r => new RatingTally(r.Count, r.Sum));
    }

    private IQueryable<Rating> Visible(Period period)
    {
        var (from, to) = (period.Start, period.End);
        return db.Set<Rating>().AsNoTracking().Where(r => !r.Hidden && r.Month >= from && r.Month <= to);
    }

    private async Task<int> UnitIdAsync(string code, CancellationToken ct) =>
        await db.Set<OrgUnit>().Where(u => u.Code == code.Trim()).Select(u => (int?)u.Id).FirstOrDefaultAsync(ct)
        ?? throw new NotFoundException($"No org unit has code '{code}'.");

    private static Period? ParsePeriod(Checks checks, string? text, bool required)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required) checks.Add("period", "is required (2026, 2026Q1 or 2026-03).");
            return null;
        }
        if (Period.TryParse(text.Trim(), out var p)) return p;
        checks.Add("period", $"'{text}' is not a period: write 2026, 2026Q1 or 2026-03.");
        return null;
    }

    internal static string Hash(string clientId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(clientId.Trim())));

    private static RatingDto ToDto(Rating r, string code) =>
        new(r.Id, code, r.Stars, r.Comment, Period.OfMonth(r.Month.Year, r.Month.Month).ToString(), r.CreatedAt,
            r.Hidden, r.HiddenReason, r.HiddenByUserName, r.HiddenAt);
}
