using System.Globalization;
using ThreeClears.Web.Infrastructure;

namespace ThreeClears.Web.Features.Organisation.Pages;

/// <summary>The unit form as posted by a browser; predecessors come as lines "code, date, share".</summary>
public sealed class UnitForm
{
    public string? Code { get; set; }
    public string? Name { get; set; }
    public string? NameEn { get; set; }
    public string? Kind { get; set; }
    public string? ParentCode { get; set; }
    public string? HeadUserName { get; set; }
    public string? Predecessors { get; set; }
    public int Version { get; set; }

    public static UnitForm From(OrgUnitDto u) => new()
    {
        Code = u.Code, Name = u.Name, NameEn = u.NameEn, Kind = u.Kind, ParentCode = u.ParentCode, HeadUserName = u.HeadUserName,
        Predecessors = string.Join("\n", u.Predecessors.Select(p => $"{p.Code}, {p.EffectiveDate:yyyy-MM-dd}, {p.Share.ToString("0.######", CultureInfo.InvariantCulture)}")),
        Version = u.Version,
    };

    /// <summary>The API request; a line that cannot be read becomes a field error with its line.</summary>
    public OrgUnitRequest ToRequest()
    {
        var preds = new List<PredecessorRequest>();
        var checks = new Checks();
        var lines = (Predecessors ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var i = 0; i < lines.Length; i++)
        {
            var parts = lines[i].Split(',', StringSplitOptions.TrimEntries);
            DateOnly? date = parts.Length > 1 && DateOnly.TryParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
            decimal? share = parts.Length > 2 && decimal.TryParse(parts[2], NumberStyles.Number, CultureInfo.InvariantCulture, out var s) ? s : null;
            if (parts.Length > 1 && date is null) checks.Add($"predecessors[{i}].effectiveDate", $"'{parts[1]}' is not a date (yyyy-MM-dd).");
            if (parts.Length > 2 && share is null) checks.Add($"predecessors[{i}].share", $"'{parts[2]}' is not a number.");
            preds.Add(new PredecessorRequest(parts[0], date, share));
        }
        checks.ThrowIfAny();
        return new OrgUnitRequest(Code, Name, NameEn, Kind, string.IsNullOrWhiteSpace(ParentCode) ? null : ParentCode, HeadUserName, preds);
    }
}

public sealed record UnitFormModel(AppPage Page, UnitForm Form, bool IsNew, bool IsRoot, IReadOnlyList<OrgUnitListItem> Units);
