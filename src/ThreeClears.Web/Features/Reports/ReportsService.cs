using Microsoft.EntityFrameworkCore;
using ThreeClears.Domain;
using ThreeClears.Domain.Access;
using ThreeClears.Domain.Periods;
using ThreeClears.Web.Data;
using ThreeClears.Web.Features.Audit;
using ThreeClears.Web.Features.Organisation;
using ThreeClears.Web.Infrastructure;
using ThreeClears.Web.Infrastructure.Auth;

namespace ThreeClears.Web.Features.Reports;

/// <summary>The formats a report is written in. API spelling: <c>pdf|docx|xlsx|json</c>.</summary>
public enum ReportFormat { Json, Pdf, Docx, Xlsx }

/// <summary>A written report: its bytes, content type and file name (or, for JSON, the document itself).</summary>
public sealed record ReportFile(ReportDocument Document, ReportFormat Format, byte[]? Bytes, string ContentType, string FileName);

/// <summary>
/// The reports the province files (PRODUCT.md §2): the socio-economic report of a unit and period,
/// built from the registered <see cref="ISocioEconomicSection"/>s, and the task report. Both carry
/// the audit chain head at their foot.
/// </summary>
public sealed class ReportsService(
    ThreeClearsDb db, Caller caller, AppClock clock, AuditChainer chainer, Installation installation, IEnumerable<ISocioEconomicSection> sections)
{
    public async Task<ReportFile> SocioEconomicAsync(string? orgUnit, string? period, string? format, CancellationToken ct)
    {
        var (unit, p, f) = await ParseAsync(orgUnit, period, format, ct);
        caller.KnowPath(unit.Id, unit.Path);
        if (!await caller.CanAsync(Permission.ReadData, unit.Id, ct) && !await caller.CanAsync(Permission.ReadTasks, unit.Id, ct))
            throw new ForbiddenException($"Your roles do not allow reading the indicators or the tasks of {unit.Code}.");
        var context = Context(unit, p);
        var built = new List<ReportSection>();
        foreach (var s in sections.OrderBy(s => s.Order))
            if (await s.BuildAsync(context, ct) is { } section) built.Add(section);
        var title = $"Báo cáo tình hình kinh tế – xã hội {unit.Name} {VietnameseText.Period(p)}";
        return await WriteAsync("socioEconomic", title, unit, p, f, built, ct);
    }

    public async Task<ReportFile> TasksAsync(string? orgUnit, string? period, string? format, CancellationToken ct)
    {
        var (unit, p, f) = await ParseAsync(orgUnit, period, format, ct);
        caller.KnowPath(unit.Id, unit.Path);
        await caller.RequireAsync(Permission.ReadTasks, unit.Id, ct);
        var section = await TaskReport.BuildAsync(db, installation.RootCode, Context(unit, p), ct);
        var title = $"Báo cáo nhiệm vụ {unit.Name} {VietnameseText.Period(p)}";
        return await WriteAsync("tasks", title, unit, p, f, [section], ct);
    }

    private ReportContext Context(OrgUnit unit, Period p)
    {
        var today = clock.Today;
        return new ReportContext(unit.Id, unit.Code, unit.Name, unit.Path, p, p.End < today ? p.End : today);
    }

    private async Task<ReportFile> WriteAsync(string kind, string title, OrgUnit unit, Period p, ReportFormat format, List<ReportSection> built,
        CancellationToken ct)
    {
        var province = await db.Set<OrgUnit>().AsNoTracking().Where(u => u.ParentId == null).Select(u => u.Name).FirstAsync(ct);
        var head = await AuditApi.HeadAsync(db, chainer, ct);
        var who = await db.Users.AsNoTracking().Where(u => u.Id == caller.UserId).Select(u => u.FullName + " (" + u.UserName + ")").FirstAsync(ct);
        var doc = new ReportDocument(kind, province, title, unit.Code, unit.Name, p.ToString(), VietnameseText.Period(p), clock.UtcNow, who, head, built);
        var name = $"{(kind == "tasks" ? "bao-cao-nhiem-vu" : "bao-cao-kinh-te-xa-hoi")}-{unit.Code}-{p}";
        return format switch
        {
            ReportFormat.Pdf => new ReportFile(doc, format, PdfReport.Write(doc), "application/pdf", name + ".pdf"),
            ReportFormat.Docx => new ReportFile(doc, format, DocxReport.Write(doc),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", name + ".docx"),
            ReportFormat.Xlsx => new ReportFile(doc, format, XlsxReport.Write(doc),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx"),
            _ => new ReportFile(doc, format, null, "application/json", name + ".json"),
        };
    }

    private async Task<(OrgUnit Unit, Period Period, ReportFormat Format)> ParseAsync(string? orgUnit, string? period, string? format, CancellationToken ct)
    {
        _ = caller.UserId;
        var checks = new Checks();
        var code = checks.Text("orgUnit", orgUnit, 64);
        Period p = default;
        if (string.IsNullOrWhiteSpace(period)) checks.Add("period", "is required: a year (2025), a quarter (2025Q3) or a month (2025-08).");
        else if (!Period.TryParse(period.Trim(), out p)) checks.Add("period", $"'{period}' is not a period: write 2025, 2025Q3 or 2025-08.");
        else if (p.Start > clock.Today) checks.Add("period", $"{p} has not begun: there is nothing to report yet.");
        var f = checks.Enum<ReportFormat>("format", format, required: false) ?? ReportFormat.Json;
        checks.ThrowIfAny();
        var unit = await db.Set<OrgUnit>().AsNoTracking().FirstOrDefaultAsync(u => u.Code == code, ct)
                   ?? throw new NotFoundException($"No org unit has code '{code}'.");
        return (unit, p, f);
    }

    /// <summary>The JSON shape of a report: every column, figures with every decimal, changes as numbers.</summary>
    public static object Json(ReportDocument d) => new
    {
        d.Kind, d.Province, d.Title, d.OrgUnitCode, d.OrgUnitName, d.Period, d.PeriodText, d.GeneratedAt, d.GeneratedBy, d.AuditHead,
        Sections = d.Sections.Select(s => new
        {
            s.Key, s.Title,
            Columns = s.Columns.Select(c => new { c.Key, c.Title, Kind = c.Kind.ToApi() }),
            Rows = s.Rows.Select(r => s.Columns.Select((c, i) => (c.Key, Value: r[i] is Change ch ? ch.Value : r[i]))
                .ToDictionary(x => x.Key, x => x.Value)),
            s.Notes,
        }),
    };
}
