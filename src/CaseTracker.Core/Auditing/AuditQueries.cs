using System.Text.Json;
using CaseTracker.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseTracker.Core.Auditing;

public sealed record AuditQuery
{
    public const int PageSize = 100;

    public string? User { get; init; }
    public string? Action { get; init; }
    public int? CaseId { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }

    /// <summary>Keyset paging: show events older than this id.</summary>
    public long? Before { get; init; }
}

public sealed record AuditEntry(long Id, DateTimeOffset At, string? UserName, string Action, string? EntityType, string? EntityId, int? CaseId, string? CaseReference, string? Details, IReadOnlyList<FieldChange> Changes, string? IpAddress);

/// <summary>Reads the audit trail: the searchable audit page and each case's history.</summary>
public sealed class AuditQueries(CaseTrackerDbContext db)
{
    public async Task<IReadOnlyList<AuditEntry>> SearchAsync(AuditQuery query, CancellationToken ct)
    {
        var events = db.AuditEvents.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.User))
        {
            var pattern = Common.Like.Contains(query.User.Trim());
            events = events.Where(e => e.UserName != null && EF.Functions.ILike(e.UserName, pattern));
        }
        if (!string.IsNullOrWhiteSpace(query.Action))
        {
            events = events.Where(e => e.Action == query.Action);
        }
        if (query.CaseId is { } caseId)
        {
            events = events.Where(e => e.CaseId == caseId);
        }
        if (query.From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            events = events.Where(e => e.At >= start);
        }
        if (query.To is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            events = events.Where(e => e.At < end);
        }
        if (query.Before is { } before)
        {
            events = events.Where(e => e.Id < before);
        }
        var rows = await events
            .OrderByDescending(e => e.Id)
            .Take(AuditQuery.PageSize)
            .Select(e => new
            {
                e.Id, e.At, e.UserName, e.Action, e.EntityType, e.EntityId, e.CaseId, e.Details, e.IpAddress,
                CaseReference = db.Cases.Where(c => c.Id == e.CaseId).Select(c => c.Reference).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return rows.Select(r => new AuditEntry(r.Id, r.At, r.UserName, r.Action, r.EntityType, r.EntityId, r.CaseId, r.CaseReference,
            r.Details?.RootElement.GetRawText(), ChangesOf(r.Details), r.IpAddress)).ToList();
    }

    public async Task<IReadOnlyList<string>> ActionsAsync(CancellationToken ct) =>
        await db.AuditEvents.Select(e => e.Action).Distinct().OrderBy(a => a).ToListAsync(ct);

    private static IReadOnlyList<FieldChange> ChangesOf(JsonDocument? details)
    {
        if (details is null || !details.RootElement.TryGetProperty("changes", out var changes) || changes.ValueKind != JsonValueKind.Array)
        {
            return [];
        }
        return changes.EnumerateArray()
            .Select(c => new FieldChange(
                c.TryGetProperty("Field", out var f) ? f.GetString() ?? "" : "",
                c.TryGetProperty("Before", out var b) && b.ValueKind == JsonValueKind.String ? b.GetString() : null,
                c.TryGetProperty("After", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString() : null))
            .ToList();
    }
}
