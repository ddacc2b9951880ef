namespace ThreeClears.Domain.Tests.Tasks;

using ThreeClears.Domain.Tasks;

public class TaskValidationTests
{
    private static DateOnly D(int month, int day) => new(2026, month, day);

    private static TaskCreateInput Valid() => new(
        Title: "Xây 500 nhà kiên cố thay nhà dột nát tại xã Quảng Uyên",
        Product: new ProductInput("Solid houses replacing dilapidated ones", "houses", 500m, "output"),
        OwnerUserName: "nguyen.van.a",
        DueDate: D(12, 31),
        StartDate: D(1, 1),
        Milestones:
        [
            new MilestoneInput("First half", D(6, 30), 200m),
            new MilestoneInput("Q3", D(9, 30), 350m),
        ]);

    private static IReadOnlyDictionary<string, string[]> Validate(TaskCreateInput input) => TaskValidation.ValidateCreate(input);

    [Fact]
    public void A_request_with_all_three_clears_is_valid()
    {
        Assert.Empty(Validate(Valid()));
        Assert.Empty(Validate(Valid() with { StartDate = null, Milestones = null }));
    }

    [Fact]
    public void An_empty_request_names_every_missing_clear_at_once()
    {
        var errors = Validate(new TaskCreateInput(null, null, null, null));
        Assert.Equal(
            ["dueDate", "ownerUserName", "product.description", "product.kind", "product.targetQuantity", "product.unit", "title"],
            errors.Keys.Order(StringComparer.Ordinal));
        Assert.All(errors.Values, messages => Assert.Single(messages));
    }

    [Fact]
    public void Blank_text_counts_as_missing()
    {
        var errors = Validate(Valid() with
        {
            Title = "   ",
            Product = new ProductInput("\t", "", 500m, " "),
            OwnerUserName = "\n",
        });
        Assert.Equal(
            ["ownerUserName", "product.description", "product.kind", "product.unit", "title"],
            errors.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    public void Target_quantity_must_be_more_than_zero(string target)
    {
        var errors = Validate(Valid() with { Product = Valid().Product! with { TargetQuantity = decimal.Parse(target, System.Globalization.CultureInfo.InvariantCulture) }, Milestones = null });
        var message = Assert.Single(Assert.Contains("product.targetQuantity", errors));
        Assert.Contains("more than 0", message);
        Assert.Single(errors);
    }

    [Theory]
    [InlineData("output")]
    [InlineData("outcome")]
    [InlineData("process")]
    [InlineData("Outcome")]
    public void Product_kinds_are_accepted(string kind) =>
        Assert.Empty(Validate(Valid() with { Product = Valid().Product! with { Kind = kind } }));

    [Theory]
    [InlineData("activity")]
    [InlineData("1")]
    public void Other_product_kinds_are_refused(string kind)
    {
        var errors = Validate(Valid() with { Product = Valid().Product! with { Kind = kind } });
        Assert.Contains("output, outcome or process", Assert.Single(errors["product.kind"]));
    }

    [Fact]
    public void Title_is_at_most_500_characters()
    {
        Assert.Empty(Validate(Valid() with { Title = new string('a', 500) }));
        // 500 characters outside the BMP (1,000 UTF-16 units) still count as 500.
        Assert.Empty(Validate(Valid() with { Title = string.Concat(Enumerable.Repeat("𝕏", 500)) }));
        var errors = Validate(Valid() with { Title = new string('a', 501) });
        Assert.Equal("The title is 501 characters long; at most 500 are allowed.", Assert.Single(errors["title"]));
    }

    [Fact]
    public void Other_text_is_at_most_10000_characters()
    {
        Assert.Empty(Validate(Valid() with { Product = Valid().Product! with { Description = new string('x', 10_000) } }));
        var errors = Validate(Valid() with
        {
            Product = Valid().Product! with { Description = new string('x', 10_001), Unit = new string('u', 10_001) },
            OwnerUserName = new string('o', 10_001),
        });
        Assert.Equal(["ownerUserName", "product.description", "product.unit"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("The product description is 10,001 characters long; at most 10,000 are allowed.", errors["product.description"][0]);
    }

    [Fact]
    public void Start_date_must_be_on_or_before_the_due_date()
    {
        Assert.Empty(Validate(Valid() with { StartDate = D(12, 31), Milestones = null }));
        var errors = Validate(Valid() with { StartDate = D(12, 31).AddDays(1), Milestones = null });
        Assert.Equal("The start date 2027-01-01 is after the due date 2026-12-31; it must be on or before it.", Assert.Single(errors["startDate"]));
        Assert.Single(errors);
    }

    [Fact]
    public void Milestone_dates_lie_within_start_and_due_inclusive()
    {
        MilestoneInput[] onBounds = [new("start", D(1, 1), 1m), new("due", D(12, 31), 500m)];
        Assert.Empty(Validate(Valid() with { Milestones = onBounds }));

        MilestoneInput[] outside = [new("early", new DateOnly(2025, 12, 31), 1m), new("late", new DateOnly(2027, 1, 1), 500m)];
        var errors = Validate(Valid() with { Milestones = outside });
        Assert.Equal("The milestone date 2025-12-31 is before the start date 2026-01-01.", Assert.Single(errors["milestones[0].dueDate"]));
        Assert.Equal("The milestone date 2027-01-01 is after the task's due date 2026-12-31.", Assert.Single(errors["milestones[1].dueDate"]));
        Assert.Equal(2, errors.Count);
    }

    [Fact]
    public void Without_a_start_date_only_the_due_date_bounds_milestones()
    {
        MilestoneInput[] early = [new("backfilled", new DateOnly(2020, 1, 1), 1m)];
        Assert.Empty(Validate(Valid() with { StartDate = null, Milestones = early }));
    }

    [Fact]
    public void Milestone_quantity_is_more_than_zero_and_at_most_the_target()
    {
        MilestoneInput[] ms = [new("zero", D(3, 31), 0m), new("over", D(6, 30), 501m), new("equal", D(12, 31), 500m)];
        var errors = Validate(Valid() with { Milestones = ms });
        Assert.Contains("more than 0", Assert.Single(errors["milestones[0].cumulativeQuantity"]));
        Assert.Equal("The planned cumulative quantity 501 is more than the target quantity 500.", Assert.Single(errors["milestones[1].cumulativeQuantity"]));
        // 500 after 501 would not increase, but 501 is already wrong: only one message per fault.
        Assert.Equal(2, errors.Count);
    }

    [Fact]
    public void Milestone_quantities_strictly_increase_with_the_date_whatever_the_order_given()
    {
        // Given out of order: by date, 28 Feb plans 120 and 31 Mar plans 100 → the later one (index 0) is wrong.
        MilestoneInput[] ms = [new("March", D(3, 31), 100m), new("February", D(2, 28), 120m)];
        var errors = Validate(Valid() with { Milestones = ms });
        Assert.Equal(
            "The planned cumulative quantity 100 must be more than the 120 planned by the earlier milestone on 2026-02-28.",
            Assert.Single(errors["milestones[0].cumulativeQuantity"]));
        Assert.Single(errors);

        // Each is compared with the highest planned before it: 100, 50, 80 → 50 and 80 are both wrong,
        // and a wrong quantity (0) in between does not hide the fall from 100 to 80.
        MilestoneInput[] dip = [new("a", D(2, 28), 100m), new("b", D(3, 31), 50m), new("c", D(4, 30), 0m), new("d", D(5, 31), 80m)];
        var dipErrors = Validate(Valid() with { Milestones = dip });
        Assert.Equal(
            ["milestones[1].cumulativeQuantity", "milestones[2].cumulativeQuantity", "milestones[3].cumulativeQuantity"],
            dipErrors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("more than 0", Assert.Single(dipErrors["milestones[2].cumulativeQuantity"]));
        Assert.Equal(
            "The planned cumulative quantity 80 must be more than the 100 planned by the earlier milestone on 2026-02-28.",
            Assert.Single(dipErrors["milestones[3].cumulativeQuantity"]));

        // Equal is not an increase.
        MilestoneInput[] flat = [new("a", D(2, 28), 100m), new("b", D(3, 31), 100m)];
        Assert.Contains("milestones[1].cumulativeQuantity", Validate(Valid() with { Milestones = flat }));
    }

    [Fact]
    public void Two_milestones_may_not_share_a_date()
    {
        MilestoneInput[] ms = [new("a", D(3, 31), 100m), new("b", D(3, 31), 200m)];
        var errors = Validate(Valid() with { Milestones = ms });
        Assert.Equal(
            "Another milestone (milestones[0]) has the same date 2026-03-31; each milestone needs its own date.",
            Assert.Single(errors["milestones[1].dueDate"]));
        Assert.Single(errors);
    }

    [Fact]
    public void Incomplete_milestones_name_each_missing_field()
    {
        MilestoneInput?[] ms = [new(null, null, null), null, new(new string('t', 501), D(3, 31), 10m)];
        var errors = Validate(Valid() with { Milestones = ms });
        Assert.Equal(
            ["milestones[0].cumulativeQuantity", "milestones[0].dueDate", "milestones[1]", "milestones[2].title"],
            errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Milestone_quantity_is_not_compared_with_a_target_that_is_itself_wrong()
    {
        var errors = Validate(Valid() with { Product = Valid().Product! with { TargetQuantity = null } });
        Assert.Equal(["product.targetQuantity"], errors.Keys);
    }

    [Fact]
    public void Every_bad_field_at_once()
    {
        var input = new TaskCreateInput(
            Title: new string('a', 501),
            Product: new ProductInput("Houses", null, -1m, "meeting"),
            OwnerUserName: "nguyen.van.a",
            DueDate: D(3, 1),
            StartDate: D(4, 1),
            Milestones: [new MilestoneInput("m", D(5, 1), 0m)]);
        var errors = Validate(input);
        Assert.Equal(
            ["milestones[0].cumulativeQuantity", "milestones[0].dueDate", "product.kind", "product.targetQuantity", "product.unit", "startDate", "title"],
            errors.Keys.Order(StringComparer.Ordinal));
    }
}
