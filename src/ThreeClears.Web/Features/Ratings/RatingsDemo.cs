using ThreeClears.Web.Data;
using ThreeClears.Web.Features.Audit;
using ThreeClears.Web.Features.Organisation;

namespace ThreeClears.Web.Features.Ratings;

/// <summary>
/// Demo ratings in the month the demo is loaded, so that the portal's rating of this year shows
/// them: three units above the 30 ratings that publish a mean, three below (only their count is
/// told), and one abusive rating an administrator has hidden. Clients are made-up ids.
/// </summary>
public static class RatingsDemo
{
    /// <summary>(unit, stars 1..5 counts).</summary>
    public static readonly (string Unit, int[] Stars)[] Units =
    [
        ("X-TRALINH", [1, 2, 6, 17, 20]),   // 46 ratings: (1 + 4 + 18 + 68 + 100) ÷ 46 = 191 ÷ 46 = 4.15
        ("P-THUCPHAN", [2, 3, 9, 14, 10]),  // 38 ratings: (2 + 6 + 27 + 56 + 50) ÷ 38 = 141 ÷ 38 = 3.71
        ("SO-XD", [1, 4, 10, 11, 7]),       // 33 ratings: (1 + 8 + 30 + 44 + 35) ÷ 33 = 118 ÷ 33 = 3.58
        ("X-HOAAN", [0, 2, 5, 6, 4]),       // 17 ratings: unpublished
        ("SO-YT", [1, 1, 3, 2, 2]),         // 9
        ("CK-TRALINH", [0, 1, 1, 1, 1]),    // 4
    ];

    private static readonly string[] Comments =
    [
        "Cán bộ một cửa hướng dẫn tận tình, thủ tục nhanh.",
        "Đường vào thôn đã được bê tông hóa, đi lại thuận tiện hơn.",
        "Cần trả lời kiến nghị của dân nhanh hơn.",
        "Hồ sơ nhà ở được giải quyết đúng hẹn.",
        "Mong xã tổ chức đối thoại với bà con thường xuyên hơn.",
    ];

    public const string HiddenComment = "Bình luận quảng cáo cờ bạc trực tuyến, không liên quan (mẫu)";

    public static void Add(ThreeClearsDb db, AuditLog audit, IReadOnlyDictionary<string, OrgUnit> units, DateTime now, DateOnly today)
    {
        var month = new DateOnly(today.Year, today.Month, 1);
        var n = 0;
        foreach (var (code, stars) in Units)
        {
            var unit = units[code];
            for (var s = 1; s <= 5; s++)
                for (var k = 0; k < stars[s - 1]; k++)
                {
                    n++;
                    db.Add(new Rating
                    {
                        OrgUnitId = unit.Id, ClientHash = RatingsService.Hash($"demo-client-{n}"), Month = month, Stars = s,
                        Comment = n % 4 == 0 ? Comments[n % Comments.Length] : null, CreatedAt = now,
                    });
                }
        }
        db.Add(new Rating
        {
            OrgUnitId = units["X-TRALINH"].Id, ClientHash = RatingsService.Hash("demo-client-spam"), Month = month, Stars = 1, Comment = HiddenComment,
            CreatedAt = now, Hidden = true, HiddenReason = "Quảng cáo, không phải ý kiến về đơn vị", HiddenByUserName = "admin", HiddenAt = now,
        });
        audit.Record("rating", "demo", "create", null, new { ratings = n + 1, month, hidden = 1 }, null, "demo");
    }
}
