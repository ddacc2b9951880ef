using System.Globalization;

namespace ThreeClears.Web.Features.Evaluation.Pages;

/// <summary>How the results score pages write figures: components as points of 100, in the page's culture.</summary>
public static class EvaluationView
{
    /// <summary>A score or a component ×100 with one decimal (96,7); a dash when absent.</summary>
    public static string Points(decimal? zeroToOne) =>
        zeroToOne is { } v ? Math.Round(v * 100, 1, MidpointRounding.AwayFromZero).ToString("0.0", CultureInfo.CurrentCulture) : "—";

    public static string Score(decimal? score) => score is { } s ? s.ToString("0.0", CultureInfo.CurrentCulture) : "—";

    public static string Number(decimal? x, int decimals = 2) =>
        x is { } v ? Math.Round(v, decimals, MidpointRounding.AwayFromZero).ToString("#,##0." + new string('#', decimals), CultureInfo.CurrentCulture) : "—";

    public static string Date(DateOnly? d) => d is { } x ? x.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : "—";

    /// <summary>The score card's address for a subject and period.</summary>
    public static string Card(string kind, string subject, string period) =>
        $"/evaluations/{kind}/{Uri.EscapeDataString(subject)}?period={Uri.EscapeDataString(period)}";
}
