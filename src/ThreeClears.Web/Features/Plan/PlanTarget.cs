using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ThreeClears.Domain.Indicators;
using ThreeClears.Web.Features.Access;
using ThreeClears.Web.Features.Organisation;

namespace ThreeClears.Web.Features.Plan;

/// <summary>
/// A target: an indicator's target value for a year, owned by a unit (and optionally an official of
/// it), with its baseline and direction, under a goal of the plan. The indicator is named by its code.
/// </summary>
public sealed class PlanTarget
{
    public int Id { get; set; }
    public required string IndicatorCode { get; set; }
    public int OrgUnitId { get; set; }
    public OrgUnit? OrgUnit { get; set; }
    public int? OwnerUserId { get; set; }
    public AppUser? OwnerUser { get; set; }
    public decimal Baseline { get; set; }
    public decimal TargetValue { get; set; }
    public int TargetYear { get; set; }
    public Direction Direction { get; set; }
    public int? GoalId { get; set; }
    public Goal? Goal { get; set; }
    public DateTime CreatedAt { get; set; }
    public int Version { get; set; } = 1;
}

internal sealed class PlanTargetConfiguration : IEntityTypeConfiguration<PlanTarget>
{
    public void Configure(EntityTypeBuilder<PlanTarget> b)
    {
        b.ToTable("targets");
        // One target per indicator, unit and year: analytics and the evaluation read "the" target.
        b.HasIndex(x => new { x.IndicatorCode, x.OrgUnitId, x.TargetYear }).IsUnique();
        b.HasIndex(x => new { x.OrgUnitId, x.TargetYear });
        b.HasIndex(x => x.GoalId);
        b.HasIndex(x => x.OwnerUserId);
        b.Property(x => x.IndicatorCode).HasMaxLength(64);
        b.Property(x => x.Direction).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne(x => x.OrgUnit).WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.OwnerUser).WithMany().HasForeignKey(x => x.OwnerUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Goal).WithMany().HasForeignKey(x => x.GoalId).OnDelete(DeleteBehavior.Restrict);
    }
}
