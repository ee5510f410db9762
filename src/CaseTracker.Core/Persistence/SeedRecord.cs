using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseTracker.Core.Persistence;

/// <summary>Marks a data set (such as the demo data) as loaded, so it is loaded once.</summary>
public sealed class SeedRecord
{
    public required string Name { get; set; }
    public DateTimeOffset LoadedAt { get; set; }
}

internal sealed class SeedRecordConfiguration : IEntityTypeConfiguration<SeedRecord>
{
    public void Configure(EntityTypeBuilder<SeedRecord> b)
    {
        b.ToTable("seed_records");
        b.HasKey(s => s.Name);
        b.Property(s => s.Name).HasMaxLength(100);
    }
}
