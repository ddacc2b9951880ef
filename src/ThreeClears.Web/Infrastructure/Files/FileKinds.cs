namespace ThreeClears.Web.Infrastructure.Files;

/// <summary>An accepted kind of evidence and the type it is served with.</summary>
public sealed record FileKind(string Name, string ContentType, string Extension, bool IsImage);

/// <summary>
/// Evidence is accepted by what its bytes are, never by the name or type the client claims:
/// photos (JPEG, PNG, WebP), PDF and office documents (DOCX, XLSX). Nothing is ever served with an
/// executable or HTML type.
/// </summary>
public static class FileKinds
{
    public static readonly FileKind Jpeg = new("jpeg", "image/jpeg", ".jpg", true);
    public static readonly FileKind Png = new("png", "image/png", ".png", true);
    public static readonly FileKind Webp = new("webp", "image/webp", ".webp", true);
    public static readonly FileKind Pdf = new("pdf", "application/pdf", ".pdf", false);
    public static readonly FileKind Docx = new("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx", false);
    public static readonly FileKind Xlsx = new("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx", false);

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static IReadOnlyList<FileKind> All { get; } = [Jpeg, Png, Webp, Pdf, Docx, Xlsx];

    /// <summary>The kind from the first bytes of the file (at least 12) and, for zip-based office files, the name.</summary>
    public static FileKind? Detect(ReadOnlySpan<byte> head, string? fileName)
    {
        if (head.Length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF) return Jpeg;
        if (head.StartsWith(PngSignature)) return Png;
        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8)) return Webp;
        if (head.StartsWith("%PDF-"u8)) return Pdf;
        if (head.StartsWith("PK\x03\x04"u8))
        {
            // A zip: an office document only when the name says which one.
            var ext = Path.GetExtension(fileName ?? "").ToLowerInvariant();
            return ext switch { ".docx" => Docx, ".xlsx" => Xlsx, _ => null };
        }
        return null;
    }
}
