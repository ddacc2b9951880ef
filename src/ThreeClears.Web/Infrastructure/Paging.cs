namespace ThreeClears.Web.Infrastructure;

public sealed record PageOf<T>(IReadOnlyList<T> Items, int Total);

/// <summary>The list convention: page from 1, pageSize at most 500.</summary>
public readonly record struct Paging(int Page, int PageSize)
{
    public const int MaxPageSize = 500;

    public int Skip => (Page - 1) * PageSize;

    public static Paging From(int? page, int? pageSize, int defaultSize = 50)
    {
        var checks = new Checks();
        if (page is < 1) checks.Add("page", "must be 1 or more.");
        if (pageSize is < 1 or > MaxPageSize) checks.Add("pageSize", $"must be between 1 and {MaxPageSize}.");
        checks.ThrowIfAny();
        return new Paging(page ?? 1, pageSize ?? defaultSize);
    }
}
