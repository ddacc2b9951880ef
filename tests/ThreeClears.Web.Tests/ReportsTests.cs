using System.Diagnostics;
using System.Net;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using ThreeClears.Web.Features.Reports;
using ThreeClears.Web.Features.Tasks;
using ThreeClears.Web.Tests.Support;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace ThreeClears.Web.Tests;

/// <summary>
/// The socio-economic and task reports in every format, read back: their figures equal the analytics
/// API's, the PDF renders in a real reader (poppler) and keeps its Vietnamese letters.
/// </summary>
public abstract class ReportsTests(AppFixture app)
{
    private const string Url = "/api/reports/socio-economic?orgUnit=CB&period=2025-08";

    private async Task<byte[]> DownloadAsync(string url, string contentType, string user = "leader")
    {
        using var c = await app.As(user);
        var res = await c.GetAsync(url);
        Assert.True(res.StatusCode == HttpStatusCode.OK, $"{url}: {(int)res.StatusCode} {await res.Content.ReadAsStringAsync()}");
        Assert.Equal(contentType, res.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", res.Content.Headers.ContentDisposition?.DispositionType);
        return await res.Content.ReadAsByteArrayAsync();
    }

    /// <summary>The analytics API's rows (approved values, as a published report uses) for each indicator of the report.</summary>
    private async Task<Dictionary<string, JsonElement>> AnalyticsAsync(IEnumerable<string> codes)
    {
        using var c = await app.As("leader");
        var rows = new Dictionary<string, JsonElement>();
        foreach (var code in codes)
            rows[code] = await (await c.GetAsync($"/api/analytics?indicator={code}&orgUnit=CB&period=2025-08&approvedOnly=true")).Expect(HttpStatusCode.OK);
        return rows;
    }

    private static decimal? D(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDecimal() : null;

    private static readonly string[] Figures = ["value", "yoyPercent", "ytd", "ytdYoyPercent", "target", "achievementPercent"];

    [Fact]
    public async Task The_JSON_report_carries_the_analytics_figures_and_the_audit_head()
    {
        using var c = await app.As("leader");
        var r = await (await c.GetAsync(Url + "&format=json")).Expect(HttpStatusCode.OK);
        Assert.Equal("Tỉnh Cao Bằng", r.GetProperty("province").GetString());
        Assert.Equal("Báo cáo tình hình kinh tế – xã hội Tỉnh Cao Bằng tháng 8 năm 2025", r.GetProperty("title").GetString());
        var head = await (await app.Anonymous().GetAsync("/api/audit/head")).Expect(HttpStatusCode.OK);
        Assert.True(r.GetProperty("auditHead").GetProperty("entries").GetInt64() <= head.GetProperty("entries").GetInt64());
        Assert.Equal(64, r.GetProperty("auditHead").GetProperty("lastHash").GetString()!.Length);

        var sections = r.GetProperty("sections").EnumerateArray().ToDictionary(s => s.GetProperty("key").GetString()!);
        Assert.Equal(["indicators", "tasks", "welfare", "happiness"], sections.Keys.ToArray());
        var rows = sections["indicators"].GetProperty("rows").EnumerateArray().ToDictionary(x => x.GetProperty("indicatorCode").GetString()!);
        // The province's 2025 targets come first, then indicators with approved figures (the expressway).
        Assert.Contains("IMPORT_EXPORT", rows.Keys);
        Assert.Contains("EXPRESSWAY_PROGRESS", rows.Keys);
        var analytics = await AnalyticsAsync(rows.Keys);
        foreach (var (code, row) in rows)
            foreach (var f in Figures)
                Assert.True(D(row, f) == D(analytics[code], f), $"{code}.{f}: report {D(row, f)}, analytics {D(analytics[code], f)}");
        // Import–export: 995 of 1,600 → 62.1875 %; retail sales up 13.7 % on the first eight months of 2024.
        Assert.Equal((995m, 1600m, 62.1875m), (D(rows["IMPORT_EXPORT"], "ytd"), D(rows["IMPORT_EXPORT"], "target"), D(rows["IMPORT_EXPORT"], "achievementPercent")));
        Assert.Equal(13.7m, Math.Round(D(rows["RETAIL_SALES"], "ytdYoyPercent")!.Value, 1));
    }

    [Fact]
    public async Task The_welfare_sections_carry_the_coverage_and_the_index_the_welfare_API_gives()
    {
        using var c = await app.As("leader");
        var r = await (await c.GetAsync(Url + "&format=json")).Expect(HttpStatusCode.OK);
        var sections = r.GetProperty("sections").EnumerateArray().ToDictionary(s => s.GetProperty("key").GetString()!);
        var coverage = await (await c.GetAsync("/api/welfare/coverage?orgUnit=CB")).Expect(HttpStatusCode.OK);
        var welfare = sections["welfare"].GetProperty("rows").EnumerateArray().ToList();
        // The last row is the province's total; each other row a child unit with households.
        var total = welfare[^1];
        Assert.Equal(coverage.GetProperty("households").GetInt32(), total.GetProperty("households").GetInt32());
        foreach (var f in new[] { "housingPercent", "kitchenPercent", "sanitationPercent", "allThreePercent" })
            Assert.Equal(Math.Round(coverage.GetProperty(f).GetDecimal(), 6), Math.Round(total.GetProperty(f).GetDecimal(), 6));
        var children = coverage.GetProperty("children").EnumerateArray().Where(ch => ch.GetProperty("households").GetInt32() > 0)
            .ToDictionary(ch => ch.GetProperty("orgUnitCode").GetString()!, ch => ch.GetProperty("households").GetInt32());
        Assert.Equal(children, welfare[..^1].ToDictionary(w => w.GetProperty("orgUnitCode").GetString()!, w => w.GetProperty("households").GetInt32()));

        // 2025's index: published units carry it, the others only their respondents.
        var index = await (await c.GetAsync("/api/happiness/index?orgUnit=CB&year=2025")).Expect(HttpStatusCode.OK);
        var happiness = sections["happiness"].GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(index.GetProperty("respondents").GetInt32(), happiness[^1].GetProperty("respondents").GetInt32());
        Assert.Equal(Math.Round(index.GetProperty("index").GetDecimal(), 6), Math.Round(happiness[^1].GetProperty("index").GetDecimal(), 6));
        Assert.Contains(happiness, h => !h.GetProperty("published").GetBoolean() && h.GetProperty("index").ValueKind == JsonValueKind.Null);
        Assert.Contains(happiness, h => h.GetProperty("published").GetBoolean() && h.GetProperty("orgUnitCode").GetString() != "CB");
    }

    [Fact]
    public async Task The_spreadsheet_read_back_holds_the_analytics_figures()
    {
        var bytes = await DownloadAsync(Url + "&format=xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using var xlsx = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var book = xlsx.WorkbookPart!;
        var sheet = book.Workbook.Descendants<Sheet>().First(s => s.Name == "1. Các chỉ tiêu chủ yếu");
        var rows = ((WorksheetPart)book.GetPartById(sheet.Id!)).Worksheet.Descendants<Row>().ToList();
        static string Text(Cell cell) => cell.InlineString?.InnerText ?? cell.CellValue?.Text ?? "";
        Assert.Equal("Tỉnh Cao Bằng", Text(rows[0].Elements<Cell>().First()));
        Assert.Contains("tháng 8 năm 2025", Text(rows[1].Elements<Cell>().First()));
        var header = rows.First(r => Text(r.Elements<Cell>().First()) == "Mã chỉ tiêu").Elements<Cell>().Select(Text).ToList();
        var keys = new Dictionary<string, string>
        {
            ["value"] = "Giá trị kỳ báo cáo", ["yoyPercent"] = "So cùng kỳ năm trước", ["ytd"] = "Lũy kế từ đầu năm",
            ["ytdYoyPercent"] = "Lũy kế so cùng kỳ", ["target"] = "Chỉ tiêu năm", ["achievementPercent"] = "Đạt (% kế hoạch)",
        };
        var data = rows.SkipWhile(r => Text(r.Elements<Cell>().First()) != "Mã chỉ tiêu").Skip(1)
            .TakeWhile(r => r.Elements<Cell>().Count() == header.Count).ToList();
        Assert.NotEmpty(data);
        var analytics = await AnalyticsAsync(data.Select(r => Text(r.Elements<Cell>().First())));
        foreach (var row in data)
        {
            var cells = row.Elements<Cell>().ToList();
            var code = Text(cells[0]);
            foreach (var (field, title) in keys)
            {
                var cell = cells[header.IndexOf(title)];
                decimal? inSheet = cell.CellValue is null ? null : decimal.Parse(cell.CellValue.Text, System.Globalization.CultureInfo.InvariantCulture);
                Assert.True(inSheet == D(analytics[code], field), $"{code}.{field}: sheet {inSheet}, analytics {D(analytics[code], field)}");
            }
        }
        // The audit chain head is printed under the table.
        Assert.Contains(rows, r => Text(r.Elements<Cell>().First()).Contains("Chuỗi nhật ký kiểm toán"));
    }

    [Fact]
    public async Task The_Word_document_read_back_holds_the_analytics_figures_in_Vietnamese_style()
    {
        var bytes = await DownloadAsync(Url + "&format=docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        using var docx = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var body = docx.MainDocumentPart!.Document.Body!;
        Assert.Contains("Báo cáo tình hình kinh tế – xã hội Tỉnh Cao Bằng tháng 8 năm 2025", body.InnerText);
        var table = body.Descendants<W.Table>().First();
        var rows = table.Elements<W.TableRow>().Select(r => r.Elements<W.TableCell>().Select(c => c.InnerText).ToList()).ToList();
        var header = rows[0];
        var byName = rows.Skip(1).ToDictionary(r => r[0]);
        using var c = await app.As("leader");
        var indicators = await (await c.GetAsync("/api/indicators?pageSize=500")).Expect(HttpStatusCode.OK);
        var codeOf = indicators.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("name").GetString()!, i => i.GetProperty("code").GetString()!);
        var analytics = await AnalyticsAsync(byName.Keys.Select(n => codeOf[n]));
        foreach (var (name, row) in byName)
        {
            var a = analytics[codeOf[name]];
            void Same(string field, string title, int decimals)
            {
                var printed = row[header.IndexOf(title)];
                decimal? expected = D(a, field) is { } v ? Math.Round(v, decimals, MidpointRounding.AwayFromZero) : null;
                Assert.True((printed.Length == 0 ? null : VietnameseText.ParseNumber(printed)) == expected, $"{name}.{field}: '{printed}' vs {expected}");
            }
            Same("value", "Giá trị kỳ báo cáo", 2);
            Same("ytd", "Lũy kế từ đầu năm", 2);
            Same("target", "Chỉ tiêu năm", 2);
            Same("achievementPercent", "Đạt (% kế hoạch)", 1);
            Same("ytdYoyPercent", "Lũy kế so cùng kỳ", 1);
        }
        // 1,600 and 62.1875 % the Vietnamese way; the audit chain head in the footer.
        var ie = byName["Kim ngạch xuất nhập khẩu"];
        Assert.Equal(("1.600", "62,2"), (ie[header.IndexOf("Chỉ tiêu năm")], ie[header.IndexOf("Đạt (% kế hoạch)")]));
        Assert.Contains("Chuỗi nhật ký kiểm toán", docx.MainDocumentPart.FooterParts.Single().Footer!.InnerText);
    }

    [Fact]
    public async Task The_PDF_renders_in_a_real_reader_and_keeps_its_diacritics()
    {
        var bytes = await DownloadAsync(Url + "&format=pdf", "application/pdf");
        var dir = Directory.CreateTempSubdirectory("threeclears-pdf-");
        try
        {
            var file = Path.Combine(dir.FullName, "report.pdf");
            await File.WriteAllBytesAsync(file, bytes);
            await RunAsync("pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", file, Path.Combine(dir.FullName, "page"));
            var image = Assert.Single(dir.GetFiles("page*.png"));
            Assert.True(image.Length > 2_000, $"{image.Length} bytes");
            var png = await File.ReadAllBytesAsync(image.FullName);
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);

            if (Environment.GetEnvironmentVariable("THREECLEARS_SCREENSHOTS") is { Length: > 0 } folder)
            {
                Directory.CreateDirectory(folder);
                await RunAsync("pdftoppm", "-png", "-r", "80", file, Path.Combine(folder, "socio-economic-report"));
            }

            var text = await RunAsync("pdftotext", "-layout", file, "-");
            Assert.Contains("TỈNH CAO BẰNG", text);
            Assert.Contains("Báo cáo tình hình kinh tế – xã hội Tỉnh Cao Bằng tháng 8 năm 2025", text);
            Assert.Contains("Kim ngạch xuất nhập khẩu", text);
            Assert.Contains("Giải ngân vốn đầu tư công", text);
            Assert.Contains("Số nhà kiên cố thay thế nhà tạm, nhà dột nát", text);
            Assert.Contains("19.067", text);
            Assert.Contains("62,2", text);
            Assert.Contains("Chuỗi nhật ký kiểm toán", text);
        }
        finally { dir.Delete(recursive: true); }
    }

    /// <summary>Runs a poppler tool (scripts/test installs poppler-utils) and returns its output.</summary>
    private static async Task<string> RunAsync(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var p = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start (apt-get install poppler-utils).");
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        Assert.True(p.ExitCode == 0, $"{tool} exited {p.ExitCode}: {await error}");
        return await output;
    }

    [Fact]
    public async Task The_task_report_lists_owner_product_progress_status_escalations_and_reassignments()
    {
        await TaskSeed.EnsureVillageAsync(app, "RP-VILLAGE", "rp.officer", "rp.head");
        // 2024Q3 (1 July – 30 September): one done late, one overdue with an escalation and two reassignments, one active
        // (due in 2025), one finished before the quarter (left out), and one in another commune (left out).
        var late = await TaskSeed.CreateAsync(app, "rp.officer", "rp.head", new DateOnly(2024, 7, 31), createdOn: new DateOnly(2024, 6, 1),
            reports: [(new DateOnly(2024, 7, 20), 40m), (new DateOnly(2024, 8, 5), 100m)], completedOn: new DateOnly(2024, 8, 5), title: "Sửa 100 m kênh mương");
        var overdue = await TaskSeed.CreateAsync(app, "rp.officer", "rp.head", new DateOnly(2024, 9, 15), createdOn: new DateOnly(2024, 6, 1),
            reports: [(new DateOnly(2024, 9, 1), 30m)], title: "Làm 2 km đường bê tông");
        await TaskSeed.CreateAsync(app, "rp.officer", "rp.head", new DateOnly(2025, 3, 31), createdOn: new DateOnly(2024, 8, 1), title: "Xây nhà văn hóa");
        await TaskSeed.CreateAsync(app, "rp.officer", "rp.head", new DateOnly(2024, 6, 20), createdOn: new DateOnly(2024, 5, 1),
            reports: [(new DateOnly(2024, 6, 10), 100m)], completedOn: new DateOnly(2024, 6, 10), title: "Việc xong từ quý II");
        await TaskSeed.CreateAsync(app, "officer.hoaan", "chair.hoaan", new DateOnly(2024, 8, 1), createdOn: new DateOnly(2024, 6, 1), title: "Việc của Hòa An");
        await using (var scope = app.Scope(out var db))
        {
            var ids = await db.Users.Where(u => u.UserName == "rp.officer" || u.UserName == "rp.head").ToDictionaryAsync(u => u.UserName!, u => u.Id);
            var unit = await db.Users.Where(u => u.UserName == "rp.head").Select(u => u.OrgUnitId).FirstAsync();
            db.Add(new Escalation
            {
                TaskId = overdue, Reason = EscalationReason.Overdue, Question = "Quá hạn", RaisedOn = new DateOnly(2024, 9, 16),
                RaisedAt = new DateTime(2024, 9, 16, 2, 0, 0, DateTimeKind.Utc), ToUserId = ids["rp.head"], ToOrgUnitId = unit, RespondBy = new DateOnly(2024, 9, 18),
                Status = EscalationState.Open,
            });
            foreach (var (from, to) in new[] { ("rp.officer", "rp.head"), ("rp.head", "rp.officer") })
                db.Add(new TaskReassignment { TaskId = overdue, FromUserId = ids[from], ToUserId = ids[to], Reason = "Điều chỉnh phân công", ByUserId = ids["rp.head"],
                    At = new DateTime(2024, 7, 10, 3, 0, 0, DateTimeKind.Utc) });
            await db.SaveChangesAsync();
        }

        using var c = await app.As("chair.tralinh");
        var r = await (await c.GetAsync("/api/reports/tasks?orgUnit=RP-VILLAGE&period=2024Q3")).Expect(HttpStatusCode.OK);
        Assert.Equal("Báo cáo nhiệm vụ Thôn RP-VILLAGE quý III năm 2024", r.GetProperty("title").GetString());
        var rows = r.GetProperty("sections")[0].GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(["Sửa 100 m kênh mương", "Làm 2 km đường bê tông", "Xây nhà văn hóa"], rows.Select(x => x.GetProperty("title").GetString()!).ToArray());
        var byTitle = rows.ToDictionary(x => x.GetProperty("title").GetString()!);
        var l = byTitle["Sửa 100 m kênh mương"];
        Assert.Equal(("completedLate", 100m, 100m, "2024-07-31", "rp.officer", "Nhà ở kiên cố thay nhà dột nát", "căn"),
            (l.GetProperty("status").GetString(), l.GetProperty("targetQuantity").GetDecimal(), l.GetProperty("deliveredQuantity").GetDecimal(),
                l.GetProperty("dueDate").GetString(), l.GetProperty("ownerUserName").GetString(), l.GetProperty("product").GetString(), l.GetProperty("productUnit").GetString()));
        var o = byTitle["Làm 2 km đường bê tông"];
        Assert.Equal(("overdue", "Quá hạn", 30m, 1, 2), (o.GetProperty("status").GetString(), o.GetProperty("statusText").GetString(),
            o.GetProperty("deliveredQuantity").GetDecimal(), o.GetProperty("escalations").GetInt32(), o.GetProperty("reassignments").GetInt32()));
        Assert.Equal($"CB-2024-{overdue:D6}", o.GetProperty("code").GetString());
        // At the quarter's end 60 of its 242 days had passed (1 Aug → 30 Sep, 1 Aug → 31 Mar): expected 0.248, delivered 0 → atRisk.
        Assert.Equal("atRisk", byTitle["Xây nhà văn hóa"].GetProperty("status").GetString());

        // The spreadsheet holds the same rows; the PDF renders.
        var xlsx = SpreadsheetDocument.Open(new MemoryStream(await DownloadAsync("/api/reports/tasks?orgUnit=RP-VILLAGE&period=2024Q3&format=xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "chair.tralinh")), false);
        var cells = xlsx.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Cell>().Select(x => x.InlineString?.InnerText ?? x.CellValue?.Text).ToList();
        Assert.Contains("Làm 2 km đường bê tông", cells);
        Assert.Contains($"CB-2024-{late:D6}", cells);
        var pdf = await DownloadAsync("/api/reports/tasks?orgUnit=RP-VILLAGE&period=2024Q3&format=pdf", "application/pdf", "chair.tralinh");
        Assert.Equal("%PDF"u8.ToArray(), pdf[..4]);
    }

    [Fact]
    public async Task Reports_follow_the_callers_units()
    {
        using var hoaan = await app.As("chair.hoaan");
        await (await hoaan.GetAsync("/api/reports/socio-economic?orgUnit=X-TRALINH&period=2025")).Expect(HttpStatusCode.Forbidden);
        await (await hoaan.GetAsync("/api/reports/tasks?orgUnit=X-TRALINH&period=2025&format=xlsx")).Expect(HttpStatusCode.Forbidden);
        await (await hoaan.GetAsync("/api/reports/tasks?orgUnit=X-HOAAN&period=2025")).Expect(HttpStatusCode.OK);
        // An officer reads tasks, not indicators: the report holds the task section and the welfare aggregates, which any official reads.
        using var officer = await app.As("officer.hoaan");
        var r = await (await officer.GetAsync("/api/reports/socio-economic?orgUnit=X-HOAAN&period=2025")).Expect(HttpStatusCode.OK);
        Assert.Equal(["tasks", "welfare", "happiness"], r.GetProperty("sections").EnumerateArray().Select(s => s.GetProperty("key").GetString()!).ToArray());
        // A welfare officer reads neither.
        using var welfare = await app.As("welfare.hoaan");
        await (await welfare.GetAsync("/api/reports/socio-economic?orgUnit=X-HOAAN&period=2025")).Expect(HttpStatusCode.Forbidden);
        await (await app.Anonymous().GetAsync("/api/reports/tasks?orgUnit=CB&period=2025")).Expect(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Bad_format_period_and_unit_are_problems()
    {
        using var c = await app.As("leader");
        foreach (var route in new[] { "socio-economic", "tasks" })
        {
            var all = await (await c.GetAsync($"/api/reports/{route}?format=txt")).Expect(HttpStatusCode.BadRequest);
            Assert.Equal(["format", "orgUnit", "period"], all.GetProperty("errors").Keys().Order().ToArray());
            foreach (var period in new[] { "2025Q0", "August", "2031" })
                Assert.Equal(["period"], (await (await c.GetAsync($"/api/reports/{route}?orgUnit=CB&period={period}")).Expect(HttpStatusCode.BadRequest))
                    .GetProperty("errors").Keys());
            await (await c.GetAsync($"/api/reports/{route}?orgUnit=NOPE&period=2025&format=pdf")).Expect(HttpStatusCode.NotFound);
        }
    }
}

public sealed class ReportsTestsOnSqlite(SqliteApp app) : ReportsTests(app), IClassFixture<SqliteApp>;

public sealed class ReportsTestsOnPostgres(PostgresApp app) : ReportsTests(app), IClassFixture<PostgresApp>;
