using CaseTracker.Core.Demo;
using CaseTracker.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseTracker.Web;

/// <summary>Commands run by the same executable as the app: <c>migrate</c> and <c>seed-demo</c>.</summary>
public static class HostCommands
{
    public const string DemoPasswordVariable = "CASETRACKER_DEMO_PASSWORD";

    /// <summary>The documented default password of the demo accounts, used when the variable is not set.</summary>
    public const string DefaultDemoPassword = "Reunite-Families-1985";

    private static readonly string[] Commands = ["migrate", "seed-demo"];

    public static bool IsCommand(string arg) => Commands.Contains(arg);

    public static async Task<int> RunAsync(WebApplication app, string command)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("CaseTracker.Commands");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseTrackerDbContext>();
        switch (command)
        {
            case "migrate":
                var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
                await db.Database.MigrateAsync();
                logger.LogInformation("Database migrated: {Count} migration(s) applied", pending.Count);
                return 0;
            case "seed-demo":
                if (app.Environment.IsProduction())
                {
                    logger.LogError("The demo data is never loaded in Production");
                    return 2;
                }
                if ((await db.Database.GetPendingMigrationsAsync()).Any())
                {
                    logger.LogError("The database is not migrated: run the migrate command first");
                    return 2;
                }
                var password = Environment.GetEnvironmentVariable(DemoPasswordVariable);
                if (string.IsNullOrEmpty(password))
                {
                    password = DefaultDemoPassword;
                }
                var seeder = scope.ServiceProvider.GetRequiredService<DemoDataSeeder>();
                var loaded = await seeder.SeedAsync(password, CancellationToken.None);
                logger.LogInformation(loaded ? "Demo data loaded" : "Demo data was already loaded; nothing changed");
                return 0;
            default:
                return 2;
        }
    }
}
