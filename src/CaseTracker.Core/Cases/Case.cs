using System.ComponentModel.DataAnnotations;
using CaseTracker.Core.Accounts;

namespace CaseTracker.Core.Cases;

/// <summary>A case: one family unit seeking to be reunited, with the people in it.</summary>
public sealed class Case
{
    public int Id { get; set; }

    /// <summary>A reference people can say on the phone, e.g. <c>SP-0017</c>.</summary>
    public required string Reference { get; set; }

    public required string Title { get; set; }
    public CaseCategory Category { get; set; }
    public EmigrationGroup? EmigrationGroup { get; set; }

    /// <summary>An internationally known individual (a "refusenik" whose case is public).</summary>
    public bool IsInternationallyKnown { get; set; }

    public CaseStatus Status { get; set; } = CaseStatus.New;
    public string? Summary { get; set; }

    public DateOnly? FirstExitApplicationOn { get; set; }
    public DateOnly? SeparatedSince { get; set; }
    public int RefusalCount { get; set; }
    public string? RefusalReason { get; set; }

    /// <summary>
    /// A restricted case is seen only by its assigned caseworker and by supervisors; for everyone else
    /// it does not exist.
    /// </summary>
    public bool IsRestricted { get; set; }

    public string? AssignedCaseworkerId { get; set; }
    public AppUser? AssignedCaseworker { get; set; }

    /// <summary>When the case took its current status (for "promised more than 30 days ago").</summary>
    public DateOnly? StatusSince { get; set; }

    /// <summary>Humanitarian urgency, recomputed whenever the case or its people change (see CaseWork/Urgency.cs).</summary>
    public int UrgencyScore { get; set; }

    /// <summary>The urgency factors in words, most weighty first ("aged 77", "blind").</summary>
    public List<string> UrgencyFactors { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>PostgreSQL's <c>xmin</c>: the optimistic concurrency token of the whole case.</summary>
    [Timestamp]
    public uint Version { get; set; }

    public List<CasePerson> People { get; } = [];
}

/// <summary>A person's part in a case. One person can appear in several cases.</summary>
public sealed class CasePerson
{
    public int CaseId { get; set; }
    public Case Case { get; set; } = null!;
    public int PersonId { get; set; }
    public People.Person Person { get; set; } = null!;
    public PersonRole Role { get; set; }

    /// <summary>Order of the person within the case, the applicant first.</summary>
    public int Position { get; set; }
}
