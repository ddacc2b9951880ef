using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ThreeClears.Domain.Indicators;
using ThreeClears.Domain.Periods;

namespace ThreeClears.Web.Features.Indicators;

/// <summary>
/// An indicator of the catalogue: what is measured, in which unit, how often, how it behaves over time
/// and over units, the bounds of an entered value, and — for a derived indicator — the two indicators
/// it is computed from (numerator ÷ denominator × factor).
/// </summary>
public sealed class Indicator
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string NameEn { get; set; }
    public required string Unit { get; set; }
    public Periodicity Periodicity { get; set; }
    public TimeKind TimeKind { get; set; }
    public Aggregation Aggregation { get; set; }
    public decimal? Min { get; set; }
    public decimal? Max { get; set; }
    public string? NumeratorCode { get; set; }
    public string? DenominatorCode { get; set; }
    public decimal? Factor { get; set; }
    public int Version { get; set; } = 1;
    public DateTime CreatedAt { get; set; }

    public bool IsDerived => NumeratorCode is not null || DenominatorCode is not null;

    /// <summary>What the domain rules need to know.</summary>
    public IndicatorDefinition Definition() =>
        new(Code, Periodicity, TimeKind, Aggregation, Min, Max, NumeratorCode, DenominatorCode, Factor ?? 1m);
}

internal sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> b)
    {
        b.ToTable("indicators");
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.Code).HasMaxLength(64);
        b.Property(x => x.Name).HasMaxLength(500);
        b.Property(x => x.NameEn).HasMaxLength(500);
        b.Property(x => x.Unit).HasMaxLength(100);
        b.Property(x => x.Periodicity).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.TimeKind).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.Aggregation).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.NumeratorCode).HasMaxLength(64);
        b.Property(x => x.DenominatorCode).HasMaxLength(64);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.IsDerived);
    }
}
