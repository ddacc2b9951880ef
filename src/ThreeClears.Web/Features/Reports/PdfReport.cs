using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace ThreeClears.Web.Features.Reports;

/// <summary>
/// The report font: Noto Sans (SIL OFL 1.1), shipped inside the assembly so that every PDF carries
/// Vietnamese glyphs whatever the server has installed. PDFsharp embeds the subset it uses.
/// </summary>
internal sealed class ReportFonts : IFontResolver
{
    public const string Family = "Noto Sans";
    private static readonly Lock Gate = new();
    private static bool _installed;

    /// <summary>Installs the resolver once per process (PDFsharp allows one).</summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (_installed) return;
            GlobalFontSettings.FontResolver ??= new ReportFonts();
            _installed = true;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        // Every request gets Noto Sans: no other face is shipped, and italic is simulated.
        new(bold ? "NotoSans-Bold" : "NotoSans-Regular", false, italic);

    public byte[]? GetFont(string faceName)
    {
        using var stream = typeof(ReportFonts).Assembly.GetManifestResourceStream($"ThreeClears.Fonts.{faceName}.ttf")
                           ?? throw new InvalidOperationException($"The font {faceName} is not embedded.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}

/// <summary>
/// Writes a <see cref="ReportDocument"/> as PDF: A4 landscape, the province and title on top, one
/// table per section (long text wraps, figures right-aligned, a table continues on the next page
/// with its header repeated), and the audit chain head with the page number at every page's foot.
/// Laid out by hand on PDFsharp's drawing API: MigraDoc, which would lay out tables, is not served here.
/// </summary>
public static class PdfReport
{
    private const double Margin = 36, FootHeight = 34, CellPad = 3;
    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);

    public static byte[] Write(ReportDocument report)
    {
        ReportFonts.Install();
        var title = new XFont(ReportFonts.Family, 14, XFontStyleEx.Bold, Unicode);
        var heading = new XFont(ReportFonts.Family, 11, XFontStyleEx.Bold, Unicode);
        var body = new XFont(ReportFonts.Family, 8.5, XFontStyleEx.Regular, Unicode);
        var bold = new XFont(ReportFonts.Family, 8.5, XFontStyleEx.Bold, Unicode);
        var small = new XFont(ReportFonts.Family, 7, XFontStyleEx.Regular, Unicode);

        using var doc = new PdfDocument();
        doc.Info.Title = report.Title;
        doc.Info.Author = report.GeneratedBy;
        doc.Info.Subject = report.Foot;
        doc.Info.Creator = "ThreeClears";

        var pages = new List<PdfPage>();
        PdfPage page = null!;
        XGraphics gfx = null!;
        double y = 0, width = 0, bottom = 0;
        void NewPage()
        {
            gfx?.Dispose();
            page = doc.AddPage();
            page.Size = PdfSharp.PageSize.A4;
            page.Orientation = PdfSharp.PageOrientation.Landscape;
            pages.Add(page);
            gfx = XGraphics.FromPdfPage(page);
            width = page.Width.Point - 2 * Margin;
            bottom = page.Height.Point - Margin - FootHeight;
            y = Margin;
        }
        void Text(string text, XFont font, double gap = 2)
        {
            foreach (var line in Wrap(gfx, text, font, width))
            {
                if (y + font.Height > bottom) NewPage();
                gfx.DrawString(line, font, XBrushes.Black, new XRect(Margin, y, width, font.Height), XStringFormats.TopLeft);
                y += font.Height;
            }
            y += gap;
        }

        NewPage();
        Text(report.Province.ToUpperInvariant(), heading, 4);
        Text(report.Title, title, 10);

        foreach (var section in report.Sections)
        {
            if (y + heading.Height + 3 * (body.Height + 2 * CellPad) > bottom) NewPage();
            Text(section.Title, heading, 4);
            var columns = section.Columns.Where(c => c.Printed).ToList();
            var index = columns.Select(c => section.Columns.ToList().IndexOf(c)).ToArray();
            var total = columns.Sum(c => c.Width);
            var widths = columns.Select(c => width * c.Width / total).ToArray();

            void Row(IReadOnlyList<string> cells, XFont font, bool header)
            {
                var lines = cells.Select((c, i) => Wrap(gfx, c, font, widths[i] - 2 * CellPad)).ToList();
                var h = lines.Max(l => l.Count) * font.Height + 2 * CellPad;
                if (y + h > bottom)
                {
                    NewPage();
                    if (!header) Row(columns.Select(c => c.Title).ToList(), bold, header: true);
                }
                var x = Margin;
                for (var i = 0; i < cells.Count; i++)
                {
                    var rect = new XRect(x, y, widths[i], h);
                    if (header) gfx.DrawRectangle(XBrushes.Gainsboro, rect);
                    gfx.DrawRectangle(new XPen(XColors.Gray, 0.5), rect);
                    var right = !header && columns[i].Kind is not (ColumnKind.Text or ColumnKind.Date or ColumnKind.Flag);
                    for (var l = 0; l < lines[i].Count; l++)
                        gfx.DrawString(lines[i][l], font, XBrushes.Black,
                            new XRect(x + CellPad, y + CellPad + l * font.Height, widths[i] - 2 * CellPad, font.Height),
                            right ? XStringFormats.TopRight : XStringFormats.TopLeft);
                    x += widths[i];
                }
                y += h;
            }

            Row(columns.Select(c => c.Title).ToList(), bold, header: true);
            foreach (var row in section.Rows)
                Row(columns.Select((c, i) => VietnameseText.Cell(row[index[i]], c)).ToList(), body, header: false);
            if (section.Rows.Count == 0) Text("Không có số liệu.", body);
            y += 4;
            foreach (var note in section.Notes) Text(note, small, 1);
            y += 10;
        }
        gfx.Dispose();

        // The foot of every page: the audit chain head and the page number.
        for (var i = 0; i < pages.Count; i++)
        {
            using var g = XGraphics.FromPdfPage(pages[i]);
            var w = pages[i].Width.Point - 2 * Margin;
            var top = pages[i].Height.Point - Margin - FootHeight + 8;
            g.DrawLine(new XPen(XColors.Gray, 0.5), Margin, top - 3, Margin + w, top - 3);
            var lines = Wrap(g, report.Foot, small, w - 60);
            for (var l = 0; l < lines.Count; l++)
                g.DrawString(lines[l], small, XBrushes.Black, new XRect(Margin, top + l * small.Height, w - 60, small.Height), XStringFormats.TopLeft);
            g.DrawString($"Trang {i + 1}/{pages.Count}", small, XBrushes.Black, new XRect(Margin, top, w, small.Height), XStringFormats.TopRight);
        }

        using var output = new MemoryStream();
        doc.Save(output, closeStream: false);
        return output.ToArray();
    }

    /// <summary>Breaks text into lines that fit <paramref name="width"/>, at spaces, or inside a word too long for a line.</summary>
    private static List<string> Wrap(XGraphics gfx, string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' '))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (gfx.MeasureString(candidate, font).Width <= width)
                {
                    line = candidate;
                    continue;
                }
                if (line.Length > 0) lines.Add(line);
                line = word;
                while (line.Length > 1 && gfx.MeasureString(line, font).Width > width)
                {
                    var cut = line.Length - 1;
                    while (cut > 1 && gfx.MeasureString(line[..cut], font).Width > width) cut--;
                    lines.Add(line[..cut]);
                    line = line[cut..];
                }
            }
            lines.Add(line);
        }
        return lines;
    }
}
