using ThreeClears.Domain;

namespace ThreeClears.Web.Infrastructure;

/// <summary>
/// Collects every bad field of a request under its JSON path, so that one answer names them all.
/// </summary>
public sealed class Checks
{
    public const int TitleMax = 500;
    public const int TextMax = 10_000;

    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public bool Has(string path) => _errors.ContainsKey(path);

    public Checks Add(string path, string message)
    {
        if (!_errors.TryGetValue(path, out var list)) _errors[path] = list = [];
        list.Add(message);
        return this;
    }

    public void AddAll(IEnumerable<KeyValuePair<string, IReadOnlyList<string>>> errors)
    {
        foreach (var (k, v) in errors) foreach (var m in v) Add(k, m);
    }

    /// <summary>Required text, trimmed, at most <paramref name="max"/> characters.</summary>
    public string Text(string path, string? value, int max = TextMax, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) Add(path, "is required.");
            return "";
        }
        var v = value.Trim();
        if (v.Length > max) Add(path, $"must be at most {max} characters (got {v.Length}).");
        if (v.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'))
            Add(path, "must not contain control characters.");
        return v;
    }

    public T? Required<T>(string path, T? value) where T : struct
    {
        if (value is null) Add(path, "is required.");
        return value;
    }

    public TEnum? Enum<TEnum>(string path, string? value, bool required = true) where TEnum : struct, System.Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) Add(path, "is required.");
            return null;
        }
        if (ApiSpelling.TryParse<TEnum>(value, out var parsed)) return parsed;
        Add(path, $"must be one of {string.Join(", ", ApiSpelling.All<TEnum>())}.");
        return null;
    }

    public void ThrowIfAny()
    {
        if (Any) throw new ValidationException(_errors.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray()));
    }

    public IDictionary<string, string[]> ToDictionary() => _errors.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray());
}
