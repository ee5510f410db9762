using Microsoft.EntityFrameworkCore;

namespace CaseTracker.Core.Persistence;

public static class DatabaseSetup
{
    /// <summary>The one place the provider is configured, for the app, the tools and the tests.</summary>
    public static void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options
            .UseNpgsql(WithoutJit(connectionString), npgsql =>
            {
                npgsql.MigrationsAssembly(typeof(CaseTrackerDbContext).Assembly.GetName().Name);
                npgsql.MigrationsHistoryTable("__EFMigrationsHistory");
                npgsql.ExecutionStrategy(dependencies => new CaseTrackerExecutionStrategy(dependencies));
            })
            .UseSnakeCaseNamingConvention();

    /// <summary>
    /// PostgreSQL's JIT compiles plans of queries it estimates to be large; for this app's queries (dozens of
    /// rows) it added about 200 ms a statement and saved nothing (docs/performance.md). Off unless the
    /// connection string sets its own options.
    /// </summary>
    public static string WithoutJit(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(builder.Options))
        {
            builder.Options = "-c jit=off";
        }
        return builder.ConnectionString;
    }
}
