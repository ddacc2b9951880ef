using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ThreeClears.Domain.Tasks;
using ThreeClears.Web.Features.Access;
using ThreeClears.Web.Features.Organisation;

namespace ThreeClears.Web.Features.Tasks;

/// <summary>
/// A task owner's consultation of another unit, with a deadline. Silence past the deadline is
/// recorded as deemed agreement against the consulted unit — never as an answer.
/// </summary>
public sealed class Consultation
{
    public int Id { get; set; }
    public int TaskId { get; set; }
    public TaskItem? Task { get; set; }
    public int AskedById { get; set; }
    public AppUser? AskedBy { get; set; }
    public int ToOrgUnitId { get; set; }
    public OrgUnit? ToOrgUnit { get; set; }
    public string Question { get; set; } = "";
    public string? LegalBasis { get; set; }
    public DateOnly AskedOn { get; set; }
    public DateTime AskedAt { get; set; }
    public DateOnly Deadline { get; set; }
    public ConsultationStatus Status { get; set; }
    public string? Reasons { get; set; }
    public string? Alternative { get; set; }
    public int? AnsweredById { get; set; }
    public AppUser? AnsweredBy { get; set; }
    public DateOnly? AnsweredOn { get; set; }
    public DateTime? AnsweredAt { get; set; }
    /// <summary>The sweep's date that recorded the deemed agreement.</summary>
    public DateOnly? DeemedOn { get; set; }
    public int Version { get; set; } = 1;
}

internal sealed class ConsultationConfiguration : IEntityTypeConfiguration<Consultation>
{
    public void Configure(EntityTypeBuilder<Consultation> b)
    {
        b.ToTable("consultations");
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne(x => x.Task).WithMany().HasForeignKey(x => x.TaskId);
        b.HasOne(x => x.AskedBy).WithMany().HasForeignKey(x => x.AskedById).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.ToOrgUnit).WithMany().HasForeignKey(x => x.ToOrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.AnsweredBy).WithMany().HasForeignKey(x => x.AnsweredById).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.ToOrgUnitId, x.Status, x.Deadline });
        b.HasIndex(x => new { x.Status, x.Deadline });
        b.HasIndex(x => x.TaskId);
    }
}
