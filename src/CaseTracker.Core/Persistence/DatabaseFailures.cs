using Microsoft.EntityFrameworkCore.Storage;

namespace CaseTracker.Core.Persistence;

public static class DatabaseFailures
{
    /// <summary>
    /// The database could not be reached or answered too late (after the execution strategy's retries, if any):
    /// the request cannot be served now, but nothing is wrong with it. Pages answer 503 "temporarily unavailable".
    /// </summary>
    public static bool IsUnavailable(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is Npgsql.NpgsqlException or TimeoutException or RetryLimitExceededException)
            {
                return true;
            }
        }
        return false;
    }
}
