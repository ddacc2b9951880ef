using System.Globalization;
using ThreeClears.Domain.Periods;
using ThreeClears.Web.Features.Audit;

namespace ThreeClears.Web.Features.Reports;

/// <summary>How a column's cells are written: text, a whole number, a decimal, a change (% or percentage points) or a date.</summary>
public enum ColumnKind { Text, Integer, Number, Change, Date, Flag }

/// <summary>
/// A column. <see cref="Decimals"/> is the most decimals shown in print (figures keep every decimal
/// in JSON and XLSX). A column not <see cref="Printed"/> is in JSON only (a flag that a printed cell
/// already shows in words).
/// </summary>
public sealed record ReportColumn(string Key, string Title, ColumnKind Kind, int Decimals = 2, bool Printed = true, double Width = 1);

/// <summary>A year-on-year change: in percent, or in percentage points for rates and ratios.</summary>
public readonly record struct Change(decimal Value, bool InPercentagePoints);

/// <summary>
/// One section of a report: a table whose cells are <c>string</c>, <c>int</c>, <c>decimal</c>,
/// <see cref="Change"/>, <see cref="DateOnly"/>, <c>bool</c> or null (no figure), with notes under it.
/// </summary>
public sealed record ReportSection(string Key, string Title, IReadOnlyList<ReportColumn> Columns, IReadOnlyList<object?[]> Rows,
    IReadOnlyList<string> Notes);

/// <summary>
/// A report as every format writes it: the province's name, the title (unit and period), the
/// sections, and at the foot who made it, when, and the audit chain's head, so that a printed copy
/// can later prove the chain was not rebuilt.
/// </summary>
public sealed record ReportDocument(
    string Kind, string Province, string Title, string OrgUnitCode, string OrgUnitName, string Period, string PeriodText, DateTime GeneratedAt,
    string GeneratedBy, AuditHead AuditHead, IReadOnlyList<ReportSection> Sections)
{
    /// <summary>The foot line: who, when, and the audit chain head.</summary>
    public string Foot =>
        $"Lập lúc {VietnameseText.Instant(GeneratedAt)} bởi {GeneratedBy}. Chuỗi nhật ký kiểm toán: {VietnameseText.Integer(AuditHead.Entries)} mục, " +
        $"mã băm cuối {AuditHead.LastHash}.";
}

/// <summary>Numbers, dates and periods written the Vietnamese way: 1.234,5 and 31/08/2025, "quý III năm 2025".</summary>
public static class VietnameseText
{
    private static readonly NumberFormatInfo Format = new()
    {
        NumberDecimalSeparator = ",", NumberGroupSeparator = ".", NumberGroupSizes = [3], NegativeSign = "-",
    };

    private static readonly TimeZoneInfo Vietnam = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    /// <summary>A number with at most <paramref name="decimals"/> decimals (1.234,5; 62,19; 995).</summary>
    public static string Number(decimal value, int decimals = 2)
    {
        var rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        return rounded.ToString("#,##0." + new string('#', Math.Max(decimals, 0)), Format).TrimEnd(',');
    }

    public static string Integer(long value) => value.ToString("#,##0", Format);

    /// <summary>+13,7 % or −1,2 điểm %.</summary>
    public static string Change(Change c, int decimals = 1) =>
        (c.Value > 0 ? "+" : "") + Number(c.Value, decimals) + (c.InPercentagePoints ? " điểm %" : " %");

    public static string Date(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>An instant as Vietnam's wall clock: 14:05 25/11/2026.</summary>
    public static string Instant(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Vietnam).ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>"năm 2025", "quý III năm 2025", "tháng 8 năm 2025".</summary>
    public static string Period(Period p) => p.Kind switch
    {
        Periodicity.Year => $"năm {p.Year}",
        Periodicity.Quarter => $"quý {new[] { "I", "II", "III", "IV" }[p.Index - 1]} năm {p.Year}",
        _ => $"tháng {p.Index} năm {p.Year}",
    };

    /// <summary>A cell as printed (PDF, DOCX): empty for no figure.</summary>
    public static string Cell(object? value, ReportColumn column) => value switch
    {
        null => "",
        string s => s,
        int i => Integer(i),
        long l => Integer(l),
        decimal d => Number(d, column.Decimals),
        Change c => Change(c, column.Decimals),
        DateOnly d => Date(d),
        bool b => b ? "có" : "không",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    /// <summary>Reads back a number printed by <see cref="Number"/> (tests and imports): "1.234,5" → 1234.5.</summary>
    public static decimal ParseNumber(string text) =>
        decimal.Parse(text.Replace(" điểm %", "").Replace(" %", "").Trim(), NumberStyles.Number, Format);
}
