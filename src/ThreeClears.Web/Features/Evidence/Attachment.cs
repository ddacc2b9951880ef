using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ThreeClears.Web.Features.Access;
using ThreeClears.Web.Features.Organisation;

namespace ThreeClears.Web.Features.Evidence;

/// <summary>
/// An uploaded piece of evidence (a photo, a PDF, an office document). The bytes live in the file
/// store under their SHA-256; this row says who uploaded what, for which unit, and how to serve it.
/// </summary>
public sealed class Attachment
{
    public int Id { get; set; }
    public required string Sha256 { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Length { get; set; }
    public bool IsImage { get; set; }
    /// <summary>A small JPEG for phones, when the file is a photo.</summary>
    public string? ThumbnailSha256 { get; set; }
    /// <summary>The unit whose scope governs who may see the file.</summary>
    public int OrgUnitId { get; set; }
    public OrgUnit? OrgUnit { get; set; }
    /// <summary>The task it was uploaded for, if any (housing support and others use it too).</summary>
    public int? TaskId { get; set; }
    public int UploadedById { get; set; }
    public AppUser? UploadedBy { get; set; }
    public DateTime UploadedAt { get; set; }
}

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> b)
    {
        b.ToTable("attachments");
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.Property(x => x.ThumbnailSha256).HasMaxLength(64);
        b.Property(x => x.FileName).HasMaxLength(255);
        b.Property(x => x.ContentType).HasMaxLength(100);
        b.HasIndex(x => x.TaskId);
        b.HasOne(x => x.OrgUnit).WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.UploadedBy).WithMany().HasForeignKey(x => x.UploadedById).OnDelete(DeleteBehavior.Restrict);
    }
}
