using System.Globalization;
using System.Text.Json;
using CaseTracker.Core.Accounts;
using CaseTracker.Core.Cases;
using CaseTracker.Core.People;
using CaseTracker.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace CaseTracker.Core.Auditing;

/// <summary>
/// Adds audit events to the DbContext, so they are saved in the same transaction as the change they
/// describe. Callers that audit a read save it themselves.
/// </summary>
public sealed class AuditTrail(CaseTrackerDbContext db, TimeProvider clock, IRequestOrigin origin)
{
    private static readonly HashSet<string> Ignored = ["Version", "SearchText", "UpdatedAt", "CreatedAt", "Id", "CaseId", "PersonId"];

    public AuditEvent Add(Actor? actor, string action, string? entityType = null, string? entityId = null, int? caseId = null, object? details = null)
    {
        var e = Create(actor, action, entityType, entityId, caseId, details);
        db.AuditEvents.Add(e);
        return e;
    }

    /// <summary>
    /// An event as <see cref="Add"/> adds it (time, user, address), without adding it: for the CSV import's bulk writer,
    /// which inserts one <c>case.created</c> row per case in SQL from this template.
    /// </summary>
    internal AuditEvent Create(Actor? actor, string action, string? entityType = null, string? entityId = null, int? caseId = null, object? details = null) =>
        new()
        {
            At = clock.GetUtcNow(),
            UserId = actor?.UserId,
            UserName = actor?.UserName,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            CaseId = caseId,
            Details = details is null ? null : JsonSerializer.SerializeToDocument(details),
            IpAddress = origin.IpAddress,
        };

    /// <summary>Adds an event and saves at once: for reads, sign-ins and denials, which change nothing else.</summary>
    public async Task RecordAsync(Actor? actor, string action, string? entityType = null, string? entityId = null, int? caseId = null, object? details = null, CancellationToken ct = default)
    {
        Add(actor, action, entityType, entityId, caseId, details);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Every field the change tracker sees changing on the case and its people, before and after.</summary>
    public IReadOnlyList<FieldChange> CaseChanges()
    {
        var changes = new List<FieldChange>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            switch (entry.Entity)
            {
                case Case when entry.State == EntityState.Modified:
                    AddModified(changes, entry, "");
                    break;
                case Person p when entry.State == EntityState.Modified:
                    AddModified(changes, entry, $"person {p.Id}: ");
                    break;
                case CasePerson cp when entry.State == EntityState.Added:
                    changes.Add(new FieldChange($"person {(cp.Person?.Id is > 0 ? cp.Person.Id.ToString(CultureInfo.InvariantCulture) : "new")}", null,
                        $"{cp.Person?.FamilyName} {cp.Person?.GivenName} ({cp.Role})".Trim()));
                    break;
                case CasePerson cp when entry.State == EntityState.Deleted:
                    changes.Add(new FieldChange($"person {cp.PersonId}", $"{cp.Person?.FamilyName} {cp.Person?.GivenName} ({cp.Role})".Trim(), null));
                    break;
                case CasePerson cp when entry.State == EntityState.Modified:
                    AddModified(changes, entry, $"person {cp.PersonId}: ");
                    break;
            }
        }
        return changes;
    }

    private static void AddModified(List<FieldChange> changes, EntityEntry entry, string prefix)
    {
        foreach (var property in entry.Properties.Where(p => p.IsModified && !Ignored.Contains(p.Metadata.Name)))
        {
            var before = Format(property.OriginalValue);
            var after = Format(property.CurrentValue);
            if (before != after)
            {
                changes.Add(new FieldChange(prefix + property.Metadata.Name, before, after));
            }
        }
    }

    private static string? Format(object? value) => value switch
    {
        null => null,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
        IEnumerable<string> list => string.Join(", ", list),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };
}

/// <summary>Where the current request comes from, for the audit trail. The web app supplies it.</summary>
public interface IRequestOrigin
{
    string? IpAddress { get; }
}

/// <summary>No request: commands and background work.</summary>
public sealed class NoRequestOrigin : IRequestOrigin
{
    public string? IpAddress => null;
}
