using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ThreeClears.Domain.Access;
using ThreeClears.Web.Data;
using ThreeClears.Web.Infrastructure.Auth;

namespace ThreeClears.Web.Features.Welfare.Pages;

/// <summary>Formatting shared by the welfare pages: numbers in the page's culture, percents, bar widths, names.</summary>
public static class WelfareView
{
    public static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static string N(decimal v) => v.ToString("#,##0", CultureInfo.CurrentCulture);

    public static string N(int v) => v.ToString("#,##0", CultureInfo.CurrentCulture);

    /// <summary>A percent with one decimal, or a dash when there is nothing to divide.</summary>
    public static string P(double? v) => v is { } x ? x.ToString("0.0", CultureInfo.CurrentCulture) + " %" : "—";

    /// <summary>VND in billions (tỷ đồng) with one decimal: the unit the province reports in.</summary>
    public static string Billions(decimal? v) => v is { } x ? (x / 1_000_000_000m).ToString("#,##0.#", CultureInfo.CurrentCulture) : "—";

    public static string Millions(decimal v) => (v / 1_000_000m).ToString("#,##0.#", CultureInfo.CurrentCulture);

    /// <summary>A bar width in percent of its track, 0..100.</summary>
    public static string W(double? percent) => Math.Clamp(percent ?? 0, 0, 100).ToString("0.#", CultureInfo.InvariantCulture);

    public static string Name(string name, string nameEn) => English ? nameEn : name;

    public static string Score(double? v) => v is { } x ? x.ToString("0.000", CultureInfo.CurrentCulture) : "—";

    /// <summary>The latest year with data of the kind, not after this year; this year when there is none.</summary>
    public static async Task<int> DefaultYearAsync<T>(ThreeClearsDb db, Func<IQueryable<T>, IQueryable<int>> years, int thisYear, CancellationToken ct) where T : class
    {
        var latest = await years(db.Set<T>().AsNoTracking()).Where(y => y <= thisYear).OrderByDescending(y => y).FirstOrDefaultAsync(ct);
        return latest == 0 ? thisYear : latest;
    }

    /// <summary>The unit a page opens on: the first unit where the caller holds the welfare permission, else the root.</summary>
    public static async Task<string?> HomeUnitAsync(Caller caller, Permission permission, CancellationToken ct)
    {
        var grants = await caller.GrantsAsync(ct);
        return grants.Where(g => RoleRights.Grants(g.Role, permission)).OrderBy(g => g.OrgUnitPath.Length).Select(g => g.OrgUnitCode).FirstOrDefault();
    }
}
