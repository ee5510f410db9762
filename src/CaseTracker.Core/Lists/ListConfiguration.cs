using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseTracker.Core.Lists;

internal sealed class RepresentationListConfiguration : IEntityTypeConfiguration<RepresentationList>
{
    public void Configure(EntityTypeBuilder<RepresentationList> b)
    {
        b.ToTable("lists");
        b.Property(l => l.Name).HasMaxLength(100).IsRequired();
        b.HasIndex(l => l.Name).IsUnique();
        b.Property(l => l.Purpose).HasMaxLength(1000);
        b.Property(l => l.Category).HasConversion<string>().HasMaxLength(32);
        b.Property(l => l.Classification).HasMaxLength(50);
        b.Property(l => l.Status).HasConversion<string>().HasMaxLength(16);
        b.HasOne<RepresentationList>().WithMany().HasForeignKey(l => l.CarriedOverFromId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class ListEntryConfiguration : IEntityTypeConfiguration<ListEntry>
{
    public void Configure(EntityTypeBuilder<ListEntry> b)
    {
        b.ToTable("list_entries");
        b.HasOne(e => e.List).WithMany(l => l.Entries).HasForeignKey(e => e.ListId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(e => e.Case).WithMany().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.Property(e => e.RemovalReason).HasMaxLength(500);
        b.HasIndex(e => new { e.ListId, e.Position });
        b.HasIndex(e => e.CaseId);
        b.HasIndex(e => new { e.ListId, e.CaseId }).IsUnique().HasFilter("removed_at IS NULL");
        b.HasOne<ListDelivery>().WithMany().HasForeignKey(e => e.DeliveryId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ListDeliveryConfiguration : IEntityTypeConfiguration<ListDelivery>
{
    public void Configure(EntityTypeBuilder<ListDelivery> b)
    {
        b.ToTable("list_deliveries");
        b.HasOne<RepresentationList>().WithMany(l => l.Deliveries).HasForeignKey(d => d.ListId).OnDelete(DeleteBehavior.Cascade);
        b.Property(d => d.Occasion).HasMaxLength(300).IsRequired();
        b.Property(d => d.DeliveredBy).HasMaxLength(200);
        b.Property(d => d.DeliveredTo).HasMaxLength(200);
        b.Property(d => d.Snapshot).HasColumnType("jsonb");
        b.HasIndex(d => new { d.ListId, d.Instalment }).IsUnique();
    }
}

internal sealed class ListAnswerConfiguration : IEntityTypeConfiguration<ListAnswer>
{
    public void Configure(EntityTypeBuilder<ListAnswer> b)
    {
        b.ToTable("list_answers");
        b.HasOne(a => a.Entry).WithMany(e => e.Answers).HasForeignKey(a => a.EntryId).OnDelete(DeleteBehavior.Cascade);
        b.Property(a => a.Channel).HasMaxLength(200).IsRequired();
        b.Property(a => a.Outcome).HasConversion<string>().HasMaxLength(32);
        b.Property(a => a.TheirWords).HasMaxLength(4000);
        b.Property(a => a.Verification).HasMaxLength(2000);
        b.HasIndex(a => new { a.EntryId, a.ReceivedOn });
    }
}

internal sealed class ListReconciliationConfiguration : IEntityTypeConfiguration<ListReconciliation>
{
    public void Configure(EntityTypeBuilder<ListReconciliation> b)
    {
        b.ToTable("list_reconciliations");
        b.HasOne<RepresentationList>().WithMany().HasForeignKey(r => r.ListId).OnDelete(DeleteBehavior.Cascade);
        b.Property(r => r.TheirNames).HasMaxLength(200_000).IsRequired();
        b.Property(r => r.Result).HasColumnType("jsonb");
        b.HasIndex(r => r.ListId);
    }
}
