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
}
