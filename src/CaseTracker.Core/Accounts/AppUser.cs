using Microsoft.AspNetCore.Identity;

namespace CaseTracker.Core.Accounts;

/// <summary>A person who signs in: a caseworker, a supervisor or an administrator.</summary>
public sealed class AppUser : IdentityUser
{
    public required string DisplayName { get; set; }
}

public static class Roles
{
    public const string Caseworker = "Caseworker";
    public const string Supervisor = "Supervisor";
    public const string Administrator = "Administrator";

    public static readonly IReadOnlyList<string> All = [Caseworker, Supervisor, Administrator];
}
