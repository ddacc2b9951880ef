using Microsoft.EntityFrameworkCore;
using ThreeClears.Domain;
using ThreeClears.Domain.Access;
using ThreeClears.Domain.Indicators;
using ThreeClears.Domain.Periods;
using ThreeClears.Web.Data;
using ThreeClears.Web.Features.Audit;
using ThreeClears.Web.Infrastructure;
using ThreeClears.Web.Infrastructure.Auth;

namespace ThreeClears.Web.Features.Indicators;

public sealed record IndicatorRequest(
    string? Code, string? Name, string? NameEn, string? Unit, string? Periodicity, string? TimeKind, string? Aggregation,
    decimal? Min, decimal? Max, string? NumeratorCode, string? DenominatorCode, decimal? Factor);

public sealed record IndicatorDto(
    string Code, string Name, string NameEn, string Unit, string Periodicity, string TimeKind, string Aggregation,
    decimal? Min, decimal? Max, bool Derived, string? NumeratorCode, string? DenominatorCode, decimal? Factor, int Version)
{
    public static IndicatorDto Of(Indicator i) => new(
        i.Code, i.Name, i.NameEn, i.Unit, i.Periodicity.ToApi(), i.TimeKind.ToApi(), i.Aggregation.ToApi(),
        i.Min, i.Max, i.IsDerived, i.NumeratorCode, i.DenominatorCode, i.Factor, i.Version);
}

/// <summary>The indicator catalogue: read by everyone logged in, kept by the province's administrator.</summary>
public sealed class IndicatorsService(ThreeClearsDb db, Caller caller, AuditLog audit, AppClock clock)
{
    public async Task<PageOf<IndicatorDto>> ListAsync(Paging paging, CancellationToken ct)
    {
        _ = caller.UserId;
        var q = db.Set<Indicator>().AsNoTracking();
        var total = await q.CountAsync(ct);
        var rows = await q.OrderBy(i => i.Code).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return new PageOf<IndicatorDto>([.. rows.Select(IndicatorDto.Of)], total);
    }

    public async Task<IndicatorDto> GetAsync(string code, CancellationToken ct)
    {
        _ = caller.UserId;
        return IndicatorDto.Of(await FindAsync(code, tracking: false, ct));
    }

    public async Task<Indicator> FindAsync(string code, bool tracking, CancellationToken ct)
    {
        var q = db.Set<Indicator>().AsQueryable();
        if (!tracking) q = q.AsNoTracking();
        return await q.FirstOrDefaultAsync(i => i.Code == code, ct)
            ?? throw new NotFoundException($"No indicator has code '{code}'.");
    }

    public async Task<IndicatorDto> CreateAsync(IndicatorRequest req, CancellationToken ct)
    {
        await RequireCatalogueRightAsync(ct);
        var checks = new Checks();
        var code = checks.Text("code", req.Code, 64);
        if (code.Length > 0 && !IsCode(code)) checks.Add("code", "may hold only letters A–Z, digits, '-' and '_'.");
        var indicator = new Indicator { Code = code, Name = "", NameEn = "", Unit = "", CreatedAt = clock.UtcNow };
        await ApplyAsync(indicator, req, checks, isNew: true, ct);
        checks.ThrowIfAny();
        if (await db.Set<Indicator>().AnyAsync(i => i.Code == code, ct))
            throw new ConflictException($"An indicator with code '{code}' already exists.");
        db.Add(indicator);
        audit.Record("indicator", indicator.Code, "create", null, IndicatorDto.Of(indicator), null);
        await audit.SaveAsync(ct);
        return IndicatorDto.Of(indicator);
    }

    public async Task<IndicatorDto> UpdateAsync(string code, IndicatorRequest req, HttpContext http, CancellationToken ct)
    {
        var indicator = await FindAsync(code, tracking: true, ct);
        await RequireCatalogueRightAsync(ct);
        Versions.Check(http, indicator.Version, required: true);
        var before = IndicatorDto.Of(indicator);
        var checks = new Checks();
        if (req.Code is not null && req.Code.Trim() != code) checks.Add("code", "cannot be changed: codes are stable.");
        var periodicity = indicator.Periodicity;
        await ApplyAsync(indicator, req, checks, isNew: false, ct);
        if (!checks.Any && indicator.Periodicity != periodicity
            && await db.Set<DataValue>().AnyAsync(v => v.IndicatorId == indicator.Id && v.PeriodKind < indicator.Periodicity, ct))
            checks.Add("periodicity", $"values finer than a {indicator.Periodicity.ToApi()} are already entered for {code}.");
        checks.ThrowIfAny();
        indicator.Version++;
        audit.Record("indicator", indicator.Code, "update", before, IndicatorDto.Of(indicator), null);
        await audit.SaveAsync(ct);
        return IndicatorDto.Of(indicator);
    }

    /// <summary>
    /// The catalogue is the province's: its administrator (a grant at the root) keeps it. A commune's
    /// administrator does not (the indicators are the whole province's), nor do leaders and statisticians,
    /// who work with the values (PRODUCT.md §2: the administrator keeps the indicator catalogue).
    /// </summary>
    public async Task<bool> CanKeepCatalogueAsync(CancellationToken ct) => (await caller.UnitsWithAsync(Permission.Administer, ct)).All;

    private async Task RequireCatalogueRightAsync(CancellationToken ct)
    {
        _ = caller.UserId;
        if (!await CanKeepCatalogueAsync(ct))
            throw new ForbiddenException("Only the province's administrator keeps the indicator catalogue.");
    }

    private async Task ApplyAsync(Indicator indicator, IndicatorRequest req, Checks checks, bool isNew, CancellationToken ct)
    {
        indicator.Name = checks.Text("name", req.Name, Checks.TitleMax);
        indicator.NameEn = checks.Text("nameEn", req.NameEn, Checks.TitleMax);
        indicator.Unit = checks.Text("unit", req.Unit, 100);
        if (checks.Enum<Periodicity>("periodicity", req.Periodicity) is { } p) indicator.Periodicity = p;
        if (checks.Enum<TimeKind>("timeKind", req.TimeKind) is { } t) indicator.TimeKind = t;
        if (checks.Enum<Aggregation>("aggregation", req.Aggregation) is { } a) indicator.Aggregation = a;
        if (req.Min is { } min && req.Max is { } max && min > max) checks.Add("min", $"must not be greater than max ({max}).");
        indicator.Min = req.Min;
        indicator.Max = req.Max;

        var numerator = string.IsNullOrWhiteSpace(req.NumeratorCode) ? null : req.NumeratorCode.Trim();
        var denominator = string.IsNullOrWhiteSpace(req.DenominatorCode) ? null : req.DenominatorCode.Trim();
        indicator.NumeratorCode = numerator;
        indicator.DenominatorCode = denominator;
        indicator.Factor = req.Factor;
        if (numerator is null && denominator is null)
        {
            if (req.Factor is not null) checks.Add("factor", "applies only to a derived indicator (with numeratorCode and denominatorCode).");
        }
        else
        {
            if (numerator is null) checks.Add("numeratorCode", "is required for a derived indicator.");
            if (denominator is null) checks.Add("denominatorCode", "is required for a derived indicator.");
            if (req.Factor == 0m) checks.Add("factor", "must not be 0.");
            foreach (var (field, part) in new[] { ("numeratorCode", numerator), ("denominatorCode", denominator) })
            {
                if (part is null) continue;
                if (part == indicator.Code) { checks.Add(field, "a derived indicator cannot be computed from itself."); continue; }
                var found = await db.Set<Indicator>().AsNoTracking().FirstOrDefaultAsync(i => i.Code == part, ct);
                if (found is null) checks.Add(field, $"no indicator has code '{part}'.");
                else if (found.IsDerived) checks.Add(field, $"'{part}' is itself derived: a part must be an entered indicator.");
            }
            if (!isNew)
            {
                var usedBy = await db.Set<Indicator>().AsNoTracking()
                    .Where(i => i.NumeratorCode == indicator.Code || i.DenominatorCode == indicator.Code).Select(i => i.Code).ToListAsync(ct);
                if (usedBy.Count > 0)
                    checks.Add("numeratorCode", $"{indicator.Code} is a part of {string.Join(", ", usedBy)} and cannot become derived itself.");
                if (await db.Set<DataValue>().AnyAsync(v => v.IndicatorId == indicator.Id, ct))
                    checks.Add("numeratorCode", $"values are already entered for {indicator.Code}; a derived indicator takes none.");
            }
        }
    }

    internal static bool IsCode(string code) =>
        code.All(c => c is (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '_');
}
