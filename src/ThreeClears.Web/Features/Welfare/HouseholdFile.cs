using System.Globalization;
using CsvHelper;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ThreeClears.Web.Infrastructure;

namespace ThreeClears.Web.Features.Welfare;

/// <summary>One data row of a household file: its line (the header is line 1) and the API's nine columns, in <see cref="HouseholdRules.Columns"/> order.</summary>
public sealed record FileRow(int Line, string?[] Cells)
{
    public string? this[int column] => Cells[column];

    /// <summary>True when a cell held bytes that are not UTF-8 (read as U+FFFD).</summary>
    public bool NotUtf8 => Cells.Any(c => c is not null && c.Contains('\uFFFD'));
}

/// <summary>
/// Reads a household file row by row, CSV (UTF-8, comma, semicolon or tab, detected) or XLSX (the
/// first worksheet), the first row being the header. Columns are found by name, in any order and
/// case; extra columns are ignored; a missing column refuses the whole file before anything is written.
/// Both readers stream: a 150,000-row file is never held whole in memory.
/// </summary>
public static class HouseholdFile
{
    public enum Format { Csv, Xlsx }

    /// <summary>XLSX by its zip signature (or a .xlsx name), else CSV.</summary>
    public static Format Detect(ReadOnlySpan<byte> head, string? fileName) =>
        head.StartsWith("PK\x03\x04"u8) || string.Equals(Path.GetExtension(fileName), ".xlsx", StringComparison.OrdinalIgnoreCase)
            ? Format.Xlsx
            : Format.Csv;

    public static IEnumerable<FileRow> Read(Stream stream, Format format) =>
        format == Format.Xlsx ? ReadXlsx(stream) : ReadCsv(stream);

    /// <summary>Data lines of a CSV file, counted cheaply before an import so that progress has a total.</summary>
    public static int CountCsvLines(Stream stream)
    {
        var buffer = new byte[1 << 16];
        int n, lines = 0;
        var last = (byte)'\n';
        while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            var span = buffer.AsSpan(0, n);
            lines += span.Count((byte)'\n');
            last = span[^1];
        }
        if (last != (byte)'\n') lines++;
        return Math.Max(0, lines - 1);
    }

    private static IEnumerable<FileRow> ReadCsv(Stream stream)
    {
        using var csv = CsvReader.Create(stream, new CsvReaderOptions { TrackLineNumbers = true, HasHeader = true }, leaveOpen: true);
        int[] map;
        try
        {
            map = Map(csv.Headers.ToArray());
        }
        catch (Exception e) when (e is not ValidationException)
        {
            throw FileProblem("the first line must be the header: " + e.Message);
        }
        while (csv.Read())
        {
            var cells = new string?[map.Length];
            for (var c = 0; c < map.Length; c++)
                cells[c] = map[c] < csv.FieldCount ? csv.GetString(map[c]) : null;
            yield return new FileRow(checked((int)csv.LineNumber), cells);
        }
    }

    private static IEnumerable<FileRow> ReadXlsx(Stream stream)
    {
        SpreadsheetDocument document;
        try
        {
            document = SpreadsheetDocument.Open(stream, false);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException or FileFormatException)
        {
            throw FileProblem("is not a readable XLSX workbook.");
        }
        using (document)
        {
            var workbook = document.WorkbookPart ?? throw FileProblem("is an XLSX file without a workbook.");
            var firstSheet = workbook.Workbook?.Sheets?.Elements<Sheet>().FirstOrDefault()
                             ?? throw FileProblem("has no worksheet.");
            if (firstSheet.Id?.Value is not { } relId || workbook.GetPartById(relId) is not WorksheetPart sheet)
                throw FileProblem("has no worksheet.");
            var shared = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(s => s.InnerText).ToArray() ?? [];

            int[]? map = null;
            using var reader = OpenXmlReader.Create(sheet);
            var fallbackLine = 0;
            while (reader.Read())
            {
                if (reader.ElementType != typeof(Row) || !reader.IsStartElement) continue;
                var line = ++fallbackLine;
                foreach (var a in reader.Attributes)
                    if (a.LocalName == "r" && int.TryParse(a.Value, CultureInfo.InvariantCulture, out var r)) line = fallbackLine = r;
                var values = ReadRow(reader, shared);
                if (map is null)
                {
                    map = Map([.. Enumerable.Range(0, values.Count == 0 ? 0 : values.Keys.Max() + 1).Select(i => values.GetValueOrDefault(i) ?? "")]);
                    continue;
                }
                if (values.Values.All(string.IsNullOrWhiteSpace)) continue; // an empty row, as CSV skips empty lines
                var cells = new string?[map.Length];
                for (var c = 0; c < map.Length; c++) cells[c] = values.GetValueOrDefault(map[c]);
                yield return new FileRow(line, cells);
            }
            if (map is null) throw FileProblem("is empty: the first row must be the header.");
        }
    }

    /// <summary>The cells of the row the reader is on, by 0-based column.</summary>
    private static Dictionary<int, string> ReadRow(OpenXmlReader reader, string[] shared)
    {
        var values = new Dictionary<int, string>();
        if (!reader.ReadFirstChild()) return values;
        var next = 0;
        do
        {
            if (reader.ElementType != typeof(Cell)) continue;
            var cell = (Cell)reader.LoadCurrentElement()!;
            var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : next;
            next = column + 1;
            var text = cell.DataType?.Value switch
            {
                var t when t == CellValues.SharedString =>
                    int.TryParse(cell.CellValue?.Text, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < shared.Length ? shared[i] : null,
                var t when t == CellValues.InlineString => cell.InlineString?.InnerText,
                var t when t == CellValues.Boolean => cell.CellValue?.Text == "1" ? "true" : "false",
                _ => cell.CellValue?.Text,
            };
            if (text is not null) values[column] = text;
        }
        while (reader.ReadNextSibling());
        return values;
    }

    /// <summary>"C12" → 2.</summary>
    private static int ColumnIndex(string reference)
    {
        var n = 0;
        foreach (var ch in reference)
        {
            if (ch is >= 'A' and <= 'Z') n = n * 26 + (ch - 'A' + 1);
            else if (ch is >= 'a' and <= 'z') n = n * 26 + (ch - 'a' + 1);
            else break;
        }
        return Math.Max(0, n - 1);
    }

    /// <summary>For each API column, its index in the file; 400 naming every missing column.</summary>
    private static int[] Map(string[] header)
    {
        var map = new int[HouseholdRules.Columns.Length];
        var missing = new List<string>();
        for (var c = 0; c < map.Length; c++)
        {
            map[c] = Array.FindIndex(header, h => string.Equals(h?.Trim().TrimStart('\uFEFF'), HouseholdRules.Columns[c], StringComparison.OrdinalIgnoreCase));
            if (map[c] < 0) missing.Add(HouseholdRules.Columns[c]);
        }
        if (missing.Count > 0)
            throw FileProblem($"the header (line 1) lacks the column{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing)}; " +
                              $"the columns are {string.Join(", ", HouseholdRules.Columns)}.");
        return map;
    }

    private static ValidationException FileProblem(string message) =>
        new(new Dictionary<string, string[]> { ["file"] = [message] });
}
