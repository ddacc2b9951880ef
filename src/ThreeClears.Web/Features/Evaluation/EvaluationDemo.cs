using Microsoft.AspNetCore.Identity;
using ThreeClears.Domain;
using ThreeClears.Domain.Access;
using ThreeClears.Domain.Tasks;
using ThreeClears.Web.Data;
using ThreeClears.Web.Features.Access;
using ThreeClears.Web.Features.Audit;
using ThreeClears.Web.Features.Organisation;
using ThreeClears.Web.Features.Ratings;
using ThreeClears.Web.Features.Tasks;

namespace ThreeClears.Web.Features.Evaluation;

/// <summary>
/// A year and more of work in eight units of the demo, so that the results score ranks something in
/// 2025 and 2026: each unit's head and officer, their tasks (delivered on time, late or not at all,
/// with the odd activity that counts nothing), consultations between the units (answered, or left to
/// silence), escalations from officer to head (resolved, or missed and resolved by the province), and
/// citizens' ratings. Each unit has its own diligence, so the ranking differs; the draws are seeded,
/// so every demo is the same. Everything is dated up to the day the demo is loaded; later work is open.
/// The units and people are apart from those the other demo classes and the tests use.
/// </summary>
public static class EvaluationDemo
{
    /// <summary>(unit, head, head's name, head's position, officer, officer's name, officer's position, diligence 0..1).</summary>
    private static readonly (string Unit, string Head, string HeadName, string HeadPosition, string Officer, string OfficerName, string OfficerPosition, double Q)[] Units =
    [
        ("X-QUANGUYEN", "chair.quanguyen", "Nông Văn Khánh", "Chủ tịch UBND xã Quảng Uyên", "officer.quanguyen", "Lục Thị Nga", "Công chức Địa chính – Xây dựng", 0.92),
        ("X-TRUNGKHANH", "chair.trungkhanh", "Đàm Văn Sơn", "Chủ tịch UBND xã Trùng Khánh", "officer.trungkhanh", "Hoàng Thị Yến", "Công chức Văn phòng – Thống kê", 0.8),
        ("X-BAOLAC", "chair.baolac", "Triệu Văn Phúc", "Chủ tịch UBND xã Bảo Lạc", "officer.baolac", "Bàn Thị Mai", "Công chức Địa chính – Xây dựng", 0.5),
        ("X-NGUYENBINH", "chair.nguyenbinh", "Lý Văn Hải", "Chủ tịch UBND xã Nguyên Bình", "officer.nguyenbinh", "Đinh Thị Hằng", "Công chức Tài chính – Kế toán", 0.7),
        ("X-HAQUANG", "chair.haquang", "Mạc Văn Toàn", "Chủ tịch UBND xã Hà Quảng", "officer.haquang", "Nông Thị Duyên", "Công chức Văn hóa – Xã hội", 0.62),
        ("P-THUCPHAN", "chair.thucphan", "Hoàng Văn Minh", "Chủ tịch UBND phường Thục Phán", "officer.thucphan", "Phùng Thị Lan Anh", "Công chức Địa chính – Xây dựng", 0.86),
        ("SO-NNMT", "director.nnmt", "Bế Văn Thắng", "Giám đốc Sở Nông nghiệp và Môi trường", "officer.nnmt", "La Văn Đông", "Chuyên viên", 0.75),
        ("SO-YT", "director.yt", "Lương Thị Nguyệt", "Giám đốc Sở Y tế", "officer.yt", "Sầm Văn Hiếu", "Chuyên viên", 0.58),
    ];

    /// <summary>What the units deliver: (title, product, unit of measure, target).</summary>
    private static readonly (string Title, string Product, string Measure, decimal Target)[] Products =
    [
        ("Hoàn thành nhà ở cho hộ nghèo", "Nhà ở kiên cố bàn giao cho hộ nghèo", "căn", 12),
        ("Bê tông hóa đường liên thôn", "Đường bê tông liên thôn", "km", 3),
        ("Xây nhà tiêu hợp vệ sinh", "Nhà tiêu hợp vệ sinh cho hộ gia đình", "nhà", 40),
        ("Trồng rừng sản xuất", "Rừng sản xuất trồng mới", "ha", 25),
        ("Cấp giấy chứng nhận quyền sử dụng đất", "Giấy chứng nhận giao cho hộ dân", "giấy", 60),
        ("Sửa chữa kênh mương nội đồng", "Kênh mương kiên cố hóa", "m", 800),
        ("Tiêm chủng mở rộng cho trẻ em", "Trẻ em được tiêm đủ mũi", "trẻ", 150),
        ("Lắp đèn chiếu sáng đường thôn", "Đèn chiếu sáng lắp đặt", "bộ", 30),
    ];

    private static readonly (string Title, string Product)[] Activities =
    [
        ("Họp triển khai kế hoạch quý", "Cuộc họp triển khai"),
        ("Ban hành kế hoạch thực hiện", "Kế hoạch được ban hành"),
    ];

    public static async Task LoadAsync(ThreeClearsDb db, AuditLog audit, IReadOnlyDictionary<string, OrgUnit> units, string passwordHash,
        ILookupNormalizer normalizer, DateTime now, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(now.AddHours(7));
        var people = new Dictionary<string, AppUser>();
        AppUser Person(string userName, string fullName, string position, OrgUnit unit)
        {
            var u = new AppUser
            {
                UserName = userName, NormalizedUserName = normalizer.NormalizeName(userName), FullName = fullName, Position = position,
                OrgUnitId = unit.Id, CreatedAt = now, PasswordHash = passwordHash, SecurityStamp = Guid.NewGuid().ToString("N"), LockoutEnabled = true,
            };
            db.Add(u);
            return people[userName] = u;
        }
        foreach (var x in Units)
        {
            Person(x.Head, x.HeadName, x.HeadPosition, units[x.Unit]);
            Person(x.Officer, x.OfficerName, x.OfficerPosition, units[x.Unit]);
        }
        var province = units["CB"];
        var deputy = Person("pho.chutich", "Hoàng Văn Thạch", "Phó Chủ tịch UBND tỉnh", province);
        await db.SaveChangesAsync(ct);
        var leaderId = province.HeadUserId ?? deputy.Id;

        db.Add(new RoleGrant { UserId = deputy.Id, Role = Role.Leader, OrgUnitId = province.Id, GrantedAt = now });
        foreach (var x in Units)
        {
            var unit = units[x.Unit];
            db.Add(new RoleGrant { UserId = people[x.Head].Id, Role = Role.Manager, OrgUnitId = unit.Id, GrantedAt = now });
            db.Add(new RoleGrant { UserId = people[x.Officer].Id, Role = Role.Officer, OrgUnitId = unit.Id, GrantedAt = now });
            unit.HeadUserId = people[x.Head].Id;
        }
        foreach (var p in people.Values)
            audit.Record("user", p.UserName!, "create", null, new { userName = p.UserName, p.FullName, p.Position }, p.OrgUnitId, "demo");

        var tasks = new List<(TaskItem Task, int Unit)>();
        var consultations = new List<Consultation>();
        var escalations = new List<Escalation>();
        var ratings = new List<Rating>();
        var quarters = new[] { (2025, 1), (2025, 2), (2025, 3), (2025, 4), (2026, 1), (2026, 2), (2026, 3), (2026, 4) };
        for (var ui = 0; ui < Units.Length; ui++)
        {
            var x = Units[ui];
            var unit = units[x.Unit];
            var head = people[x.Head];
            var officer = people[x.Officer];
            var random = new Random(7919 * (ui + 1));
            foreach (var (year, quarter) in quarters)
            {
                var qStart = new DateOnly(year, quarter * 3 - 2, 1);
                if (qStart > today) break;
                // Three products for the officer (assigned by the head), one for the head (assigned by the province), one activity.
                for (var k = 0; k < 5; k++)
                {
                    var due = qStart.AddMonths(k % 3).AddDays(9 + 5 * k);
                    var owner = k == 3 ? head : officer;
                    var assigner = k == 3 ? deputy : head;
                    var activity = k == 4;
                    var product = Products[(ui + k + quarter) % Products.Length];
                    var (title, what) = activity ? Activities[(ui + quarter) % Activities.Length] : (product.Title, product.Product);
                    var target = activity ? 1 : product.Target;
                    var created = qStart.AddDays(-20);
                    var t = new TaskItem
                    {
                        Title = $"{title} – {VietnameseQuarter(year, quarter)}", ProductDescription = what, ProductUnit = activity ? "lần" : product.Measure,
                        TargetQuantity = target, OriginalTargetQuantity = target, Kind = activity ? ProductKind.Process : ProductKind.Output,
                        OwnerId = owner.Id, OwnerOrgUnitId = unit.Id, AssignedById = assigner.Id, StartDate = created, DueDate = due, CreatedOn = created,
                        CreatedAt = created.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc), Source = "Kế hoạch công tác quý (dữ liệu mẫu)",
                        Status = Domain.Tasks.TaskStatus.OnTrack, StatusOn = today,
                    };
                    var draw = random.NextDouble();
                    DateOnly? done = draw < x.Q ? due.AddDays(-random.Next(0, 6))
                        : draw < x.Q + (1 - x.Q) * 0.6 ? due.AddDays(random.Next(3, 25))
                        : null;
                    if (done is { } d && d <= today)
                    {
                        Report(t, d, target, owner.Id);
                        t.CompletedOn = t.VerifiedOn = d;
                        t.Status = d <= due ? Domain.Tasks.TaskStatus.CompletedOnTime : Domain.Tasks.TaskStatus.CompletedLate;
                        t.StatusOn = d;
                    }
                    else
                    {
                        // Short of the target, so that no open demo task waits for a verifier.
                        var partial = Math.Min(Math.Floor(target * (decimal)(0.2 + 0.5 * random.NextDouble())), target - 1);
                        var reportOn = due.AddDays(-10) < today ? due.AddDays(-10) : today;
                        if (reportOn > created && partial > 0) Report(t, reportOn, partial, owner.Id);
                        if (due < today)
                        {
                            t.Status = Domain.Tasks.TaskStatus.Overdue;
                            // The sweep's automatic escalation of an overdue task to its assigner, already answered.
                            t.OverdueEscalated = true;
                            var raised = due.AddDays(1);
                            escalations.Add(Escalation(t, EscalationReason.Overdue, "Việc đã quá hạn, đề nghị chỉ đạo", null, raised, assigner,
                                assigner.OrgUnitId, raised.AddDays(2), raised.AddDays(random.Next(0, 3)), "Giao bổ sung nhân lực, hoàn thành trong tháng"));
                        }
                    }
                    tasks.Add((t, unit.Id));
                }

                // Two consultations from the officer to the next unit, answered on time by that unit's diligence, else left to silence.
                var (consulted, consultedHead, consultedQ) = (units[Units[(ui + 1) % Units.Length].Unit], people[Units[(ui + 1) % Units.Length].Head],
                    Units[(ui + 1) % Units.Length].Q);
                for (var k = 0; k < 2; k++)
                {
                    var asked = qStart.AddDays(20 + 35 * k);
                    var deadline = asked.AddDays(7);
                    if (deadline >= today) continue;
                    var c = new Consultation
                    {
                        Task = tasks.Last(t => t.Task.OwnerId == officer.Id).Task, AskedById = officer.Id, ToOrgUnitId = consulted.Id,
                        Question = "Đề nghị cho ý kiến về phương án thực hiện trên địa bàn giáp ranh",
                        LegalBasis = k == 0 ? "Quy chế làm việc của UBND tỉnh" : null, AskedOn = asked, AskedAt = asked.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc),
                        Deadline = deadline,
                    };
                    if (random.NextDouble() < consultedQ)
                    {
                        var on = deadline.AddDays(-random.Next(0, 5));
                        var objected = random.NextDouble() < 0.25;
                        c.Status = objected ? ConsultationStatus.Objected : ConsultationStatus.Agreed;
                        c.AnsweredById = consultedHead.Id;
                        c.AnsweredOn = on;
                        c.AnsweredAt = on.ToDateTime(new TimeOnly(3, 0), DateTimeKind.Utc);
                        if (objected)
                        {
                            c.Reasons = "Phương án ảnh hưởng đến đất sản xuất của người dân";
                            c.Alternative = "Điều chỉnh tuyến đi theo đường hiện có";
                        }
                    }
                    else
                    {
                        c.Status = ConsultationStatus.DeemedAgreed;
                        c.DeemedOn = deadline.AddDays(1);
                    }
                    consultations.Add(c);
                }

                // One escalation from the officer to the head: resolved in time, or missed and settled by the province leader.
                var blocked = tasks.Last(t => t.Task.OwnerId == officer.Id).Task;
                var raisedOn = qStart.AddDays(40);
                if (raisedOn.AddDays(5) < today && (blocked.CompletedOn is null || blocked.CompletedOn > raisedOn))
                {
                    if (random.NextDouble() < x.Q)
                        escalations.Add(Escalation(blocked, EscalationReason.ExceedsAuthority, "Vượt thẩm quyền: cần quyết định điều chỉnh vốn", officer.Id, raisedOn,
                            head, unit.Id, raisedOn.AddDays(2), raisedOn.AddDays(random.Next(0, 3)), "Đồng ý điều chỉnh trong phạm vi dự toán"));
                    else
                    {
                        var e = Escalation(blocked, EscalationReason.Blocked, "Vướng mặt bằng, đề nghị hỗ trợ", officer.Id, raisedOn, head, unit.Id,
                            raisedOn.AddDays(2), null, null);
                        e.Steps.Add(new EscalationStepRow
                        {
                            Level = 2, ToUserId = leaderId, ToOrgUnitId = province.Id, RespondBy = raisedOn.AddDays(4),
                            At = raisedOn.AddDays(3).ToDateTime(new TimeOnly(1, 0), DateTimeKind.Utc),
                        });
                        Resolve(e, 2, leaderId, province.Id, raisedOn.AddDays(4), raisedOn.AddDays(4), "Giao Sở Xây dựng phối hợp giải phóng mặt bằng");
                        escalations.Add(e);
                    }
                }
            }

            // Citizens' ratings: most units gather 30 or more a year, the last two fewer (Citizens then absent).
            foreach (var year in new[] { 2025, 2026 })
            {
                var months = year < today.Year ? 12 : year == today.Year ? today.Month : 0;
                var count = ui >= Units.Length - 2 ? 12 : 32 + random.Next(0, 14);
                for (var i = 0; i < count && months > 0; i++)
                {
                    var month = new DateOnly(year, 1 + i % months, 1);
                    var stars = Math.Clamp((int)Math.Round(1 + 4 * x.Q + (random.NextDouble() - 0.5) * 2.2), 1, 5);
                    ratings.Add(new Rating
                    {
                        OrgUnitId = unit.Id, ClientHash = RatingsService.Hash($"demo-{x.Unit}-{year}-{i}"), Month = month, Stars = stars,
                        CreatedAt = month.AddDays(i % 27).ToDateTime(new TimeOnly(4, 0), DateTimeKind.Utc),
                    });
                }
            }
        }

        db.AddRange(tasks.Select(t => t.Task));
        await db.SaveChangesAsync(ct);
        db.AddRange(consultations);
        db.AddRange(escalations);
        db.AddRange(ratings);
        foreach (var (t, _) in tasks.Where(t => t.Task.VerifiedOn is not null))
            db.Add(new TaskVerification
            {
                TaskId = t.Id, Approved = true, Note = "Đã kiểm tra sản phẩm tại thực địa", ByUserId = t.AssignedById, On = t.VerifiedOn!.Value,
                At = t.VerifiedOn.Value.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc),
            });
        await db.SaveChangesAsync(ct);

        foreach (var (t, unitId) in tasks)
            audit.Record("task", t.Id, "create", null, new { t.Title, product = t.ProductDescription, t.ProductUnit, t.TargetQuantity, kind = t.Kind.ToApi(),
                t.DueDate, t.CompletedOn, status = t.Status.ToApi() }, unitId, "demo");
        foreach (var c in consultations)
            audit.Record("consultation", c.Id, "create", null, new { c.TaskId, c.Deadline, status = c.Status.ToApi(), c.AnsweredOn }, c.ToOrgUnitId, "demo");
        foreach (var e in escalations)
            audit.Record("escalation", e.Id, "raise", null, new { e.TaskId, reason = e.Reason.ToApi(), e.Level, e.RespondBy, status = e.Status.ToApi(), e.ResolvedOn },
                e.ToOrgUnitId, "demo");
        foreach (var r in ratings)
            audit.Record("rating", r.Id, "create", null, new { r.OrgUnitId, r.Stars, hasComment = false }, r.OrgUnitId, "citizen");
    }

    private static string VietnameseQuarter(int year, int quarter) => $"quý {new[] { "I", "II", "III", "IV" }[quarter - 1]}/{year}";

    private static void Report(TaskItem t, DateOnly on, decimal quantity, int by)
    {
        t.Reports.Add(new TaskProgressReport
        {
            ReportedOn = on, ReportedAt = on.ToDateTime(new TimeOnly(8, 0), DateTimeKind.Utc), CumulativeQuantity = quantity,
            Note = quantity >= t.TargetQuantity ? "Hoàn thành, có biên bản nghiệm thu" : "Đang triển khai theo kế hoạch", ByUserId = by,
        });
        t.DeliveredQuantity = quantity;
        t.LastReportOn = on;
    }

    private static Escalation Escalation(TaskItem task, EscalationReason reason, string question, int? raisedBy, DateOnly raised, AppUser to, int toUnit,
        DateOnly respondBy, DateOnly? resolvedOn, string? decision)
    {
        var e = new Escalation
        {
            Task = task, Reason = reason, Question = question, RaisedById = raisedBy, RaisedOn = raised,
            RaisedAt = raised.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc), Level = 1, ToUserId = to.Id, ToOrgUnitId = toUnit, RespondBy = respondBy,
            Status = EscalationState.Open,
        };
        e.Steps.Add(new EscalationStepRow { Level = 1, ToUserId = to.Id, ToOrgUnitId = toUnit, RespondBy = respondBy, At = e.RaisedAt });
        if (resolvedOn is { } on) Resolve(e, 1, to.Id, toUnit, respondBy, on, decision!);
        return e;
    }

    private static void Resolve(Escalation e, int level, int by, int unit, DateOnly respondBy, DateOnly on, string decision)
    {
        e.Level = level;
        e.ToUserId = by;
        e.ToOrgUnitId = unit;
        e.RespondBy = respondBy;
        e.Status = EscalationState.Resolved;
        e.Decision = decision;
        e.Note = "Xử lý theo thẩm quyền";
        e.ResolvedById = by;
        e.ResolvedOn = on;
        e.ResolvedAt = on.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);
    }
}
