using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ThreeClears.Web.Features.Reports;

/// <summary>
/// Writes a <see cref="ReportDocument"/> as XLSX: one sheet per section, the province, title and the
/// audit chain head above the table. Figures are numbers with every decimal (the sheet's number
/// formats show them in the reader's own style), dates are dates, text is inline.
/// </summary>
public static class XlsxReport
{
    // Cell formats of the stylesheet below, by index.
    private const uint Plain = 0, Bold = 1, Header = 2, Integer = 3, Decimal = 4, Percent = 5, Points = 6, Date = 7;

    public static byte[] Write(ReportDocument report)
    {
        using var output = new MemoryStream();
        using (var xlsx = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook))
        {
            var book = xlsx.AddWorkbookPart();
            book.Workbook = new Workbook();
            var styles = book.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Stylesheet();
            var sheets = book.Workbook.AppendChild(new Sheets());
            uint sheetId = 1;
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var section in report.Sections)
            {
                var part = book.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                uint r = 1;
                void Line(string text, uint style) => data.Append(new Row(TextCell(text, style)) { RowIndex = r++ });
                Line(report.Province, Bold);
                Line(report.Title, Bold);
                Line(section.Title, Bold);
                r++;
                data.Append(new Row(section.Columns.Select(c => TextCell(c.Title, Header))) { RowIndex = r++ });
                foreach (var row in section.Rows)
                    data.Append(new Row(section.Columns.Select((c, i) => Cell(row[i], c))) { RowIndex = r++ });
                r++;
                foreach (var note in section.Notes) Line(note, Plain);
                Line(report.Foot, Plain);

                var cols = new Columns(section.Columns.Select((c, i) => new Column
                {
                    Min = (uint)i + 1, Max = (uint)i + 1, CustomWidth = true, Width = c.Kind == ColumnKind.Text ? 14 + 16 * c.Width : 16,
                }));
                part.Worksheet = new Worksheet(cols, data);
                var name = SheetName(section.Title, names);
                sheets.Append(new Sheet { Id = book.GetIdOfPart(part), SheetId = sheetId++, Name = name });
            }
            book.Workbook.Save();
        }
        return output.ToArray();
    }

    private static Cell TextCell(string text, uint style) =>
        new() { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)), StyleIndex = style };

    private static Cell Number(decimal value, uint style) =>
        new() { DataType = CellValues.Number, CellValue = new CellValue(value.ToString(CultureInfo.InvariantCulture)), StyleIndex = style };

    private static Cell Cell(object? value, ReportColumn column) => value switch
    {
        null => new Cell(),
        string s => TextCell(s, Plain),
        int i => Number(i, Integer),
        long l => Number(l, Integer),
        decimal d => Number(d, column.Kind == ColumnKind.Integer ? Integer : Decimal),
        Change c => Number(c.Value, c.InPercentagePoints ? Points : Percent),
        // Spreadsheet dates are days since 1899-12-30.
        DateOnly d => Number(d.DayNumber - new DateOnly(1899, 12, 30).DayNumber, Date),
        bool b => new Cell { DataType = CellValues.Boolean, CellValue = new CellValue(b) },
        _ => TextCell(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "", Plain),
    };

    /// <summary>A sheet name: at most 31 characters, none of []:*?/\, unique in the workbook.</summary>
    private static string SheetName(string title, HashSet<string> taken)
    {
        var clean = new string(title.Where(ch => "[]:*?/\\".IndexOf(ch) < 0).ToArray()).Trim();
        if (clean.Length == 0) clean = "Sheet";
        var name = clean.Length > 31 ? clean[..31] : clean;
        for (var n = 2; !taken.Add(name); n++)
        {
            var suffix = $" ({n})";
            name = (clean.Length > 31 - suffix.Length ? clean[..(31 - suffix.Length)] : clean) + suffix;
        }
        return name;
    }

    private static Stylesheet Stylesheet() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = 164, FormatCode = "#,##0.0###" },
            new NumberingFormat { NumberFormatId = 165, FormatCode = "+#,##0.0\" %\";-#,##0.0\" %\";0.0\" %\"" },
            new NumberingFormat { NumberFormatId = 166, FormatCode = "+#,##0.0\" điểm %\";-#,##0.0\" điểm %\";0.0\" điểm %\"" },
            new NumberingFormat { NumberFormatId = 167, FormatCode = "dd/mm/yyyy" }) { Count = 4 },
        new Fonts(new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" })) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFDDDDDD" }) { PatternType = PatternValues.Solid })) { Count = 3 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),                                                                                   // Plain
            new CellFormat { FontId = 1, ApplyFont = true },                                                    // Bold
            new CellFormat(new Alignment { WrapText = true }) { FontId = 1, FillId = 2, ApplyFont = true, ApplyFill = true, ApplyAlignment = true }, // Header
            new CellFormat { NumberFormatId = 3, ApplyNumberFormat = true },                                    // Integer: #,##0
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },                                  // Decimal
            new CellFormat { NumberFormatId = 165, ApplyNumberFormat = true },                                  // Percent change
            new CellFormat { NumberFormatId = 166, ApplyNumberFormat = true },                                  // Points change
            new CellFormat { NumberFormatId = 167, ApplyNumberFormat = true }) { Count = 8 });                  // Date
}
