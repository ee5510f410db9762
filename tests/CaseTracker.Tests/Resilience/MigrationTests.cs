using System.Diagnostics;
using CaseTracker.Core.Demo;
using CaseTracker.Core.Persistence;
using CaseTracker.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CaseTracker.Tests.Resilience;

/// <summary>
/// The migrations as operations run them: the app's own <c>migrate</c> command on an empty database and again on a
/// migrated one; an upgrade from the previous migration with data in it; and the idempotent SQL script, applied
/// twice, giving the same schema as the migrations.
/// </summary>
public sealed class MigrationTests(TestApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task The_migrate_command_migrates_an_empty_database_and_a_second_run_applies_nothing()
    {
        var cs = await App.Server.CreateDatabaseAsync("casetracker_migrate");

        var first = await RunMigrateCommandAsync(cs);
        var second = await RunMigrateCommandAsync(cs);

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        var all = await WithContextAsync(cs, db => Task.FromResult(db.Database.GetMigrations().Count()));
        Assert.Contains($"{all} migration(s) applied", first.Output, StringComparison.Ordinal);
        Assert.Contains("0 migration(s) applied", second.Output, StringComparison.Ordinal);
        Assert.Empty(await WithContextAsync(cs, async db => (await db.Database.GetPendingMigrationsAsync(Ct)).ToList()));
        Assert.Equal(await SchemaAsync(App.ConnectionString), await SchemaAsync(cs));
    }

    [Fact]
    public async Task A_database_at_the_previous_migration_with_data_is_upgraded_to_the_latest_keeping_its_rows()
    {
        var cs = await App.Server.CreateDatabaseAsync("casetracker_previous");
        await using var factory = App.Factory.WithWebHostBuilder(b => b.UseSetting("ConnectionStrings:CaseTracker", cs));
        var migrations = await WithContextAsync(cs, db => Task.FromResult(db.Database.GetMigrations().ToList()));
        Assert.True(migrations.Count >= 2);
        await WithContextAsync(cs, async db =>
        {
            await db.GetService<IMigrator>().MigrateAsync(migrations[^2], Ct);
            return 0;
        });
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync("Previous-migration-data-1985", Ct));
        }
        var before = await CountsAsync(cs);

        await WithContextAsync(cs, async db =>
        {
            await db.Database.MigrateAsync(Ct);
            return 0;
        });

        Assert.Empty(await WithContextAsync(cs, async db => (await db.Database.GetPendingMigrationsAsync(Ct)).ToList()));
        Assert.True(before["cases"] > 100, "the demo data was loaded at the previous migration");
        Assert.Equal(before, await CountsAsync(cs));
        Assert.Equal(await SchemaAsync(App.ConnectionString), await SchemaAsync(cs));
    }

    [Fact]
    public async Task The_idempotent_script_applied_twice_gives_the_same_schema_as_the_migrations()
    {
        var script = await WithContextAsync(App.ConnectionString, db =>
            Task.FromResult(db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent)));
        var cs = await App.Server.CreateDatabaseAsync("casetracker_script");

        await ExecuteAsync(cs, script);
        await ExecuteAsync(cs, script);

        Assert.Equal(await SchemaAsync(App.ConnectionString), await SchemaAsync(cs));
        Assert.Empty(await WithContextAsync(cs, async db => (await db.Database.GetPendingMigrationsAsync(Ct)).ToList()));
    }

    private async Task<T> WithContextAsync<T>(string connectionString, Func<CaseTrackerDbContext, Task<T>> work)
    {
        var options = new DbContextOptionsBuilder<CaseTrackerDbContext>();
        DatabaseSetup.Configure(options, connectionString);
        await using var db = new CaseTrackerDbContext(options.Options);
        return await work(db);
    }

    private static async Task<(int ExitCode, string Output)> RunMigrateCommandAsync(string connectionString)
    {
        var dll = typeof(Program).Assembly.Location;
        var psi = new ProcessStartInfo("dotnet", $"\"{dll}\" migrate")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        psi.Environment["ConnectionStrings__CaseTracker"] = connectionString;
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        using var process = Process.Start(psi)!;
        var output = process.StandardOutput.ReadToEndAsync(Ct);
        var errors = process.StandardError.ReadToEndAsync(Ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await errors);
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync(Ct);
        await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 300 };
        await cmd.ExecuteNonQueryAsync(Ct);
    }

    private static async Task<Dictionary<string, long>> CountsAsync(string connectionString)
    {
        var counts = new Dictionary<string, long>();
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync(Ct);
        foreach (var table in new[] { "cases", "persons", "case_people", "case_events", "case_tasks", "lists", "list_entries", "users", "audit_events" })
        {
            await using var cmd = new NpgsqlCommand($"SELECT count(*) FROM {table}", conn);
            counts[table] = (long)(await cmd.ExecuteScalarAsync(Ct))!;
        }
        return counts;
    }

    /// <summary>The schema as text (whitespace collapsed): columns, constraints, indexes, views, functions, triggers, extensions, applied migrations.</summary>
    private static async Task<string> SchemaAsync(string connectionString)
    {
        const string sql = """
            SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '')
              FROM information_schema.columns WHERE table_schema = 'public'
            UNION ALL SELECT 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
              FROM pg_constraint WHERE connamespace = 'public'::regnamespace
            UNION ALL SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public'
            UNION ALL SELECT 'matview ' || matviewname || ' ' || definition FROM pg_matviews WHERE schemaname = 'public'
            UNION ALL SELECT 'view ' || viewname || ' ' || definition FROM pg_views WHERE schemaname = 'public'
            UNION ALL SELECT 'function ' || p.proname || ' ' || pg_get_functiondef(p.oid) FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace AND p.prokind = 'f'
            UNION ALL SELECT 'trigger ' || tgrelid::regclass || ' ' || tgname FROM pg_trigger WHERE NOT tgisinternal
            UNION ALL SELECT 'extension ' || extname FROM pg_extension
            UNION ALL SELECT 'sequence ' || sequence_name FROM information_schema.sequences WHERE sequence_schema = 'public'
            UNION ALL SELECT 'migration ' || migration_id FROM "__EFMigrationsHistory"
            ORDER BY 1
            """;
        var lines = new List<string>();
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync(Ct);
        await using var cmd = new NpgsqlCommand(sql, conn);
        await using var reader = await cmd.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            // Whitespace aside: the idempotent script indents the SQL it wraps in DO blocks, function bodies included.
            lines.Add(System.Text.RegularExpressions.Regex.Replace(reader.GetString(0), @"\s+", " ").Trim());
        }
        return string.Join('\n', lines);
    }
}
