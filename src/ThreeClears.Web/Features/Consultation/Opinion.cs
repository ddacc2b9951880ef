using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ThreeClears.Domain.Drafts;
using ThreeClears.Web.Features.Access;

namespace ThreeClears.Web.Features.Drafts;

/// <summary>
/// An opinion on a draft, from a group, about a section or the whole draft, gathered at a
/// conference or sent online. Its text is kept exactly as given and never edited. The contact is
/// private: it is read only to tell the submitter that the answer is published, and no answer of
/// the API or page ever carries it.
/// </summary>
public sealed class Opinion
{
    public int Id { get; set; }
    public int DraftId { get; set; }
    public Draft? Draft { get; set; }
    public required string Text { get; set; }
    public OpinionGroup Group { get; set; }
    public int? SectionId { get; set; }
    public DraftSection? Section { get; set; }
    public OpinionSource Source { get; set; }
    public int? ConferenceId { get; set; }
    public DraftConference? Conference { get; set; }
    /// <summary>A name the submitter chose to give: shown to the officials who answer, never on the portal.</summary>
    public string? SubmitterName { get; set; }
    public string? Contact { get; set; }
    public ContactKind? ContactKind { get; set; }
    /// <summary>SHA-256 of the portal's client id, so that a browser can find its own opinions again.</summary>
    public string? ClientHash { get; set; }
    /// <summary>The official who recorded it (conference opinions); null for a citizen's own.</summary>
    public int? RecordedById { get; set; }
    public AppUser? RecordedBy { get; set; }
    public DateOnly SubmittedOn { get; set; }
    public DateTime SubmittedAt { get; set; }
    public OpinionResponse? Response { get; set; }
}

/// <summary>
/// The one response to an opinion: a decision and its explanation, kept as a draft until it is
/// published (alone or with others). Only a published response answers the opinion.
/// </summary>
public sealed class OpinionResponse
{
    public int Id { get; set; }
    public int OpinionId { get; set; }
    public Opinion? Opinion { get; set; }
    public ResponseDecision Decision { get; set; }
    public required string Explanation { get; set; }
    public ResponseState State { get; set; }
    public int AnsweredById { get; set; }
    public AppUser? AnsweredBy { get; set; }
    public DateTime AnsweredAt { get; set; }
    public int? PublishedById { get; set; }
    public AppUser? PublishedBy { get; set; }
    public DateOnly? PublishedOn { get; set; }
    public DateTime? PublishedAt { get; set; }
    public int Version { get; set; } = 1;
}

internal sealed class OpinionConfiguration : IEntityTypeConfiguration<Opinion>, IEntityTypeConfiguration<OpinionResponse>
{
    public void Configure(EntityTypeBuilder<Opinion> b)
    {
        b.ToTable("opinions");
        b.Property(x => x.Text).HasMaxLength(OpinionText.MaxLength);
        b.Property(x => x.Group).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Source).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.ContactKind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.SubmitterName).HasMaxLength(OpinionsService.NameMax);
        b.Property(x => x.Contact).HasMaxLength(SubmitterContact.MaxLength);
        b.Property(x => x.ClientHash).HasMaxLength(64);
        b.HasOne(x => x.Draft).WithMany().HasForeignKey(x => x.DraftId);
        b.HasOne(x => x.Section).WithMany().HasForeignKey(x => x.SectionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Conference).WithMany().HasForeignKey(x => x.ConferenceId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.RecordedBy).WithMany().HasForeignKey(x => x.RecordedById).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Response).WithOne(x => x.Opinion).HasForeignKey<OpinionResponse>(x => x.OpinionId);
        b.HasIndex(x => new { x.DraftId, x.Id });
        b.HasIndex(x => x.ConferenceId);
        b.HasIndex(x => x.ClientHash);
    }

    public void Configure(EntityTypeBuilder<OpinionResponse> b)
    {
        b.ToTable("opinion_responses");
        b.Property(x => x.Decision).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Explanation).HasMaxLength(OpinionText.MaxLength);
        b.Property(x => x.Version).IsConcurrencyToken();
        // One response per opinion, whichever node writes it.
        b.HasIndex(x => x.OpinionId).IsUnique();
        b.HasOne(x => x.AnsweredBy).WithMany().HasForeignKey(x => x.AnsweredById).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.PublishedBy).WithMany().HasForeignKey(x => x.PublishedById).OnDelete(DeleteBehavior.Restrict);
    }
}
