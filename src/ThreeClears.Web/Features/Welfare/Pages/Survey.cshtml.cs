using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ThreeClears.Domain.Access;
using ThreeClears.Domain.Welfare;
using ThreeClears.Web.Data;
using ThreeClears.Web.Infrastructure;
using ThreeClears.Web.Infrastructure.Auth;

namespace ThreeClears.Web.Features.Welfare.Pages;

/// <summary>
/// A surveyor's phone form: one respondent at a time, two questions in each of the eight domains,
/// each answered 1 to 5 with radio buttons (no script). Saving goes through the same batch rule as
/// the API; after a save the form is ready for the next respondent.
/// </summary>
[Authorize]
public sealed partial class SurveyModel(HappinessService happiness, Caller caller, ThreeClearsDb db, AppClock clock) : AppPage
{
    public const int ItemsPerDomain = 2;

    [BindProperty(SupportsGet = true)] public string? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Respondent { get; set; }
    /// <summary>Answers by "domain.item" (e.g. <c>health.1</c>).</summary>
    [BindProperty] public Dictionary<string, int> Answers { get; set; } = [];
    public string? SavedRespondent { get; private set; }
    public IReadOnlyList<WelfareUnit> Units { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? saved, CancellationToken ct)
    {
        SavedRespondent = saved;
        await TryAsync(() => LoadAsync(ct));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await TryAsync(() => LoadAsync(ct))) return Page();
        double[] Items(string domain) =>
            [.. Enumerable.Range(1, ItemsPerDomain).Where(i => Answers.ContainsKey($"{domain}.{i}")).Select(i => (double)Answers[$"{domain}.{i}"])];
        var answers = new HappinessAnswers
        {
            LivingStandards = Items("livingStandards"), Health = Items("health"), Education = Items("education"), Environment = Items("environment"),
            Safety = Items("safety"), Culture = Items("culture"), Governance = Items("governance"), LifeSatisfaction = Items("lifeSatisfaction"),
        };
        var ok = await TryAsync(async () =>
        {
            var result = await happiness.PostAsync([new ResponseRow(Unit, Year, Respondent, answers)], ct);
            // The batch rule keeps good rows and reports bad ones; with one row, a bad one is the page's error.
            if (result.Rejected.Count > 0) throw new ValidationException(result.Rejected[0].Errors);
        });
        if (!ok) return Page();
        return Redirect($"/happiness/survey?unit={Uri.EscapeDataString(Unit ?? "")}&year={Year}&respondent={Uri.EscapeDataString(Next(Respondent ?? ""))}&saved={Uri.EscapeDataString(Respondent ?? "")}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Year ??= clock.Today.Year;
        var scope = await caller.UnitsWithAsync(Permission.ManageWelfare, ct);
        if (scope.IsEmpty) throw new ForbiddenException("Your roles do not allow recording survey responses.");
        var units = await WelfareUnits.LoadAsync(db, ct);
        var root = units.Root;
        Units = [.. units.SubtreeIds(root).Select(units.ById).Where(u => u.HoldsHouseholds && scope.Contains(u.Id)).OrderBy(u => u.Code, StringComparer.Ordinal)];
        Unit ??= Units.FirstOrDefault()?.Code;
        Respondent ??= $"KS{Year}-001";
    }

    /// <summary>The next respondent's code: the last number in the code plus one, keeping its width (KS2025-009 → KS2025-010).</summary>
    public static string Next(string code)
    {
        var m = TrailingNumber().Match(code);
        if (!m.Success) return code + "-2";
        var n = long.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture) + 1;
        return code[..m.Index] + n.ToString(new string('0', m.Length), System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"\d+$")]
    private static partial Regex TrailingNumber();

    /// <summary>The two questions of each domain (English keys, Vietnamese in the resources).</summary>
    public static readonly (string Domain, string[] Questions)[] Questionnaire =
    [
        ("livingStandards", ["Income covers the family's needs", "Housing, electricity and clean water meet the family's needs"]),
        ("health", ["Health of yourself and your family", "Getting medical care when needed"]),
        ("education", ["The children attend school fully", "Chances to study and learn a trade"]),
        ("environment", ["A clean living environment without pollution", "Rubbish and waste water are dealt with"]),
        ("safety", ["Security and order where you live", "Safety from natural disasters and accidents"]),
        ("culture", ["Cultural life, festivals and beliefs", "People in the community help each other"]),
        ("governance", ["Administrative procedures are quick and easy", "The authorities listen to and settle requests"]),
        ("lifeSatisfaction", ["Satisfied with life today", "Confident that life will get better"]),
    ];
}
