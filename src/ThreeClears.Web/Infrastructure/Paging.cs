namespace ThreeClears.Web.Infrastructure;

public sealed record PageOf<T>(IReadOnlyList<T> Items, int Total);

/// <summary>The list convention: page from 1, pageSize at most 500.</summary>
public readonly record struct Paging(int Page, int PageSize)
{
    public const int MaxPageSize = 500;

    public int Skip => (Page - 1) * PageSize;

    /// <summary>
    /// The number of rows of the whole list, given the rows of this page: a short page that is not
    /// empty (or the first page) ends the list, so its total is known without a second query.
    /// Most lists are one short page (an official's own tasks), so most lists need no count.
    /// </summary>
    public async Task<int> TotalAsync<T>(IQueryable<T> query, int rowsOnPage, CancellationToken ct) =>
        rowsOnPage < PageSize && (rowsOnPage > 0 || Page == 1)
            ? Skip + rowsOnPage
            : await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(query, ct);

    public static Paging From(int? page, int? pageSize, int defaultSize = 50)
    {
        var checks = new Checks();
        if (page is < 1) checks.Add("page", "must be 1 or more.");
        if (pageSize is < 1 or > MaxPageSize) checks.Add("pageSize", $"must be between 1 and {MaxPageSize}.");
        checks.ThrowIfAny();
        return new Paging(page ?? 1, pageSize ?? defaultSize);
    }
}
