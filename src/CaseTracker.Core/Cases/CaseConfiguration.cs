using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseTracker.Core.Cases;

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> b)
    {
        b.ToTable("cases");
        b.Property(c => c.Reference).HasMaxLength(16).IsRequired();
        b.HasIndex(c => c.Reference, "ix_cases_reference").IsUnique().HasDatabaseName("ix_cases_reference");
        b.HasIndex(c => c.Reference, "ix_cases_reference_trgm").HasMethod("gin").HasOperators("gin_trgm_ops")
            .HasDatabaseName("ix_cases_reference_trgm");
        b.Property(c => c.Title).HasMaxLength(200).IsRequired();
        b.Property(c => c.Category).HasConversion<string>().HasMaxLength(32);
        b.Property(c => c.EmigrationGroup).HasConversion<string>().HasMaxLength(32);
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(32);
        b.Property(c => c.Summary).HasMaxLength(4000);
        b.Property(c => c.RefusalReason).HasMaxLength(500);
        b.HasOne(c => c.AssignedCaseworker).WithMany().HasForeignKey(c => c.AssignedCaseworkerId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(c => new { c.Category, c.Status });
        // "My work" and the supervisor's alerts: a caseworker's cases in a status, and the release promised longest
        // ago, over one caseworker's cases or everyone's (80–170 ms at a million cases without them, under 1 ms with).
        b.HasIndex(c => new { c.Status, c.StatusSince });
        b.HasIndex(c => c.UpdatedAt);
        b.HasIndex(c => c.SeparatedSince);
        b.HasIndex(c => new { c.AssignedCaseworkerId, c.Status, c.StatusSince });
        b.Property(c => c.UrgencyFactors).HasColumnType("text[]").HasDefaultValueSql("'{}'::text[]");
        // The case list sorted by urgency (the most urgent first, then by id), over all cases and within a category:
        // both walk an index in the list's own order and stop after the page (docs/performance.md). They carry what
        // decides whether a user may see a case, so that the rows skipped on the way to a deep page are skipped
        // from the index alone.
        b.HasIndex(c => new { c.UrgencyScore, c.Id }).IsDescending(true, false)
            .IncludeProperties(c => new { c.IsRestricted, c.AssignedCaseworkerId });
        b.HasIndex(c => new { c.Category, c.UrgencyScore, c.Id }).IsDescending(false, true, false)
            .IncludeProperties(c => new { c.IsRestricted, c.AssignedCaseworkerId });
        b.HasIndex(c => c.FirstExitApplicationOn);
        b.ToTable(t =>
        {
            t.HasCheckConstraint("ck_cases_refusal_count", "refusal_count >= 0");
            t.HasCheckConstraint("ck_cases_emigration_group", "(category = 'Emigration') OR (emigration_group IS NULL)");
        });
    }
}

internal sealed class CasePersonConfiguration : IEntityTypeConfiguration<CasePerson>
{
    public void Configure(EntityTypeBuilder<CasePerson> b)
    {
        b.ToTable("case_people");
        b.HasKey(cp => new { cp.CaseId, cp.PersonId });
        b.Property(cp => cp.Role).HasConversion<string>().HasMaxLength(32);
        b.HasOne(cp => cp.Case).WithMany(c => c.People).HasForeignKey(cp => cp.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(cp => cp.Person).WithMany(p => p.Cases).HasForeignKey(cp => cp.PersonId).OnDelete(DeleteBehavior.Restrict);
        // A person's cases from the index alone: a search reads the cases of every person found (2,500 persons for one
        // surname at a million cases), and the heap fetch of each row was a sixth of the statement's time
        // (docs/performance.md). The same size as without the case id: the index without it was deduplicated.
        b.HasIndex(cp => cp.PersonId).IncludeProperties(cp => cp.CaseId);
        // A case's people in their order: the first person (the applicant, which every list of cases shows) is one
        // index entry and one person, instead of every person of the case read and sorted (the case list's page of
        // 50 went from 1.5 to 0.5 ms at a million cases; docs/performance.md).
        b.HasIndex(cp => new { cp.CaseId, cp.Position }).IncludeProperties(cp => cp.PersonId);
    }
}
