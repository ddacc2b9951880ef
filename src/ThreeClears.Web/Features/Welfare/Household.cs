using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ThreeClears.Domain.Welfare;
using ThreeClears.Web.Features.Organisation;

namespace ThreeClears.Web.Features.Welfare;

/// <summary>
/// A household of the register: its commune (or ward), village, head, members, poverty status and
/// the three questions. A question not recorded is null (and not adequate). The adequacy flags are
/// set from <see cref="ThreeQuestions"/> whenever the answers change, so that coverage is a sum of
/// flags in SQL and the rule lives in one place. <see cref="Version"/> is also the number of the
/// latest <see cref="HouseholdRevision"/>.
/// </summary>
public sealed class Household
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public int OrgUnitId { get; set; }
    public OrgUnit? OrgUnit { get; set; }
    public required string Village { get; set; }
    public required string HeadName { get; set; }
    public int Members { get; set; }
    public PovertyStatus? Poverty { get; set; }
    public HousingCondition? Housing { get; set; }
    public KitchenCondition? Kitchen { get; set; }
    public SanitationCondition? Sanitation { get; set; }
    public bool HousingAdequate { get; set; }
    public bool KitchenAdequate { get; set; }
    public bool SanitationAdequate { get; set; }
    public int Version { get; set; } = 1;
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>Sets the adequacy flags from the answers (the brief's rule, not a copy of it).</summary>
    public void Rate()
    {
        HousingAdequate = ThreeQuestions.IsAdequate(Housing);
        KitchenAdequate = ThreeQuestions.IsAdequate(Kitchen);
        SanitationAdequate = ThreeQuestions.IsAdequate(Sanitation);
    }
}

/// <summary>
/// The personal data of one version of a household. Audit entries (which are hash-chained) refer
/// to a revision by household code and number instead of copying names into the chain, so that a
/// wrong name can be corrected here (PRODUCT.md "Audit") without breaking the chain.
/// </summary>
public sealed class HouseholdRevision
{
    public required string HouseholdCode { get; set; }
    public int Revision { get; set; }
    public DateTime At { get; set; }
    public string? UserName { get; set; }
    /// <summary>What made it: <c>import 12</c>, <c>edit</c>, <c>demo</c>.</summary>
    public required string Source { get; set; }
    public int OrgUnitId { get; set; }
    public required string Village { get; set; }
    public required string HeadName { get; set; }
    public int Members { get; set; }
    public PovertyStatus? Poverty { get; set; }
    public HousingCondition? Housing { get; set; }
    public KitchenCondition? Kitchen { get; set; }
    public SanitationCondition? Sanitation { get; set; }

    public static HouseholdRevision Of(Household h, DateTime at, string? userName, string source) => new()
    {
        HouseholdCode = h.Code, Revision = h.Version, At = at, UserName = userName, Source = source, OrgUnitId = h.OrgUnitId,
        Village = h.Village, HeadName = h.HeadName, Members = h.Members, Poverty = h.Poverty, Housing = h.Housing,
        Kitchen = h.Kitchen, Sanitation = h.Sanitation,
    };
}

internal sealed class HouseholdConfiguration : IEntityTypeConfiguration<Household>
{
    public void Configure(EntityTypeBuilder<Household> b)
    {
        b.ToTable("households");
        b.HasIndex(x => x.Code).IsUnique();
        // Coverage sums the flags per unit: with the unit first, the index answers it alone.
        b.HasIndex(x => new { x.OrgUnitId, x.HousingAdequate, x.KitchenAdequate, x.SanitationAdequate });
        b.HasIndex(x => new { x.OrgUnitId, x.Village, x.Code });
        b.Property(x => x.Code).HasMaxLength(64);
        b.Property(x => x.Village).HasMaxLength(200);
        b.Property(x => x.HeadName).HasMaxLength(200);
        b.Property(x => x.Poverty).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Housing).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Kitchen).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Sanitation).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne(x => x.OrgUnit).WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class HouseholdRevisionConfiguration : IEntityTypeConfiguration<HouseholdRevision>
{
    public void Configure(EntityTypeBuilder<HouseholdRevision> b)
    {
        b.ToTable("household_revisions");
        b.HasKey(x => new { x.HouseholdCode, x.Revision });
        b.Property(x => x.HouseholdCode).HasMaxLength(64);
        b.Property(x => x.UserName).HasMaxLength(256);
        b.Property(x => x.Source).HasMaxLength(64);
        b.Property(x => x.Village).HasMaxLength(200);
        b.Property(x => x.HeadName).HasMaxLength(200);
        b.Property(x => x.Poverty).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Housing).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Kitchen).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Sanitation).HasConversion<string>().HasMaxLength(20);
    }
}
