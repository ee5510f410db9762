using Microsoft.EntityFrameworkCore;

namespace CaseTracker.Core.Persistence;

public static class Transactions
{
    /// <summary>
    /// Runs a unit of work that opens its own transaction (or saves more than once) so that the execution strategy
    /// (<see cref="CaseTrackerExecutionStrategy"/>) can retry it as a whole after a transient failure. A retry starts
    /// from scratch: the change tracker is cleared, so nothing half-saved by the failed attempt (entities marked as
    /// saved by a transaction that was then rolled back) is carried into the next one. The work must therefore load
    /// what it changes itself, and must be safe to run twice when a commit's acknowledgement was lost: the units that
    /// could duplicate a record check for their own client-chosen key first (timeline entries, imports).
    /// </summary>
    /// <remarks>Inside a caller's transaction the work simply joins it: the caller's unit is the one retried.</remarks>
    public static Task<T> RetryingAsync<T>(this CaseTrackerDbContext db, Func<CancellationToken, Task<T>> work, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            return work(ct);
        }
        var attempt = 0;
        return db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            if (attempt++ > 0)
            {
                db.ChangeTracker.Clear();
            }
            return await work(token);
        }, ct);
    }
}
