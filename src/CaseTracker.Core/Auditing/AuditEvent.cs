using System.Text.Json;

namespace CaseTracker.Core.Auditing;

/// <summary>What was done, by whom, to what. Rows are only ever added: the database refuses updates and deletes.</summary>
public sealed class AuditEvent
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary>The acting user's id, or null for an anonymous request (a failed sign-in).</summary>
    public string? UserId { get; set; }

    /// <summary>The acting user's name (email) at the time, kept even if the account is later renamed.</summary>
    public string? UserName { get; set; }

    public required string Action { get; set; }

    /// <summary>The kind of record: "Case", "Person", "User", "Page".</summary>
    public string? EntityType { get; set; }
    public string? EntityId { get; set; }

    /// <summary>The case concerned, for the case's history page.</summary>
    public int? CaseId { get; set; }

    /// <summary>Field changes, filters, counts or reasons, as JSON.</summary>
    public JsonDocument? Details { get; set; }

    public string? IpAddress { get; set; }
}

/// <summary>The names of audited actions.</summary>
public static class AuditActions
{
    public const string CaseViewed = "case.viewed";
    public const string CaseCreated = "case.created";
    public const string CaseUpdated = "case.updated";
    public const string CasesExported = "cases.exported";
    public const string CasesSearched = "cases.searched";
    public const string SignInSucceeded = "signin.succeeded";
    public const string SignInFailed = "signin.failed";
    public const string SignInLockedOut = "signin.locked_out";
    public const string SignedOut = "signout";
    public const string AccessDenied = "access.denied";
    public const string UserCreated = "user.created";
    public const string UserRolesChanged = "user.roles_changed";
    public const string UserDisabled = "user.disabled";
    public const string UserEnabled = "user.enabled";
    public const string TwoFactorEnabled = "user.2fa_enabled";
    public const string TwoFactorDisabled = "user.2fa_disabled";
}

/// <summary>One field's value before and after a change.</summary>
public sealed record FieldChange(string Field, string? Before, string? After);
