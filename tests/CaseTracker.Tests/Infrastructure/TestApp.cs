using CaseTracker.Core.Accounts;
using CaseTracker.Core.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
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
    public const string Password = "correct horse battery staple";

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
            TablesToIgnore = ["__EFMigrationsHistory", "roles"],
        });
    }

    public async Task ResetAsync()
    {
        await using var conn = new NpgsqlConnection(ConnectionString);
        await conn.OpenAsync();
        await _respawner!.ResetAsync(conn);
    }

    public HttpClient CreateClient() => Factory.CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = true,
    });

    public AsyncServiceScope Scope() => Factory.Services.CreateAsyncScope();

    /// <summary>Creates a user with <see cref="Password"/> in the given role.</summary>
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
        return user;
    }

    public async ValueTask DisposeAsync()
    {
        if (Factory is not null)
        {
            await Factory.DisposeAsync();
        }
        await _server.DisposeAsync();
    }
}
