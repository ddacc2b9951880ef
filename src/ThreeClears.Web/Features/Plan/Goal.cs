using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ThreeClears.Web.Features.Organisation;

namespace ThreeClears.Web.Features.Plan;

/// <summary>
/// The kinds of goal of the strategic plan (API spelling <c>orientation|breakthrough|programme|linkage</c>).
/// Declaration order is the order of the plan's roots.
/// </summary>
public enum GoalKind
{
    /// <summary>One of the Provincial Party Congress's major orientations: a root of the plan.</summary>
    Orientation,

    /// <summary>One of the Congress's strategic breakthroughs: a root of the plan.</summary>
    Breakthrough,

    /// <summary>A regional joint commitment with partner provinces: a root; its targets may be owned by partner units.</summary>
    Linkage,

    /// <summary>A programme carrying out a goal above it (or standing alone).</summary>
    Programme,
}

/// <summary>A node of the strategic plan tree. <see cref="Code"/> is unique and never changes.</summary>
public sealed class Goal
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Title { get; set; }
    public string? TitleEn { get; set; }
    public GoalKind Kind { get; set; }
    public int? ParentId { get; set; }
    public Goal? Parent { get; set; }
    public string? Description { get; set; }
    /// <summary>The unit that leads the goal (the province for orientations, breakthroughs and linkage); its ManagePlan scope edits it.</summary>
    public int OrgUnitId { get; set; }
    public OrgUnit? OrgUnit { get; set; }
    public DateTime CreatedAt { get; set; }
    public int Version { get; set; } = 1;
}

internal sealed class GoalConfiguration : IEntityTypeConfiguration<Goal>
{
    public void Configure(EntityTypeBuilder<Goal> b)
    {
        b.ToTable("goals");
        b.HasIndex(x => x.Code).IsUnique();
        b.HasIndex(x => x.ParentId);
        b.Property(x => x.Code).HasMaxLength(64);
        b.Property(x => x.Title).HasMaxLength(500);
        b.Property(x => x.TitleEn).HasMaxLength(500);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.OrgUnit).WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
