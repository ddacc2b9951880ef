using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ThreeClears.Domain.Tasks;
using ThreeClears.Web.Features.Access;
using ThreeClears.Web.Features.Evidence;
using ThreeClears.Web.Features.Organisation;

namespace ThreeClears.Web.Features.Tasks;

/// <summary>
/// A task under the Three Clears: one product (description, unit, target, kind), a due date with
/// milestones, and exactly one owner. (Named TaskItem: "Task" is taken by System.Threading.Tasks.)
/// </summary>
public sealed class TaskItem
{
    public int Id { get; set; }
    public required string Title { get; set; }
    public required string ProductDescription { get; set; }
    public required string ProductUnit { get; set; }
    public decimal TargetQuantity { get; set; }
    public decimal OriginalTargetQuantity { get; set; }
    public ProductKind Kind { get; set; }

    public int OwnerId { get; set; }
    public AppUser? Owner { get; set; }
    /// <summary>The owner's unit when the task was given to them: scope and boards follow it.</summary>
    public int OwnerOrgUnitId { get; set; }
    public OrgUnit? OwnerOrgUnit { get; set; }
    public int AssignedById { get; set; }
    public AppUser? AssignedBy { get; set; }

    public DateOnly? StartDate { get; set; }
    public DateOnly DueDate { get; set; }
    public DateOnly CreatedOn { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? GoalCode { get; set; }
    public string? Source { get; set; }

    /// <summary>The cumulative quantity of the latest report (reports are never edited).</summary>
    public decimal DeliveredQuantity { get; set; }
    public DateOnly? LastReportOn { get; set; }
    /// <summary>The date of the report that first met the target, once a verifier approved.</summary>
    public DateOnly? CompletedOn { get; set; }
    public DateOnly? VerifiedOn { get; set; }
    public DateOnly? CancelledOn { get; set; }
    public string? CancelReason { get; set; }

    /// <summary>The status as of <see cref="StatusOn"/>: kept for lists and boards, refreshed on every write and by the sweep.</summary>
    public Domain.Tasks.TaskStatus Status { get; set; }
    public DateOnly StatusOn { get; set; }
    public int Reassignments { get; set; }
    public bool OverdueEscalated { get; set; }
    public int Version { get; set; } = 1;

    public List<TaskMilestoneRow> Milestones { get; set; } = [];
    public List<TaskProgressReport> Reports { get; set; } = [];
    public List<TaskCooperatingUnit> CooperatingUnits { get; set; } = [];
    public List<TaskContributor> Contributors { get; set; } = [];
}

public sealed class TaskMilestoneRow
{
    public int Id { get; set; }
    public int TaskId { get; set; }
    public string? Title { get; set; }
    public DateOnly DueDate { get; set; }
    public decimal CumulativeQuantity { get; set; }
}

/// <summary>A progress report: the cumulative quantity delivered, a note and evidence. Never edited.</summary>
public sealed class TaskProgressReport
{
    public int Id { get; set; }
    public int TaskId { get; set; }
    public DateOnly ReportedOn { get; set; }
    public DateTime ReportedAt { get; set; }
    public decimal CumulativeQuantity { get; set; }
    public string Note { get; set; } = "";
    public int ByUserId { get; set; }
    public AppUser? ByUser { get; set; }
    public List<Attachment> Attachments { get; set; } = [];
}

public sealed class TaskCooperatingUnit
{
    public int TaskId { get; set; }
    public int OrgUnitId { get; set; }
    public OrgUnit? OrgUnit { get; set; }
}

public sealed class TaskContributor
{
    public int TaskId { get; set; }
    public int UserId { get; set; }
    public AppUser? User { get; set; }
}

internal sealed class TaskItemConfiguration : IEntityTypeConfiguration<TaskItem>
{
    public void Configure(EntityTypeBuilder<TaskItem> b)
    {
        b.ToTable("tasks");
        b.Property(x => x.Title).HasMaxLength(500);
        b.Property(x => x.ProductUnit).HasMaxLength(500);
        b.Property(x => x.GoalCode).HasMaxLength(64);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne(x => x.Owner).WithMany().HasForeignKey(x => x.OwnerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.AssignedBy).WithMany().HasForeignKey(x => x.AssignedById).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.OwnerOrgUnit).WithMany().HasForeignKey(x => x.OwnerOrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Milestones).WithOne().HasForeignKey(x => x.TaskId);
        b.HasMany(x => x.Reports).WithOne().HasForeignKey(x => x.TaskId);
        b.HasMany(x => x.CooperatingUnits).WithOne().HasForeignKey(x => x.TaskId);
        b.HasMany(x => x.Contributors).WithOne().HasForeignKey(x => x.TaskId);
        // "An owner's open tasks", boards by unit and status, and due-date windows.
        // Status is carried in the index, so counting an owner's open tasks never reads the table.
        b.HasIndex(x => new { x.OwnerId, x.DueDate, x.Id }).IncludeProperties(x => x.Status);
        b.HasIndex(x => new { x.OwnerOrgUnitId, x.Status, x.DueDate });
        b.HasIndex(x => new { x.AssignedById, x.Status });
        b.HasIndex(x => new { x.Status, x.DueDate });
    }
}

internal sealed class TaskMilestoneConfiguration : IEntityTypeConfiguration<TaskMilestoneRow>
{
    public void Configure(EntityTypeBuilder<TaskMilestoneRow> b)
    {
        b.ToTable("task_milestones");
        b.Property(x => x.Title).HasMaxLength(500);
        b.HasIndex(x => new { x.TaskId, x.DueDate });
    }
}

internal sealed class TaskProgressReportConfiguration : IEntityTypeConfiguration<TaskProgressReport>
{
    public void Configure(EntityTypeBuilder<TaskProgressReport> b)
    {
        b.ToTable("task_reports");
        b.HasIndex(x => new { x.TaskId, x.Id });
        b.HasOne(x => x.ByUser).WithMany().HasForeignKey(x => x.ByUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Attachments).WithMany().UsingEntity("task_report_attachments");
    }
}

internal sealed class TaskCooperatingUnitConfiguration : IEntityTypeConfiguration<TaskCooperatingUnit>
{
    public void Configure(EntityTypeBuilder<TaskCooperatingUnit> b)
    {
        b.ToTable("task_cooperating_units");
        b.HasKey(x => new { x.TaskId, x.OrgUnitId });
        b.HasOne(x => x.OrgUnit).WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TaskContributorConfiguration : IEntityTypeConfiguration<TaskContributor>
{
    public void Configure(EntityTypeBuilder<TaskContributor> b)
    {
        b.ToTable("task_contributors");
        b.HasKey(x => new { x.TaskId, x.UserId });
        b.HasOne(x => x.User).WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}
