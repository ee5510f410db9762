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
}
