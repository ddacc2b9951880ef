using System.Text;

namespace ThreeClears.Domain.Drafts;

/// <summary>
/// What a citizen's text must be to be kept: not blank, at most <see cref="MaxLength"/> UTF-16 units,
/// well-formed Unicode (a lone surrogate cannot be stored in PostgreSQL's UTF-8 and would come back
/// changed), and no control characters other than line breaks and tabs. Nothing else is refused or
/// rewritten: markup is kept as typed and is escaped wherever it is shown.
/// </summary>
public static class OpinionText
{
    public const int MaxLength = 10_000;

    /// <summary>Why the text is refused (an API message), or null when it is kept as given.</summary>
    public static string? Problem(string? text, int maxLength = MaxLength)
    {
        if (string.IsNullOrWhiteSpace(text)) return "is required.";
        if (text.Length > maxLength) return $"must be at most {maxLength} characters (got {text.Length}).";
        if (!IsWellFormed(text)) return "is not valid Unicode: it holds a lone surrogate.";
        foreach (var c in text)
            if (char.IsControl(c) && c is not '\n' and not '\r' and not '\t')
                return "must not contain control characters.";
        return null;
    }

    /// <summary>True when every surrogate is half of a pair.</summary>
    public static bool IsWellFormed(string text)
    {
        var span = text.AsSpan();
        while (!span.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(span, out _, out var used) != System.Buffers.OperationStatus.Done) return false;
            span = span[used..];
        }
        return true;
    }
}
