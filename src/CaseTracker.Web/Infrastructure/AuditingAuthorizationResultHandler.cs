using CaseTracker.Core.Auditing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace CaseTracker.Web.Infrastructure;

/// <summary>Records every refusal of a signed-in user in the audit trail, then answers as usual.</summary>
public sealed class AuditingAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && context.User.Identity?.IsAuthenticated == true)
        {
            var audit = context.RequestServices.GetRequiredService<AuditTrail>();
            await audit.RecordAsync(context.User.ToActor(), AuditActions.AccessDenied, "Page", null, null,
                new { method = context.Request.Method, path = context.Request.Path.Value }, context.RequestAborted);
        }
        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
