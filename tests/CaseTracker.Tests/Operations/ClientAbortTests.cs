using CaseTracker.Web.Infrastructure;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace CaseTracker.Tests.Operations;

/// <summary>A request cancelled because its client went away is answered 499 and not treated as a server error.</summary>
public sealed class ClientAbortTests
{
    [Fact]
    public async Task Work_cancelled_because_the_client_went_away_ends_as_499_without_an_exception()
    {
        using var gone = new CancellationTokenSource();
        var context = new DefaultHttpContext { RequestAborted = gone.Token };
        var statusPages = new StatusCodePagesFeature();
        context.Features.Set<IStatusCodePagesFeature>(statusPages);
        await gone.CancelAsync();

        await ClientAborts.HandleAsync(context, c => Task.FromException(new OperationCanceledException(c.RequestAborted)));

        Assert.Equal(ClientAborts.ClientClosedRequest, context.Response.StatusCode);
        Assert.False(statusPages.Enabled);
    }

    [Fact]
    public async Task A_cancellation_the_client_did_not_cause_still_reaches_the_error_page()
    {
        var context = new DefaultHttpContext();

        await Assert.ThrowsAsync<TaskCanceledException>(() =>
            ClientAborts.HandleAsync(context, _ => Task.FromException(new TaskCanceledException("statement timeout"))));
        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
    }
}
