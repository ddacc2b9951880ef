using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ThreeClears.Web.Features.Welfare;

public enum ImportStatus { Running, Completed, Failed }

/// <summary>
/// One import of a household file. Each chunk of rows is committed with this row's progress, so
/// the page can show how far a long import is, and a failure half-way leaves what was committed
/// and says where it stopped (sending the file again is safe: known codes update).
/// </summary>
public sealed class HouseholdImport
{
    public int Id { get; set; }
    public required string FileName { get; set; }
    public required string Sha256 { get; set; }
    public long Length { get; set; }
    public int UserId { get; set; }
    public string? UserName { get; set; }
    public ImportStatus Status { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    /// <summary>The last line of the file read and committed so far.</summary>
    public int LinesDone { get; set; }
    /// <summary>Data lines of the file when known (counted before the work starts).</summary>
    public int? LinesTotal { get; set; }
    public int Imported { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public int Rejected { get; set; }
    /// <summary>The rejected lines as JSON (<c>[{line, errors}]</c>), the first few thousand.</summary>
    public string? Rejections { get; set; }
    public string? Error { get; set; }
}

internal sealed class HouseholdImportConfiguration : IEntityTypeConfiguration<HouseholdImport>
{
    public void Configure(EntityTypeBuilder<HouseholdImport> b)
    {
        b.ToTable("household_imports");
        b.Property(x => x.FileName).HasMaxLength(255);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.Property(x => x.UserName).HasMaxLength(256);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Rejections).HasMaxLength(4_000_000);
        b.Property(x => x.Error).HasMaxLength(2000);
        b.HasIndex(x => x.UserId);
    }
}
