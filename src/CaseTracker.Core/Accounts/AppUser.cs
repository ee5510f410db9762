using Microsoft.AspNetCore.Identity;

namespace CaseTracker.Core.Accounts;

/// <summary>A person who signs in: a caseworker, a supervisor or an administrator.</summary>
public sealed class AppUser : IdentityUser
{
    public required string DisplayName { get; set; }

    /// <summary>A disabled account cannot sign in, and its open sessions end at their next request.</summary>
    public bool IsDisabled { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

public static class Roles
{
    public const string Caseworker = "Caseworker";
    public const string Supervisor = "Supervisor";
    public const string Administrator = "Administrator";

    public static readonly IReadOnlyList<string> All = [Caseworker, Supervisor, Administrator];
}
