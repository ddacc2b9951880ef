using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ThreeClears.Domain.Drafts;
using ThreeClears.Web.Features.Access;
using ThreeClears.Web.Features.Organisation;

// The folder is Features/Consultation, but the namespace is "Drafts": a namespace named
// Consultation next to the task feature's Consultation entity would shadow that type in every
// sibling feature namespace (ThreeClears.Web.Features.*) that imports it.
namespace ThreeClears.Web.Features.Drafts;

/// <summary>
/// A draft document put to consultation (PRODUCT.md "Consultation on drafts"): open for opinions
/// from <see cref="OpenFrom"/> to <see cref="OpenTo"/> inclusive, with sections opinions can point
/// at. The unit is the one whose leaders and managers answer the opinions.
/// </summary>
public sealed class Draft
{
    public int Id { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public int OrgUnitId { get; set; }
    public OrgUnit? OrgUnit { get; set; }
    public DateOnly OpenFrom { get; set; }
    public DateOnly OpenTo { get; set; }
    public int CreatedById { get; set; }
    public AppUser? CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public int Version { get; set; } = 1;
    public List<DraftSection> Sections { get; set; } = [];

    public DraftWindow Window => new(OpenFrom, OpenTo);
}

/// <summary>A part of a draft ("I", "II.3", "Phụ lục 1") that an opinion may be about.</summary>
public sealed class DraftSection
{
    public int Id { get; set; }
    public int DraftId { get; set; }
    /// <summary>The short label opinions name it by, unique in its draft.</summary>
    public required string Key { get; set; }
    public required string Title { get; set; }
    public string? Text { get; set; }
    public int Position { get; set; }
}

/// <summary>A conference held to gather opinions on a draft: who organised it, when, where, how many took part.</summary>
public sealed class DraftConference
{
    public int Id { get; set; }
    public int DraftId { get; set; }
    public Draft? Draft { get; set; }
    public int OrganizerOrgUnitId { get; set; }
    public OrgUnit? Organizer { get; set; }
    public DateOnly Date { get; set; }
    public required string Location { get; set; }
    public int Participants { get; set; }
    public int RecordedById { get; set; }
    public AppUser? RecordedBy { get; set; }
    public DateTime RecordedAt { get; set; }
}

internal sealed class DraftConfiguration :
    IEntityTypeConfiguration<Draft>, IEntityTypeConfiguration<DraftSection>, IEntityTypeConfiguration<DraftConference>
{
    public void Configure(EntityTypeBuilder<Draft> b)
    {
        b.ToTable("drafts");
        b.Property(x => x.Title).HasMaxLength(500);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne(x => x.OrgUnit).WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.CreatedBy).WithMany().HasForeignKey(x => x.CreatedById).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Sections).WithOne().HasForeignKey(x => x.DraftId);
        b.HasIndex(x => new { x.OpenTo, x.OpenFrom });
        b.HasIndex(x => x.OrgUnitId);
    }

    public void Configure(EntityTypeBuilder<DraftSection> b)
    {
        b.ToTable("draft_sections");
        b.Property(x => x.Key).HasMaxLength(DraftsService.SectionKeyMax);
        b.Property(x => x.Title).HasMaxLength(500);
        b.HasIndex(x => new { x.DraftId, x.Key }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<DraftConference> b)
    {
        b.ToTable("draft_conferences");
        b.Property(x => x.Location).HasMaxLength(500);
        b.HasOne(x => x.Draft).WithMany().HasForeignKey(x => x.DraftId);
        b.HasOne(x => x.Organizer).WithMany().HasForeignKey(x => x.OrganizerOrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.RecordedBy).WithMany().HasForeignKey(x => x.RecordedById).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.DraftId, x.Date });
    }
}
