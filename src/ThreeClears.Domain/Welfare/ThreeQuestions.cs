namespace ThreeClears.Domain.Welfare;

/// <summary>
/// The three questions — where do people live, where do they cook, where do they bathe and use
/// the toilet. Adequate = housing solid or semi-solid / kitchen hygienic / sanitation hygienic.
/// A question that was not recorded (null) is not adequate.
/// </summary>
public static class ThreeQuestions
{
    public static bool IsAdequate(HousingCondition? housing) =>
        housing is HousingCondition.Solid or HousingCondition.SemiSolid;

    public static bool IsAdequate(KitchenCondition? kitchen) => kitchen is KitchenCondition.Hygienic;

    public static bool IsAdequate(SanitationCondition? sanitation) => sanitation is SanitationCondition.Hygienic;

    /// <summary>Adequate in all three questions (so every one of them recorded).</summary>
    public static bool AllAdequate(HousingCondition? housing, KitchenCondition? kitchen, SanitationCondition? sanitation) =>
        IsAdequate(housing) && IsAdequate(kitchen) && IsAdequate(sanitation);
}

/// <summary>One household's answers to the three questions; null = not recorded.</summary>
public readonly record struct HouseholdConditions(
    HousingCondition? Housing,
    KitchenCondition? Kitchen,
    SanitationCondition? Sanitation)
{
    public bool HousingAdequate => ThreeQuestions.IsAdequate(Housing);
    public bool KitchenAdequate => ThreeQuestions.IsAdequate(Kitchen);
    public bool SanitationAdequate => ThreeQuestions.IsAdequate(Sanitation);
    public bool AllThreeAdequate => ThreeQuestions.AllAdequate(Housing, Kitchen, Sanitation);
}
