using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ThreeClears.Web.Features.Indicators;
using ThreeClears.Web.Infrastructure;

namespace ThreeClears.Web.Features.Dashboard.Pages;

/// <summary>The province at a glance: indicator cards, tasks by status, overdue by unit, escalations waiting.</summary>
[Authorize]
public sealed class DashboardModel(DashboardService dashboard) : AppPage
{
    [BindProperty(SupportsGet = true)] public string? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public string? Period { get; set; }
    public DashboardView? View { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) =>
        await TryAsync(async () => View = await dashboard.GetAsync(Unit, Period, approvedOnly: false, ct));

    /// <summary>A number in the current culture, up to two decimals.</summary>
    public static string N(decimal? x) => x is { } v ? v.ToString("#,##0.##", CultureInfo.CurrentCulture) : "—";

    /// <summary>The figure the card leads with: the actual the target is measured against, else YTD, else the value.</summary>
    public static decimal? Lead(AnalyticsRowDto r) => r.Actual ?? r.Ytd ?? r.Value;

    /// <summary>Bar widths (of 100) for actual and target, on one scale.</summary>
    public static (int Actual, int Target) Bars(AnalyticsRowDto r)
    {
        var a = Math.Abs(Lead(r) ?? 0m);
        var t = Math.Abs(r.Target ?? 0m);
        var max = Math.Max(a, t);
        if (max == 0m) return (0, 0);
        return ((int)Math.Round(a / max * 100m), (int)Math.Round(t / max * 100m));
    }

    public static int Percent(int count, int max) => max <= 0 ? 0 : (int)Math.Round(count * 100m / max);
}
