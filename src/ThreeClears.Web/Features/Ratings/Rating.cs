using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ThreeClears.Web.Features.Organisation;

namespace ThreeClears.Web.Features.Ratings;

/// <summary>
/// A citizen's rating of a unit: 1 to 5 stars and an optional comment, one per client per unit per
/// calendar month (the month is its period). The client is kept only as a hash of its
/// <c>X-Client-Id</c>, enough to refuse a second rating and nothing more. An administrator can hide
/// an abusive rating with a reason; a hidden rating counts in no figure, but is never deleted.
/// </summary>
public sealed class Rating
{
    public int Id { get; set; }
    public int OrgUnitId { get; set; }
    public OrgUnit? OrgUnit { get; set; }
    /// <summary>SHA-256 of the client id, hex.</summary>
    public required string ClientHash { get; set; }
    /// <summary>The first day of the Vietnam-time month of the rating.</summary>
    public DateOnly Month { get; set; }
    public int Stars { get; set; }
    public string? Comment { get; set; }
    public DateTime CreatedAt { get; set; }
    public bool Hidden { get; set; }
    public string? HiddenReason { get; set; }
    public string? HiddenByUserName { get; set; }
    public DateTime? HiddenAt { get; set; }
}

internal sealed class RatingConfiguration : IEntityTypeConfiguration<Rating>
{
    public void Configure(EntityTypeBuilder<Rating> b)
    {
        b.ToTable("ratings");
        // The rule "one per client per unit per month" holds across nodes because the database keeps it.
        b.HasIndex(x => new { x.OrgUnitId, x.Month, x.ClientHash }).IsUnique();
        b.Property(x => x.ClientHash).HasMaxLength(64);
        b.Property(x => x.Comment).HasMaxLength(RatingsService.CommentMax);
        b.Property(x => x.HiddenReason).HasMaxLength(RatingsService.ReasonMax);
        b.Property(x => x.HiddenByUserName).HasMaxLength(256);
        b.HasOne(x => x.OrgUnit).WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
