using CaseTracker.Core.Accounts;
using CaseTracker.Core.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Respawn;

[assembly: AssemblyFixture(typeof(CaseTracker.Tests.Infrastructure.TestApp))]

namespace CaseTracker.Tests.Infrastructure;

/// <summary>
/// The app under test, once per run: a real PostgreSQL database, migrated by the app's own migrations,
/// and the real app on ASP.NET Core's test server. <see cref="ResetAsync"/> empties the data between tests.
/// </summary>
public sealed class TestApp : IAsyncLifetime
{
    public const string Password = "Seven lanterns over Riga 1985";

    private readonly PostgresServer _server = new();
    private Respawner? _respawner;

    public string ConnectionString { get; private set; } = "";
    public WebApplicationFactory<Program> Factory { get; private set; } = null!;
    public PostgresServer Server => _server;

    public async ValueTask InitializeAsync()
    {
        await _server.InitializeAsync();
        ConnectionString = await _server.CreateDatabaseAsync("casetracker_test");
        Environment.SetEnvironmentVariable("ConnectionStrings__CaseTracker", ConnectionString);
        Factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Development");
            b.UseSetting("ConnectionStrings:CaseTracker", ConnectionString);
            b.UseSetting("Serilog:MinimumLevel:Default", "Warning");
            // The test server has no request body limits to set, and says so on every request to the import page.
            b.UseSetting("Serilog:MinimumLevel:Override:Microsoft.AspNetCore.Routing.EndpointRoutingMiddleware", "Error");
            b.UseSetting("Serilog:MinimumLevel:Override:Microsoft.AspNetCore.Mvc.Filters.RequestSizeLimitFilter", "Error");
            // Every test signs in; the login rate limit has its own test with its own limit.
            b.UseSetting("CaseTracker:LoginAttemptsPerMinute", "100000");
            // Tests refresh the dashboard's summaries themselves, when they need them.
            b.UseSetting("CaseTracker:DashboardRefreshSeconds", "0");
        });
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<CaseTrackerDbContext>().Database.MigrateAsync();
        }
        await using var conn = new NpgsqlConnection(ConnectionString);
        await conn.OpenAsync();
        _respawner = await Respawner.CreateAsync(conn, new RespawnerOptions
        {
            DbAdapter = DbAdapter.Postgres,
            SchemasToInclude = ["public"],
            // The roles are created by a migration, like the migrations history itself.
            TablesToIgnore = ["__EFMigrationsHistory", "roles", "dashboard_refreshes"],
        });
    }

    public async Task ResetAsync()
    {
        await using var conn = new NpgsqlConnection(ConnectionString);
        await conn.OpenAsync();
        // The audit trail refuses deletes by trigger; the test superuser sets triggers aside to empty it.
        await using (var cmd = new NpgsqlCommand("SET session_replication_role = replica", conn))
        {
            await cmd.ExecuteNonQueryAsync();
        }
        await _respawner!.ResetAsync(conn);
        // What the app remembers of the data (counts past the limit, the dashboard built and rendered per refresh) goes with it.
        ((MemoryCache)Factory.Services.GetRequiredService<IMemoryCache>()).Clear();
        Factory.Services.GetRequiredService<CaseTracker.Core.Cases.SearchResults>().Clear();
        ((MemoryCache)Factory.Services.GetRequiredService<Microsoft.AspNetCore.Mvc.TagHelpers.CacheTagHelperMemoryCacheFactory>().Cache).Clear();
    }

    public HttpClient CreateClient() => Factory.CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = true,
    });

    /// <summary>A browser-like client: keeps its cookies, does not follow redirects.</summary>
    public UserClient CreateUserClient(WebApplicationFactory<Program>? factory = null)
    {
        var cookies = new System.Net.CookieContainer();
        var http = (factory ?? Factory).CreateDefaultClient(new Uri("http://localhost"), new Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler(cookies));
        return new UserClient(http, cookies, AuthenticatorKeys);
    }

    public AsyncServiceScope Scope() => Factory.Services.CreateAsyncScope();

    /// <summary>
    /// Creates a user with <see cref="Password"/> in the given role. Administrators get two-factor sign-in,
    /// as they must; their authenticator key is <see cref="AuthenticatorKeys"/>[email].
    /// </summary>
    public async Task<AppUser> CreateUserAsync(string role, string? email = null)
    {
        await using var scope = Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        email ??= $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@casetracker.test";
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = $"Test {role}" };
        var created = await users.CreateAsync(user, Password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        }
        await users.AddToRoleAsync(user, role);
        if (role == Roles.Administrator)
        {
            await users.ResetAuthenticatorKeyAsync(user);
            AuthenticatorKeys[email] = (await users.GetAuthenticatorKeyAsync(user))!;
            await users.SetTwoFactorEnabledAsync(user, true);
        }
        return user;
    }

    public Dictionary<string, string> AuthenticatorKeys { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The service layer's view of a user created by <see cref="CreateUserAsync"/>.</summary>
    public static Actor ActorOf(AppUser user, params string[] roles) => new(user.Id, user.UserName!, roles.ToHashSet());

    public async ValueTask DisposeAsync()
    {
        if (Factory is not null)
        {
            await Factory.DisposeAsync();
        }
        await _server.DisposeAsync();
    }
}
