using System.Net;
using CaseTracker.Core.Accounts;
using CaseTracker.Core.Cases;
using CaseTracker.Core.Common;
using CaseTracker.Core.Demo;
using CaseTracker.Resilience;
using CaseTracker.Tests.Cases;
using CaseTracker.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CaseTracker.Tests.Resilience;

/// <summary>
/// The short forms of scripts/resilience, in-process against the suite's real PostgreSQL: concurrent editors
/// through the real edit form, a CsCheck fuzz of every form, and the regressions the fuzz and the database-restart
/// scenario found.
/// </summary>
public sealed class ResilienceTests(TestApp app) : IntegrationTest(app)
{
    private WebUser NewWebUser() => new(new Uri("http://localhost"), App.Factory.Server.CreateHandler());

    [Fact]
    public async Task Twenty_concurrent_editors_lose_no_update_and_every_loser_is_told()
    {
        var owner = await App.CreateUserAsync(Roles.Caseworker);
        var c = await CreatedAsync(CaseBuilder.Spouse(), owner);
        var editors = new List<WebUser>();
        for (var i = 0; i < 20; i++)
        {
            var editor = NewWebUser();
            Assert.True(await editor.SignInAsync(owner.Email!, TestApp.Password, Ct));
            editors.Add(editor);
        }

        var report = await ConcurrentEdits.RunAsync(editors, c.Id, rounds: 3, App.ConnectionString, Ct);

        Assert.Equal(60, report.Posts);
        Assert.True(report.Saves >= 3, $"at least one save per round, got {report.Saves}");
        Assert.Equal(0, report.Errors);
        Assert.Equal(0, report.LostUpdates);
        Assert.Equal(0, report.SilentFailures);
        Assert.Equal(0, report.ConflictButSaved);
        Assert.Equal(report.Posts, report.Saves + report.ConflictsReported);
        editors.ForEach(e => e.Dispose());
    }

    [Fact]
    public async Task Generated_submissions_to_every_form_get_no_5xx_no_unencoded_echo_and_rejected_ones_change_no_row()
    {
        const string password = "Fuzzing-the-forms-1985";
        await using (var scope = App.Scope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(password, Ct));
        }
        var setup = await FormDiscovery.PrepareAsync(NewWebUser,
            new CaseTracker.Resilience.Account("Caseworker", "caseworker@casetracker.local", password),
            new CaseTracker.Resilience.Account("Supervisor", "supervisor@casetracker.local", password),
            new CaseTracker.Resilience.Account("Administrator", "admin@casetracker.local", password), Ct);
        var keys = setup.Targets.Select(t => t.Key).ToList();
        foreach (var expected in new[] { "POST /Cases/Create", "POST /Cases/{id}/Edit", "?handler=Entry", "?handler=Status", "?handler=Task", "GET /Cases",
                     "GET /People", "POST /Lists [create-list]", "[answer-form]", "POST /Import", "POST /Admin/Users/Create", "POST /Account/Login",
                     "POST /Account/SetPassword", "POST /Account/LoginWith2fa", "POST /Account/Manage/TwoFactor" })
        {
            Assert.Contains(keys, k => k.Contains(expected, StringComparison.Ordinal));
        }

        var report = await new FormFuzzer(App.ConnectionString).RunAsync(setup.Targets, 300, "0000000001G7", setup.SignInAgain, Ct);
        var stored = await FormFuzzer.StoredEchoesAsync(setup.Pages, Ct);

        var problems = string.Join('\n', report.Problems.Take(20));
        Assert.True(report.Submissions == 300, problems);
        Assert.True(report.FiveXx == 0, problems);
        Assert.True(report.UnencodedEcho == 0, problems);
        Assert.True(report.RowsChangedByRejected == 0, problems);
        Assert.True(report.Rejected > 100, $"most generated submissions are refused ({report.Rejected} of 300)");
        Assert.Equal(0, stored);
        foreach (var user in setup.Users)
        {
            user.Dispose();
        }
    }

    [Theory]
    [InlineData("Input.IsInternationallyKnown", "1e5")]
    [InlineData("Input.IsRestricted", "<script>x1</script>")]
    [InlineData("Input.People[0].DeclinesListing", "Щаранский")]
    public async Task An_unreadable_yes_no_value_is_refused_beside_its_field_not_with_a_500(string field, string value)
    {
        var (client, _) = await SignInAsync();
        var form = await client.GetFormAsync("/Cases/Create");
        form["Input.Title"] = "Petrova – joining her husband";
        form[field] = value;

        var response = await client.PostAsync(form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await UserClient.ParseAsync(response);
        Assert.Equal(CaseTracker.Web.SafeModelBinderProvider.UnreadableMessage, page.FieldError(field));
        Assert.DoesNotContain("<script>x1</script>", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(0, await WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Cases, Ct)));
    }

    [Fact]
    public async Task A_search_with_a_nul_character_lists_cases_instead_of_failing()
    {
        var (client, user) = await SignInAsync();
        await WithServiceAsync<CaseService, Result<CaseDetails>>(s => s.CreateAsync(CaseBuilder.Spouse(), TestApp.ActorOf(user, Roles.Caseworker), Ct));

        var page = await client.GetPageAsync("/Cases?q=Petro%00va&Assigned=%00");

        Assert.NotNull(page.QuerySelector("[data-testid=case-table]"));
    }

    [Theory]
    [InlineData("/Audit?to=9999-12-31")]
    [InlineData("/Audit?from=0001-01-01&to=9999-12-31")]
    [InlineData("/Dashboard?from=0001-01-01&to=9999-12-31")]
    public async Task Filters_at_the_ends_of_the_calendar_answer_with_the_page(string url)
    {
        var (client, _) = await SignInAsync(Roles.Supervisor);

        var response = await client.Http.GetAsync(url, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_signed_in_user_gets_the_503_page_when_the_database_stops_answering()
    {
        var (client, _) = await SignInAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/Cases", Ct)).StatusCode);
        var database = new NpgsqlConnectionStringBuilder(App.ConnectionString).Database!;
        await AdminSqlAsync($"ALTER DATABASE \"{database}\" ALLOW_CONNECTIONS false",
            $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}' AND pid <> pg_backend_pid()");
        try
        {
            NpgsqlConnection.ClearAllPools();
            var response = await client.Http.GetAsync("/Cases", Ct);
            var body = await response.Content.ReadAsStringAsync(Ct);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Contains("Temporarily unavailable", body, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        }
        finally
        {
            await AdminSqlAsync($"ALTER DATABASE \"{database}\" ALLOW_CONNECTIONS true");
            NpgsqlConnection.ClearAllPools();
        }
    }

    private async Task AdminSqlAsync(params string[] statements)
    {
        await using var conn = new NpgsqlConnection(App.Server.AdminConnectionString);
        await conn.OpenAsync(Ct);
        foreach (var sql in statements)
        {
            await using var cmd = new NpgsqlCommand(sql, conn);
            await cmd.ExecuteNonQueryAsync(Ct);
        }
    }
}
