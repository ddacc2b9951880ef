using System.Globalization;

namespace ThreeClears.Domain.Tasks;

/// <summary>The <c>product</c> of a create-task request, as received.</summary>
public sealed record ProductInput(string? Description, string? Unit, decimal? TargetQuantity, string? Kind);

/// <summary>One entry of <c>milestones</c> in a create-task request, as received.</summary>
public sealed record MilestoneInput(string? Title, DateOnly? DueDate, decimal? CumulativeQuantity);

/// <summary>The three clears of <c>POST /api/tasks</c>, as received (anything may be missing).</summary>
public sealed record TaskCreateInput(
    string? Title,
    ProductInput? Product,
    string? OwnerUserName,
    DateOnly? DueDate,
    DateOnly? StartDate = null,
    IReadOnlyList<MilestoneInput?>? Milestones = null);

/// <summary>
/// Checks that a task has all three clears: a clear product, clear progress (due date, milestones)
/// and one clear person in charge. Returns every bad field at once, keyed by the API's JSON path
/// (<c>title</c>, <c>product.description</c>, <c>product.unit</c>, <c>product.targetQuantity</c>,
/// <c>product.kind</c>, <c>ownerUserName</c>, <c>dueDate</c>, <c>startDate</c>,
/// <c>milestones[i]</c>, <c>milestones[i].title</c>, <c>milestones[i].dueDate</c>,
/// <c>milestones[i].cumulativeQuantity</c>); empty when the request is valid.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Blank (empty or white-space) text counts as missing. Lengths count Unicode code points
///   (as PostgreSQL's <c>varchar(n)</c> does): titles ≤ 500, other text ≤ 10,000.</item>
/// <item>The milestone title is optional (a milestone is its date and quantity); when given, ≤ 500.</item>
/// <item>Milestone dates lie within start..due, both inclusive; without a start date only the due
///   date bounds them (the creation date is not known to the request). Two milestones may not share a date.</item>
/// <item>Milestone quantities are &gt; 0, ≤ the target, and strictly increase with the date: each
///   milestone must plan more than every earlier one. A breach is reported on the later milestone.</item>
/// <item>Whether the owner exists and is an official is for the caller (it needs the database).</item>
/// </list>
/// </remarks>
public static class TaskValidation
{
    public const int MaxTitleLength = 500;
    public const int MaxTextLength = 10_000;

    public static IReadOnlyDictionary<string, string[]> ValidateCreate(TaskCreateInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new ErrorBag();

        RequiredText(errors, "title", input.Title, MaxTitleLength, "Give the task a title.");

        var product = input.Product;
        RequiredText(errors, "product.description", product?.Description, MaxTextLength,
            "Describe the final product: what will be delivered, visible and measurable.");
        RequiredText(errors, "product.unit", product?.Unit, MaxTextLength,
            "Give the unit the product is counted in (for example: houses, km, hectares).");

        var target = product?.TargetQuantity;
        if (target is null)
            errors.Add("product.targetQuantity", "Give the target quantity of the product.");
        else if (target <= 0)
            errors.Add("product.targetQuantity", $"The target quantity must be more than 0 (it is {Format(target.Value)}).");

        if (string.IsNullOrWhiteSpace(product?.Kind))
            errors.Add("product.kind", "Choose the product kind: output, outcome or process.");
        else if (!ApiSpelling.TryParse<ProductKind>(product.Kind, out _))
            errors.Add("product.kind", $"\"{Truncate(product.Kind)}\" is not a product kind; use output, outcome or process.");

        RequiredText(errors, "ownerUserName", input.OwnerUserName, MaxTextLength,
            "Name the one official in charge of the task (ownerUserName).");

        var due = input.DueDate;
        if (due is null)
            errors.Add("dueDate", "Give the due date.");

        var start = input.StartDate;
        if (start is { } s && due is { } d && s > d)
            errors.Add("startDate", $"The start date {Format(s)} is after the due date {Format(d)}; it must be on or before it.");

        ValidateMilestones(errors, input.Milestones, start, due, target is > 0 ? target : null);

        return errors.ToDictionary();
    }

    private static void ValidateMilestones(
        ErrorBag errors, IReadOnlyList<MilestoneInput?>? milestones, DateOnly? start, DateOnly? due, decimal? target)
    {
        if (milestones is null) return;
        // A start after the due date is already reported; do not also blame every milestone for it.
        var lower = start is { } s && (due is not { } d0 || s <= d0) ? start : null;

        for (var i = 0; i < milestones.Count; i++)
        {
            var m = milestones[i];
            var path = $"milestones[{i}]";
            if (m is null)
            {
                errors.Add(path, "This milestone is empty; give its date and planned cumulative quantity.");
                continue;
            }

            if (m.Title is { } title && CodePoints(title) > MaxTitleLength)
                errors.Add($"{path}.title", TooLong("The milestone title", title, MaxTitleLength));

            if (m.DueDate is not { } date)
                errors.Add($"{path}.dueDate", "Give the milestone's date.");
            else if (lower is { } l && date < l)
                errors.Add($"{path}.dueDate", $"The milestone date {Format(date)} is before the start date {Format(l)}.");
            else if (due is { } d && date > d)
                errors.Add($"{path}.dueDate", $"The milestone date {Format(date)} is after the task's due date {Format(d)}.");

            if (m.CumulativeQuantity is not { } q)
                errors.Add($"{path}.cumulativeQuantity", "Give the cumulative quantity planned by the milestone's date.");
            else if (q <= 0)
                errors.Add($"{path}.cumulativeQuantity", $"The planned cumulative quantity must be more than 0 (it is {Format(q)}).");
            else if (target is { } t && q > t)
                errors.Add($"{path}.cumulativeQuantity", $"The planned cumulative quantity {Format(q)} is more than the target quantity {Format(t)}.");
        }

        // Order by date (ties by position). Each milestone must plan more than every earlier one, so it
        // is compared with the highest quantity planned before its date. Quantities already reported as
        // wrong (missing, ≤ 0, above the target) are not compared again.
        bool Usable(decimal? q) => q is > 0 && (target is not { } t || q <= t);
        var dated = milestones
            .Select((m, i) => (Index: i, Date: m?.DueDate, Quantity: Usable(m?.CumulativeQuantity) ? m?.CumulativeQuantity : null))
            .Where(x => x.Date is not null)
            .OrderBy(x => x.Date)
            .ThenBy(x => x.Index)
            .ToArray();
        (DateOnly Date, decimal Quantity)? highest = null;
        for (var k = 0; k < dated.Length; k++)
        {
            var (index, date, quantity) = dated[k];
            var path = $"milestones[{index}]";
            if (k > 0 && dated[k - 1].Date == date)
            {
                errors.Add($"{path}.dueDate",
                    $"Another milestone (milestones[{dated[k - 1].Index}]) has the same date {Format(date!.Value)}; each milestone needs its own date.");
                continue;
            }
            if (quantity is not { } q) continue;
            if (highest is { } h && q <= h.Quantity)
            {
                errors.Add($"{path}.cumulativeQuantity",
                    $"The planned cumulative quantity {Format(q)} must be more than the {Format(h.Quantity)} planned by the earlier milestone on {Format(h.Date)}.");
                continue;
            }
            highest = (date!.Value, q);
        }
    }

    private static void RequiredText(ErrorBag errors, string path, string? value, int max, string missing)
    {
        if (string.IsNullOrWhiteSpace(value))
            errors.Add(path, missing);
        else if (CodePoints(value) > max)
            errors.Add(path, TooLong(path switch
            {
                "title" => "The title",
                "product.description" => "The product description",
                "product.unit" => "The product unit",
                "ownerUserName" => "The owner's user name",
                _ => "This text",
            }, value, max));
    }

    private static string TooLong(string what, string value, int max) =>
        $"{what} is {CodePoints(value).ToString("N0", CultureInfo.InvariantCulture)} characters long; at most {max.ToString("N0", CultureInfo.InvariantCulture)} are allowed.";

    internal static int CodePoints(string value) => value.EnumerateRunes().Count();

    private static string Truncate(string value) => value.Length <= 40 ? value : value[..40] + "…";

    private static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Format(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);
}

/// <summary>Collects messages per JSON path, in the order found.</summary>
internal sealed class ErrorBag
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public void Add(string path, string message)
    {
        if (!_errors.TryGetValue(path, out var list)) _errors[path] = list = [];
        list.Add(message);
    }

    public bool IsEmpty => _errors.Count == 0;

    public IReadOnlyDictionary<string, string[]> ToDictionary() =>
        _errors.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
}
