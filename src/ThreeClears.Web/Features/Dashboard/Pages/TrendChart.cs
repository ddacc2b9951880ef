using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using ThreeClears.Web.Features.Indicators;

namespace ThreeClears.Web.Features.Dashboard.Pages;

/// <summary>
/// A key indicator's trend as a small server-rendered SVG (ARCHITECTURE.md: charts are server-rendered SVG):
/// this year's line through the period against last year's, by month or quarter — year to date for flows,
/// so that the line climbs towards the annual target — and the target as a horizontal line. A few hundred
/// bytes a chart, no script.
/// </summary>
public sealed class TrendChart
{
    public const int Width = 240, Height = 96;
    private const double Left = 4, Right = 236, Top = 12, Bottom = 80;

    private TrendChart(string now, string before, double? targetY, int slots, decimal top, IReadOnlyList<(double X, string Label)> ticks)
    {
        Now = now;
        Before = before;
        TargetY = targetY;
        Slots = slots;
        TopValue = top;
        Ticks = ticks;
    }

    /// <summary>Polyline points of this year's line ("x,y x,y …"); empty without points.</summary>
    public string Now { get; }

    /// <summary>Polyline points of last year's line.</summary>
    public string Before { get; }

    /// <summary>The y of the target line, when there is a target.</summary>
    public double? TargetY { get; }

    public int Slots { get; }

    /// <summary>The value at the top of the scale (labelled on the chart).</summary>
    public decimal TopValue { get; }

    public IReadOnlyList<(double X, string Label)> Ticks { get; }

    /// <summary>The chart for a trend, or null when the indicator has no monthly or quarterly points to draw.</summary>
    public static TrendChart? Of(AnalyticsResult r)
    {
        if (r.ThisYear.Count == 0 && r.LastYear.Count == 0) return null;
        var quarterly = r.ThisYear.Concat(r.LastYear).All(p => p.Period.Contains('Q', StringComparison.Ordinal));
        var slots = quarterly ? 4 : 12;
        var values = r.ThisYear.Concat(r.LastYear).Select(p => p.Value).ToList();
        if (r.Row.Target is { } t) values.Add(t);
        var max = values.Max();
        var min = Math.Min(0m, values.Min());
        if (max == min) max = min + 1m;

        double X(int index) => Left + (Right - Left) * (index - 1) / (slots - 1);
        double Y(decimal v) => Bottom - (Bottom - Top) * (double)((v - min) / (max - min));
        string Points(IReadOnlyList<TrendPoint> points) =>
            string.Join(' ', points.Select(p => string.Create(CultureInfo.InvariantCulture, $"{X(p.Index):0.#},{Y(p.Value):0.#}")));

        var ticks = quarterly
            ? Enumerable.Range(1, 4).Select(q => (X(q), "Q" + q.ToString(CultureInfo.InvariantCulture))).ToList()
            : new[] { 1, 3, 6, 9, 12 }.Select(m => (X(m), m.ToString(CultureInfo.InvariantCulture))).ToList();
        return new TrendChart(Points(r.ThisYear), Points(r.LastYear), r.Row.Target is { } target ? Y(target) : null, slots, max, ticks);
    }

    /// <summary>An SVG text element (Razor keeps the name &lt;text&gt; for itself), its content encoded.</summary>
    public static HtmlString Label(double x, double y, string text, string anchor) =>
        new($"<text x=\"{C(x)}\" y=\"{C(y)}\" text-anchor=\"{anchor}\">{HtmlEncoder.Default.Encode(text)}</text>");

    /// <summary>A coordinate as SVG wants it.</summary>
    public static string C(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>The last point of a line, for the chart's spoken summary.</summary>
    public static decimal? Last(IReadOnlyList<TrendPoint> points) => points.Count == 0 ? null : points[^1].Value;

    /// <summary>Last year's point at the same month or quarter as this year's last one.</summary>
    public static decimal? SameTimeLastYear(AnalyticsResult r) =>
        r.ThisYear.Count == 0 ? null : r.LastYear.FirstOrDefault(p => p.Index == r.ThisYear[^1].Index)?.Value;
}
