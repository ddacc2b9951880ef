using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace ThreeClears.Domain.Periods;

public enum Periodicity { Month, Quarter, Year }

/// <summary>
/// A reporting period as the brief writes it: <c>2025</c>, <c>2025Q3</c> or <c>2025-08</c>.
/// <see cref="Index"/> is the quarter (1–4) or month (1–12); 0 for a year.
/// </summary>
public readonly record struct Period(Periodicity Kind, int Year, int Index) : IComparable<Period>
{
    public static Period OfYear(int year) => new(Periodicity.Year, year, 0);
    public static Period OfQuarter(int year, int quarter) => new(Periodicity.Quarter, year, quarter);
    public static Period OfMonth(int year, int month) => new(Periodicity.Month, year, month);

    public DateOnly Start => Kind switch
    {
        Periodicity.Year => new DateOnly(Year, 1, 1),
        Periodicity.Quarter => new DateOnly(Year, (Index - 1) * 3 + 1, 1),
        _ => new DateOnly(Year, Index, 1),
    };

    /// <summary>The last day of the period (inclusive).</summary>
    public DateOnly End => Kind switch
    {
        Periodicity.Year => new DateOnly(Year, 12, 31),
        Periodicity.Quarter => new DateOnly(Year, Index * 3, 1).AddMonths(1).AddDays(-1),
        _ => new DateOnly(Year, Index, 1).AddMonths(1).AddDays(-1),
    };

    /// <summary>The first month of the period (1–12).</summary>
    public int FirstMonth => Kind switch { Periodicity.Year => 1, Periodicity.Quarter => (Index - 1) * 3 + 1, _ => Index };

    /// <summary>The last month of the period (1–12): how many months of the year it closes.</summary>
    public int LastMonth => Kind switch { Periodicity.Year => 12, Periodicity.Quarter => Index * 3, _ => Index };

    public bool Contains(DateOnly date) => date >= Start && date <= End;

    /// <summary>True when <paramref name="other"/> lies wholly inside this period (a period contains itself).</summary>
    public bool Contains(Period other) => other.Start >= Start && other.End <= End;

    /// <summary>The same period one year earlier.</summary>
    public Period YearBefore => this with { Year = Year - 1 };

    /// <summary>The months that make up this period, in order.</summary>
    public IEnumerable<Period> Months()
    {
        for (var m = FirstMonth; m <= LastMonth; m++) yield return OfMonth(Year, m);
    }

    /// <summary>The period of the given kind that contains this one's last month (e.g. 2025-08 → 2025Q3).</summary>
    public Period Enclosing(Periodicity kind) => kind switch
    {
        Periodicity.Year => OfYear(Year),
        Periodicity.Quarter => OfQuarter(Year, (LastMonth - 1) / 3 + 1),
        _ => OfMonth(Year, LastMonth),
    };

    public override string ToString() => Kind switch
    {
        Periodicity.Year => Year.ToString("D4", CultureInfo.InvariantCulture),
        Periodicity.Quarter => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}Q{Index}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Index:D2}"),
    };

    public int CompareTo(Period other)
    {
        var byStart = Start.CompareTo(other.Start);
        return byStart != 0 ? byStart : End.CompareTo(other.End);
    }

    public static Period Parse(string text) =>
        TryParse(text, out var p) ? p : throw new FormatException($"'{text}' is not a period: use 2025, 2025Q3 or 2025-08.");

    public static bool TryParse([NotNullWhen(true)] string? text, out Period period)
    {
        period = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        text = text.Trim();
        static bool Year(string s, out int y) =>
            int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out y) && s.Length == 4 && y is >= 1900 and <= 2999;

        if (text.Length == 4 && Year(text, out var year))
        {
            period = OfYear(year);
            return true;
        }
        if (text.Length == 6 && (text[4] == 'Q' || text[4] == 'q') && Year(text[..4], out year)
            && text[5] is >= '1' and <= '4')
        {
            period = OfQuarter(year, text[5] - '0');
            return true;
        }
        if (text.Length == 7 && text[4] == '-' && Year(text[..4], out year)
            && int.TryParse(text.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out var month) && month is >= 1 and <= 12)
        {
            period = OfMonth(year, month);
            return true;
        }
        return false;
    }

    public static bool operator <(Period a, Period b) => a.CompareTo(b) < 0;
    public static bool operator >(Period a, Period b) => a.CompareTo(b) > 0;
    public static bool operator <=(Period a, Period b) => a.CompareTo(b) <= 0;
    public static bool operator >=(Period a, Period b) => a.CompareTo(b) >= 0;
}
