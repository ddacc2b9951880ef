using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ThreeClears.Web.Features.Reports;

/// <summary>
/// Writes a <see cref="ReportDocument"/> as DOCX (A4 landscape): the province, the title, one table
/// per section with figures in Vietnamese style (1.234,5), the notes, and the audit chain head in
/// the page footer. Text is in Times New Roman, which every office reader has with Vietnamese glyphs.
/// </summary>
public static class DocxReport
{
    private const string FontName = "Times New Roman";

    public static byte[] Write(ReportDocument report)
    {
        using var output = new MemoryStream();
        using (var docx = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document))
        {
            var main = docx.AddMainDocumentPart();
            var body = new Body();
            body.Append(Paragraph(report.Province.ToUpperInvariant(), bold: true, size: 24, center: true));
            body.Append(Paragraph(report.Title, bold: true, size: 30, center: true));
            foreach (var section in report.Sections)
            {
                body.Append(Paragraph(section.Title, bold: true, size: 24));
                var columns = section.Columns.Select((c, i) => (Column: c, Index: i)).Where(x => x.Column.Printed).ToList();
                var table = new Table(new TableProperties(
                    new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
                    new TableBorders(
                        new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
                        new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                        new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })));
                var head = new TableRow(new TableRowProperties(new TableHeader()));
                head.Append(columns.Select(x => Cell(x.Column.Title, bold: true, right: false, shade: true)));
                table.Append(head);
                foreach (var row in section.Rows)
                    table.Append(new TableRow(columns.Select(x => Cell(VietnameseText.Cell(row[x.Index], x.Column), bold: false,
                        right: x.Column.Kind is not (ColumnKind.Text or ColumnKind.Date or ColumnKind.Flag), shade: false))));
                body.Append(table);
                if (section.Rows.Count == 0) body.Append(Paragraph("Không có số liệu.", size: 20));
                foreach (var note in section.Notes) body.Append(Paragraph(note, size: 18));
            }

            var footerPart = main.AddNewPart<FooterPart>();
            footerPart.Footer = new Footer(Paragraph(report.Foot, size: 16));
            body.Append(new SectionProperties(
                new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footerPart) },
                new PageSize { Width = 16838, Height = 11906, Orient = PageOrientationValues.Landscape },
                new PageMargin { Top = 1000, Bottom = 1000, Left = 1000, Right = 1000, Header = 500, Footer = 500 }));
            main.Document = new Document(body);
            docx.PackageProperties.Title = report.Title;
            docx.PackageProperties.Creator = report.GeneratedBy;
            main.Document.Save();
        }
        return output.ToArray();
    }

    private static Paragraph Paragraph(string text, bool bold = false, int size = 22, bool center = false)
    {
        var props = new RunProperties(new RunFonts { Ascii = FontName, HighAnsi = FontName, ComplexScript = FontName }, new FontSize { Val = size.ToString() });
        if (bold) props.Append(new Bold());
        var p = new Paragraph(new Run(props, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        if (center) p.PrependChild(new ParagraphProperties(new Justification { Val = JustificationValues.Center }));
        return p;
    }

    private static TableCell Cell(string text, bool bold, bool right, bool shade)
    {
        var props = new RunProperties(new RunFonts { Ascii = FontName, HighAnsi = FontName, ComplexScript = FontName }, new FontSize { Val = "20" });
        if (bold) props.Append(new Bold());
        var p = new Paragraph(new Run(props, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        if (right) p.PrependChild(new ParagraphProperties(new Justification { Val = JustificationValues.Right }));
        var cell = new TableCell(p);
        if (shade) cell.PrependChild(new TableCellProperties(new Shading { Val = ShadingPatternValues.Clear, Fill = "DDDDDD" }));
        return cell;
    }
}
