using CaseTracker.Core.Cases;

namespace CaseTracker.Core.Lists;

public sealed record ListName(int Id, string Name);

public sealed record ListSummary(
    int Id, string Name, CaseCategory? Category, ListStatus Status, DateOnly? TargetDate, int Entries, int Persons,
    int? TheirStatedCount, DateOnly? FirstDeliveredOn, int Resolved);

public sealed record ListEntryItem(
    int EntryId, int Position, int CaseId, string Reference, string Title, CaseStatus Status, string Name, string NativeName,
    int Persons, bool HoldUntilFamilyTold, bool Delivered, DateOnly? FirstExitApplicationOn, ListAnswerItem? LatestAnswer);

public sealed record ListAnswerItem(int Id, DateOnly ReceivedOn, string Channel, AnswerOutcome Outcome, string? TheirWords, string? Verification, string? RecordedBy);

public sealed record ListDeliveryItem(int Id, int Instalment, DateOnly DeliveredOn, string Occasion, string? DeliveredBy, string? DeliveredTo, int Entries);

public sealed record ListDetails(
    int Id, string Name, string? Purpose, CaseCategory? Category, string? Classification, DateOnly? TargetDate, ListStatus Status,
    int? TheirStatedCount, int? CarriedOverFromId, uint Version, DateTimeOffset? CheckAcknowledgedAt,
    IReadOnlyList<ListEntryItem> Entries, IReadOnlyList<ListDeliveryItem> Deliveries)
{
    public int Persons => Entries.Sum(e => e.Persons);
}

public enum CheckKind
{
    AlreadyResolved,
    Closed,
    Duplicate,
    MissingExitApplication,
    NoConsent,
    HeldUntilFamilyTold,
}

public sealed record CheckIssue(CheckKind Kind, int EntryId, string Reference, string Message);

/// <summary>How the entries of a list stand, counted as family units and as persons.</summary>
public sealed record ProgressCounts(int Resolved, int Promised, int Refused, int NoReply, int Pending)
{
    public int Total => Resolved + Promised + Refused + NoReply + Pending;
}

public sealed record ProgressRow(string Label, DateOnly? AsOf, ProgressCounts Units, ProgressCounts Persons);

public sealed record ListExportRow(int Position, string Reference, string Name, string NativeName, CaseStatus Status, string? LatestAnswer);
