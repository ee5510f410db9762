using CaseTracker.Core.Accounts;
using Microsoft.AspNetCore.Authorization;

namespace CaseTracker.Web.Infrastructure;

/// <summary>
/// The named authorization policies. Every page is given one explicitly (see <see cref="ServiceSetup"/>);
/// anything without one is denied to everybody.
/// </summary>
public static class Policies
{
    /// <summary>Any signed-in user: the home page, sign-out, one's own two-factor settings.</summary>
    public const string SignedIn = nameof(SignedIn);

    /// <summary>Work on cases: caseworkers and supervisors.</summary>
    public const string CaseWork = nameof(CaseWork);

    /// <summary>Dashboards, the audit trail, assignment: supervisors and administrators.</summary>
    public const string Supervision = nameof(Supervision);

    /// <summary>Manage accounts: administrators.</summary>
    public const string Administration = nameof(Administration);

    /// <summary>The roles each policy admits, for the pages and the authorization tests.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> RolesOf = new Dictionary<string, string[]>
    {
        [SignedIn] = [Roles.Caseworker, Roles.Supervisor, Roles.Administrator],
        [CaseWork] = [Roles.Caseworker, Roles.Supervisor],
        [Supervision] = [Roles.Supervisor, Roles.Administrator],
        [Administration] = [Roles.Administrator],
    };

    public static void Configure(AuthorizationOptions options)
    {
        // Default deny: an endpoint that was given no policy is refused to everyone, signed in or not.
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAssertion(_ => false).Build();
        foreach (var (name, roles) in RolesOf)
        {
            options.AddPolicy(name, p => p.RequireAuthenticatedUser().RequireRole(roles));
        }
    }
}
