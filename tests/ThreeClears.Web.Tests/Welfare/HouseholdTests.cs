using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ThreeClears.Web.Tests.Support;
using static ThreeClears.Web.Tests.Welfare.WelfareSeed;

namespace ThreeClears.Web.Tests.Welfare;

/// <summary>The household register: imports (CSV and XLSX) with bad rows, re-imports, edits with If-Match, revisions, scope.</summary>
public abstract class HouseholdTests(AppFixture app)
{
    [Fact]
    public async Task A_CSV_keeps_its_good_rows_and_reports_each_bad_line_with_every_reason()
    {
        await CommuneAsync(app, "X-CSV1");
        using var c = await WelfareOf(app, "X-CSV1");
        var csv = Header + "\n" +
            "CSV1-001,X-CSV1,Bản Nà Pò,Nông Văn A,4,poor,dilapidated,makeshift,none\n" +          // 2 good
            "CSV1-002,X-CSV1,,,abc,rich,palace,hygienic,hygienic\n" +                               // 3 village, headName, members, poverty, housing
            "CSV1-003,X-CSV1,\"Bản Khau, Cải\",\"Hoàng Thị \"\"Bé\"\"\",2,,semiSolid,,\n" +        // 4 good: quoted comma and quote, not recorded
            "CSV1-004,X-HOAAN,Bản Khác,Lý Văn B,3,none,solid,hygienic,hygienic\n" +                // 5 another commune's
            "CSV1-001,X-CSV1,Bản Nà Pò,Nông Văn A,5,poor,solid,hygienic,hygienic\n" +             // 6 the code of line 2 again
            "\n" +                                                                                  // 7 empty: skipped, still counted
            "bad code!,NOPE,Bản,Tên,0,,,,\n" +                                                      // 8 code, commune, members
            "CSV1-005,X-CSV1,Bản Nà Pò,Triệu Văn C,6.0,nearPoor,Solid,HYGIENIC,hygienic\n";        // 9 good: 6.0 and any case
        var result = await (await ImportCsvAsync(c, csv)).Expect(HttpStatusCode.OK);
        Assert.Equal(3, result.GetProperty("imported").GetInt32());
        Assert.Equal(0, result.GetProperty("updated").GetInt32());
        var rejected = Rejected(result);
        Assert.Equal([3, 5, 6, 8], rejected.Keys.Order());
        Assert.Equal(["headName", "housing", "members", "poverty", "village"], rejected[3]);
        Assert.Equal(["communeCode"], rejected[5]);
        Assert.Equal(["householdCode"], rejected[6]);
        Assert.Equal(["communeCode", "householdCode", "members"], rejected[8]);
        var line6 = result.GetProperty("rejected").EnumerateArray().First(r => r.GetProperty("line").GetInt32() == 6);
        Assert.Contains("line 2", line6.GetProperty("errors").GetProperty("householdCode")[0].GetString());

        var h3 = await (await c.GetAsync("/api/households/CSV1-003")).Expect(HttpStatusCode.OK);
        Assert.Equal("Bản Khau, Cải", h3.GetProperty("village").GetString());
        Assert.Equal("Hoàng Thị \"Bé\"", h3.GetProperty("headName").GetString());
        Assert.Equal(JsonValueKind.Null, h3.GetProperty("poverty").ValueKind);
        Assert.Equal("semiSolid", h3.GetProperty("housing").GetString());
        Assert.Equal((true, false, false, false), (h3.GetProperty("housingAdequate").GetBoolean(), h3.GetProperty("kitchenAdequate").GetBoolean(),
            h3.GetProperty("sanitationAdequate").GetBoolean(), h3.GetProperty("allThree").GetBoolean()));
        var h5 = await (await c.GetAsync("/api/households/CSV1-005")).Expect(HttpStatusCode.OK);
        Assert.Equal((6, "nearPoor", true), (h5.GetProperty("members").GetInt32(), h5.GetProperty("poverty").GetString(), h5.GetProperty("allThree").GetBoolean()));
        var list = await (await c.GetAsync("/api/households?orgUnit=X-CSV1")).Expect(HttpStatusCode.OK);
        Assert.Equal(3, list.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task The_same_file_twice_updates_instead_of_duplicating_and_a_changed_row_makes_a_revision()
    {
        await CommuneAsync(app, "X-TWICE");
        using var c = await WelfareOf(app, "X-TWICE");
        var csv = Header + "\r\n" +
            "TW-1,X-TWICE,Bản Một,Nông Văn Một,3,poor,temporary,none,none\r\n" +
            "TW-2,X-TWICE,Bản Một,Lục Thị Hai,5,none,solid,hygienic,hygienic\r\n";
        var first = await (await ImportCsvAsync(c, csv)).Expect(HttpStatusCode.OK);
        Assert.Equal((2, 0, 0), (first.GetProperty("imported").GetInt32(), first.GetProperty("updated").GetInt32(), first.GetProperty("unchanged").GetInt32()));
        var second = await (await ImportCsvAsync(c, csv)).Expect(HttpStatusCode.OK);
        Assert.Equal((0, 2, 2), (second.GetProperty("imported").GetInt32(), second.GetProperty("updated").GetInt32(), second.GetProperty("unchanged").GetInt32()));
        Assert.Equal(2, (await (await c.GetAsync("/api/households?orgUnit=X-TWICE")).Expect(HttpStatusCode.OK)).GetProperty("total").GetInt32());
        Assert.Equal(1, (await (await c.GetAsync("/api/households/TW-1")).Expect(HttpStatusCode.OK)).GetProperty("version").GetInt32());

        // The house was rebuilt: the same file with one line changed updates that household only.
        var third = await (await ImportCsvAsync(c, csv.Replace("temporary,none,none", "solid,hygienic,unhygienic"))).Expect(HttpStatusCode.OK);
        Assert.Equal((0, 2, 1), (third.GetProperty("imported").GetInt32(), third.GetProperty("updated").GetInt32(), third.GetProperty("unchanged").GetInt32()));
        var tw1 = await (await c.GetAsync("/api/households/TW-1")).Expect(HttpStatusCode.OK);
        Assert.Equal((2, "solid", true), (tw1.GetProperty("version").GetInt32(), tw1.GetProperty("housing").GetString(), tw1.GetProperty("kitchenAdequate").GetBoolean()));

        // The chained audit entry names the revision and the fields, never the head's name.
        using var inspector = await app.As("inspector");
        var audit = await (await inspector.GetAsync("/api/audit?entity=household&id=TW-1")).Expect(HttpStatusCode.OK);
        var actions = audit.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Equal(["update", "create"], actions);
        var update = audit.GetProperty("items")[0];
        Assert.DoesNotContain("Nông Văn Một", update.GetRawText());
        Assert.Contains("\"revision\":2", update.GetProperty("after").GetString());
        Assert.Contains("housing", update.GetProperty("after").GetString());
        var revisions = await (await inspector.GetAsync("/api/households/TW-1/revisions")).Expect(HttpStatusCode.OK);
        Assert.Equal([2, 1], revisions.EnumerateArray().Select(r => r.GetProperty("revision").GetInt32()));
        Assert.Equal("temporary", revisions[1].GetProperty("housing").GetString());
        Assert.Equal("Nông Văn Một", revisions[1].GetProperty("headName").GetString());
    }

    [Fact]
    public async Task An_XLSX_file_is_read_like_a_CSV_with_its_row_numbers_as_lines()
    {
        await CommuneAsync(app, "X-XLSX");
        using var c = await WelfareOf(app, "X-XLSX");
        // Columns in another order and an extra column; numbers as numbers; row 4 left empty.
        var book = Xlsx(
            ["village", "householdCode", "communeCode", "headName", "members", "poverty", "housing", "kitchen", "sanitation", "note"],
            ["Bản Pác Bó", "XL-1", "X-XLSX", "Đàm Văn Xuân", 4, "poor", "dilapidated", "none", "none", "ghi chú"],
            ["Bản Pác Bó", "XL-2", "X-XLSX", null, 2.5, "poor", "tent", "none", "none", null],
            [],
            ["Bản Pác Bó", "XL-3", "X-XLSX", "Bế Thị Thu", 3, "none", "semiSolid", "hygienic", "hygienic", null]);
        var result = await (await ImportAsync(c, book, "ho-gia-dinh.xlsx")).Expect(HttpStatusCode.OK);
        Assert.Equal(2, result.GetProperty("imported").GetInt32());
        var rejected = Rejected(result);
        Assert.Equal([3], rejected.Keys);
        Assert.Equal(["headName", "housing", "members"], rejected[3]);
        var xl3 = await (await c.GetAsync("/api/households/XL-3")).Expect(HttpStatusCode.OK);
        Assert.Equal(("Bế Thị Thu", 3, true), (xl3.GetProperty("headName").GetString(), xl3.GetProperty("members").GetInt32(), xl3.GetProperty("allThree").GetBoolean()));

        // Twice: updates, no duplicates.
        var again = await (await ImportAsync(c, book, "ho-gia-dinh.xlsx")).Expect(HttpStatusCode.OK);
        Assert.Equal((0, 2), (again.GetProperty("imported").GetInt32(), again.GetProperty("updated").GetInt32()));
    }

    [Fact]
    public async Task A_file_without_the_columns_or_not_a_workbook_is_refused_whole()
    {
        await CommuneAsync(app, "X-HEAD");
        using var c = await WelfareOf(app, "X-HEAD");
        var p = await (await ImportCsvAsync(c, "householdCode,communeCode,village\nH-1,X-HEAD,Bản\n")).Expect(HttpStatusCode.BadRequest);
        var message = p.GetProperty("errors").GetProperty("file")[0].GetString()!;
        Assert.Contains("headName, members, poverty, housing, kitchen, sanitation", message);
        var broken = await (await ImportAsync(c, [0x50, 0x4B, 0x03, 0x04, 1, 2, 3], "x.xlsx")).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(["file"], broken.GetProperty("errors").Keys());
        await (await ImportAsync(c, [], "empty.csv")).Expect(HttpStatusCode.BadRequest);
        await (await c.PostAsync("/api/households/import", new StringContent("x"))).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(0, (await (await c.GetAsync("/api/households?orgUnit=X-HEAD")).Expect(HttpStatusCode.OK)).GetProperty("total").GetInt32());
        // Someone without the welfare role is refused before the file is read.
        using var officer = await app.As("officer.tralinh");
        await (await ImportCsvAsync(officer, Header + "\n")).Expect(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_failure_half_way_keeps_the_committed_chunks_and_the_same_file_again_finishes_the_work()
    {
        await CommuneAsync(app, "X-HALF");
        using var c = await WelfareOf(app, "X-HALF");
        var csv = new StringBuilder(Header).Append('\n');
        for (var i = 1; i <= 6_000; i++) csv.Append($"HALF-{i:0000},X-HALF,Bản {i % 7},Người {i},{1 + i % 6},none,solid,hygienic,hygienic\n");
        // The store refuses one row of the second chunk (a fault of the server, not of the file).
        await using (var scope = app.Scope(out var db))
        {
            if (db.IsPostgres)
            {
                await db.Database.ExecuteSqlRawAsync("""
                    CREATE FUNCTION refuse_half() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'disk on fire'; END $$ LANGUAGE plpgsql;
                    CREATE TRIGGER refuse_half BEFORE INSERT ON households FOR EACH ROW WHEN (NEW.code = 'HALF-5500') EXECUTE FUNCTION refuse_half();
                    """);
            }
            else
            {
                await db.Database.ExecuteSqlRawAsync("CREATE TRIGGER refuse_half BEFORE INSERT ON households WHEN NEW.code = 'HALF-5500' BEGIN SELECT RAISE(ABORT, 'disk on fire'); END;");
            }
        }
        var failed = await ImportCsvAsync(c, csv.ToString());
        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        var total = (await (await c.GetAsync("/api/households?orgUnit=X-HALF&pageSize=1")).Expect(HttpStatusCode.OK)).GetProperty("total").GetInt32();
        Assert.Equal(5_000, total); // the first chunk stays, the second left nothing half-written
        await using (var scope = app.Scope(out var db))
        {
            var job = await db.Set<ThreeClears.Web.Features.Welfare.HouseholdImport>().OrderByDescending(i => i.Id).FirstAsync();
            Assert.Equal(ThreeClears.Web.Features.Welfare.ImportStatus.Failed, job.Status);
            Assert.Equal((5_000, 5_001), (job.Imported, job.LinesDone)); // lines 2..5001 committed
            var progress = await (await c.GetAsync($"/api/households/imports/{job.Id}")).Expect(HttpStatusCode.OK);
            Assert.Equal("failed", progress.GetProperty("status").GetString());
            await db.Database.ExecuteSqlRawAsync(db.IsPostgres ? "DROP TRIGGER refuse_half ON households" : "DROP TRIGGER refuse_half");
        }
        var again = await (await ImportCsvAsync(c, csv.ToString())).Expect(HttpStatusCode.OK);
        Assert.Equal((1_000, 5_000, 5_000), (again.GetProperty("imported").GetInt32(), again.GetProperty("updated").GetInt32(), again.GetProperty("unchanged").GetInt32()));
    }

    [Fact]
    public async Task An_edit_needs_the_current_version_and_names_every_bad_field()
    {
        await CommuneAsync(app, "X-EDIT");
        using var c = await WelfareOf(app, "X-EDIT");
        await (await ImportCsvAsync(c, Header + "\nED-1,X-EDIT,Bản Đông,Hà Văn Đông,4,poor,temporary,makeshift,unhygienic\n")).Expect(HttpStatusCode.OK);
        var get = await c.GetAsync("/api/households/ED-1");
        Assert.Equal("\"1\"", get.Headers.ETag?.Tag);
        var body = new { communeCode = "X-EDIT", village = "Bản Đông", headName = "Hà Văn Đông", members = 5, poverty = "nearPoor", housing = "solid", kitchen = "hygienic", sanitation = "hygienic" };
        await (await c.PutJson("/api/households/ED-1", body, null)).Expect((HttpStatusCode)428);
        await (await c.PutJson("/api/households/ED-1", body, "\"7\"")).Expect(HttpStatusCode.Conflict);
        var ok = await (await c.PutJson("/api/households/ED-1", body, "\"1\"")).Expect(HttpStatusCode.OK);
        Assert.Equal((2, true, 5), (ok.GetProperty("version").GetInt32(), ok.GetProperty("allThree").GetBoolean(), ok.GetProperty("members").GetInt32()));
        // The old version is stale now.
        await (await c.PutJson("/api/households/ED-1", body, "1")).Expect(HttpStatusCode.Conflict);
        // Saving the same again changes nothing and keeps the version.
        Assert.Equal(2, (await (await c.PutJson("/api/households/ED-1", body, "2")).Expect(HttpStatusCode.OK)).GetProperty("version").GetInt32());

        var bad = await (await c.PutJson("/api/households/ED-1", new { communeCode = "X-HOAAN", village = "", members = 0, housing = "castle" }, "2"))
            .Expect(HttpStatusCode.BadRequest);
        Assert.Equal(["communeCode", "headName", "housing", "members", "village"], bad.GetProperty("errors").Keys().Order());
        var wrongType = await (await c.PutJson("/api/households/ED-1", new { members = "many" }, "2")).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(["members"], wrongType.GetProperty("errors").Keys());
        await (await c.PutJson("/api/households/NOPE-1", body, "1")).Expect(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Personal_data_is_for_the_commune_and_above_and_aggregates_for_everyone()
    {
        await CommuneAsync(app, "X-OWN");
        await CommuneAsync(app, "X-OTHER");
        using var own = await WelfareOf(app, "X-OWN");
        await (await ImportCsvAsync(own, Header + "\nOWN-1,X-OWN,Bản Riêng,Sầm Thị Riêng,2,poor,dilapidated,none,none\n")).Expect(HttpStatusCode.OK);

        using var other = await WelfareOf(app, "X-OTHER");
        await (await other.GetAsync("/api/households/OWN-1")).Expect(HttpStatusCode.Forbidden);
        await (await other.GetAsync("/api/households/OWN-1/revisions")).Expect(HttpStatusCode.Forbidden);
        await (await other.GetAsync("/api/households?orgUnit=X-OWN")).Expect(HttpStatusCode.Forbidden);
        await (await other.PutJson("/api/households/OWN-1", new { communeCode = "X-OTHER", village = "v", headName = "h", members = 1 }, "1")).Expect(HttpStatusCode.Forbidden);
        var mine = await (await other.GetAsync("/api/households")).Expect(HttpStatusCode.OK);
        Assert.DoesNotContain("OWN-1", mine.GetRawText());
        // Importing over another commune's household is refused row by row.
        var over = await (await ImportCsvAsync(other, Header + "\nOWN-1,X-OTHER,Bản,Tên,1,,,,\n")).Expect(HttpStatusCode.OK);
        Assert.Equal(["householdCode"], Rejected(over)[2]);

        // A commune chair (manager) and another commune's officer see the coverage only.
        using var chair = await app.As("chair.tralinh");
        await (await chair.GetAsync("/api/households/OWN-1")).Expect(HttpStatusCode.Forbidden);
        await (await chair.GetAsync("/api/households")).Expect(HttpStatusCode.Forbidden);
        var coverage = await (await other.GetAsync("/api/welfare/coverage?orgUnit=X-OWN")).Expect(HttpStatusCode.OK);
        Assert.Equal(1, coverage.GetProperty("households").GetInt32());
        Assert.DoesNotContain("Sầm Thị Riêng", coverage.GetRawText());

        // The province's leader and inspector read it; nobody reads it without logging in.
        using var leader = await app.As("leader");
        Assert.Equal("Sầm Thị Riêng", (await (await leader.GetAsync("/api/households/OWN-1")).Expect(HttpStatusCode.OK)).GetProperty("headName").GetString());
        using var inspector = await app.As("inspector");
        await (await inspector.GetAsync("/api/households?orgUnit=X-OWN")).Expect(HttpStatusCode.OK);
        await (await inspector.PutJson("/api/households/OWN-1", new { communeCode = "X-OWN", village = "v", headName = "h", members = 1 }, "1")).Expect(HttpStatusCode.Forbidden);
        using var anonymous = app.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/households/OWN-1")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/welfare/coverage")).StatusCode);
    }
}

public sealed class HouseholdTestsOnSqlite(SqliteApp app) : HouseholdTests(app), IClassFixture<SqliteApp>;

public sealed class HouseholdTestsOnPostgres(PostgresApp app) : HouseholdTests(app), IClassFixture<PostgresApp>;
