using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ThreeClears.Domain.Welfare;
using ThreeClears.Web.Features.Organisation;

namespace ThreeClears.Web.Features.Welfare;

/// <summary>
/// One respondent's survey answers for a unit and year. The raw answers are kept as JSON for the
/// record; the eight domain scores, the count of sufficient domains and whether the respondent is
/// happy are decided by <see cref="HappinessSurvey"/> when the answers are written, and stored in
/// columns, so that the index of any unit is a handful of sums in SQL instead of reading JSON row by row.
/// </summary>
public sealed class HappinessResponse
{
    public int Id { get; set; }
    public int OrgUnitId { get; set; }
    public OrgUnit? OrgUnit { get; set; }
    public int Year { get; set; }
    public required string RespondentCode { get; set; }
    public required string Answers { get; set; }
    public double LivingStandards { get; set; }
    public double Health { get; set; }
    public double Education { get; set; }
    public double Environment { get; set; }
    public double Safety { get; set; }
    public double Culture { get; set; }
    public double Governance { get; set; }
    public double LifeSatisfaction { get; set; }
    public int SufficientDomains { get; set; }
    public bool Happy { get; set; }
    public int Version { get; set; } = 1;
    public DateTime At { get; set; }
    public string? UserName { get; set; }

    public void Score(in DomainScores s)
    {
        LivingStandards = s.LivingStandards;
        Health = s.Health;
        Education = s.Education;
        Environment = s.Environment;
        Safety = s.Safety;
        Culture = s.Culture;
        Governance = s.Governance;
        LifeSatisfaction = s.LifeSatisfaction;
        SufficientDomains = s.SufficientCount;
        Happy = s.IsHappy;
    }
}

internal sealed class HappinessResponseConfiguration : IEntityTypeConfiguration<HappinessResponse>
{
    public void Configure(EntityTypeBuilder<HappinessResponse> b)
    {
        b.ToTable("happiness_responses");
        // A respondent answers once per unit and year; sending them again replaces the answers.
        b.HasIndex(x => new { x.OrgUnitId, x.Year, x.RespondentCode }).IsUnique();
        b.HasIndex(x => new { x.Year, x.OrgUnitId });
        b.Property(x => x.RespondentCode).HasMaxLength(64);
        b.Property(x => x.Answers).HasMaxLength(20_000);
        b.Property(x => x.UserName).HasMaxLength(256);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne(x => x.OrgUnit).WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
