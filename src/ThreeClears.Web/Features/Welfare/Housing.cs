using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ThreeClears.Web.Features.Evidence;
using ThreeClears.Web.Features.Organisation;

namespace ThreeClears.Web.Features.Welfare;

public enum SupportKind { NewBuild, Repair }

public enum SupportStatus { Planned, Underway, Completed }

/// <summary>The housing programme's target for a unit and year: houses to build or repair, and the funding.</summary>
public sealed class HousingProgramme
{
    public int Id { get; set; }
    public int OrgUnitId { get; set; }
    public OrgUnit? OrgUnit { get; set; }
    public int Year { get; set; }
    public int TargetHouses { get; set; }
    public decimal Funding { get; set; }
    public int Version { get; set; } = 1;
    public DateTime CreatedAt { get; set; }
}

/// <summary>
/// Support given to one household in a year: a new build or a repair, its budget in VND, where it
/// stands, when it was completed and the photos that show it. The household's unit is kept here too
/// (and moved with the household) so that progress per unit is one grouped sum.
/// </summary>
public sealed class HousingSupport
{
    public int Id { get; set; }
    public int HouseholdId { get; set; }
    public Household? Household { get; set; }
    public int OrgUnitId { get; set; }
    public int Year { get; set; }
    public SupportKind Kind { get; set; }
    public decimal Budget { get; set; }
    public SupportStatus Status { get; set; }
    public DateOnly? CompletedOn { get; set; }
    public int Version { get; set; } = 1;
    public DateTime CreatedAt { get; set; }
    public List<HousingSupportAttachment> Attachments { get; set; } = [];
}

/// <summary>A piece of evidence (through the file store) attached to a support record.</summary>
public sealed class HousingSupportAttachment
{
    public int SupportId { get; set; }
    public int AttachmentId { get; set; }
    public Attachment? Attachment { get; set; }
}

internal sealed class HousingProgrammeConfiguration : IEntityTypeConfiguration<HousingProgramme>
{
    public void Configure(EntityTypeBuilder<HousingProgramme> b)
    {
        b.ToTable("housing_programmes");
        b.HasIndex(x => new { x.OrgUnitId, x.Year }).IsUnique();
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne(x => x.OrgUnit).WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class HousingSupportConfiguration : IEntityTypeConfiguration<HousingSupport>
{
    public void Configure(EntityTypeBuilder<HousingSupport> b)
    {
        b.ToTable("housing_support");
        // One support record per household and year.
        b.HasIndex(x => new { x.HouseholdId, x.Year }).IsUnique();
        b.HasIndex(x => new { x.Year, x.OrgUnitId, x.Status });
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne(x => x.Household).WithMany().HasForeignKey(x => x.HouseholdId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Attachments).WithOne().HasForeignKey(x => x.SupportId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class HousingSupportAttachmentConfiguration : IEntityTypeConfiguration<HousingSupportAttachment>
{
    public void Configure(EntityTypeBuilder<HousingSupportAttachment> b)
    {
        b.ToTable("housing_support_attachments");
        b.HasKey(x => new { x.SupportId, x.AttachmentId });
        b.HasIndex(x => x.AttachmentId);
        b.HasOne(x => x.Attachment).WithMany().HasForeignKey(x => x.AttachmentId).OnDelete(DeleteBehavior.Restrict);
    }
}
