using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ThreeClears.Domain.Periods;
using ThreeClears.Web.Features.Organisation;

namespace ThreeClears.Web.Features.Indicators;

/// <summary>Where a value stands in the workflow (API spelling <c>draft|submitted|approved</c>).</summary>
public enum DataStatus { Draft, Submitted, Approved }

/// <summary>
/// One value of one indicator at one unit for one period. The period is kept as the API writes it
/// (<c>2025</c>, <c>2025Q3</c>, <c>2025-08</c>) together with its kind and dates, so that periods
/// sort and "every value inside 2025" is a range query. Unique per (indicator, unit, period).
/// </summary>
public sealed class DataValue
{
    public long Id { get; set; }
    public int IndicatorId { get; set; }
    public Indicator? Indicator { get; set; }
    public int OrgUnitId { get; set; }
    public OrgUnit? OrgUnit { get; set; }
    public required string Period { get; set; }
    public Periodicity PeriodKind { get; set; }
    public DateOnly PeriodStart { get; set; }
    public DateOnly PeriodEnd { get; set; }
    public decimal Value { get; set; }
    public string? Comment { get; set; }
    public string? Source { get; set; }
    public DataStatus Status { get; set; }
    public required string EnteredBy { get; set; }
    public DateTime EnteredAt { get; set; }
    public string? SubmittedBy { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public string? ApprovedBy { get; set; }
    public DateTime? ApprovedAt { get; set; }
    public int Version { get; set; } = 1;
}

/// <summary>
/// One change of a data value: who, when, what it was and what it became. Never edited. Keyed by the
/// value's natural key (indicator, unit, period), so that a batch writes it together with new values.
/// </summary>
public sealed class DataValueHistory
{
    public long Id { get; set; }
    public int IndicatorId { get; set; }
    public Indicator? Indicator { get; set; }
    public int OrgUnitId { get; set; }
    public OrgUnit? OrgUnit { get; set; }
    public required string Period { get; set; }
    public DateTime At { get; set; }
    public required string UserName { get; set; }
    /// <summary><c>create</c>, <c>update</c>, <c>submit</c>, <c>approve</c> or <c>reopen</c>.</summary>
    public required string Action { get; set; }
    public decimal? OldValue { get; set; }
    public decimal? NewValue { get; set; }
    public DataStatus? OldStatus { get; set; }
    public DataStatus NewStatus { get; set; }
    public string? Reason { get; set; }
}

internal sealed class DataValueConfiguration : IEntityTypeConfiguration<DataValue>
{
    public void Configure(EntityTypeBuilder<DataValue> b)
    {
        b.ToTable("data_values");
        b.HasIndex(x => new { x.IndicatorId, x.OrgUnitId, x.Period }).IsUnique();
        b.HasIndex(x => new { x.OrgUnitId, x.PeriodStart });
        // Analytics read an indicator's values over two years: on PostgreSQL the index carries what they read,
        // so that the read is an index-only scan (about 3 ms for 30,000 values instead of 20 for the heap).
        b.HasIndex(x => new { x.IndicatorId, x.PeriodStart })
            .IncludeProperties(x => new { x.OrgUnitId, x.Period, x.PeriodEnd, x.PeriodKind, x.Value, x.Status });
        b.Property(x => x.Period).HasMaxLength(7);
        b.Property(x => x.PeriodKind).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.EnteredBy).HasMaxLength(256);
        b.Property(x => x.SubmittedBy).HasMaxLength(256);
        b.Property(x => x.ApprovedBy).HasMaxLength(256);
        b.Property(x => x.Source).HasMaxLength(500);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne(x => x.Indicator).WithMany().HasForeignKey(x => x.IndicatorId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.OrgUnit).WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DataValueHistoryConfiguration : IEntityTypeConfiguration<DataValueHistory>
{
    public void Configure(EntityTypeBuilder<DataValueHistory> b)
    {
        b.ToTable("data_value_history");
        b.HasIndex(x => new { x.IndicatorId, x.OrgUnitId, x.Period });
        b.Property(x => x.Period).HasMaxLength(7);
        b.HasOne(x => x.Indicator).WithMany().HasForeignKey(x => x.IndicatorId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.OrgUnit).WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.UserName).HasMaxLength(256);
        b.Property(x => x.Action).HasMaxLength(20);
        b.Property(x => x.OldStatus).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.NewStatus).HasConversion<string>().HasMaxLength(10);
    }
}
