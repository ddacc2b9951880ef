using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ThreeClears.Web.Tests.Support;

namespace ThreeClears.Web.Tests.Welfare;

/// <summary>Fresh communes with their own welfare officer, household files and uploads for the welfare tests.</summary>
public static class WelfareSeed
{
    public const string Header = "householdCode,communeCode,village,headName,members,poverty,housing,kitchen,sanitation";

    /// <summary>A new commune under the province, with a welfare officer <c>welfare.{code}</c> (password <c>password-1</c>) there.</summary>
    public static async Task<string> CommuneAsync(AppFixture app, string code, string parent = "CB", string kind = "commune")
    {
        using var admin = await app.As("admin");
        await (await admin.PostAsJsonAsync("/api/org-units", new { code, name = "Xã " + code, nameEn = code + " Commune", kind, parentCode = parent }))
            .Expect(HttpStatusCode.Created);
        var user = "welfare." + code.ToLowerInvariant();
        await (await admin.PostAsJsonAsync("/api/users", new { userName = user, fullName = "Cán bộ " + code, password = "password-1", orgUnitCode = code, position = "Công chức" }))
            .Expect(HttpStatusCode.Created);
        await (await admin.PostAsJsonAsync($"/api/users/{user}/roles", new { role = "welfare", orgUnitCode = code })).Expect(HttpStatusCode.OK);
        return user;
    }

    public static Task<HttpClient> WelfareOf(AppFixture app, string code) => app.As("welfare." + code.ToLowerInvariant(), "password-1");

    public static Task<HttpResponseMessage> ImportAsync(HttpClient c, byte[] bytes, string name)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(name.EndsWith(".xlsx") ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv");
        form.Add(file, "file", name);
        return c.PostAsync("/api/households/import", form);
    }

    public static Task<HttpResponseMessage> ImportCsvAsync(HttpClient c, string csv) => ImportAsync(c, Encoding.UTF8.GetBytes(csv), "households.csv");

    /// <summary>A one-sheet workbook of the given rows (strings; a number in a cell is written as a number), shared strings as Excel writes them.</summary>
    public static byte[] Xlsx(params object?[][] rows)
    {
        using var ms = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(ms, SpreadsheetDocumentType.Workbook))
        {
            var wb = doc.AddWorkbookPart();
            wb.Workbook = new Workbook();
            var sheetPart = wb.AddNewPart<WorksheetPart>();
            var shared = wb.AddNewPart<SharedStringTablePart>();
            shared.SharedStringTable = new SharedStringTable();
            var strings = new List<string>();
            var data = new SheetData();
            for (var r = 0; r < rows.Length; r++)
            {
                var row = new Row { RowIndex = (uint)(r + 1) };
                for (var c = 0; c < rows[r].Length; c++)
                {
                    var reference = (char)('A' + c) + (r + 1).ToString();
                    switch (rows[r][c])
                    {
                        case null: break;
                        case int or decimal or double:
                            row.Append(new Cell { CellReference = reference, CellValue = new CellValue(Convert.ToString(rows[r][c], System.Globalization.CultureInfo.InvariantCulture)!) });
                            break;
                        default:
                            var s = rows[r][c]!.ToString()!;
                            var i = strings.IndexOf(s);
                            if (i < 0) { strings.Add(s); i = strings.Count - 1; shared.SharedStringTable.Append(new SharedStringItem(new Text(s))); }
                            row.Append(new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(i.ToString()) });
                            break;
                    }
                }
                data.Append(row);
            }
            sheetPart.Worksheet = new Worksheet(data);
            wb.Workbook.AppendChild(new Sheets(new Sheet { Id = wb.GetIdOfPart(sheetPart), SheetId = 1, Name = "Hộ gia đình" }));
        }
        return ms.ToArray();
    }

    public static Dictionary<int, string[]> Rejected(JsonElement result) =>
        result.GetProperty("rejected").EnumerateArray().ToDictionary(r => r.GetProperty("line").GetInt32(), r => r.GetProperty("errors").Keys().Order().ToArray());
}
