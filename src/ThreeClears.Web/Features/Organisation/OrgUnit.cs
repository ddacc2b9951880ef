using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ThreeClears.Web.Features.Access;

namespace ThreeClears.Web.Features.Organisation;

public enum OrgUnitKind { Province, Department, Commune, Ward, Site, Partner }

/// <summary>
/// A unit of the one organisation tree. <see cref="Path"/> is the chain of ids from the root
/// ("/1/7/42/"), so that a subtree is one indexed prefix match.
/// </summary>
public sealed class OrgUnit
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string NameEn { get; set; }
    public OrgUnitKind Kind { get; set; }
    public int? ParentId { get; set; }
    public OrgUnit? Parent { get; set; }
    public string Path { get; set; } = "/";
    public int Depth { get; set; }
    public int? HeadUserId { get; set; }
    public AppUser? Head { get; set; }
    /// <summary>Set when the unit's whole share has passed to successors (e.g. the 2025 merger).</summary>
    public DateOnly? DissolvedOn { get; set; }
    public int Version { get; set; } = 1;
    public DateTime CreatedAt { get; set; }
    public List<OrgUnitLineage> Predecessors { get; set; } = [];
}

/// <summary>A predecessor of a unit: from <see cref="EffectiveDate"/> its <see cref="Share"/> belongs to the successor.</summary>
public sealed class OrgUnitLineage
{
    public int SuccessorId { get; set; }
    public OrgUnit? Successor { get; set; }
    public int PredecessorId { get; set; }
    public OrgUnit? Predecessor { get; set; }
    public DateOnly EffectiveDate { get; set; }
    public decimal Share { get; set; } = 1m;
}

internal sealed class OrgUnitConfiguration : IEntityTypeConfiguration<OrgUnit>
{
    public void Configure(EntityTypeBuilder<OrgUnit> b)
    {
        b.ToTable("org_units");
        b.HasIndex(x => x.Code).IsUnique();
        b.HasIndex(x => x.Path);
        b.HasIndex(x => x.ParentId);
        b.Property(x => x.Code).HasMaxLength(64);
        b.Property(x => x.Name).HasMaxLength(500);
        b.Property(x => x.NameEn).HasMaxLength(500);
        b.Property(x => x.Path).HasMaxLength(1000);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Head).WithMany().HasForeignKey(x => x.HeadUserId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(x => x.Predecessors).WithOne(x => x.Successor).HasForeignKey(x => x.SuccessorId);
    }
}

internal sealed class OrgUnitLineageConfiguration : IEntityTypeConfiguration<OrgUnitLineage>
{
    public void Configure(EntityTypeBuilder<OrgUnitLineage> b)
    {
        b.ToTable("org_unit_lineage");
        b.HasKey(x => new { x.SuccessorId, x.PredecessorId });
        b.HasOne(x => x.Predecessor).WithMany().HasForeignKey(x => x.PredecessorId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Share).HasPrecision(9, 6);
        b.HasIndex(x => x.PredecessorId);
    }
}
