using System.Diagnostics.CodeAnalysis;

namespace ThreeClears.Domain.Tasks;

/// <summary>
/// What a task delivers. <see cref="Output"/> and <see cref="Outcome"/> are products;
/// <see cref="Process"/> (a document issued, a meeting held, a plan drafted) is activity:
/// allowed, shown, never scored. API spelling: <c>output|outcome|process</c>.
/// </summary>
public enum ProductKind
{
    Output,
    Outcome,
    Process,
}

public static class ProductKindNames
{
    extension(ProductKind kind)
    {
        /// <summary>False for <see cref="ProductKind.Process"/>: activity counts nothing in the results score.</summary>
        public bool IsScored => kind != ProductKind.Process;
    }

    /// <summary>The API spelling: <c>output</c>, <c>outcome</c>, <c>process</c>.</summary>
    public static string ToApiName(this ProductKind kind) => kind switch
    {
        ProductKind.Output => "output",
        ProductKind.Outcome => "outcome",
        ProductKind.Process => "process",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>Parses <c>output|outcome|process</c>, ignoring case (nothing else: not numbers, not blanks).</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out ProductKind kind)
    {
        foreach (var candidate in Enum.GetValues<ProductKind>())
        {
            if (string.Equals(candidate.ToApiName(), text, StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }
        kind = default;
        return false;
    }
}
