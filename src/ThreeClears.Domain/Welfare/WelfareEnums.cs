namespace ThreeClears.Domain.Welfare;

// Member names are chosen so that a camelCase enum converter writes the API spellings
// (poor|nearPoor|none, solid|semiSolid|temporary|dilapidated, …). WelfareSpellings does the
// same explicitly, for CSV import and anywhere a converter is not in play.
// A household field that was not recorded is a null of these types, never a member.

/// <summary>Poverty status of a household: <c>poor|nearPoor|none</c>.</summary>
public enum PovertyStatus
{
    Poor,
    NearPoor,
    None,
}

/// <summary>"Where do people live": <c>solid|semiSolid|temporary|dilapidated</c>.</summary>
public enum HousingCondition
{
    Solid,
    SemiSolid,
    Temporary,
    Dilapidated,
}

/// <summary>"Where do they cook": <c>hygienic|makeshift|none</c>.</summary>
public enum KitchenCondition
{
    Hygienic,
    Makeshift,
    None,
}

/// <summary>"Where do they bathe and use the toilet": <c>hygienic|unhygienic|none</c>.</summary>
public enum SanitationCondition
{
    Hygienic,
    Unhygienic,
    None,
}
