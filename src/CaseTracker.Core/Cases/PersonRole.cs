namespace CaseTracker.Core.Cases;

/// <summary>The part a person plays in a case.</summary>
public enum PersonRole
{
    ApplicantInUssr,
    Spouse,
    Child,
    Parent,
    Sibling,
    RelativeAbroad,
    SponsorAbroad,
}

public static class PersonRoles
{
    public static string DisplayName(PersonRole role) => role switch
    {
        PersonRole.ApplicantInUssr => "Applicant in the USSR",
        PersonRole.Spouse => "Spouse",
        PersonRole.Child => "Child",
        PersonRole.Parent => "Parent",
        PersonRole.Sibling => "Sibling",
        PersonRole.RelativeAbroad => "Relative abroad",
        PersonRole.SponsorAbroad => "Sponsor abroad",
        _ => role.ToString(),
    };
}
