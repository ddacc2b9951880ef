using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ThreeClears.Domain.Welfare;
using ThreeClears.Web.Data;
using ThreeClears.Web.Features.Audit;
using ThreeClears.Web.Features.Indicators;
using ThreeClears.Web.Features.Organisation;

namespace ThreeClears.Web.Features.Welfare;

/// <summary>
/// The demo's people's lives, generated from a fixed seed (names and villages are fictional):
/// <list type="bullet">
/// <item>the 2025 housing programme at province level as the sources give it — 19,067 dilapidated
/// houses replaced, VND 955 billion — with one support record (completed between March and
/// August 2025) per supported household, spread over the communes and wards, and each commune's
/// own target equal to what it delivered;</item>
/// <item>a few hundred more households in Trà Lĩnh and Hòa An whose three questions are still open
/// (temporary or dilapidated houses, makeshift kitchens), for the <c>missing=</c> lists;</item>
/// <item>2025 happiness surveys: Trà Lĩnh and Thục Phán with 30 or more respondents (published),
/// Hòa An and Nam Tuấn with fewer (not published).</item>
/// </list>
/// Rows go out as multi-row statements. The audit records one entry per commune and kind of record
/// ("demo load of N households") instead of 40,000 entries of generated people.
/// </summary>
public static class WelfareDemo
{
    public const int HousesReplaced2025 = 19_067;
    public const decimal Funding2025 = 955_000_000_000m;
    public const decimal NewBuildBudget = 60_000_000m;
    public const decimal RepairBudget = 30_000_000m;

    private static readonly string[] Families = ["Nông", "Hoàng", "Lục", "Bế", "Đàm", "Triệu", "Lý", "Hà", "Mã", "Sầm", "La", "Lương", "Vi", "Nguyễn", "Đinh", "Lâm", "Chu", "Dương"];
    private static readonly string[] MenNames = ["Văn Hùng", "Văn Minh", "Văn Thắng", "Văn Dũng", "Văn Páo", "Văn Sình", "Văn Tùng", "Đức Anh", "Văn Long", "Văn Quý", "Văn Chỉnh", "Văn Khánh"];
    private static readonly string[] WomenNames = ["Thị Lan", "Thị Mai", "Thị Hoa", "Thị Thu", "Thị Nga", "Thị Dìn", "Thị Mỷ", "Thị Hằng", "Thị Thoa", "Thị Xuân", "Thị Nhung", "Thị Pảo"];
    private static readonly string[] Places = ["Nà Pò", "Khuổi Khon", "Pác Bó", "Nà Sác", "Cốc Lùng", "Lũng Pán", "Phia Đén", "Bó Củng", "Khau Vài", "Nặm Tộc", "Pò Rẫy", "Lũng Nặm"];

    /// <summary>Weights of the communes and wards in the programme: the mountain communes had the most dilapidated houses.</summary>
    private static int Weight(OrgUnit u) => u.Kind == OrgUnitKind.Ward ? 2 : u.Code is "X-BAOLAM" or "X-BAOLAC" or "X-HAQUANG" or "X-THONGNONG" or "X-NGUYENBINH" ? 9 : 5;

    public static async Task LoadAsync(ThreeClearsDb db, AuditLog audit, IReadOnlyDictionary<string, OrgUnit> units, DateTime now, CancellationToken ct)
    {
        var random = new Random(2025);
        var communes = units.Values.DistinctBy(u => u.Id)
            .Where(u => u.Kind is OrgUnitKind.Commune or OrgUnitKind.Ward && u.DissolvedOn is null).OrderBy(u => u.Code, StringComparer.Ordinal).ToList();
        if (communes.Count == 0) return;

        // The 19,067 supported households, shared out by weight; the remainder goes to the first units.
        var weights = communes.Sum(Weight);
        var shares = communes.Select(u => HousesReplaced2025 * Weight(u) / weights).ToArray();
        for (var i = 0; HousesReplaced2025 - shares.Sum() > 0; i = (i + 1) % shares.Length) shares[i]++;
        // 60 million a new build, 30 million a repair: 12,766 new builds and 6,301 repairs make VND 954,990 million,
        // and the last ten new builds had a million more from the commune (VND 955,000 million in all).
        const int newBuilds = 12_766;

        var households = new List<Household>();
        var supportOf = new List<(string Code, int OrgUnitId, SupportKind Kind, decimal Budget, DateOnly CompletedOn)>();
        var supported = 0;
        for (var c = 0; c < communes.Count; c++)
        {
            var unit = communes[c];
            var villages = Villages(unit, random);
            for (var n = 1; n <= shares[c]; n++, supported++)
            {
                var isNew = supported < newBuilds;
                var budget = isNew ? NewBuildBudget + (supported >= newBuilds - 10 ? 1_000_000m : 0m) : RepairBudget;
                var h = Person(random, unit, $"{Short(unit)}-{n:00000}", villages, now);
                h.Housing = isNew ? HousingCondition.Solid : HousingCondition.SemiSolid;
                h.Poverty = random.Next(10) switch { < 6 => PovertyStatus.Poor, < 9 => PovertyStatus.NearPoor, _ => PovertyStatus.None };
                h.Kitchen = random.Next(10) < 7 ? KitchenCondition.Hygienic : KitchenCondition.Makeshift;
                h.Sanitation = random.Next(10) switch { < 6 => SanitationCondition.Hygienic, < 9 => SanitationCondition.Unhygienic, _ => SanitationCondition.None };
                h.Rate();
                households.Add(h);
                supportOf.Add((h.Code, unit.Id, isNew ? SupportKind.NewBuild : SupportKind.Repair, budget,
                    new DateOnly(2025, 3, 1).AddDays(random.Next(184))));
            }
        }

        // A few hundred households of the register in the two demo communes, some with open questions.
        foreach (var code in new[] { "X-TRALINH", "X-HOAAN" })
        {
            if (!units.TryGetValue(code, out var unit)) continue;
            var villages = Villages(unit, random);
            var start = shares[communes.FindIndex(u => u.Id == unit.Id)];
            for (var n = 1; n <= 160; n++)
            {
                var h = Person(random, unit, $"{Short(unit)}-{start + n:00000}", villages, now);
                h.Housing = random.Next(20) switch
                {
                    < 9 => HousingCondition.Solid, < 14 => HousingCondition.SemiSolid, < 17 => HousingCondition.Temporary, < 19 => HousingCondition.Dilapidated,
                    _ => null,
                };
                h.Kitchen = random.Next(10) switch { < 6 => KitchenCondition.Hygienic, < 9 => KitchenCondition.Makeshift, _ => KitchenCondition.None };
                h.Sanitation = random.Next(10) switch { < 5 => SanitationCondition.Hygienic, < 8 => SanitationCondition.Unhygienic, _ => SanitationCondition.None };
                h.Poverty = random.Next(10) switch { < 2 => PovertyStatus.Poor, < 4 => PovertyStatus.NearPoor, _ => PovertyStatus.None };
                h.Rate();
                households.Add(h);
            }
        }

        await BulkCopy.RunAsync(db, households, ct);
        await BulkCopy.RunAsync(db, households.Select(h => HouseholdRevision.Of(h, now, "demo", "demo")).ToList(), ct);
        var ids = await db.Set<Household>().AsNoTracking().Select(h => new { h.Code, h.Id }).ToDictionaryAsync(h => h.Code, h => h.Id, ct);
        await BulkCopy.RunAsync(db, supportOf.Select(s => new HousingSupport
        {
            HouseholdId = ids[s.Code], OrgUnitId = s.OrgUnitId, Year = 2025, Kind = s.Kind, Budget = s.Budget, Status = SupportStatus.Completed,
            CompletedOn = s.CompletedOn, CreatedAt = now,
        }).ToList(), ct);

        var root = units.Values.First(u => u.ParentId is null);
        var programmes = new List<HousingProgramme>
        {
            new() { OrgUnitId = root.Id, Year = 2025, TargetHouses = HousesReplaced2025, Funding = Funding2025, CreatedAt = now },
        };
        foreach (var g in supportOf.GroupBy(s => s.OrgUnitId))
            programmes.Add(new HousingProgramme { OrgUnitId = g.Key, Year = 2025, TargetHouses = g.Count(), Funding = g.Sum(s => s.Budget), CreatedAt = now });
        db.AddRange(programmes);

        foreach (var g in households.GroupBy(h => h.OrgUnitId))
        {
            var unit = communes.First(u => u.Id == g.Key);
            audit.Record("household", "demo:" + unit.Code, "demoLoad", null, new { households = g.Count(), codes = $"{g.First().Code} … {g.Last().Code}" }, unit.Id, "demo");
        }
        foreach (var g in supportOf.GroupBy(s => s.OrgUnitId))
        {
            var unit = communes.First(u => u.Id == g.Key);
            audit.Record("housingSupport", "demo:" + unit.Code, "demoLoad", null, new { year = 2025, records = g.Count(), budget = g.Sum(s => s.Budget) }, unit.Id, "demo");
        }
        foreach (var p in programmes)
        {
            var code = units.Values.First(u => u.Id == p.OrgUnitId).Code;
            audit.Record("housingProgramme", $"{code}/2025", "create", null, new { orgUnitCode = code, year = 2025, p.TargetHouses, p.Funding }, p.OrgUnitId, "demo");
        }
        await SurveyAsync(db, audit, units, random, now, ct);
    }

    private static async Task SurveyAsync(ThreeClearsDb db, AuditLog audit, IReadOnlyDictionary<string, OrgUnit> units, Random random, DateTime now, CancellationToken ct)
    {
        var responses = new List<HappinessResponse>();
        foreach (var (code, count, mood) in new[] { ("X-TRALINH", 48, 3.2), ("P-THUCPHAN", 35, 3.5), ("X-HOAAN", 22, 3.0), ("X-NAMTUAN", 12, 2.8) })
        {
            if (!units.TryGetValue(code, out var unit)) continue;
            for (var n = 1; n <= count; n++)
            {
                // Three answers a domain around the unit's mood: people differ, and so do domains.
                var person = mood + (random.NextDouble() - 0.5) * 2.0;
                double[] Items() => [.. Enumerable.Range(0, 3).Select(_ => (double)Math.Clamp((int)Math.Round(person + (random.NextDouble() - 0.5) * 2.2), 1, 5))];
                var answers = new HappinessAnswers
                {
                    LivingStandards = Items(), Health = Items(), Education = Items(), Environment = Items(), Safety = Items(), Culture = Items(),
                    Governance = Items(), LifeSatisfaction = Items(),
                };
                var r = new HappinessResponse
                {
                    OrgUnitId = unit.Id, Year = 2025, RespondentCode = $"KS25-{Short(unit)}-{n:000}", Answers = JsonSerializer.Serialize(answers, AuditLog.Json),
                    At = now, UserName = "demo",
                };
                r.Score(HappinessSurvey.Score(answers));
                responses.Add(r);
            }
            audit.Record("happinessResponse", $"demo:{code}/2025", "demoLoad", null, new { respondents = count }, unit.Id, "demo");
        }
        await BulkCopy.RunAsync(db, responses, ct);
    }

    private static string Short(OrgUnit u) => u.Code.Split('-', 2) is [_, var rest] ? rest : u.Code;

    private static string[] Villages(OrgUnit unit, Random random) =>
        unit.Kind == OrgUnitKind.Ward
            ? [.. Enumerable.Range(1, 6).Select(i => $"Tổ dân phố {i}")]
            : [.. Places.OrderBy(_ => random.Next()).Take(6).Select((p, i) => (i % 3 == 0 ? "Xóm " : "Bản ") + p)];

    private static Household Person(Random random, OrgUnit unit, string code, string[] villages, DateTime now) => new()
    {
        Code = code, OrgUnitId = unit.Id, Village = villages[random.Next(villages.Length)],
        HeadName = Families[random.Next(Families.Length)] + " " + (random.Next(3) == 0 ? WomenNames[random.Next(WomenNames.Length)] : MenNames[random.Next(MenNames.Length)]),
        Members = 1 + random.Next(7), CreatedAt = now, UpdatedAt = now,
    };
}
