using System.Linq.Expressions;

namespace CaseTracker.Core.Cases;

/// <summary>Where a case stands. The rules for moving between them belong to the case-work workflow.</summary>
public enum CaseStatus
{
    New,
    Documented,
    Submitted,
    UnderReview,
    ReleasePromised,
    PermissionGranted,
    Departed,
    Reunited,
    Refused,
    Closed,
}

public static class CaseStatuses
{
    /// <summary>Statuses in which the case is finished: reunited (resolved) or closed.</summary>
    public static bool IsFinished(CaseStatus status) => status is CaseStatus.Reunited or CaseStatus.Closed;

    /// <summary>An open case, one not <see cref="IsFinished"/>, as a query's condition (composed or compiled).</summary>
    public static readonly Expression<Func<Case, bool>> Open = c => c.Status != CaseStatus.Reunited && c.Status != CaseStatus.Closed;

    public static string DisplayName(CaseStatus status) => status switch
    {
        CaseStatus.New => "New",
        CaseStatus.Documented => "Documented",
        CaseStatus.Submitted => "Submitted",
        CaseStatus.UnderReview => "Under review",
        CaseStatus.ReleasePromised => "Release promised",
        CaseStatus.PermissionGranted => "Permission granted",
        CaseStatus.Departed => "Departed",
        CaseStatus.Reunited => "Reunited",
        CaseStatus.Refused => "Refused",
        CaseStatus.Closed => "Closed",
        _ => status.ToString(),
    };
}
