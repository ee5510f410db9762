using System.Net;
using CaseTracker.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Npgsql;

namespace CaseTracker.Tests.Operations;

public sealed class HealthTests(TestApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task Live_and_ready_answer_200_without_sign_in_on_a_migrated_database()
    {
        using var client = App.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready", Ct)).StatusCode);
    }

    [Fact]
    public async Task Ready_is_503_on_an_unmigrated_database_while_live_stays_200()
    {
        var empty = await App.Server.CreateDatabaseAsync("casetracker_unmigrated");
        await using var factory = App.Factory.WithWebHostBuilder(b => b.UseSetting("ConnectionStrings:CaseTracker", empty));
        using var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live", Ct)).StatusCode);
    }

    [Fact]
    public async Task Ready_is_503_when_the_database_cannot_be_reached()
    {
        var unreachable = new NpgsqlConnectionStringBuilder(App.ConnectionString) { Port = 1, Timeout = 2 }.ConnectionString;
        await using var factory = App.Factory.WithWebHostBuilder(b => b.UseSetting("ConnectionStrings:CaseTracker", unreachable));
        using var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready", Ct)).StatusCode);
    }

    [Fact]
    public async Task In_production_the_app_refuses_to_start_on_an_unmigrated_database_with_a_clear_message()
    {
        var empty = await App.Server.CreateDatabaseAsync("casetracker_unmigrated");
        var dll = typeof(Program).Assembly.Location;
        var psi = new System.Diagnostics.ProcessStartInfo("dotnet", $"\"{dll}\"")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        psi.Environment["ConnectionStrings__CaseTracker"] = empty;
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        psi.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        using var process = System.Diagnostics.Process.Start(psi)!;
        var output = process.StandardOutput.ReadToEndAsync(Ct);
        var errors = process.StandardError.ReadToEndAsync(Ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(3, process.ExitCode);
        Assert.Contains("not migrated", await output + await errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_the_database_is_down_pages_answer_503_with_a_clear_message_and_no_stack_trace()
    {
        var unreachable = new NpgsqlConnectionStringBuilder(App.ConnectionString) { Port = 1, Timeout = 2 }.ConnectionString;
        await using var factory = App.Factory.WithWebHostBuilder(b => b.UseSetting("ConnectionStrings:CaseTracker", unreachable));
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/Account/Login", Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Temporarily unavailable", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
    }
}
