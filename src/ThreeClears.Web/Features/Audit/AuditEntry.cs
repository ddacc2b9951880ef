using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ThreeClears.Web.Features.Audit;

/// <summary>
/// An append-only audit entry. It is written in the same transaction as the change it records;
/// <see cref="Sequence"/>, <see cref="PreviousHash"/> and <see cref="Hash"/> are filled just after
/// by the <see cref="AuditChainer"/>, which chains entries in commit order under one short lock.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public long? Sequence { get; set; }
    public DateTime At { get; set; }
    public string? UserName { get; set; }
    /// <summary>The unit the changed object belongs to: who may read the entry follows from it.</summary>
    public int? OrgUnitId { get; set; }
    public required string Entity { get; set; }
    public required string EntityId { get; set; }
    public required string Action { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
    public string? PreviousHash { get; set; }
    public string? Hash { get; set; }
}

/// <summary>The single row that holds the head of the chain; locking it serialises chaining across nodes.</summary>
public sealed class AuditChainHead
{
    public int Id { get; set; } = 1;
    public long Entries { get; set; }
    public string LastHash { get; set; } = Domain.Audit.AuditChain.Genesis;
    public DateTime? At { get; set; }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("audit_entries");
        b.Property(x => x.Entity).HasMaxLength(64);
        b.Property(x => x.EntityId).HasMaxLength(200);
        b.Property(x => x.Action).HasMaxLength(64);
        b.Property(x => x.UserName).HasMaxLength(256);
        b.Property(x => x.Before).HasMaxLength(1_000_000);
        b.Property(x => x.After).HasMaxLength(1_000_000);
        b.Property(x => x.Hash).HasMaxLength(64);
        b.Property(x => x.PreviousHash).HasMaxLength(64);
        b.HasIndex(x => x.Sequence).IsUnique();
        b.HasIndex(x => new { x.Entity, x.EntityId });
        b.HasIndex(x => x.Id).HasFilter("hash IS NULL").HasDatabaseName("ix_audit_entries_pending");
    }
}

internal sealed class AuditChainHeadConfiguration : IEntityTypeConfiguration<AuditChainHead>
{
    public void Configure(EntityTypeBuilder<AuditChainHead> b)
    {
        b.ToTable("audit_chain_head");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.LastHash).HasMaxLength(64);
    }
}
