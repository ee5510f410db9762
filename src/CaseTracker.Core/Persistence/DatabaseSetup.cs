using Microsoft.EntityFrameworkCore;

namespace CaseTracker.Core.Persistence;

public static class DatabaseSetup
{
    /// <summary>The one place the provider is configured, for the app, the tools and the tests.</summary>
    public static void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options
            .UseNpgsql(connectionString, npgsql =>
            {
                npgsql.MigrationsAssembly(typeof(CaseTrackerDbContext).Assembly.GetName().Name);
                npgsql.MigrationsHistoryTable("__EFMigrationsHistory");
            })
            .UseSnakeCaseNamingConvention();
}
