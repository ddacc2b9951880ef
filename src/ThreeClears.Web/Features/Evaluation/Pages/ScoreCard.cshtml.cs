using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ThreeClears.Web.Infrastructure;

namespace ThreeClears.Web.Features.Evaluation.Pages;

/// <summary>A unit's or an official's score card: the score, its components and weights, every item behind them, and the last periods compared.</summary>
[Authorize]
public sealed class ScoreCardModel(EvaluationService evaluations, AppClock clock) : AppPage
{
    public const int Compared = 4;

    [BindProperty(SupportsGet = true)] public string Kind { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string Subject { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? Period { get; set; }
    public EvaluationDetailDto? Card { get; private set; }
    public EvaluationHistoryDto? History { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Period ??= clock.Today.Year.ToString(CultureInfo.InvariantCulture);
        await TryAsync(async () =>
        {
            Card = await evaluations.DetailAsync(Kind, Subject, Period, ct);
            History = await evaluations.HistoryAsync(Kind, Subject, Period, Compared, ct);
        });
    }

    /// <summary>
    /// The comparison chart, server-rendered SVG: one bar per period on a 0..100 scale with the 50, 70
    /// and 90 classification lines, coloured by classification, its score above it. Written here rather
    /// than in the view because Razor reserves the <c>text</c> element.
    /// </summary>
    public HtmlString Chart(string title)
    {
        var items = History?.Items ?? [];
        const double width = 320, plot = 110, gap = 16, baseLine = 120;
        var w = items.Count == 0 ? 0 : (width - gap * (items.Count + 1)) / items.Count;
        static string F(double x) => x.ToString("0.#", CultureInfo.InvariantCulture);
        var enc = HtmlEncoder.Default;
        var svg = new StringBuilder();
        var summary = string.Join("; ", items.Select(h => h.Period + " " + EvaluationView.Score(h.Score)));
        svg.Append($"<svg class=\"trend\" viewBox=\"0 0 320 150\" width=\"100%\" role=\"img\" aria-labelledby=\"trend-t\"><title id=\"trend-t\">{enc.Encode(title)}: {enc.Encode(summary)}</title>");
        foreach (var y in new[] { 50, 70, 90 })
        {
            var at = baseLine - y * plot / 100;
            svg.Append($"<line x1=\"0\" x2=\"{F(width)}\" y1=\"{F(at)}\" y2=\"{F(at)}\" class=\"rule\"/><text x=\"{F(width - 2)}\" y=\"{F(at - 2)}\" class=\"axis\" text-anchor=\"end\">{y}</text>");
        }
        for (var i = 0; i < items.Count; i++)
        {
            var h = items[i];
            var x = gap + i * (w + gap);
            var height = (double)(h.Score ?? 0) / 100 * plot;
            svg.Append($"<rect x=\"{F(x)}\" y=\"{F(baseLine - height)}\" width=\"{F(w)}\" height=\"{F(height)}\" class=\"c-{enc.Encode(h.Classification ?? "none")}\"/>");
            svg.Append($"<text x=\"{F(x + w / 2)}\" y=\"{F(baseLine - height - 4)}\" text-anchor=\"middle\" class=\"val\">{enc.Encode(EvaluationView.Score(h.Score))}</text>");
            svg.Append($"<text x=\"{F(x + w / 2)}\" y=\"138\" text-anchor=\"middle\" class=\"axis\">{enc.Encode(h.Period)}</text>");
        }
        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }
}
