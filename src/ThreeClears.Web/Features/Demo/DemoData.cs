using ThreeClears.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ThreeClears.Domain.Access;
using ThreeClears.Web.Data;
using ThreeClears.Web.Features.Access;
using ThreeClears.Web.Features.Audit;
using ThreeClears.Web.Features.Organisation;
using ThreeClears.Web.Infrastructure;

namespace ThreeClears.Web.Features.Demo;

/// <summary>
/// The Cao Bang demo (PRODUCT.md §4): the province, its main departments, border gates, partner
/// provinces and a part of the 56 communes and wards formed on 1 July 2025, with lineage to some of
/// the units they replaced. The lineage lines are illustrative, not the legal list of the merger.
/// People are fictional; every demo password is "demo".
/// </summary>
public sealed class DemoData(ThreeClearsDb db, UserManager<AppUser> users, AuditLog audit, AppClock clock, Infrastructure.Files.IFileStore files)
{
    public const string Password = "demo";
    public static readonly DateOnly Merger = new(2025, 7, 1);

    private static readonly (string Code, string Name, string NameEn)[] Departments =
    [
        ("VP-UBND", "Văn phòng Ủy ban nhân dân tỉnh", "Office of the Provincial People's Committee"),
        ("SO-TC", "Sở Tài chính", "Department of Finance"),
        ("SO-XD", "Sở Xây dựng", "Department of Construction"),
        ("SO-CT", "Sở Công Thương", "Department of Industry and Trade"),
        ("SO-NNMT", "Sở Nông nghiệp và Môi trường", "Department of Agriculture and Environment"),
        ("SO-VHTTDL", "Sở Văn hóa, Thể thao và Du lịch", "Department of Culture, Sports and Tourism"),
        ("SO-YT", "Sở Y tế", "Department of Health"),
        ("SO-GDDT", "Sở Giáo dục và Đào tạo", "Department of Education and Training"),
        ("SO-NV", "Sở Nội vụ", "Department of Home Affairs"),
        ("SO-DTTG", "Sở Dân tộc và Tôn giáo", "Department of Ethnic and Religious Affairs"),
        ("SO-KHCN", "Sở Khoa học và Công nghệ", "Department of Science and Technology"),
        ("THANH-TRA", "Thanh tra tỉnh", "Provincial Inspectorate"),
        ("THONG-KE", "Thống kê tỉnh Cao Bằng", "Cao Bang Statistics Office"),
    ];

    private static readonly (string Code, string Name, string NameEn)[] Wards =
    [
        ("P-THUCPHAN", "Phường Thục Phán", "Thuc Phan Ward"),
        ("P-NUNGTRICAO", "Phường Nùng Trí Cao", "Nung Tri Cao Ward"),
        ("P-TANGIANG", "Phường Tân Giang", "Tan Giang Ward"),
    ];

    private static readonly (string Code, string Name, string NameEn)[] Communes =
    [
        ("X-TRALINH", "Xã Trà Lĩnh", "Tra Linh Commune"),
        ("X-HOAAN", "Xã Hòa An", "Hoa An Commune"),
        ("X-NAMTUAN", "Xã Nam Tuấn", "Nam Tuan Commune"),
        ("X-BACHDANG", "Xã Bạch Đằng", "Bach Dang Commune"),
        ("X-NGUYENHUE", "Xã Nguyễn Huệ", "Nguyen Hue Commune"),
        ("X-QUANGTRUNG", "Xã Quang Trung", "Quang Trung Commune"),
        ("X-TRUNGKHANH", "Xã Trùng Khánh", "Trung Khanh Commune"),
        ("X-DAMTHUY", "Xã Đàm Thủy", "Dam Thuy Commune"),
        ("X-DINHPHONG", "Xã Đình Phong", "Dinh Phong Commune"),
        ("X-QUANGUYEN", "Xã Quảng Uyên", "Quang Uyen Commune"),
        ("X-HALANG", "Xã Hạ Lang", "Ha Lang Commune"),
        ("X-BAOLAC", "Xã Bảo Lạc", "Bao Lac Commune"),
        ("X-BAOLAM", "Xã Bảo Lâm", "Bao Lam Commune"),
        ("X-NGUYENBINH", "Xã Nguyên Bình", "Nguyen Binh Commune"),
        ("X-TINHTUC", "Xã Tĩnh Túc", "Tinh Tuc Commune"),
        ("X-THONGNONG", "Xã Thông Nông", "Thong Nong Commune"),
        ("X-HAQUANG", "Xã Hà Quảng", "Ha Quang Commune"),
        ("X-THACHAN", "Xã Thạch An", "Thach An Commune"),
        ("X-DONGKHE", "Xã Đông Khê", "Dong Khe Commune"),
        ("X-PHUCHOA", "Xã Phục Hòa", "Phuc Hoa Commune"),
        ("X-HOATHUAN", "Xã Hòa Thuận", "Hoa Thuan Commune"),
    ];

    /// <summary>Units dissolved on 1 July 2025 and where their share went (illustrative).</summary>
    private static readonly (string Code, string Name, string NameEn, (string Successor, decimal Share)[] To)[] Predecessors =
    [
        ("OLD-P-SONGHIEN", "Phường Sông Hiến (cũ)", "Song Hien Ward (former)", [("P-THUCPHAN", 1m)]),
        ("OLD-P-SONGBANG", "Phường Sông Bằng (cũ)", "Song Bang Ward (former)", [("P-THUCPHAN", 1m)]),
        ("OLD-P-HOPGIANG", "Phường Hợp Giang (cũ)", "Hop Giang Ward (former)", [("P-THUCPHAN", 1m)]),
        ("OLD-P-DETHAM", "Phường Đề Thám (cũ)", "De Tham Ward (former)", [("P-NUNGTRICAO", 1m)]),
        ("OLD-P-HOACHUNG", "Phường Hòa Chung (cũ)", "Hoa Chung Ward (former)", [("P-NUNGTRICAO", 1m)]),
        ("OLD-P-NGOCXUAN", "Phường Ngọc Xuân (cũ)", "Ngoc Xuan Ward (former)", [("P-TANGIANG", 1m)]),
        ("OLD-X-VINHQUANG", "Xã Vĩnh Quang (cũ)", "Vinh Quang Commune (former)", [("P-NUNGTRICAO", 0.6m), ("P-TANGIANG", 0.4m)]),
        ("OLD-TT-HUNGQUOC", "Thị trấn Hùng Quốc (cũ)", "Hung Quoc Town (former)", [("X-TRALINH", 1m)]),
        ("OLD-X-LUUNGOC", "Xã Lưu Ngọc (cũ)", "Luu Ngoc Commune (former)", [("X-TRALINH", 1m)]),
        ("OLD-X-COMUOI", "Xã Cô Mười (cũ)", "Co Muoi Commune (former)", [("X-TRALINH", 1m)]),
        ("OLD-TT-NUOCHAI", "Thị trấn Nước Hai (cũ)", "Nuoc Hai Town (former)", [("X-HOAAN", 1m)]),
    ];

    /// <summary>(user name, full name, position, unit, roles, heads the unit).</summary>
    private static readonly (string User, string FullName, string Position, string Unit, (Role Role, string At)[] Roles, bool Head)[] People =
    [
        ("leader", "Nông Văn Hùng", "Chủ tịch UBND tỉnh", "CB", [(Role.Leader, "CB")], true),
        ("inspector", "Hoàng Thị Mai", "Thanh tra viên", "THANH-TRA", [(Role.Inspector, "CB")], true),
        ("stats", "Lục Văn Thành", "Thống kê viên", "THONG-KE", [(Role.Statistician, "CB")], true),
        ("director.xd", "Bế Văn Long", "Giám đốc Sở Xây dựng", "SO-XD", [(Role.Manager, "SO-XD")], true),
        ("officer.xd", "La Thị Hoa", "Chuyên viên", "SO-XD", [(Role.Officer, "SO-XD")], false),
        ("director.ct", "Đàm Quang Vinh", "Giám đốc Sở Công Thương", "SO-CT", [(Role.Manager, "SO-CT")], true),
        ("chair.tralinh", "Hà Văn Quân", "Chủ tịch UBND xã Trà Lĩnh", "X-TRALINH", [(Role.Manager, "X-TRALINH")], true),
        ("officer.tralinh", "Lương Thị Thu", "Công chức Văn phòng – Thống kê", "X-TRALINH", [(Role.Officer, "X-TRALINH"), (Role.Statistician, "X-TRALINH")], false),
        ("welfare.tralinh", "Triệu Thị Lan", "Công chức Văn hóa – Xã hội", "X-TRALINH", [(Role.Welfare, "X-TRALINH")], false),
        ("chair.hoaan", "Mã Văn Tùng", "Chủ tịch UBND xã Hòa An", "X-HOAAN", [(Role.Manager, "X-HOAAN")], true),
        ("officer.hoaan", "Nông Thị Hạnh", "Công chức Địa chính – Xây dựng", "X-HOAAN", [(Role.Officer, "X-HOAAN")], false),
        ("welfare.hoaan", "Lý Văn Đức", "Công chức Văn hóa – Xã hội", "X-HOAAN", [(Role.Welfare, "X-HOAAN")], false),
        ("admin.tralinh", "Sầm Văn Bình", "Quản trị hệ thống xã", "X-TRALINH", [(Role.Admin, "X-TRALINH")], false),
    ];

    /// <summary>The demo loads only into a database that holds nothing but the first start's root and admin.</summary>
    public static async Task<bool> IsEmptyAsync(ThreeClearsDb db, CancellationToken ct) =>
        await db.Set<OrgUnit>().CountAsync(ct) <= 1 && await db.Users.CountAsync(ct) <= 1;

    public async Task LoadAsync(CancellationToken ct)
    {
        var now = clock.UtcNow;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var root = await db.Set<OrgUnit>().FirstAsync(u => u.ParentId == null, ct);
        var units = new Dictionary<string, OrgUnit> { [root.Code] = root, ["CB"] = root };

        void Add(string code, string name, string nameEn, OrgUnitKind kind, DateOnly? dissolved = null) =>
            units[code] = new OrgUnit
            {
                Code = code, Name = name, NameEn = nameEn, Kind = kind, Parent = root, Depth = 1, CreatedAt = now, DissolvedOn = dissolved,
            };

        foreach (var (c, n, e) in Departments) Add(c, n, e, OrgUnitKind.Department);
        Add("CK-TRALINH", "Cửa khẩu quốc tế Trà Lĩnh", "Tra Linh International Border Gate", OrgUnitKind.Site);
        Add("CK-TALUNG", "Cửa khẩu quốc tế Tà Lùng", "Ta Lung International Border Gate", OrgUnitKind.Site);
        Add("LS", "Tỉnh Lạng Sơn", "Lang Son Province", OrgUnitKind.Partner);
        Add("TN", "Tỉnh Thái Nguyên", "Thai Nguyen Province", OrgUnitKind.Partner);
        foreach (var (c, n, e) in Wards) Add(c, n, e, OrgUnitKind.Ward);
        foreach (var (c, n, e) in Communes) Add(c, n, e, OrgUnitKind.Commune);
        foreach (var (c, n, e, _) in Predecessors) Add(c, n, e, c.Contains("-P-") ? OrgUnitKind.Ward : OrgUnitKind.Commune, Merger);

        db.AddRange(units.Values.Where(u => u.Id == 0));
        await db.SaveChangesAsync(ct);
        foreach (var u in units.Values.Where(u => u.Id != root.Id)) u.Path = root.Path + u.Id + "/";
        foreach (var (code, _, _, to) in Predecessors)
            foreach (var (successor, share) in to)
                db.Add(new OrgUnitLineage { SuccessorId = units[successor].Id, PredecessorId = units[code].Id, EffectiveDate = Merger, Share = share });

        // One hash for every demo user: PBKDF2 is slow on purpose, and the demo password is public anyway.
        var hash = users.PasswordHasher.HashPassword(new AppUser(), Password);
        var people = new List<(AppUser User, (Role Role, string At)[] Roles, bool Head)>();
        foreach (var p in People)
        {
            var user = new AppUser
            {
                UserName = p.User, NormalizedUserName = users.NormalizeName(p.User), FullName = p.FullName, Position = p.Position,
                OrgUnitId = units[p.Unit].Id, CreatedAt = now, PasswordHash = hash, SecurityStamp = Guid.NewGuid().ToString("N"), LockoutEnabled = true,
            };
            db.Add(user);
            people.Add((user, p.Roles, p.Head));
        }
        await db.SaveChangesAsync(ct);
        foreach (var (user, roles, head) in people)
        {
            foreach (var (role, at) in roles) db.Add(new RoleGrant { UserId = user.Id, Role = role, OrgUnitId = units[at].Id, GrantedAt = now });
            if (head) units[People.First(p => p.User == user.UserName).Unit].HeadUserId = user.Id;
        }

        foreach (var u in units.Values.Where(u => u.Id != root.Id).DistinctBy(u => u.Id))
            audit.Record("orgUnit", u.Code, "create", null, new { u.Code, u.Name, u.NameEn, kind = u.Kind.ToApi(), parentCode = root.Code, u.DissolvedOn }, u.Id, "demo");
        foreach (var (user, roles, _) in people)
            audit.Record("user", user.UserName!, "create", null,
                new { userName = user.UserName, user.FullName, user.Position, roles = roles.Select(r => new { role = r.Role.ToApi(), orgUnitCode = r.At }) },
                user.OrgUnitId, "demo");
        Indicators.IndicatorDemo.Add(db, audit, now, root, units);
        await Plan.PlanDemo.LoadAsync(db, audit, units, now, ct);
        await Evaluation.EvaluationDemo.LoadAsync(db, audit, units, hash, users.KeyNormalizer, now, ct);
        await Welfare.WelfareDemo.LoadAsync(db, audit, units, now, ct);
        await Drafts.ConsultationDemo.LoadAsync(db, audit, units, now, clock.Today, ct);
        Ratings.RatingsDemo.Add(db, audit, units, now, clock.Today);
        await Public.PortalDemo.LoadAsync(db, audit, files, units, now, clock.Today, ct);
        await audit.CommitAsync(tx, ct);
    }
}
