using CaseTracker.Core.Accounts;

namespace CaseTracker.Web.Infrastructure;

/// <summary>Administrators must turn on two-factor sign-in before they can do anything else.</summary>
public sealed class RequireTwoFactorMiddleware(RequestDelegate next)
{
    public const string SetupPath = "/Account/Manage/TwoFactor";

    private static readonly string[] Allowed = [SetupPath, "/Account/Logout", "/Error", "/StatusCode", "/health"];

    public Task InvokeAsync(HttpContext context)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true
            && user.IsInRole(Roles.Administrator)
            && user.FindFirst(AppUserClaimsPrincipalFactory.TwoFactorClaim)?.Value != "on"
            && !Allowed.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
        {
            context.Response.Redirect(SetupPath);
            return Task.CompletedTask;
        }
        return next(context);
    }
}
