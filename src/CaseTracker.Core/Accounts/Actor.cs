namespace CaseTracker.Core.Accounts;

/// <summary>Who is acting: taken from the signed-in user, never from a form.</summary>
public sealed record Actor(string UserId, string UserName, IReadOnlySet<string> Roles)
{
    public bool IsSupervisor => Roles.Contains(Accounts.Roles.Supervisor);

    public bool IsAdministrator => Roles.Contains(Accounts.Roles.Administrator);

    /// <summary>The system itself (demo seeding, commands run by an operator).</summary>
    public static Actor System { get; } = new("system", "system", new HashSet<string>());
}
