using Microsoft.EntityFrameworkCore;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;
using ThreeClears.Domain;
using ThreeClears.Domain.Access;
using ThreeClears.Domain.Tasks;
using ThreeClears.Web.Features.Access;
using ThreeClears.Web.Data;
using ThreeClears.Web.Features.Audit;
using ThreeClears.Web.Features.Evidence;
using ThreeClears.Web.Features.Organisation;
using ThreeClears.Web.Features.Tasks;
using ThreeClears.Web.Infrastructure.Files;

namespace ThreeClears.Web.Features.Public;

/// <summary>
/// Tasks for the portal to show and to keep back: four delivered products of 2025 (verified, of
/// kinds output and outcome) with evidence photos, and three it must not publish (a process task,
/// verified; two products not completed, so not verified), each with a photo too. (A product
/// reported at its target and waiting for its verifier would sit in every province leader's inbox;
/// the leak test plants one of its own.) They belong to
/// officials of their own (a ward, a commune, the border gate, the provincial office), so that the
/// other demo officials' lists stay as the tests of their features know them. The photos are drawn
/// here (a house under a sky), so the demo needs no image files.
/// </summary>
public static class PortalDemo
{
    private sealed record DemoTask(string Title, string Product, string Unit, decimal Target, decimal Delivered, ProductKind Kind, string Owner,
        string Assigner, DateOnly Start, DateOnly Due, DateOnly? Completed, int Photos);

    /// <summary>(user name, full name, position, unit, role, heads the unit). Every demo password is "demo".</summary>
    public static readonly (string User, string FullName, string Position, string Unit, Role Role, bool Head)[] People =
    [
        ("vicechair", "Đinh Quang Tuấn", "Phó Chủ tịch UBND tỉnh", "CB", Role.Leader, false),
        ("officer.vp", "Vi Thị Hường", "Chuyên viên Văn phòng UBND tỉnh", "VP-UBND", Role.Officer, false),
        ("chair.thucphan", "Nông Thị Loan", "Chủ tịch UBND phường Thục Phán", "P-THUCPHAN", Role.Manager, true),
        ("officer.thucphan", "Hoàng Văn Sơn", "Công chức Địa chính – Xây dựng", "P-THUCPHAN", Role.Officer, false),
        ("chair.quanguyen", "Lô Văn Khải", "Chủ tịch UBND xã Quảng Uyên", "X-QUANGUYEN", Role.Manager, true),
        ("officer.quanguyen", "Đinh Thị Nga", "Công chức Văn hóa – Xã hội", "X-QUANGUYEN", Role.Officer, false),
        ("officer.cktralinh", "Lạc Văn Hưng", "Trưởng Ban quản lý cửa khẩu Trà Lĩnh", "CK-TRALINH", Role.Officer, false),
    ];

    private static readonly DemoTask[] Tasks =
    [
        new("Xây dựng 120 căn nhà kiên cố thay nhà tạm, nhà dột nát phường Thục Phán năm 2025", "Nhà ở kiên cố bàn giao cho hộ nghèo, hộ cận nghèo", "căn",
            120, 120, ProductKind.Output, "officer.thucphan", "chair.thucphan", new(2025, 3, 1), new(2025, 11, 30), new(2025, 11, 26), 2),
        new("Thông tuyến kỹ thuật cao tốc Đồng Đăng – Trà Lĩnh", "Tuyến cao tốc thông xe kỹ thuật, xóa thế độc đạo", "tuyến",
            1, 1, ProductKind.Outcome, "officer.vp", "vicechair", new(2025, 1, 1), new(2025, 12, 31), new(2025, 12, 19), 1),
        new("Lắp đặt 85 nhà tiêu, nhà tắm hợp vệ sinh cho hộ nghèo xã Quảng Uyên", "Nhà tiêu và nhà tắm hợp vệ sinh đã bàn giao", "công trình",
            85, 85, ProductKind.Output, "officer.quanguyen", "chair.quanguyen", new(2025, 4, 1), new(2025, 10, 15), new(2025, 10, 20), 1),
        new("Đưa vào vận hành bãi kiểm hóa tập trung cửa khẩu Trà Lĩnh", "Bãi kiểm hóa tập trung vận hành, thông quan trong ngày", "bãi",
            1, 1, ProductKind.Output, "officer.cktralinh", "vicechair", new(2025, 2, 1), new(2025, 9, 30), new(2025, 9, 12), 1),
    ];

    /// <summary>Titles the portal must never show: a process, two products not yet delivered (the leak test reads them).</summary>
    public static readonly string[] Unpublished =
    [
        "Tổ chức hội nghị sơ kết 6 tháng chương trình xóa nhà tạm phường Thục Phán",
        "Xây dựng 35 căn nhà kiên cố tổ dân phố 5 phường Thục Phán",
        "Bê tông hóa 12 km đường liên thôn xã Quảng Uyên",
    ];

    /// <summary>Dates of the kept-back tasks follow the day the demo is loaded, so that none is overdue then.</summary>
    private static DemoTask[] Kept(DateOnly today) =>
    [
        new(Unpublished[0], "Hội nghị sơ kết đã tổ chức", "hội nghị", 1, 1, ProductKind.Process, "officer.thucphan", "chair.thucphan",
            new(2025, 6, 1), new(2025, 7, 15), new(2025, 7, 10), 1),
        new(Unpublished[1], "Nhà ở kiên cố cho hộ nghèo tổ dân phố 5", "căn", 35, 28, ProductKind.Output, "officer.thucphan", "chair.thucphan",
            today.AddDays(-90), today.AddDays(60), null, 1),
        new(Unpublished[2], "Đường bê tông liên thôn", "km", 12, 5, ProductKind.Output, "officer.quanguyen", "chair.quanguyen",
            today.AddDays(-60), today.AddDays(240), null, 1),
    ];

    public const int PublishedCount = 4;

    /// <summary>The titles of the delivered products this demo publishes (other demos' verified products are published too).</summary>
    public static IEnumerable<string> PublishedTitles => Tasks.Select(t => t.Title);

    public static async Task LoadAsync(ThreeClearsDb db, AuditLog audit, IFileStore files, IReadOnlyDictionary<string, OrgUnit> units, DateTime now,
        DateOnly today, CancellationToken ct)
    {
        // The same "demo" password as every demo user: the stored hash carries its own salt.
        var hash = await db.Users.Where(u => u.UserName == "leader").Select(u => u.PasswordHash).FirstAsync(ct);
        // Another demo (the results score's) may already have made some of these officials: theirs are kept.
        var names = People.Select(p => p.User).ToList();
        var users = await db.Users.Where(u => names.Contains(u.UserName!)).ToDictionaryAsync(u => u.UserName!, ct);
        var missing = People.Where(p => !users.ContainsKey(p.User)).ToList();
        var people = missing.Select(p => new AppUser
        {
            UserName = p.User, NormalizedUserName = p.User.ToUpperInvariant(), FullName = p.FullName, Position = p.Position, OrgUnitId = units[p.Unit].Id,
            CreatedAt = now, PasswordHash = hash, SecurityStamp = Guid.NewGuid().ToString("N"), LockoutEnabled = true,
        }).ToList();
        db.AddRange(people);
        await db.SaveChangesAsync(ct);
        foreach (var (p, user) in missing.Zip(people))
        {
            db.Add(new RoleGrant { UserId = user.Id, Role = p.Role, OrgUnitId = units[p.Unit].Id, GrantedAt = now });
            if (p.Head && units[p.Unit].HeadUserId is null) units[p.Unit].HeadUserId = user.Id;
            audit.Record("user", p.User, "create", null, new { userName = p.User, p.FullName, p.Position, roles = new[] { new { role = p.Role.ToApi(), orgUnitCode = p.Unit } } },
                user.OrgUnitId, "demo");
            users[p.User] = user;
        }
        var all = Tasks.Concat(Kept(today)).ToList();
        var tasks = all.Select(d =>
        {
            var owner = users[d.Owner];
            return new TaskItem
            {
                Title = d.Title, ProductDescription = d.Product, ProductUnit = d.Unit, TargetQuantity = d.Target, OriginalTargetQuantity = d.Target,
                Kind = d.Kind, OwnerId = owner.Id, OwnerOrgUnitId = owner.OrgUnitId, AssignedById = users[d.Assigner].Id, StartDate = d.Start,
                DueDate = d.Due, CreatedOn = d.Start, CreatedAt = d.Start.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc),
                Source = "Dữ liệu mẫu", DeliveredQuantity = d.Delivered, LastReportOn = d.Completed ?? today.AddDays(-3), CompletedOn = d.Completed,
                VerifiedOn = d.Completed,
                Status = d.Completed is { } c ? (c <= d.Due ? Domain.Tasks.TaskStatus.CompletedOnTime : Domain.Tasks.TaskStatus.CompletedLate)
                    : Domain.Tasks.TaskStatus.OnTrack, // refreshed by the deadline sweep like any open task
                StatusOn = today,
            };
        }).ToList();
        db.AddRange(tasks);
        await db.SaveChangesAsync(ct);

        var n = 0;
        foreach (var (d, task) in all.Zip(tasks))
        {
            var owner = users[d.Owner];
            var reportedOn = task.LastReportOn!.Value;
            var photos = new List<Attachment>();
            for (var p = 0; p < d.Photos; p++)
            {
                n++;
                var (sha, thumb, length) = await PhotoAsync(files, n, ct);
                photos.Add(new Attachment
                {
                    Sha256 = sha, FileName = $"anh-minh-chung-{n}.jpg", ContentType = "image/jpeg", Length = length, IsImage = true, ThumbnailSha256 = thumb,
                    OrgUnitId = owner.OrgUnitId, TaskId = task.Id, UploadedById = owner.Id, UploadedAt = reportedOn.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc),
                });
            }
            db.AddRange(photos);
            db.Add(new TaskProgressReport
            {
                TaskId = task.Id, ReportedOn = reportedOn, ReportedAt = reportedOn.ToDateTime(new TimeOnly(3, 0), DateTimeKind.Utc),
                CumulativeQuantity = d.Delivered, Note = "Báo cáo kết quả kèm ảnh minh chứng.", ByUserId = owner.Id, Attachments = photos,
            });
            if (d.Completed is { } done)
                db.Add(new TaskVerification
                {
                    TaskId = task.Id, Approved = true, Note = "Đã kiểm tra thực tế, sản phẩm đạt yêu cầu.", ByUserId = users[d.Assigner].Id, On = done,
                    At = done.ToDateTime(new TimeOnly(4, 0), DateTimeKind.Utc),
                });
            audit.Record("task", task.Id, "create", null, new
            {
                task.Title, product = new { description = d.Product, unit = d.Unit, targetQuantity = d.Target, kind = d.Kind.ToString().ToLowerInvariant() },
                ownerUserName = d.Owner, assignedByUserName = d.Assigner, task.DueDate, task.CompletedOn, source = "demo",
            }, owner.OrgUnitId, "demo");
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Drawn and encoded once per process: every test host loads the demo, and the pictures never change.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, Lazy<(byte[] Full, byte[] Thumb)>> Drawn = new();

    private static async Task<(string Sha, string Thumb, long Length)> PhotoAsync(IFileStore files, int n, CancellationToken ct)
    {
        var (full, thumb) = Drawn.GetOrAdd(n, k => new Lazy<(byte[], byte[])>(() => Draw(k))).Value;
        var stored = await files.SaveAsync(new MemoryStream(full), EvidenceService.MaxUploadBytes, ct);
        var small = await files.SaveAsync(new MemoryStream(thumb), EvidenceService.MaxUploadBytes, ct);
        return (stored.Sha256, small.Sha256, stored.Length);
    }

    /// <summary>A 640 × 420 JPEG of a house under a sky (a different hue per photo), and its 320 px thumbnail.</summary>
    private static (byte[] Full, byte[] Thumb) Draw(int n)
    {
        using var image = new Image<Rgb24>(640, 420);
        var hue = (byte)(40 + n * 37 % 160);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < row.Length; x++)
                {
                    Rgb24 c;
                    if (y > 300) c = new Rgb24((byte)(60 + y % 20), (byte)(120 + x % 30), 50); // grass
                    else if (x is > 200 and < 440 && y is > 180 and <= 300) // walls, a door and two windows
                        c = x is > 300 and < 340 && y > 230 ? new Rgb24(90, 60, 40)
                            : (x is > 225 and < 270 or > 370 and < 415) && y is > 205 and < 245 ? new Rgb24(170, 210, 235)
                            : new Rgb24(235, 225, 200);
                    else if (y is > 100 and <= 180 && Math.Abs(x - 320) < (y - 100) * 1.6) c = new Rgb24(170, 50, (byte)(hue / 2)); // roof
                    else c = new Rgb24((byte)(120 + y / 4), (byte)(170 + y / 6), (byte)Math.Min(255, 200 + hue / 4)); // sky
                    row[x] = c;
                }
            }
        });
        using var full = new MemoryStream();
        image.SaveAsJpeg(full, new JpegEncoder { Quality = 75 });
        image.Mutate(x => x.Resize(320, 210));
        using var small = new MemoryStream();
        image.SaveAsJpeg(small, new JpegEncoder { Quality = 70 });
        return (full.ToArray(), small.ToArray());
    }
}
