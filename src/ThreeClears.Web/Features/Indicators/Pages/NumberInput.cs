using System.Globalization;

namespace ThreeClears.Web.Features.Indicators.Pages;

/// <summary>Reads a typed number whatever the keyboard's habit: "1.234,5" (Vietnamese), "1,234.5", "1234.5", "1234,5".</summary>
public static class NumberInput
{
    public static bool TryParse(string? text, out decimal value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var s = text.Trim().Replace(" ", "", StringComparison.Ordinal).Replace("\u00a0", "", StringComparison.Ordinal);
        var dot = s.LastIndexOf('.');
        var comma = s.LastIndexOf(',');
        if (dot >= 0 && comma >= 0)
        {
            // Both: the last one is the decimal mark, the other groups thousands.
            var (group, mark) = dot > comma ? (',', '.') : ('.', ',');
            s = s.Replace(group.ToString(), "", StringComparison.Ordinal).Replace(mark, '.');
        }
        else if (comma >= 0)
        {
            // Commas only: one is a decimal mark (Vietnamese); several group thousands.
            s = s.Count(c => c == ',') == 1 ? s.Replace(',', '.') : s.Replace(",", "", StringComparison.Ordinal);
        }
        else if (dot >= 0 && s.Count(c => c == '.') > 1)
        {
            s = s.Replace(".", "", StringComparison.Ordinal); // 1.234.567: Vietnamese thousands
        }
        return decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>A value as the page shows it in its input: invariant, so that it reads back the same.</summary>
    public static string Show(decimal value) => value.ToString("0.############", CultureInfo.InvariantCulture);
}
