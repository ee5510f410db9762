using CaseTracker.Core.Persistence;
using CaseTracker.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CaseTracker.Tests.Operations;

/// <summary>The settings the app adds to its connection string (DatabaseSetup.Tuned), seen from the server.</summary>
public sealed class ConnectionSettingsTests(TestApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task Statements_the_app_repeats_are_prepared_on_the_server_and_jit_is_off()
    {
        var settings = new NpgsqlConnectionStringBuilder(await WithDbAsync(db => Task.FromResult(db.Database.GetConnectionString()!)));
        Assert.Equal(DatabaseSetup.AutoPrepared, settings.MaxAutoPrepare);
        Assert.True(settings.NoResetOnClose);

        var (prepared, jit) = await WithDbAsync(async db =>
        {
            await db.Database.OpenConnectionAsync(Ct);
            for (var i = 0; i < 3; i++)
            {
                await db.Cases.Where(c => c.Id > i).CountAsync(Ct);
            }
            var statements = await db.Database.SqlQuery<string>($"SELECT statement AS \"Value\" FROM pg_prepared_statements").ToListAsync(Ct);
            var jitSetting = await db.Database.SqlQuery<string>($"SELECT current_setting('jit') AS \"Value\"").SingleAsync(Ct);
            return (statements, jitSetting);
        });
        Assert.Contains(prepared, s => s.Contains("FROM cases", StringComparison.Ordinal));
        Assert.Equal("off", jit);

        // A connection string that sets its own preparation keeps it.
        var own = new NpgsqlConnectionStringBuilder(DatabaseSetup.Tuned(App.ConnectionString + ";Max Auto Prepare=5"));
        Assert.Equal(5, own.MaxAutoPrepare);
    }

    [Fact]
    public void EF_Cores_thread_safety_check_is_on_in_development_and_the_tests_and_off_in_production()
    {
        static bool ChecksOf(IServiceProvider services) =>
            services.GetRequiredService<DbContextOptions<CaseTrackerDbContext>>()
                .FindExtension<Microsoft.EntityFrameworkCore.Infrastructure.CoreOptionsExtension>()!.ThreadSafetyChecksEnabled;

        // This app runs as Development: two operations at once on one context would throw here.
        Assert.True(ChecksOf(App.Factory.Services));

        // The app as it is composed in production.
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder(
            new Microsoft.AspNetCore.Builder.WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration["ConnectionStrings:CaseTracker"] = App.ConnectionString;
        CaseTracker.Web.ServiceSetup.AddCaseTracker(builder);
        using var production = builder.Services.BuildServiceProvider();
        Assert.False(ChecksOf(production));
    }
}
