using System.Globalization;
using ThreeClears.Web.Infrastructure;

namespace ThreeClears.Web.Features.Tasks.Pages;

/// <summary>How the task pages write numbers, dates and statuses, so that every page writes them alike.</summary>
public static class TaskView
{
    public static readonly string[] FinishedStatuses = ["completedOnTime", "completedLate", "cancelled"];

    /// <summary>Quantities in the reader's culture: 19.067 in Vietnamese, 19,067 in English.</summary>
    public static string Qty(decimal q) => q.ToString("#,0.##", CultureInfo.CurrentCulture);

    public static string Percent(decimal fraction) => (fraction * 100).ToString("0", CultureInfo.CurrentCulture) + "%";

    public static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Date(DateOnly? d) => d is { } v ? Date(v) : "—";

    /// <summary>An instant as Vietnam time, which is what every official means by a time.</summary>
    public static string Time(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), AppClock.Vietnam).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static bool IsFinished(string status) => FinishedStatuses.Contains(status);

    /// <summary>A bar's width in percent, 0..100.</summary>
    public static string Width(decimal fraction) =>
        Math.Clamp(fraction * 100, 0, 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    public static string Size(long bytes) => bytes < 1_000_000
        ? (bytes / 1000m).ToString("0", CultureInfo.CurrentCulture) + " KB"
        : (bytes / 1_000_000m).ToString("0.#", CultureInfo.CurrentCulture) + " MB";

    /// <summary>
    /// A number typed in a form. Browsers post number inputs with a dot whatever the language, so
    /// it is read invariantly (the model binder would read "2.5" with the Vietnamese culture as 25);
    /// a lone comma is taken as the decimal mark someone typed by hand.
    /// </summary>
    public static decimal? Number(Checks checks, string path, string? text, bool required)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required) checks.Add(path, "is required.");
            return null;
        }
        var t = text.Trim();
        if (!t.Contains('.') && t.Count(c => c == ',') == 1) t = t.Replace(',', '.');
        if (decimal.TryParse(t, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v)) return v;
        checks.Add(path, $"'{text}' is not a number.");
        return null;
    }

    /// <summary>A date typed in a form (date inputs post yyyy-MM-dd).</summary>
    public static DateOnly? Day(Checks checks, string path, string? text, bool required)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required) checks.Add(path, "is required.");
            return null;
        }
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        checks.Add(path, $"'{text}' is not a date (yyyy-MM-dd).");
        return null;
    }

    /// <summary>"a, b , c" → ["a", "b", "c"]; null when empty.</summary>
    public static List<string?>? List(string? text)
    {
        var parts = (text ?? "").Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Length == 0 ? null : [.. parts];
    }
}
