using CaseTracker.Core.People;

namespace CaseTracker.Core.Cases;

/// <summary>The editable fields of a case, bound from the create and edit forms. Only these can be posted.</summary>
public abstract class CaseCommand
{
    public string Title { get; set; } = "";
    public CaseCategory Category { get; set; }
    public EmigrationGroup? EmigrationGroup { get; set; }
    public bool IsInternationallyKnown { get; set; }

    /// <summary>Only the assigned caseworker and supervisors may see a restricted case.</summary>
    public bool IsRestricted { get; set; }
    public string? Summary { get; set; }
    public DateOnly? FirstExitApplicationOn { get; set; }
    public DateOnly? SeparatedSince { get; set; }
    public int RefusalCount { get; set; }
    public string? RefusalReason { get; set; }
    public List<PersonInput> People { get; set; } = [];
}

public sealed class CreateCaseCommand : CaseCommand;

public sealed class UpdateCaseCommand : CaseCommand
{
    public int Id { get; set; }

    /// <summary>The version of the case the form was loaded from (PostgreSQL <c>xmin</c>).</summary>
    public uint Version { get; set; }
}

/// <summary>One person on a case form: a new person (no <see cref="PersonId"/>) or an edit of an existing one.</summary>
public sealed class PersonInput
{
    public int? PersonId { get; set; }
    public uint Version { get; set; }
    public bool Remove { get; set; }
    public PersonRole Role { get; set; }
    public string? FamilyName { get; set; }
    public string? GivenName { get; set; }
    public string? Patronymic { get; set; }
    public string? NativeFamilyName { get; set; }
    public string? NativeGivenName { get; set; }
    public string? NativePatronymic { get; set; }
    public DateOnly? BirthDate { get; set; }
    public int? BirthYear { get; set; }
    public Sex Sex { get; set; }
    public string? City { get; set; }

    /// <summary>Two-letter country codes separated by commas, e.g. "SU, US".</summary>
    public string? Citizenships { get; set; }
    public string? IllnessOrDisability { get; set; }
    public int HungerStrikes { get; set; }

    /// <summary>The person does not consent to be named on lists for the other side.</summary>
    public bool DeclinesListing { get; set; }

    public bool IsBlank =>
        PersonId is null && string.IsNullOrWhiteSpace(FamilyName) && string.IsNullOrWhiteSpace(GivenName)
        && string.IsNullOrWhiteSpace(NativeFamilyName) && string.IsNullOrWhiteSpace(NativeGivenName);

    /// <summary>Whether the row becomes a person of the case: not removed, not blank.</summary>
    public bool IsToSave => !Remove && !IsBlank;

    public static List<string> ParseCitizenships(string? text) =>
        (text ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(c => c.ToUpperInvariant()).Distinct().ToList();
}
