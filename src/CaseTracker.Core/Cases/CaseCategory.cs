namespace CaseTracker.Core.Cases;

/// <summary>The four kinds of case named in the founding letter.</summary>
public enum CaseCategory
{
    SeparatedSpouse,
    DualNational,
    DividedFamily,
    Emigration,
}

/// <summary>The group an emigration request belongs to.</summary>
public enum EmigrationGroup
{
    Jewish,
    Armenian,
    German,
    Pentecostal,
    Other,
}

public static class CaseCategories
{
    /// <summary>The prefix of the reference numbers of a category, short enough to say on the phone.</summary>
    public static string ReferencePrefix(CaseCategory category) => category switch
    {
        CaseCategory.SeparatedSpouse => "SP",
        CaseCategory.DualNational => "DN",
        CaseCategory.DividedFamily => "DF",
        CaseCategory.Emigration => "EM",
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, null),
    };

    /// <summary>The database sequence that numbers the references of a category.</summary>
    public static string ReferenceSequence(CaseCategory category) =>
        "case_reference_" + ReferencePrefix(category).ToLowerInvariant();

    public static string DisplayName(CaseCategory category) => category switch
    {
        CaseCategory.SeparatedSpouse => "Separated spouse",
        CaseCategory.DualNational => "Dual national",
        CaseCategory.DividedFamily => "Divided family",
        CaseCategory.Emigration => "Emigration request",
        _ => category.ToString(),
    };

    public static string DisplayName(EmigrationGroup group) => group switch
    {
        EmigrationGroup.Jewish => "Jewish",
        EmigrationGroup.Armenian => "Armenian",
        EmigrationGroup.German => "German",
        EmigrationGroup.Pentecostal => "Pentecostal",
        _ => "Other",
    };
}
