using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ThreeClears.Web.Features.Access;
using ThreeClears.Web.Features.Organisation;

namespace ThreeClears.Web.Features.Tasks;

public enum EscalationReason { ExceedsAuthority, Blocked, Overdue }

public enum EscalationState { Open, Resolved }

/// <summary>
/// "Exceeds my authority" or "blocked", raised by a task's owner (or "overdue", raised by the sweep).
/// It sits with one recipient at a time and climbs one unit up per missed deadline.
/// </summary>
public sealed class Escalation
{
    public int Id { get; set; }
    public int TaskId { get; set; }
    public TaskItem? Task { get; set; }
    public EscalationReason Reason { get; set; }
    public string Question { get; set; } = "";
    public int? RaisedById { get; set; }
    public AppUser? RaisedBy { get; set; }
    public DateOnly RaisedOn { get; set; }
    public DateTime RaisedAt { get; set; }
    public int Level { get; set; } = 1;
    public int ToUserId { get; set; }
    public AppUser? ToUser { get; set; }
    public int ToOrgUnitId { get; set; }
    public OrgUnit? ToOrgUnit { get; set; }
    public DateOnly RespondBy { get; set; }
    public EscalationState Status { get; set; }
    public string? Decision { get; set; }
    public string? Note { get; set; }
    public int? ResolvedById { get; set; }
    public AppUser? ResolvedBy { get; set; }
    public DateOnly? ResolvedOn { get; set; }
    public DateTime? ResolvedAt { get; set; }
    public int Version { get; set; } = 1;
    public List<EscalationStepRow> Steps { get; set; } = [];
}

/// <summary>Where an escalation went and when: level 1 on raising, one more per missed deadline.</summary>
public sealed class EscalationStepRow
{
    public int Id { get; set; }
    public int EscalationId { get; set; }
    public int Level { get; set; }
    public int ToUserId { get; set; }
    public int ToOrgUnitId { get; set; }
    public DateOnly RespondBy { get; set; }
    public DateTime At { get; set; }
}

internal sealed class EscalationConfiguration : IEntityTypeConfiguration<Escalation>, IEntityTypeConfiguration<EscalationStepRow>
{
    public void Configure(EntityTypeBuilder<Escalation> b)
    {
        b.ToTable("escalations");
        b.Property(x => x.Reason).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Decision).HasMaxLength(10_000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne(x => x.Task).WithMany().HasForeignKey(x => x.TaskId);
        b.HasOne(x => x.RaisedBy).WithMany().HasForeignKey(x => x.RaisedById).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.ToUser).WithMany().HasForeignKey(x => x.ToUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.ToOrgUnit).WithMany().HasForeignKey(x => x.ToOrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.ResolvedBy).WithMany().HasForeignKey(x => x.ResolvedById).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Steps).WithOne().HasForeignKey(x => x.EscalationId);
        b.HasIndex(x => new { x.ToUserId, x.Status });
        b.HasIndex(x => new { x.Status, x.RespondBy });
        b.HasIndex(x => x.TaskId);
    }

    public void Configure(EntityTypeBuilder<EscalationStepRow> b)
    {
        b.ToTable("escalation_steps");
        b.HasIndex(x => x.EscalationId);
    }
}
