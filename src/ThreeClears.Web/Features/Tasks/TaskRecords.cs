using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ThreeClears.Web.Features.Access;

namespace ThreeClears.Web.Features.Tasks;

/// <summary>A verifier's decision: approval completes the task; a rejection keeps it open with its note.</summary>
public sealed class TaskVerification
{
    public int Id { get; set; }
    public int TaskId { get; set; }
    public bool Approved { get; set; }
    public string Note { get; set; } = "";
    public int ByUserId { get; set; }
    public AppUser? ByUser { get; set; }
    public DateOnly On { get; set; }
    public DateTime At { get; set; }
}

/// <summary>A change of target by the assigner; the original stays on the task.</summary>
public sealed class TaskTargetChange
{
    public int Id { get; set; }
    public int TaskId { get; set; }
    public decimal From { get; set; }
    public decimal To { get; set; }
    public string Reason { get; set; } = "";
    public int ByUserId { get; set; }
    public AppUser? ByUser { get; set; }
    public DateTime At { get; set; }
}

/// <summary>Every reassignment, so that passing the buck shows.</summary>
public sealed class TaskReassignment
{
    public int Id { get; set; }
    public int TaskId { get; set; }
    public int FromUserId { get; set; }
    public AppUser? FromUser { get; set; }
    public int ToUserId { get; set; }
    public AppUser? ToUser { get; set; }
    public string Reason { get; set; } = "";
    public int ByUserId { get; set; }
    public AppUser? ByUser { get; set; }
    public DateTime At { get; set; }
}

internal sealed class TaskRecordsConfiguration :
    IEntityTypeConfiguration<TaskVerification>, IEntityTypeConfiguration<TaskTargetChange>, IEntityTypeConfiguration<TaskReassignment>
{
    public void Configure(EntityTypeBuilder<TaskVerification> b)
    {
        b.ToTable("task_verifications");
        b.HasIndex(x => x.TaskId);
        b.HasOne<TaskItem>().WithMany().HasForeignKey(x => x.TaskId);
        b.HasOne(x => x.ByUser).WithMany().HasForeignKey(x => x.ByUserId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<TaskTargetChange> b)
    {
        b.ToTable("task_target_changes");
        b.HasIndex(x => x.TaskId);
        b.HasOne<TaskItem>().WithMany().HasForeignKey(x => x.TaskId);
        b.HasOne(x => x.ByUser).WithMany().HasForeignKey(x => x.ByUserId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<TaskReassignment> b)
    {
        b.ToTable("task_reassignments");
        b.HasIndex(x => x.TaskId);
        b.HasOne<TaskItem>().WithMany().HasForeignKey(x => x.TaskId);
        b.HasOne(x => x.FromUser).WithMany().HasForeignKey(x => x.FromUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.ToUser).WithMany().HasForeignKey(x => x.ToUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.ByUser).WithMany().HasForeignKey(x => x.ByUserId).OnDelete(DeleteBehavior.Restrict);
    }
}
