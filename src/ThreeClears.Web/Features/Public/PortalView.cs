using System.Globalization;
using ThreeClears.Web.Features.Indicators;

namespace ThreeClears.Web.Features.Public;

/// <summary>How the portal writes numbers, dates and bars, in the reader's language.</summary>
public static class PortalView
{
    public static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static string N(decimal? x) => x is { } v ? v.ToString("#,##0.##", CultureInfo.CurrentCulture) : "—";

    /// <summary>A change, with its sign: +13,7 or −2,1.</summary>
    public static string Signed(decimal x) => x.ToString("+#,##0.##;−#,##0.##;0", CultureInfo.CurrentCulture);

    public static string N(double? x) => x is { } v ? v.ToString("0.00", CultureInfo.CurrentCulture) : "—";

    public static string Date(DateOnly d) => English ? d.ToString("d MMM yyyy", CultureInfo.InvariantCulture) : d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>The figure a card leads with: the actual measured against the target, else the year to date, else the value.</summary>
    public static decimal? Lead(AnalyticsRowDto r) => r.Actual ?? r.Ytd ?? r.Value;

    /// <summary>Bar widths (of 100) for actual and target on one scale.</summary>
    public static (int Actual, int Target) Bars(AnalyticsRowDto r)
    {
        var a = Math.Abs(Lead(r) ?? 0m);
        var t = Math.Abs(r.Target ?? 0m);
        var max = Math.Max(a, t);
        return max == 0m ? (0, 0) : ((int)Math.Round(a / max * 100m), (int)Math.Round(t / max * 100m));
    }

    /// <summary>A long text cut at a word for a list, with an ellipsis; the whole text is on its own page or anchor.</summary>
    public static string Excerpt(string text, int max = 600)
    {
        if (text.Length <= max) return text;
        var cut = text.LastIndexOf(' ', max);
        if (cut < max / 2) cut = max;
        if (char.IsHighSurrogate(text[cut - 1])) cut--;
        return text[..cut] + "…";
    }
}
