using CaseTracker.Core.Accounts;
using CaseTracker.Core.Cases;

namespace CaseTracker.Core.CaseWork;

public enum CaseEventKind
{
    StatusChange,
    Note,
    Contact,
    Answer,
    Task,
    Assignment,
}

public enum ContactKind
{
    EmbassyVisit,
    Letter,
    Call,
    MeetingWithOtherSide,
    CongressionalLetter,
    Other,
}

/// <summary>
/// One entry on a case's timeline. Entries are never changed or deleted: a correction is a new entry
/// that refers to the one it corrects.
/// </summary>
public sealed class CaseEvent
{
    /// <summary>Chosen by the client (the form), so that a retried submission is recorded once.</summary>
    public Guid Id { get; set; }

    public int CaseId { get; set; }
    public Case Case { get; set; } = null!;
    public CaseEventKind Kind { get; set; }

    /// <summary>When it happened (the letter's date, the meeting's date).</summary>
    public DateOnly OccurredOn { get; set; }

    /// <summary>When it was recorded.</summary>
    public DateTimeOffset RecordedAt { get; set; }

    public string? AuthorId { get; set; }
    public AppUser? Author { get; set; }

    public string? Text { get; set; }
    public ContactKind? ContactKind { get; set; }
    public CaseStatus? FromStatus { get; set; }
    public CaseStatus? ToStatus { get; set; }
    public ClosureReason? ClosureReason { get; set; }

    /// <summary>Where the information came from ("embassy note of 3 Dec", "call from the wife").</summary>
    public string? Source { get; set; }

    /// <summary>The entry this one corrects.</summary>
    public Guid? CorrectsId { get; set; }

    public Guid? TaskId { get; set; }
}
