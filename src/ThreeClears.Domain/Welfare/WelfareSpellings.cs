namespace ThreeClears.Domain.Welfare;

/// <summary>
/// The API spellings of the welfare enums, both ways. Parsing trims surrounding white space and
/// ignores case (so a spreadsheet's <c>SemiSolid</c> is read as <c>semiSolid</c>); numbers and
/// unknown words are refused. <c>TryParseOptional…</c> reads an empty cell as "not recorded".
/// </summary>
public static class WelfareSpellings
{
    public static string ToApi(this PovertyStatus value) => value switch
    {
        PovertyStatus.Poor => "poor",
        PovertyStatus.NearPoor => "nearPoor",
        PovertyStatus.None => "none",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
    };

    public static string ToApi(this HousingCondition value) => value switch
    {
        HousingCondition.Solid => "solid",
        HousingCondition.SemiSolid => "semiSolid",
        HousingCondition.Temporary => "temporary",
        HousingCondition.Dilapidated => "dilapidated",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
    };

    public static string ToApi(this KitchenCondition value) => value switch
    {
        KitchenCondition.Hygienic => "hygienic",
        KitchenCondition.Makeshift => "makeshift",
        KitchenCondition.None => "none",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
    };

    public static string ToApi(this SanitationCondition value) => value switch
    {
        SanitationCondition.Hygienic => "hygienic",
        SanitationCondition.Unhygienic => "unhygienic",
        SanitationCondition.None => "none",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
    };

    public static bool TryParsePoverty(ReadOnlySpan<char> text, out PovertyStatus value)
    {
        text = text.Trim();
        if (Is(text, "poor")) { value = PovertyStatus.Poor; return true; }
        if (Is(text, "nearPoor")) { value = PovertyStatus.NearPoor; return true; }
        if (Is(text, "none")) { value = PovertyStatus.None; return true; }
        value = default;
        return false;
    }

    public static bool TryParseHousing(ReadOnlySpan<char> text, out HousingCondition value)
    {
        text = text.Trim();
        if (Is(text, "solid")) { value = HousingCondition.Solid; return true; }
        if (Is(text, "semiSolid")) { value = HousingCondition.SemiSolid; return true; }
        if (Is(text, "temporary")) { value = HousingCondition.Temporary; return true; }
        if (Is(text, "dilapidated")) { value = HousingCondition.Dilapidated; return true; }
        value = default;
        return false;
    }

    public static bool TryParseKitchen(ReadOnlySpan<char> text, out KitchenCondition value)
    {
        text = text.Trim();
        if (Is(text, "hygienic")) { value = KitchenCondition.Hygienic; return true; }
        if (Is(text, "makeshift")) { value = KitchenCondition.Makeshift; return true; }
        if (Is(text, "none")) { value = KitchenCondition.None; return true; }
        value = default;
        return false;
    }

    public static bool TryParseSanitation(ReadOnlySpan<char> text, out SanitationCondition value)
    {
        text = text.Trim();
        if (Is(text, "hygienic")) { value = SanitationCondition.Hygienic; return true; }
        if (Is(text, "unhygienic")) { value = SanitationCondition.Unhygienic; return true; }
        if (Is(text, "none")) { value = SanitationCondition.None; return true; }
        value = default;
        return false;
    }

    /// <summary>Empty or white space → true with null (not recorded); otherwise as <see cref="TryParseHousing"/>.</summary>
    public static bool TryParseOptionalHousing(ReadOnlySpan<char> text, out HousingCondition? value)
    {
        value = null;
        if (text.IsWhiteSpace()) return true;
        if (!TryParseHousing(text, out var v)) return false;
        value = v;
        return true;
    }

    /// <summary>Empty or white space → true with null (not recorded); otherwise as <see cref="TryParseKitchen"/>.</summary>
    public static bool TryParseOptionalKitchen(ReadOnlySpan<char> text, out KitchenCondition? value)
    {
        value = null;
        if (text.IsWhiteSpace()) return true;
        if (!TryParseKitchen(text, out var v)) return false;
        value = v;
        return true;
    }

    /// <summary>Empty or white space → true with null (not recorded); otherwise as <see cref="TryParseSanitation"/>.</summary>
    public static bool TryParseOptionalSanitation(ReadOnlySpan<char> text, out SanitationCondition? value)
    {
        value = null;
        if (text.IsWhiteSpace()) return true;
        if (!TryParseSanitation(text, out var v)) return false;
        value = v;
        return true;
    }

    /// <summary>Empty or white space → true with null (not recorded); otherwise as <see cref="TryParsePoverty"/>.</summary>
    public static bool TryParseOptionalPoverty(ReadOnlySpan<char> text, out PovertyStatus? value)
    {
        value = null;
        if (text.IsWhiteSpace()) return true;
        if (!TryParsePoverty(text, out var v)) return false;
        value = v;
        return true;
    }

    private static bool Is(ReadOnlySpan<char> text, string spelling) =>
        text.Equals(spelling, StringComparison.OrdinalIgnoreCase);
}
