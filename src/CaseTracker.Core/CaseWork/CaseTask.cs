using CaseTracker.Core.Accounts;
using CaseTracker.Core.Cases;
using System.ComponentModel.DataAnnotations;

namespace CaseTracker.Core.CaseWork;

/// <summary>A follow-up on a case: something to do by a date, by someone.</summary>
public sealed class CaseTask
{
    public Guid Id { get; set; }
    public int CaseId { get; set; }
    public Case Case { get; set; } = null!;
    public required string Title { get; set; }
    public DateOnly DueOn { get; set; }
    public string? AssigneeId { get; set; }
    public AppUser? Assignee { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedById { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }

    [Timestamp]
    public uint Version { get; set; }
}
