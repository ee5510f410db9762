using CaseTracker.Core.Cases;

namespace CaseTracker.Core.CaseWork;

/// <summary>Why a case was closed.</summary>
public enum ClosureReason
{
    Withdrawn,
    Deceased,
    Duplicate,
    Other,
}

/// <summary>
/// The status workflow, as explicit rules: which status may follow which. Pure code, no I/O.
/// </summary>
public static class CaseWorkflow
{
    private static readonly Dictionary<CaseStatus, CaseStatus[]> Next = new()
    {
        [CaseStatus.New] = [CaseStatus.Documented, CaseStatus.Closed],
        [CaseStatus.Documented] = [CaseStatus.Submitted, CaseStatus.Closed],
        // Raised with the other government: they review it, promise a release, grant or refuse.
        [CaseStatus.Submitted] = [CaseStatus.UnderReview, CaseStatus.ReleasePromised, CaseStatus.PermissionGranted, CaseStatus.Refused, CaseStatus.Closed],
        [CaseStatus.UnderReview] = [CaseStatus.ReleasePromised, CaseStatus.PermissionGranted, CaseStatus.Refused, CaseStatus.Closed],
        // A promise is not yet a permission: the applicant must be told officially. A promise can be broken.
        [CaseStatus.ReleasePromised] = [CaseStatus.PermissionGranted, CaseStatus.UnderReview, CaseStatus.Refused, CaseStatus.Closed],
        // A granted permission can be rescinded (refused again).
        [CaseStatus.PermissionGranted] = [CaseStatus.Departed, CaseStatus.Refused, CaseStatus.Closed],
        [CaseStatus.Departed] = [CaseStatus.Reunited, CaseStatus.Closed],
        [CaseStatus.Reunited] = [],
        // Refused cases are raised again on the next list.
        [CaseStatus.Refused] = [CaseStatus.Submitted, CaseStatus.Documented, CaseStatus.Closed],
        // A closed case can be reopened (a duplicate closed by mistake, a withdrawal taken back).
        [CaseStatus.Closed] = [CaseStatus.Documented],
    };

    public static IReadOnlyList<CaseStatus> AllowedFrom(CaseStatus from) => Next[from];

    public static bool IsAllowed(CaseStatus from, CaseStatus to) => Next[from].Contains(to);

    /// <summary>A refusal of a granted permission is a rescinded permission.</summary>
    public static bool IsRescission(CaseStatus from, CaseStatus to) => from == CaseStatus.PermissionGranted && to == CaseStatus.Refused;

    /// <summary>Says what is allowed instead, for the message when a transition is refused.</summary>
    public static string Explain(CaseStatus from, CaseStatus to)
    {
        var allowed = Next[from];
        var what = $"A case that is {CaseStatuses.DisplayName(from).ToLowerInvariant()} cannot become {CaseStatuses.DisplayName(to).ToLowerInvariant()}.";
        return allowed.Length == 0
            ? $"{what} It is finished: no further status change is possible."
            : $"{what} It can become: {string.Join(", ", allowed.Select(s => CaseStatuses.DisplayName(s).ToLowerInvariant()))}.";
    }

    /// <summary>What a status change needs besides the status: a stated reason for a refusal, a reason for closing.</summary>
    public static bool NeedsStatedReason(CaseStatus to) => to == CaseStatus.Refused;

    public static bool NeedsClosureReason(CaseStatus to) => to == CaseStatus.Closed;

    public static string DisplayName(ClosureReason reason) => reason switch
    {
        ClosureReason.Withdrawn => "Withdrawn",
        ClosureReason.Deceased => "Deceased",
        ClosureReason.Duplicate => "Duplicate",
        _ => "Other",
    };
}
