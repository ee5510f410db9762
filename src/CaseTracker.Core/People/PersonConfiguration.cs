using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseTracker.Core.People;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public const int NameLength = 100;

    public void Configure(EntityTypeBuilder<Person> b)
    {
        b.ToTable("persons");
        // Unused (Person.SearchText); the next release drops the column.
        b.Property(p => p.SearchText).HasMaxLength(1000).IsRequired().HasDefaultValue("");
        b.Property(p => p.FamilyName).HasMaxLength(NameLength).IsRequired();
        b.Property(p => p.GivenName).HasMaxLength(NameLength);
        b.Property(p => p.Patronymic).HasMaxLength(NameLength);
        b.Property(p => p.NativeFamilyName).HasMaxLength(NameLength);
        b.Property(p => p.NativeGivenName).HasMaxLength(NameLength);
        b.Property(p => p.NativePatronymic).HasMaxLength(NameLength);
        b.Property(p => p.Sex).HasConversion<string>().HasMaxLength(16);
        b.Property(p => p.City).HasMaxLength(100);
        b.Property(p => p.Citizenships).HasColumnType("text[]");
        b.Property(p => p.IllnessOrDisability).HasMaxLength(500);
        b.ToTable(t =>
        {
            t.HasCheckConstraint("ck_persons_hunger_strikes", "hunger_strikes >= 0");
            t.HasCheckConstraint("ck_persons_birth_year", "birth_year IS NULL OR (birth_year BETWEEN 1850 AND 2100)");
        });
    }
}
