using CaseTracker.Core.Accounts;
using Microsoft.AspNetCore.Authorization;

namespace CaseTracker.Web.Infrastructure;

/// <summary>The named authorization policies. Every page folder is given one; anything else needs a signed-in user.</summary>
public static class Policies
{
    /// <summary>Work on cases: caseworkers and supervisors.</summary>
    public const string CaseWork = nameof(CaseWork);

    /// <summary>Dashboards, all cases and assignment: supervisors and administrators.</summary>
    public const string Supervision = nameof(Supervision);

    /// <summary>Manage accounts: administrators.</summary>
    public const string Administration = nameof(Administration);

    public static void Configure(AuthorizationOptions options)
    {
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        options.AddPolicy(CaseWork, p => p.RequireRole(Roles.Caseworker, Roles.Supervisor));
        options.AddPolicy(Supervision, p => p.RequireRole(Roles.Supervisor, Roles.Administrator));
        options.AddPolicy(Administration, p => p.RequireRole(Roles.Administrator));
    }
}
