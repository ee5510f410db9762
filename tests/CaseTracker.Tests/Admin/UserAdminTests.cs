using System.Diagnostics;
using System.Net;
using CaseTracker.Core.Accounts;
using CaseTracker.Core.Auditing;
using CaseTracker.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseTracker.Tests.Admin;

public sealed class UserAdminTests(TestApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task An_administrator_invites_a_user_who_sets_a_password_and_signs_in_with_the_given_role()
    {
        var (admin, _) = await SignInAsync(Roles.Administrator);
        var form = await admin.GetFormAsync("/Admin/Users/Create");
        form["Input.DisplayName"] = "Irina Volkova";
        form["Input.Email"] = "irina@casetracker.test";
        form["Input.Roles"] = Roles.Supervisor;

        var page = await UserClient.ParseAsync(await admin.PostAsync(form));
        var link = new Uri(page.QuerySelector("[data-testid=invitation-link]").Text());

        using var invited = App.CreateUserClient();
        var setPassword = await invited.GetFormAsync(link.PathAndQuery);
        setPassword["Password"] = "password1234";
        setPassword["Confirm"] = "password1234";
        var refused = await UserClient.ParseAsync(await invited.PostAsync(setPassword));
        Assert.Contains("too common", refused.FieldError("Password"));

        setPassword = Form.Read(refused, link.PathAndQuery);
        setPassword["Password"] = "a walk along the Neva at dawn";
        setPassword["Confirm"] = "a walk along the Neva at dawn";
        var done = await UserClient.ParseAsync(await invited.PostAsync(setPassword));
        Assert.Contains("Your password is set", done.QuerySelector("[role=status]").Text());

        await invited.SignInAsync("irina@casetracker.test", "a walk along the Neva at dawn");
        var header = (await invited.GetPageAsync("/Cases")).QuerySelector("[data-testid=current-user]").Text();
        Assert.Contains("Irina Volkova", header);
        Assert.Contains("Supervisor", header);
        Assert.True(await WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == AuditActions.UserCreated, Ct)));
    }

    [Fact]
    public async Task The_invitation_link_works_once()
    {
        var (admin, _) = await SignInAsync(Roles.Administrator);
        var form = await admin.GetFormAsync("/Admin/Users/Create");
        form["Input.DisplayName"] = "Once Only";
        form["Input.Email"] = "once@casetracker.test";
        var link = new Uri((await UserClient.ParseAsync(await admin.PostAsync(form))).QuerySelector("[data-testid=invitation-link]").Text());
        using var invited = App.CreateUserClient();
        for (var i = 0; i < 2; i++)
        {
            var set = await invited.GetFormAsync(link.PathAndQuery);
            set["Password"] = "first light over Tallinn";
            set["Confirm"] = "first light over Tallinn";
            var page = await UserClient.ParseAsync(await invited.PostAsync(set));
            if (i == 1)
            {
                Assert.Contains("not valid or has expired", page.QuerySelector(".validation-summary-errors").Text());
            }
        }
    }

    [Fact]
    public async Task Invalid_invitations_show_messages_beside_the_fields()
    {
        var (admin, _) = await SignInAsync(Roles.Administrator);
        var form = await admin.GetFormAsync("/Admin/Users/Create");
        form["Input.DisplayName"] = "";
        form["Input.Email"] = "not-an-email";
        form["Input.Roles"] = null;

        var page = await UserClient.ParseAsync(await admin.PostAsync(form));

        Assert.Contains("Enter the name", page.FieldError("Input.DisplayName"));
        Assert.Contains("email address such as", page.FieldError("Input.Email"));
        Assert.Contains("at least one role", page.FieldError("Input.Roles"));
        Assert.Equal(1, await WithDbAsync(db => db.Users.CountAsync(Ct)));
    }

    [Fact]
    public async Task A_role_change_takes_effect_at_the_users_next_request()
    {
        var (client, user) = await SignInAsync(Roles.Caseworker);
        var (admin, _) = await SignInAsync(Roles.Administrator);
        var before = await client.Http.GetAsync("/Audit", Ct);
        Assert.Contains("/Account/AccessDenied", before.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var form = await admin.GetFormAsync($"/Admin/Users/Edit?id={user.Id}", "form[action*='handler=Roles']");
        form["Roles"] = Roles.Supervisor;
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync(form)).StatusCode);

        // The old session carried the old roles: it ends at its next request, and the new sign-in has the new role.
        var next = await client.Http.GetAsync("/Cases", Ct);
        Assert.Contains("/Account/Login", next.Headers.Location!.OriginalString, StringComparison.Ordinal);
        await client.SignInAsync(user.Email!, TestApp.Password);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/Audit", Ct)).StatusCode);
        var entry = await WithDbAsync(db => db.AuditEvents.SingleAsync(e => e.Action == AuditActions.UserRolesChanged, Ct));
        Assert.Contains("Caseworker", entry.Details!.RootElement.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_administrator_must_turn_on_two_factor_before_anything_else()
    {
        var user = await App.CreateUserAsync(Roles.Caseworker);
        await using (var scope = App.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var found = await users.FindByIdAsync(user.Id);
            await users.AddToRoleAsync(found!, Roles.Administrator);
        }
        using var client = App.CreateUserClient();
        await client.SignInAsync(user.Email!, TestApp.Password);

        var response = await client.Http.GetAsync("/Admin/Users", Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Manage/TwoFactor", response.Headers.Location!.OriginalString);

        var setup = await client.GetPageAsync("/Account/Manage/TwoFactor");
        var key = setup.QuerySelector("[data-testid=authenticator-key]").Text().Replace(" ", "", StringComparison.Ordinal);
        var form = Form.Read(setup, "/Account/Manage/TwoFactor");
        form["Code"] = "000000" == Totp.Code(key, DateTimeOffset.UtcNow) ? "111111" : "000000";
        Assert.Contains("not correct", (await UserClient.ParseAsync(await client.PostAsync(form))).FieldError("Code"));
        form["Code"] = Totp.Code(key, DateTimeOffset.UtcNow);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync(form)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/Admin/Users", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_create_admin_command_makes_the_first_administrator_reading_the_password_from_standard_input()
    {
        var dll = typeof(Program).Assembly.Location;
        var psi = new ProcessStartInfo("dotnet", $"\"{dll}\" create-admin --email first.admin@casetracker.test --name \"First Admin\"")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        psi.Environment["ConnectionStrings__CaseTracker"] = App.ConnectionString;
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        using var process = Process.Start(psi)!;
        await process.StandardInput.WriteLineAsync("the first key of the office");
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync(Ct) + await process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);

        Assert.True(process.ExitCode == 0, output);
        Assert.DoesNotContain("the first key of the office", output, StringComparison.Ordinal);
        await using var scope = App.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var admin = await users.FindByEmailAsync("first.admin@casetracker.test");
        Assert.NotNull(admin);
        Assert.True(await users.IsInRoleAsync(admin, Roles.Administrator));
        Assert.True(await users.CheckPasswordAsync(admin, "the first key of the office"));
    }
}
