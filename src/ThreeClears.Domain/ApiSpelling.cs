namespace ThreeClears.Domain;

/// <summary>
/// The API's spelling of every enum: the member name in camelCase (<c>semiSolid</c>,
/// <c>completedOnTime</c>). Reading trims white space and ignores case, so a spreadsheet's
/// <c>SemiSolid</c> is understood; numbers and unknown words are refused. One table per enum,
/// built once, so reading 150,000 imported rows allocates nothing.
/// </summary>
public static class ApiSpelling
{
    public static string ToApi<TEnum>(this TEnum value) where TEnum : struct, Enum =>
        Table<TEnum>.ByValue.TryGetValue(value, out var name)
            ? name
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"Not a {typeof(TEnum).Name}.");

    /// <summary>Every spelling, in declaration order.</summary>
    public static IReadOnlyList<string> All<TEnum>() where TEnum : struct, Enum => Table<TEnum>.Names;

    public static bool TryParse<TEnum>(ReadOnlySpan<char> text, out TEnum value) where TEnum : struct, Enum
    {
        text = text.Trim();
        var names = Table<TEnum>.Names;
        for (var i = 0; i < names.Length; i++)
        {
            if (text.Equals(names[i], StringComparison.OrdinalIgnoreCase))
            {
                value = Table<TEnum>.Values[i];
                return true;
            }
        }
        value = default;
        return false;
    }

    /// <summary>Empty or white space reads as null ("not recorded"); anything else as <see cref="TryParse{TEnum}"/>.</summary>
    public static bool TryParseOptional<TEnum>(ReadOnlySpan<char> text, out TEnum? value) where TEnum : struct, Enum
    {
        value = null;
        if (text.IsWhiteSpace()) return true;
        if (!TryParse<TEnum>(text, out var v)) return false;
        value = v;
        return true;
    }

    private static class Table<TEnum> where TEnum : struct, Enum
    {
        public static readonly TEnum[] Values = Enum.GetValues<TEnum>();
        public static readonly string[] Names = [.. Values.Select(v => Camel(v.ToString()))];
        public static readonly Dictionary<TEnum, string> ByValue = Values.Zip(Names).ToDictionary(p => p.First, p => p.Second);

        private static string Camel(string s) => char.ToLowerInvariant(s[0]) + s[1..];
    }
}
