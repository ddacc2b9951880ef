using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ThreeClears.Web.Features.Public;

/// <summary>
/// The copy of an evidence photo the portal serves at full size: re-encoded once, with no
/// metadata (a phone's photo carries the GPS position of the house it shows and the phone that took
/// it), and kept in the file store under its own hash. The original stays for the officials.
/// </summary>
public sealed class PublicPhoto
{
    public int AttachmentId { get; set; }
    public required string Sha256 { get; set; }
    public DateTime CreatedAt { get; set; }
}

internal sealed class PublicPhotoConfiguration : IEntityTypeConfiguration<PublicPhoto>
{
    public void Configure(EntityTypeBuilder<PublicPhoto> b)
    {
        b.ToTable("public_photos");
        b.HasKey(x => x.AttachmentId);
        b.Property(x => x.AttachmentId).ValueGeneratedNever();
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.HasOne<Evidence.Attachment>().WithOne().HasForeignKey<PublicPhoto>(x => x.AttachmentId);
    }
}
