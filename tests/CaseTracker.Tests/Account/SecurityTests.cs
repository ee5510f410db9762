using System.Net;
using CaseTracker.Core.Accounts;
using CaseTracker.Core.Auditing;
using CaseTracker.Core.Cases;
using CaseTracker.Core.Common;
using CaseTracker.Tests.Cases;
using CaseTracker.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CaseTracker.Tests.Account;

public sealed class SecurityTests(TestApp app) : IntegrationTest(app)
{
    private async Task<HttpResponseMessage> TryPasswordAsync(UserClient client, string email, string password)
    {
        var form = await client.GetFormAsync("/Account/Login");
        form["Input.Email"] = email;
        form["Input.Password"] = password;
        return await client.PostAsync(form);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_for_the_right_password()
    {
        var user = await App.CreateUserAsync(Roles.Caseworker);
        using var client = App.CreateUserClient();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await TryPasswordAsync(client, user.Email!, "wrong password number " + i)).StatusCode);
        }

        var response = await TryPasswordAsync(client, user.Email!, TestApp.Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("blocked for 15 minutes", (await UserClient.ParseAsync(response)).QuerySelector(".validation-summary-errors").Text());
        // Four failures, the fifth locks the account, and the right password is then refused too.
        Assert.Equal(4, await WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == AuditActions.SignInFailed && e.UserId == user.Id, Ct)));
        Assert.Equal(2, await WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == AuditActions.SignInLockedOut && e.UserId == user.Id, Ct)));
    }

    [Fact]
    public async Task Too_many_sign_in_attempts_from_one_address_get_429()
    {
        await using var limited = App.Factory.WithWebHostBuilder(b => b.UseSetting("CaseTracker:LoginAttemptsPerMinute", "3"));
        using var client = App.CreateUserClient(limited);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await TryPasswordAsync(client, "someone@casetracker.test", "not a real password")).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task After_sign_out_a_copy_of_the_old_cookie_is_refused_by_the_server()
    {
        var (client, _) = await SignInAsync();
        var cookie = client.CookieHeader();
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/Cases", Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync(await client.GetFormAsync("/Account/Logout"))).StatusCode);

        using var replay = App.Factory.CreateDefaultClient(new Uri("http://localhost"));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Cases");
        request.Headers.Add("Cookie", cookie);
        var response = await replay.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Sign_in_issues_a_new_session_cookie()
    {
        var user = await App.CreateUserAsync(Roles.Caseworker);
        using var client = App.CreateUserClient();
        await client.SignInAsync(user.Email!, TestApp.Password);
        var first = client.CookieHeader();
        await client.SignInAsync(user.Email!, TestApp.Password);

        Assert.NotEqual(first, client.CookieHeader());
    }

    [Fact]
    public async Task A_disabled_user_is_signed_out_at_the_next_request_and_cannot_sign_in()
    {
        var (client, user) = await SignInAsync();
        var (admin, _) = await SignInAsync(Roles.Administrator);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/Cases", Ct)).StatusCode);

        var form = await admin.GetFormAsync($"/Admin/Users/Edit?id={user.Id}", "form[action*='handler=Disable']");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync(form)).StatusCode);

        var response = await client.Http.GetAsync("/Cases", Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery);
        var again = await TryPasswordAsync(client, user.Email!, TestApp.Password);
        Assert.Contains(Web.Pages.Account.LoginModel.FailedMessage, (await UserClient.ParseAsync(again)).QuerySelector(".validation-summary-errors").Text());
        Assert.True(await WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == AuditActions.UserDisabled && e.EntityId == user.Id, Ct)));
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused_with_400_and_changes_nothing()
    {
        var (client, _) = await SignInAsync();
        var form = await client.GetFormAsync("/Cases/Create");
        form["__RequestVerificationToken"] = null;
        form["Input.Title"] = "Forged";
        form["Input.People[0].FamilyName"] = "Forged";

        var response = await client.PostAsync(form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await WithDbAsync(db => db.Cases.CountAsync(Ct)));
    }

    [Theory]
    [InlineData("/Account/Login")]
    [InlineData("/Cases")]
    public async Task Responses_carry_the_browser_security_headers(string url)
    {
        var (client, _) = await SignInAsync();

        var response = await client.Http.GetAsync(url, Ct);

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task Session_cookies_are_http_only_and_same_site()
    {
        var user = await App.CreateUserAsync(Roles.Caseworker);
        using var client = App.CreateUserClient();
        var form = await client.GetFormAsync("/Account/Login");
        form["Input.Email"] = user.Email;
        form["Input.Password"] = TestApp.Password;

        var response = await client.PostAsync(form);

        // The first Set-Cookie ends any earlier session; the last one is the new session.
        var auth = response.Headers.GetValues("Set-Cookie").Last(c => c.StartsWith("CaseTracker.Auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", auth, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_audit_holds_one_row_per_view_change_export_and_denial()
    {
        var (client, user) = await SignInAsync();
        var actor = TestApp.ActorOf(user, Roles.Caseworker);
        var created = await CreatedAsync(CaseBuilder.Spouse(), actor);

        await client.GetPageAsync($"/Cases/{created.Id}");
        var form = await client.GetFormAsync($"/Cases/{created.Id}/Edit");
        form["Input.RefusalCount"] = "7";
        form["Input.People[0].City"] = "Riga";
        await client.PostAsync(form);
        await client.Http.GetStringAsync("/Cases/Export?category=SeparatedSpouse", Ct);
        await client.Http.GetAsync("/Audit", Ct);

        var events = await WithDbAsync(db => db.AuditEvents.Where(e => e.UserId == user.Id).OrderBy(e => e.Id).ToListAsync(Ct));
        Assert.Equal(2, events.Count(e => e.Action == AuditActions.CaseViewed && e.CaseId == created.Id));
        var change = Assert.Single(events, e => e.Action == AuditActions.CaseUpdated);
        var changes = change.Details!.RootElement.GetProperty("changes").EnumerateArray().Select(c => c.GetRawText()).ToList();
        Assert.Contains(changes, c => c.Contains("\"RefusalCount\"", StringComparison.Ordinal) && c.Contains("\"3\"", StringComparison.Ordinal) && c.Contains("\"7\"", StringComparison.Ordinal));
        Assert.Contains(changes, c => c.Contains("City", StringComparison.Ordinal) && c.Contains("Moscow", StringComparison.Ordinal) && c.Contains("Riga", StringComparison.Ordinal));
        var export = Assert.Single(events, e => e.Action == AuditActions.CasesExported);
        Assert.Equal(1, export.Details!.RootElement.GetProperty("rows").GetInt32());
        Assert.Equal("SeparatedSpouse", export.Details.RootElement.GetProperty("filter").GetProperty("category").GetString());
        var denial = Assert.Single(events, e => e.Action == AuditActions.AccessDenied);
        Assert.Contains("/Audit", denial.Details!.RootElement.GetRawText(), StringComparison.Ordinal);
        Assert.Single(events, e => e.Action == AuditActions.CaseCreated);
    }

    [Fact]
    public async Task The_history_page_shows_the_case_changes_to_those_who_may_see_the_case()
    {
        var (client, user) = await SignInAsync();
        var actor = TestApp.ActorOf(user, Roles.Caseworker);
        var created = await CreatedAsync(CaseBuilder.Spouse(), actor);
        var form = await client.GetFormAsync($"/Cases/{created.Id}/Edit");
        form["Input.Title"] = "A new title";
        await client.PostAsync(form);

        var page = await client.GetPageAsync($"/Cases/{created.Id}/History");

        var table = page.QuerySelector("[data-testid=audit-table]").Text();
        Assert.Contains("case.updated", table);
        Assert.Contains("A new title", table);
        Assert.Contains("case.created", table);
    }

    [Fact]
    public async Task The_database_refuses_to_update_or_delete_audit_rows_for_the_application()
    {
        var user = await App.CreateUserAsync(Roles.Caseworker);
        await using (var scope = App.Scope())
        {
            var audit = scope.ServiceProvider.GetRequiredService<AuditTrail>();
            await audit.RecordAsync(TestApp.ActorOf(user), "test.event", ct: Ct);
        }

        // The application's own connection string, as the app uses it.
        await using var conn = new NpgsqlConnection(App.ConnectionString);
        await conn.OpenAsync(Ct);
        foreach (var sql in new[] { "UPDATE audit_events SET action = 'tampered'", "DELETE FROM audit_events", "TRUNCATE audit_events" })
        {
            await using var cmd = new NpgsqlCommand(sql, conn);
            var error = await Assert.ThrowsAsync<PostgresException>(() => cmd.ExecuteNonQueryAsync(Ct));
            Assert.Contains("append-only", error.MessageText, StringComparison.Ordinal);
        }
        Assert.Equal("test.event", await WithDbAsync(db => db.AuditEvents.Select(e => e.Action).SingleAsync(Ct)));
    }

    [Theory]
    [InlineData("short pass", "at least 12")]
    [InlineData("passwordpassword", "too common")]
    [InlineData("Password1234!", "too common")]
    [InlineData("aaaaaaaaaaaaaaaa", "too common")]
    [InlineData("abcdefghijklmnop", "too common")]
    [InlineData("qwerty qwerty 2024", "too common")]
    public void Weak_passwords_are_refused_with_a_reason(string password, string reason) =>
        Assert.Contains(PasswordPolicy.Check(password), p => p.Contains(reason, StringComparison.Ordinal));

    [Theory]
    [InlineData("Seven lanterns over Riga 1985")]
    [InlineData("quiet rivers carry old letters home")]
    [InlineData("twelve chars")]
    public void Long_passphrases_without_composition_rules_are_accepted(string password) =>
        Assert.Empty(PasswordPolicy.Check(password));

    [Fact]
    public void The_documented_demo_password_meets_the_policy() =>
        Assert.Empty(PasswordPolicy.Check(Web.HostCommands.DefaultDemoPassword, "caseworker@casetracker.local", "Anna Novak"));

    [Fact]
    public void Passwords_built_from_ones_own_name_are_refused() =>
        Assert.NotEmpty(PasswordPolicy.Check("novakanna1234", "anna.novak@casetracker.local", "Anna Novak"));
}
