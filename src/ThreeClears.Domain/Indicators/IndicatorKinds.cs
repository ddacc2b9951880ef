namespace ThreeClears.Domain.Indicators;

/// <summary>How an indicator behaves over time (API spelling <c>flow|level|rate</c>).</summary>
public enum TimeKind
{
    /// <summary>Summed over time, e.g. retail sales: a quarter is the sum of its months.</summary>
    Flow,

    /// <summary>A stock read at a moment, e.g. forest area: a quarter is its last available value.</summary>
    Level,

    /// <summary>A ratio or growth %, e.g. GRDP growth: never summed or averaged over time.</summary>
    Rate,
}

/// <summary>How an indicator combines over org units (API spelling <c>sum|average|none</c>).</summary>
public enum Aggregation
{
    /// <summary>The parent's figure is the sum of its children's.</summary>
    Sum,

    /// <summary>The parent's figure is the plain mean of the children that have a value (declared on purpose).</summary>
    Average,

    /// <summary>No roll-up: only a value entered at the unit itself counts.</summary>
    None,
}

/// <summary>Which way a target is met (API spelling <c>increase|decrease</c>).</summary>
public enum Direction
{
    Increase,
    Decrease,
}
