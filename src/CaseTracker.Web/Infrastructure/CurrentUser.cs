using System.Security.Claims;
using CaseTracker.Core.Accounts;
using CaseTracker.Core.Auditing;

namespace CaseTracker.Web.Infrastructure;

public static class CurrentUser
{
    /// <summary>The acting user as the service layer knows it: from the sign-in cookie, never from a form.</summary>
    public static Actor ToActor(this ClaimsPrincipal user) => new(
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("No signed-in user."),
        user.Identity?.Name ?? "",
        Roles.All.Where(user.IsInRole).ToHashSet());
}

/// <summary>The client address of the current request, for the audit trail.</summary>
public sealed class HttpRequestOrigin(IHttpContextAccessor http) : IRequestOrigin
{
    public string? IpAddress => http.HttpContext?.Connection.RemoteIpAddress?.ToString();
}
