using Microsoft.EntityFrameworkCore.Storage;

namespace CaseTracker.Core.Persistence;

public static class DatabaseFailures
{
    /// <summary>
    /// The database could not be reached or answered too late (after the execution strategy's retries, if any):
    /// the request cannot be served now, but nothing is wrong with it. Pages answer 503 "temporarily unavailable".
    /// An error the server reports about the statement itself (a constraint, a bad value, a missing table) is not
    /// an outage: it is a fault of the app, and stays a 500.
    /// </summary>
    public static bool IsUnavailable(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            var unavailable = e switch
            {
                RetryLimitExceededException or TimeoutException => true,
                Npgsql.PostgresException p => p.IsTransient || CaseTrackerExecutionStrategy.IsConnectionLost(p),
                Npgsql.NpgsqlException => true, // no answer from the server at all: refused, reset, timed out
                _ => false,
            };
            if (unavailable)
            {
                return true;
            }
        }
        return false;
    }
}
