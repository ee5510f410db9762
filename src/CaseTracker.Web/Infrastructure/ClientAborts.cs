using Microsoft.AspNetCore.Diagnostics;

namespace CaseTracker.Web.Infrastructure;

/// <summary>
/// A request whose client has gone away (a closed tab, a click elsewhere, a load generator stopping) is cancelled
/// through <see cref="HttpContext.RequestAborted"/>, and its database work ends with an
/// <see cref="OperationCanceledException"/>. Nothing went wrong on the server and nobody is there to read an answer,
/// so it is logged as status 499 (client closed request) at information level, not as a 500 with a stack trace.
/// A cancellation the client did not cause (a timeout) still goes to the error page.
/// </summary>
public static class ClientAborts
{
    public const int ClientClosedRequest = 499;

    public static IApplicationBuilder UseClientAborts(this IApplicationBuilder app) => app.Use(HandleAsync);

    public static async Task HandleAsync(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            if (!context.Response.HasStarted)
            {
                context.Response.StatusCode = ClientClosedRequest;
                // No status page is rendered for a client that is not there.
                if (context.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
                {
                    statusPages.Enabled = false;
                }
            }
        }
    }
}
