using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseTracker.Core.People;

public enum AliasKind
{
    /// <summary>Another spelling of the same name (a list from the other side, a newspaper).</summary>
    Spelling,
    /// <summary>The name before marriage.</summary>
    Maiden,
    /// <summary>A later name, e.g. after emigration (Anatoly → Natan).</summary>
    Later,
    Other,
}

/// <summary>Another form of a person's name, with where it came from.</summary>
public sealed class PersonAlias
{
    public int Id { get; set; }
    public int PersonId { get; set; }
    public Person Person { get; set; } = null!;
    public AliasKind Kind { get; set; }
    public required string FamilyName { get; set; }
    public string? GivenName { get; set; }
    public string? Patronymic { get; set; }

    /// <summary>Where this form was seen: "Soviet reply of 12 March 1986", "The Times".</summary>
    public string? Source { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// One matching key of one word of one of a person's names (any script, any alias), maintained by
/// <see cref="PersonNameIndex"/>. Search looks keys up through a trigram index.
/// </summary>
public sealed class PersonNameKey
{
    public long Id { get; set; }
    public int PersonId { get; set; }
    public Person Person { get; set; } = null!;
    public required string Key { get; set; }

    /// <summary>The name form the key was made from, shown as "matched form".</summary>
    public required string Form { get; set; }
}

internal sealed class PersonAliasConfiguration : IEntityTypeConfiguration<PersonAlias>
{
    public void Configure(EntityTypeBuilder<PersonAlias> b)
    {
        b.ToTable("person_aliases");
        b.Property(a => a.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(a => a.FamilyName).HasMaxLength(PersonConfiguration.NameLength).IsRequired();
        b.Property(a => a.GivenName).HasMaxLength(PersonConfiguration.NameLength);
        b.Property(a => a.Patronymic).HasMaxLength(PersonConfiguration.NameLength);
        b.Property(a => a.Source).HasMaxLength(300);
        b.HasOne(a => a.Person).WithMany(p => p.Aliases).HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(a => a.PersonId);
    }
}

internal sealed class PersonNameKeyConfiguration : IEntityTypeConfiguration<PersonNameKey>
{
    public void Configure(EntityTypeBuilder<PersonNameKey> b)
    {
        b.ToTable("person_name_keys");
        b.Property(k => k.Key).HasMaxLength(100).IsRequired();
        b.Property(k => k.Form).HasMaxLength(320).IsRequired();
        b.HasOne(k => k.Person).WithMany().HasForeignKey(k => k.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(k => k.PersonId);
        // Similar keys are found in the vocabulary of distinct keys (name_key_vocabulary, kept by a trigger; see
        // PeopleSearch), then their persons here, from the index alone.
        b.HasIndex(k => k.Key, "ix_person_name_keys_key").HasDatabaseName("ix_person_name_keys_key").IncludeProperties(k => k.PersonId);
    }
}
