using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseTracker.Core.Auditing;

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> b)
    {
        b.ToTable("audit_events");
        b.Property(e => e.Id).UseIdentityAlwaysColumn();
        b.Property(e => e.UserId).HasMaxLength(64);
        b.Property(e => e.UserName).HasMaxLength(256);
        b.Property(e => e.Action).HasMaxLength(64).IsRequired();
        b.Property(e => e.EntityType).HasMaxLength(32);
        b.Property(e => e.EntityId).HasMaxLength(64);
        b.Property(e => e.Details).HasColumnType("jsonb");
        b.Property(e => e.IpAddress).HasMaxLength(64);
        b.HasIndex(e => new { e.CaseId, e.At });
        b.HasIndex(e => e.At);
        b.HasIndex(e => new { e.UserId, e.At });
        b.HasIndex(e => new { e.Action, e.At });
    }
}
