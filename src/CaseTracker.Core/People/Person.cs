using System.ComponentModel.DataAnnotations;

namespace CaseTracker.Core.People;

public enum Sex
{
    Unknown,
    Female,
    Male,
}

/// <summary>
/// A person, named in Latin script and in their native (Cyrillic) script. One person can appear in
/// several cases, so the person is its own record and cases link to it.
/// </summary>
public sealed class Person
{
    public int Id { get; set; }

    public required string FamilyName { get; set; }
    public string? GivenName { get; set; }
    public string? Patronymic { get; set; }

    public string? NativeFamilyName { get; set; }
    public string? NativeGivenName { get; set; }
    public string? NativePatronymic { get; set; }

    /// <summary>The full date of birth when known.</summary>
    public DateOnly? BirthDate { get; set; }

    /// <summary>The year of birth: given alone when only the year is known, otherwise the year of <see cref="BirthDate"/>.</summary>
    public int? BirthYear { get; set; }

    public Sex Sex { get; set; }
    public string? City { get; set; }

    /// <summary>ISO 3166 alpha-2 codes (SU for the USSR, US for the United States, ...).</summary>
    public List<string> Citizenships { get; set; } = [];

    /// <summary>Illness or disability, in words (e.g. "blind").</summary>
    public string? IllnessOrDisability { get; set; }

    public int HungerStrikes { get; set; }

    /// <summary>The person has asked not to be named on lists handed to the other side.</summary>
    public bool DeclinesListing { get; set; }

    /// <summary>
    /// No longer read or filled: the case list finds names through their keys (docs/people.md). Kept mapped, empty, for
    /// one release, so that the previous release's schema (where the column is required) takes this release's writes
    /// during an upgrade; the next release drops the column.
    /// </summary>
    internal string SearchText { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    [Timestamp]
    public uint Version { get; set; }

    public List<Cases.CasePerson> Cases { get; } = [];

    public List<PersonAlias> Aliases { get; } = [];
}
