namespace ThreeClears.Domain.Calendar;

/// <summary>A public holiday (or a compensatory day off): a date and its Vietnamese name.</summary>
public readonly record struct Holiday(DateOnly Date, string Name);
