using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ThreeClears.Domain.Drafts;

namespace ThreeClears.Web.Features.Drafts;

public enum NoticeState { Pending, Sent, Failed }

/// <summary>
/// The outbox: one row per submitter to tell that their opinion's answer is published, written in
/// the publishing transaction so that no answer is published without its notice. A mailer sends
/// the e-mail ones where SMTP is configured; the row never copies the contact (the opinion keeps
/// it, in one place), so the outbox can be shown to officials.
/// </summary>
public sealed class OpinionNotice
{
    public int Id { get; set; }
    public int OpinionId { get; set; }
    public Opinion? Opinion { get; set; }
    public int DraftId { get; set; }
    public ContactKind Channel { get; set; }
    public NoticeState State { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? SentAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    /// <summary>A node sending it holds it until then, so that two nodes never mail twice.</summary>
    public DateTime? ClaimedUntil { get; set; }
}

internal sealed class OpinionNoticeConfiguration : IEntityTypeConfiguration<OpinionNotice>
{
    public void Configure(EntityTypeBuilder<OpinionNotice> b)
    {
        b.ToTable("opinion_notices");
        b.Property(x => x.Channel).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.LastError).HasMaxLength(1000);
        b.HasOne(x => x.Opinion).WithMany().HasForeignKey(x => x.OpinionId);
        b.HasIndex(x => new { x.State, x.Channel, x.Id });
        b.HasIndex(x => x.OpinionId);
        b.HasIndex(x => x.DraftId);
    }
}
