using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using CaseTracker.Core.Accounts;
using CaseTracker.Core.Cases;

namespace CaseTracker.Core.Lists;

public enum ListStatus
{
    Draft,
    Approved,
    Delivered,
}

/// <summary>What the other side said about one entry.</summary>
public enum AnswerOutcome
{
    ReleasePromised,
    PermissionGranted,
    UnderReview,
    Refused,
    NoRecord,
    AlreadyLeft,
    ThirdCountry,
    Deceased,
    DoesNotWishToLeave,
    NeverApplied,
}

/// <summary>A numbered list of cases handed to the other government.</summary>
public sealed class RepresentationList
{
    public int Id { get; set; }

    /// <summary>The list's number or name ("XV", "17 separated spouses").</summary>
    public required string Name { get; set; }
    public string? Purpose { get; set; }
    public CaseCategory? Category { get; set; }

    /// <summary>The classification marking printed on the list ("UNCLASSIFIED", "CONFIDENTIAL").</summary>
    public string? Classification { get; set; }

    /// <summary>"Reunited by the holidays."</summary>
    public DateOnly? TargetDate { get; set; }

    public ListStatus Status { get; set; }

    /// <summary>How many names the other side says the list holds, beside our own count.</summary>
    public int? TheirStatedCount { get; set; }

    /// <summary>The list this one carried unresolved entries over from.</summary>
    public int? CarriedOverFromId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedById { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? CheckAcknowledgedAt { get; set; }
    public string? CheckAcknowledgedById { get; set; }
    public DateTimeOffset? ApprovedAt { get; set; }
    public string? ApprovedById { get; set; }

    [Timestamp]
    public uint Version { get; set; }

    public List<ListEntry> Entries { get; } = [];
    public List<ListDelivery> Deliveries { get; } = [];
}

/// <summary>A case on a list, in order. Removing keeps the row (with the reason), so history is not lost.</summary>
public sealed class ListEntry
{
    public int Id { get; set; }
    public int ListId { get; set; }
    public RepresentationList List { get; set; } = null!;
    public int CaseId { get; set; }
    public Case Case { get; set; } = null!;
    public int Position { get; set; }
    public DateTimeOffset AddedAt { get; set; }
    public string? AddedById { get; set; }
    public DateTimeOffset? RemovedAt { get; set; }
    public string? RemovedById { get; set; }
    public string? RemovalReason { get; set; }

    /// <summary>Not to be handed over until the family abroad has been told.</summary>
    public bool HoldUntilFamilyTold { get; set; }

    /// <summary>The instalment that delivered this entry.</summary>
    public int? DeliveryId { get; set; }

    public List<ListAnswer> Answers { get; } = [];
}

/// <summary>One handing-over of (part of) a list: what was delivered is frozen in <see cref="Snapshot"/>.</summary>
public sealed class ListDelivery
{
    public int Id { get; set; }
    public int ListId { get; set; }
    public int Instalment { get; set; }
    public DateOnly DeliveredOn { get; set; }
    public required string Occasion { get; set; }
    public string? DeliveredBy { get; set; }
    public string? DeliveredTo { get; set; }

    /// <summary>The entries as they were handed over: later edits of the cases do not change it.</summary>
    public required JsonDocument Snapshot { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
    public string? RecordedById { get; set; }
}

/// <summary>The other side's answer about one entry, as received.</summary>
public sealed class ListAnswer
{
    public int Id { get; set; }
    public int EntryId { get; set; }
    public ListEntry Entry { get; set; } = null!;
    public DateOnly ReceivedOn { get; set; }
    public required string Channel { get; set; }
    public AnswerOutcome Outcome { get; set; }

    /// <summary>Their words, as given.</summary>
    public string? TheirWords { get; set; }

    /// <summary>What we checked of it, and how.</summary>
    public string? Verification { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
    public string? RecordedById { get; set; }
}

/// <summary>A saved comparison of the other side's names with ours.</summary>
public sealed class ListReconciliation
{
    public int Id { get; set; }
    public int ListId { get; set; }
    public DateTimeOffset At { get; set; }
    public string? ById { get; set; }
    public required string TheirNames { get; set; }
    public int Matched { get; set; }
    public int OnlyOurs { get; set; }
    public int OnlyTheirs { get; set; }
    public required JsonDocument Result { get; set; }
}

/// <summary>A row of a delivery snapshot.</summary>
public sealed record SnapshotEntry(int Position, string Reference, CaseCategory Category, string Name, string NativeName, int Persons, IReadOnlyList<SnapshotPerson> People);

public sealed record SnapshotPerson(string Name, string NativeName, int? BirthYear, PersonRole Role);
