using System.Text.RegularExpressions;

namespace ThreeClears.Domain.Drafts;

public enum ContactKind { Email, Phone }

/// <summary>
/// The contact a submitter may leave to be told when their opinion is answered: an e-mail address
/// or a Vietnamese phone number. It is kept private; this rule only says what it is, so that the
/// notification knows whether it can be mailed.
/// </summary>
public static partial class SubmitterContact
{
    public const int MaxLength = 254;

    [GeneratedRegex(@"^[^@\s<>()\[\]\\,;:""]+@[^@\s<>()\[\]\\,;:""]+\.[^@\s<>()\[\]\\,;:""]{2,}$", RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    /// <summary>The kind of a trimmed contact, or null when it is neither an address nor a phone number.</summary>
    public static ContactKind? Classify(string contact)
    {
        var c = contact.Trim();
        if (c.Length == 0 || c.Length > MaxLength) return null;
        if (c.Contains('@')) return Email().IsMatch(c) ? ContactKind.Email : null;
        return NormalisePhone(c) is null ? null : ContactKind.Phone;
    }

    /// <summary>
    /// A phone number as digits with its leading 0 ("0912345678"): spaces, dots, dashes and brackets
    /// are dropped and +84 / 84 becomes 0; Vietnamese numbers have 10 digits (mobile) or 10–11 (land lines).
    /// </summary>
    public static string? NormalisePhone(string text)
    {
        var t = text.Trim();
        var plus = t.StartsWith('+');
        var digits = new string([.. t.Where(char.IsAsciiDigit)]);
        if (t.Any(ch => !char.IsAsciiDigit(ch) && ch is not ' ' and not '.' and not '-' and not '(' and not ')' and not '+')) return null;
        if (t.Count(ch => ch == '+') > (plus ? 1 : 0)) return null;
        if (digits.StartsWith("84", StringComparison.Ordinal) && (plus || digits.Length >= 11)) digits = "0" + digits[2..];
        else if (plus) return null;
        return digits.Length is 10 or 11 && digits[0] == '0' ? digits : null;
    }
}
