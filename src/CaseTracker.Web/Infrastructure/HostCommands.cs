using CaseTracker.Core.Accounts;
using CaseTracker.Core.Auditing;
using CaseTracker.Core.Demo;
using Microsoft.AspNetCore.Identity;
using CaseTracker.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseTracker.Web;

/// <summary>Commands run by the same executable as the app: <c>migrate</c> and <c>seed-demo</c>.</summary>
public static class HostCommands
{
    public const string DemoPasswordVariable = "CASETRACKER_DEMO_PASSWORD";

    /// <summary>The documented default password of the demo accounts, used when the variable is not set.</summary>
    public const string DefaultDemoPassword = "Geneva-Summit-Letter-1985";

    private static readonly string[] Commands = ["migrate", "seed-demo", "create-admin"];

    public static bool IsCommand(string arg) => Commands.Contains(arg);

    /// <summary>
    /// False, with a clear message, when the database answers but lacks migrations. A database that does not
    /// answer yet is not a reason to refuse: the app starts and reports itself not ready until it does.
    /// </summary>
    public static async Task<bool> DatabaseIsMigratedAsync(WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("CaseTracker.Startup");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseTrackerDbContext>();
        switch (await DatabaseSetup.PendingMigrationsAsync(db, CancellationToken.None))
        {
            case null:
                logger.LogWarning("The database does not answer yet; starting anyway, not ready until it does");
                return true;
            case 0:
                return true;
            case var pending:
                logger.LogCritical("The database is not migrated ({Count} migration(s) pending). Run `CaseTracker.Web.dll migrate` first; the app will not start on it.", pending);
                return false;
        }
    }

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
                var indexed = await scope.ServiceProvider.GetRequiredService<Core.People.PersonNameBackfill>().RunAsync(CancellationToken.None);
                if (indexed > 0)
                {
                    logger.LogInformation("Name keys built for {Count} person(s)", indexed);
                }
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
                if (loaded)
                {
                    // The dashboard shows the demo data at once: the migration marked its (empty) summaries as just
                    // refreshed, so the app's first scheduled refresh would otherwise wait out the interval.
                    await scope.ServiceProvider.GetRequiredService<Core.Dashboard.DashboardService>().RefreshAsync(CancellationToken.None);
                }
                logger.LogInformation(loaded ? "Demo data loaded" : "Demo data was already loaded; nothing changed");
                return 0;
            case "create-admin":
                return await CreateAdminAsync(app, scope.ServiceProvider, logger);
            default:
                return 2;
        }
    }

    /// <summary>
    /// Creates the first administrator of a production database, without demo data:
    /// <c>CaseTracker.Web.dll create-admin --email admin@example.org --name "Ada Admin"</c>.
    /// The password is read without echo (or from standard input when it is not a terminal).
    /// </summary>
    private static async Task<int> CreateAdminAsync(WebApplication app, IServiceProvider services, ILogger logger)
    {
        var email = app.Configuration["email"];
        var name = app.Configuration["name"];
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(name))
        {
            await Console.Error.WriteLineAsync("Usage: create-admin --email <address> --name <display name>");
            return 2;
        }
        var users = services.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByEmailAsync(email) is not null)
        {
            await Console.Error.WriteLineAsync("An account with this email address exists already.");
            return 2;
        }
        var password = ReadPassword("Password (at least 12 characters): ");
        if (!Console.IsInputRedirected && ReadPassword("The same password again: ") != password)
        {
            await Console.Error.WriteLineAsync("The two passwords are not the same.");
            return 2;
        }
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, CreatedAt = DateTimeOffset.UtcNow };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
            {
                await Console.Error.WriteLineAsync(error.Description);
            }
            return 2;
        }
        await users.AddToRoleAsync(user, Roles.Administrator);
        await services.GetRequiredService<AuditTrail>().RecordAsync(Actor.System, AuditActions.UserCreated, "User", user.Id,
            details: new { roles = new[] { Roles.Administrator }, by = "create-admin command" });
        logger.LogInformation("Administrator {UserId} created; two-factor sign-in is set up at first sign-in", user.Id);
        return 0;
    }

    private static string ReadPassword(string prompt)
    {
        if (Console.IsInputRedirected)
        {
            return Console.ReadLine() ?? "";
        }
        Console.Write(prompt);
        var chars = new System.Text.StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                Console.WriteLine();
                return chars.ToString();
            }
            if (key.Key == ConsoleKey.Backspace)
            {
                if (chars.Length > 0)
                {
                    chars.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                chars.Append(key.KeyChar);
            }
        }
    }
}
