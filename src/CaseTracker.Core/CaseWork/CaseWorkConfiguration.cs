using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseTracker.Core.CaseWork;

internal sealed class CaseEventConfiguration : IEntityTypeConfiguration<CaseEvent>
{
    public void Configure(EntityTypeBuilder<CaseEvent> b)
    {
        b.ToTable("case_events");
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(32);
        b.Property(e => e.ContactKind).HasConversion<string>().HasMaxLength(32);
        b.Property(e => e.FromStatus).HasConversion<string>().HasMaxLength(32);
        b.Property(e => e.ToStatus).HasConversion<string>().HasMaxLength(32);
        b.Property(e => e.ClosureReason).HasConversion<string>().HasMaxLength(32);
        b.Property(e => e.Text).HasMaxLength(10000);
        b.Property(e => e.Source).HasMaxLength(500);
        b.HasOne(e => e.Case).WithMany().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(e => e.Author).WithMany().HasForeignKey(e => e.AuthorId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<CaseEvent>().WithMany().HasForeignKey(e => e.CorrectsId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(e => new { e.CaseId, e.OccurredOn, e.RecordedAt });
    }
}

internal sealed class CaseTaskConfiguration : IEntityTypeConfiguration<CaseTask>
{
    public void Configure(EntityTypeBuilder<CaseTask> b)
    {
        b.ToTable("case_tasks");
        b.Property(t => t.Id).ValueGeneratedNever();
        b.Property(t => t.Title).HasMaxLength(300).IsRequired();
        b.HasOne(t => t.Case).WithMany().HasForeignKey(t => t.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(t => t.Assignee).WithMany().HasForeignKey(t => t.AssigneeId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(t => new { t.AssigneeId, t.DueOn }).HasFilter("completed_at IS NULL");
        b.HasIndex(t => t.CaseId);
    }
}
