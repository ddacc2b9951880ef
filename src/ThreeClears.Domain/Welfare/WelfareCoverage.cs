namespace ThreeClears.Domain.Welfare;

/// <summary>
/// Coverage of the three questions for a set of households (a unit, or a unit and its subtree).
/// <para>
/// Counts are what is stored and combined: a parent is the sum of its parts' counts
/// (<see cref="op_Addition"/>, <see cref="Sum"/>), and its percents are recomputed from those
/// counts — never averaged from the children's percents.
/// </para>
/// <para>
/// Percents are 100 × count ÷ households in full double precision, <b>not rounded</b>; rounding for
/// display is the caller's. With no households every percent is null (not 0).
/// </para>
/// The value is immutable and allocation-free: <see cref="Add(HousingCondition?, KitchenCondition?, SanitationCondition?)"/>
/// returns the next value, so a single pass over any number of households keeps five integers.
/// </summary>
public readonly record struct WelfareCoverage
{
    /// <summary>Builds a coverage from counts (e.g. grouped in a database); the counts must be consistent.</summary>
    public WelfareCoverage(int households, int housingAdequate, int kitchenAdequate, int sanitationAdequate, int allThree)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(households);
        Check(housingAdequate, households, nameof(housingAdequate));
        Check(kitchenAdequate, households, nameof(kitchenAdequate));
        Check(sanitationAdequate, households, nameof(sanitationAdequate));
        Check(allThree, Math.Min(housingAdequate, Math.Min(kitchenAdequate, sanitationAdequate)), nameof(allThree));
        Households = households;
        HousingAdequate = housingAdequate;
        KitchenAdequate = kitchenAdequate;
        SanitationAdequate = sanitationAdequate;
        AllThree = allThree;
    }

    // Unchecked path for values built from valid values.
    private WelfareCoverage(int households, int housingAdequate, int kitchenAdequate, int sanitationAdequate, int allThree, bool _)
    {
        Households = households;
        HousingAdequate = housingAdequate;
        KitchenAdequate = kitchenAdequate;
        SanitationAdequate = sanitationAdequate;
        AllThree = allThree;
    }

    /// <summary>No households.</summary>
    public static WelfareCoverage Empty => default;

    public int Households { get; }
    public int HousingAdequate { get; }
    public int KitchenAdequate { get; }
    public int SanitationAdequate { get; }

    /// <summary>Households adequate in all three questions.</summary>
    public int AllThree { get; }

    public double? HousingPercent => Percent(HousingAdequate);
    public double? KitchenPercent => Percent(KitchenAdequate);
    public double? SanitationPercent => Percent(SanitationAdequate);
    public double? AllThreePercent => Percent(AllThree);

    /// <summary>This coverage with one more household.</summary>
    public WelfareCoverage Add(HousingCondition? housing, KitchenCondition? kitchen, SanitationCondition? sanitation)
    {
        var h = ThreeQuestions.IsAdequate(housing);
        var k = ThreeQuestions.IsAdequate(kitchen);
        var s = ThreeQuestions.IsAdequate(sanitation);
        return new WelfareCoverage(
            checked(Households + 1),
            HousingAdequate + (h ? 1 : 0),
            KitchenAdequate + (k ? 1 : 0),
            SanitationAdequate + (s ? 1 : 0),
            AllThree + (h && k && s ? 1 : 0),
            true);
    }

    /// <summary>This coverage with one more household.</summary>
    public WelfareCoverage Add(in HouseholdConditions household) =>
        Add(household.Housing, household.Kitchen, household.Sanitation);

    /// <summary>Coverage of the given households, in one pass.</summary>
    public static WelfareCoverage Of(ReadOnlySpan<HouseholdConditions> households)
    {
        var c = Empty;
        foreach (ref readonly var h in households) c = c.Add(h);
        return c;
    }

    /// <summary>The combined coverage of disjoint sets of households (e.g. a parent from its children).</summary>
    public static WelfareCoverage operator +(WelfareCoverage a, WelfareCoverage b) => new(
        checked(a.Households + b.Households),
        a.HousingAdequate + b.HousingAdequate,
        a.KitchenAdequate + b.KitchenAdequate,
        a.SanitationAdequate + b.SanitationAdequate,
        a.AllThree + b.AllThree,
        true);

    /// <summary>The sum of the parts' counts; percents follow from the sum.</summary>
    public static WelfareCoverage Sum(ReadOnlySpan<WelfareCoverage> parts)
    {
        var c = Empty;
        foreach (var p in parts) c += p;
        return c;
    }

    private double? Percent(int count) => Households == 0 ? null : 100.0 * count / Households;

    private static void Check(int value, int max, string name)
    {
        if (value < 0 || value > max)
            throw new ArgumentOutOfRangeException(name, value, $"Must be between 0 and {max}.");
    }
}
