using Microsoft.EntityFrameworkCore;

namespace CaseTracker.Core.Persistence;

public static class DatabaseSetup
{
    /// <summary>The one place the provider is configured, for the app, the tools and the tests.</summary>
    /// <param name="threadSafetyChecks">
    /// Whether EF Core checks that a context is not used by two operations at once, and throws when it is. The check
    /// sets an async-local value twice for every row a query reads (EF Core's <c>ConcurrencyDetector</c>): a third of
    /// what a name search allocated, which is thousands of rows (docs/performance.md). On in development and in the
    /// tests, which would catch such a use; off in production (<see cref="CoreServices.AddCaseTrackerCore"/>).
    /// </param>
    public static void Configure(DbContextOptionsBuilder options, string connectionString, bool threadSafetyChecks = true) =>
        options
            .UseNpgsql(Tuned(connectionString), npgsql =>
            {
                npgsql.MigrationsAssembly(typeof(CaseTrackerDbContext).Assembly.GetName().Name);
                npgsql.MigrationsHistoryTable("__EFMigrationsHistory");
                npgsql.ExecutionStrategy(dependencies => new CaseTrackerExecutionStrategy(dependencies));
            })
            .UseSnakeCaseNamingConvention()
            .EnableThreadSafetyChecks(threadSafetyChecks);

    /// <summary>
    /// How many migrations are not applied to the database; null when it cannot be reached (after the execution
    /// strategy's retries). Used by the readiness check and by the start-up guard of Production.
    /// </summary>
    public static async Task<int?> PendingMigrationsAsync(CaseTrackerDbContext db, CancellationToken ct)
    {
        try
        {
            if (!await db.Database.CanConnectAsync(ct))
            {
                return null;
            }
            return (await db.Database.GetPendingMigrationsAsync(ct)).Count();
        }
        catch (Exception e) when (e is InvalidOperationException or Npgsql.NpgsqlException || DatabaseFailures.IsUnavailable(e))
        {
            return null;
        }
    }

    /// <summary>
    /// The app's connection settings on top of the configured connection string (docs/performance.md):
    /// <list type="bullet">
    /// <item>PostgreSQL's JIT compiles plans of queries it estimates to be large; for this app's queries (dozens of
    /// rows) it added about 200 ms a statement and saved nothing. Off unless the connection string sets its own
    /// options.</item>
    /// <item>No reset on close: a pooled connection is not sent <c>DISCARD ALL</c> each time it goes back to the pool
    /// (a round trip per unit of work, several per request). The app keeps no session state on its connections:
    /// no <c>SET</c>, advisory locks only at transaction level, temporary tables dropped on commit.</item>
    /// <item>Automatic preparation: the statements each connection runs most (up to 64, from their second use) are
    /// prepared on the server, which then parses and plans them once instead of on every request (the case page went
    /// from about 230 to 310 requests/s at a million cases, the list from 185 to 210; docs/performance.md). Unless
    /// the connection string sets its own. Migrations are applied with the app stopped (docs/operations.md), so no
    /// prepared statement outlives a change of the schema it reads.</item>
    /// </list>
    /// </summary>
    public static string Tuned(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { NoResetOnClose = true };
        if (string.IsNullOrEmpty(builder.Options))
        {
            builder.Options = "-c jit=off";
        }
        if (builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = AutoPrepared;
            builder.AutoPrepareMinUsages = 2;
        }
        return builder.ConnectionString;
    }

    /// <summary>How many statements each connection prepares automatically.</summary>
    public const int AutoPrepared = 64;
}
