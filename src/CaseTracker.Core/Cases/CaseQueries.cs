namespace CaseTracker.Core.Cases;

public enum CaseSort
{
    Reference,
    Title,
    Category,
    Status,
    /// <summary>Longest separated first.</summary>
    Separated,
    /// <summary>Most recently updated first.</summary>
    Updated,
    /// <summary>Most urgent first.</summary>
    Urgency,
    /// <summary>Best name match first (with a name query).</summary>
    Relevance,
}

/// <summary>The case list's filters, shared by the list page and the CSV export.</summary>
public sealed record CaseListQuery
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public string? Q { get; init; }
    public CaseCategory? Category { get; init; }
    public CaseStatus? Status { get; init; }

    /// <summary>Only cases assigned to this user (by id).</summary>
    public string? AssignedTo { get; init; }

    /// <summary>Only cases on this representation list.</summary>
    public int? ListId { get; init; }

    /// <summary>Only cases separated at least this many years.</summary>
    public int? SeparatedYears { get; init; }

    /// <summary>Only cases whose first exit application is at least this many years old.</summary>
    public int? WaitingYears { get; init; }
    public CaseSort Sort { get; init; } = CaseSort.Reference;
    public bool Descending { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = DefaultPageSize;
}

public sealed record CaseListItem(
    int Id,
    string Reference,
    string Title,
    CaseCategory Category,
    CaseStatus Status,
    string? ApplicantName,
    string? ApplicantNativeName,
    int PersonCount,
    DateOnly? SeparatedSince,
    string? AssignedTo,
    DateTimeOffset UpdatedAt,
    int UrgencyScore,
    IReadOnlyList<string> UrgencyFactors);

/// <param name="TotalIsCapped">
/// True when more cases match than were counted (<see cref="CaseService.CountLimit"/>): <paramref name="TotalCount"/> is
/// then the limit, and pages go no further than it.
/// </param>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount, bool TotalIsCapped = false)
{
    /// <summary>
    /// True when a name search found more persons than it ranks (a common name, <see cref="People.NameMatches.Partial"/>):
    /// the cases are those of the best-matching persons, and others may match too.
    /// </summary>
    public bool NamesArePartial { get; init; }

    public int PageCount => TotalCount == 0 ? 1 : (TotalCount + PageSize - 1) / PageSize;
}

public sealed record CaseDetails(
    int Id,
    string Reference,
    string Title,
    CaseCategory Category,
    EmigrationGroup? EmigrationGroup,
    bool IsInternationallyKnown,
    bool IsRestricted,
    CaseStatus Status,
    DateOnly? StatusSince,
    int UrgencyScore,
    IReadOnlyList<string> UrgencyFactors,
    string? AssignedCaseworkerId,
    string? Summary,
    DateOnly? FirstExitApplicationOn,
    DateOnly? SeparatedSince,
    int RefusalCount,
    string? RefusalReason,
    string? AssignedTo,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    uint Version,
    IReadOnlyList<CasePersonDetails> People);

public sealed record CasePersonDetails(
    int PersonId,
    PersonRole Role,
    string FamilyName,
    string? GivenName,
    string? Patronymic,
    string? NativeFamilyName,
    string? NativeGivenName,
    string? NativePatronymic,
    DateOnly? BirthDate,
    int? BirthYear,
    People.Sex Sex,
    string? City,
    IReadOnlyList<string> Citizenships,
    string? IllnessOrDisability,
    int HungerStrikes,
    bool DeclinesListing,
    uint Version);

/// <summary>One row of the CSV export.</summary>
public sealed record CaseExportRow(
    string Reference,
    CaseCategory Category,
    EmigrationGroup? EmigrationGroup,
    CaseStatus Status,
    string Title,
    DateOnly? SeparatedSince,
    DateOnly? FirstExitApplicationOn,
    int RefusalCount,
    int UrgencyScore,
    string People);
