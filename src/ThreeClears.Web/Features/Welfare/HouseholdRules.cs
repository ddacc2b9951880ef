using System.Globalization;
using ThreeClears.Domain;
using ThreeClears.Domain.Welfare;
using ThreeClears.Web.Infrastructure;
using ThreeClears.Web.Infrastructure.Auth;

namespace ThreeClears.Web.Features.Welfare;

/// <summary>A household's fields once checked.</summary>
public sealed record HouseholdFields(WelfareUnit Commune, string Village, string HeadName, int Members,
    PovertyStatus? Poverty, HousingCondition? Housing, KitchenCondition? Kitchen, SanitationCondition? Sanitation)
{
    /// <summary>The names of the fields that differ from <paramref name="h"/> (empty when none do).</summary>
    public List<string> Differences(Household h)
    {
        var d = new List<string>();
        if (h.OrgUnitId != Commune.Id) d.Add("communeCode");
        if (h.Village != Village) d.Add("village");
        if (h.HeadName != HeadName) d.Add("headName");
        if (h.Members != Members) d.Add("members");
        if (h.Poverty != Poverty) d.Add("poverty");
        if (h.Housing != Housing) d.Add("housing");
        if (h.Kitchen != Kitchen) d.Add("kitchen");
        if (h.Sanitation != Sanitation) d.Add("sanitation");
        return d;
    }

    public void ApplyTo(Household h)
    {
        h.OrgUnitId = Commune.Id;
        h.Village = Village;
        h.HeadName = HeadName;
        h.Members = Members;
        h.Poverty = Poverty;
        h.Housing = Housing;
        h.Kitchen = Kitchen;
        h.Sanitation = Sanitation;
        h.Rate();
    }
}

/// <summary>
/// The checks of a household, the same for an imported row and an edit: each bad field is named
/// with every reason. An empty answer to poverty or one of the three questions means "not recorded".
/// </summary>
public static class HouseholdRules
{
    public const int CodeMax = 64;
    public const int NameMax = 200;
    public const int MaxMembers = 100;

    /// <summary>The columns of API.md, in order; <c>householdCode</c> is the key.</summary>
    public static readonly string[] Columns =
        ["householdCode", "communeCode", "village", "headName", "members", "poverty", "housing", "kitchen", "sanitation"];

    /// <summary>Letters, digits and <c>- _ .</c>: a code that is also a path segment of the API.</summary>
    public static bool IsCode(string s) =>
        s.Length is > 0 and <= CodeMax && s.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    public static string Code(Checks checks, string? value, string path = "householdCode")
    {
        var code = checks.Text(path, value, CodeMax);
        if (code.Length > 0 && !IsCode(code)) checks.Add(path, "may hold only letters A–Z, digits and - _ .");
        return code;
    }

    /// <summary>Members from a file's cell: a whole number (a spreadsheet's 4.0 is 4).</summary>
    public static int? MembersFromText(Checks checks, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            checks.Add("members", "is required.");
            return null;
        }
        if (decimal.TryParse(text.Trim(), NumberStyles.Number & ~NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var d) && d == decimal.Truncate(d)
            && d is >= int.MinValue and <= int.MaxValue)
            return (int)d;
        checks.Add("members", $"'{Clip(text)}' is not a whole number.");
        return null;
    }

    /// <summary>Checks every field; null when any is bad (each named in <paramref name="checks"/>).</summary>
    public static HouseholdFields? Validate(Checks checks, WelfareUnits units, UnitSet manageScope,
        string? communeCode, string? village, string? headName, int? members, bool membersChecked,
        string? poverty, string? housing, string? kitchen, string? sanitation)
    {
        WelfareUnit? commune = null;
        var cc = checks.Text("communeCode", communeCode, CodeMax);
        if (cc.Length > 0)
        {
            commune = units.ByCode(cc);
            if (commune is null) checks.Add("communeCode", $"no org unit has code '{Clip(cc)}'.");
            else if (!commune.HoldsHouseholds)
                checks.Add("communeCode", commune.DissolvedOn is { } d
                    ? $"'{commune.Code}' was dissolved on {d:yyyy-MM-dd}: register the household in its successor."
                    : $"'{commune.Code}' is not a commune or ward.");
            else if (!manageScope.Contains(commune.Id)) checks.Add("communeCode", $"'{commune.Code}' is outside your units.");
        }
        var v = checks.Text("village", village, NameMax);
        var head = checks.Text("headName", headName, NameMax);
        if (!membersChecked && members is null) checks.Add("members", "is required.");
        else if (members is < 1 or > MaxMembers) checks.Add("members", $"must be between 1 and {MaxMembers}.");
        var p = Optional<PovertyStatus>(checks, "poverty", poverty);
        var h = Optional<HousingCondition>(checks, "housing", housing);
        var k = Optional<KitchenCondition>(checks, "kitchen", kitchen);
        var s = Optional<SanitationCondition>(checks, "sanitation", sanitation);
        if (checks.Any) return null;
        return new HouseholdFields(commune!, v, head, members!.Value, p, h, k, s);
    }

    private static TEnum? Optional<TEnum>(Checks checks, string path, string? value) where TEnum : struct, Enum
    {
        if (ApiSpelling.TryParseOptional<TEnum>(value, out var parsed)) return parsed;
        checks.Add(path, $"'{Clip(value!)}' is not one of {string.Join(", ", ApiSpelling.All<TEnum>())} (or empty: not recorded).");
        return null;
    }

    /// <summary>A cell quoted back in a message, cut short: a bad row must not make a huge answer.</summary>
    internal static string Clip(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
