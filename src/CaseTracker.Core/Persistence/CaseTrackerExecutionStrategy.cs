using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Npgsql.EntityFrameworkCore.PostgreSQL;

namespace CaseTracker.Core.Persistence;

/// <summary>
/// Retries a statement, a <c>SaveChanges</c> or a whole unit of work (<see cref="Transactions.RetryingAsync{T}"/>) when
/// PostgreSQL fails in a way that a second attempt can cure: a restarted or failed-over server, a dropped connection,
/// a serialization failure or deadlock (Npgsql's <see cref="NpgsqlException.IsTransient"/>). Retries are few and short
/// (docs/operations.md): a user waits at most a few seconds before the "temporarily unavailable" page, and a request
/// that is retrying when the server comes back succeeds.
/// </summary>
/// <remarks>
/// When the server has gone away, every idle connection in the pool is dead, and each would fail its next request
/// once. On the first sign of that, the pool is cleared, so that the retry and every later request open fresh
/// connections instead of finding the dead ones one by one.
/// </remarks>
public sealed class CaseTrackerExecutionStrategy(ExecutionStrategyDependencies dependencies)
    : NpgsqlRetryingExecutionStrategy(dependencies, MaxRetries, MaxDelay, ServerGoingAway)
{
    /// <summary>Four retries spaced about 1, 2, 2 and 2 s apart (with jitter): about 7 s in all.</summary>
    public const int MaxRetries = 4;

    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(2);

    /// <summary>The server ended the session (shutdown, crash, restart still starting up): a new connection will do.</summary>
    private static readonly string[] ServerGoingAway =
        [PostgresErrorCodes.AdminShutdown, PostgresErrorCodes.CrashShutdown, PostgresErrorCodes.CannotConnectNow];

    private readonly ExecutionStrategyDependencies dependencies = dependencies;

    protected override bool ShouldRetryOn(Exception? exception)
    {
        var retry = base.ShouldRetryOn(exception);
        if (retry && exception is not null && IsConnectionLost(exception)
            && dependencies.CurrentContext.Context.Database.GetDbConnection() is NpgsqlConnection connection)
        {
            NpgsqlConnection.ClearPool(connection);
        }
        return retry;
    }

    /// <summary>
    /// The server or the network dropped the connection (as opposed to a deadlock or a serialization failure, after
    /// which the connection is fine): class 08 (connection exception), 57P01–57P03 (server shutting down, crashed or
    /// starting up), or an <see cref="NpgsqlException"/> with no SQL state at all (a socket error, a timeout).
    /// </summary>
    public static bool IsConnectionLost(Exception exception) => exception switch
    {
        PostgresException p => p.SqlState.StartsWith("08", StringComparison.Ordinal)
            || ServerGoingAway.Contains(p.SqlState),
        NpgsqlException n => n.IsTransient,
        _ => exception.InnerException is { } inner && IsConnectionLost(inner),
    };
}
