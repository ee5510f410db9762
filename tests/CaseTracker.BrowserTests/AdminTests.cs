using System.Text.RegularExpressions;
using CaseTracker.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CaseTracker.BrowserTests;

/// <summary>Flow 5: an administrator disables an account, and that user's open session ends at once.</summary>
public sealed partial class AdminTests(AppServer app) : BrowserTest(app)
{
    private const string NewUserPassword = "Seven lanterns over Riga 1985";

    [Fact]
    public async Task Disabling_a_user_ends_their_open_session()
    {
        // The administrator signs in with two-factor sign-in (turning it on at the first sign-in) and invites a caseworker.
        var admin = await SignedInPageAsync(AppServer.Administrator);
        await admin.GotoAsync("/Admin/Users");
        await Expect(admin.GetByTestId("user-table")).ToBeVisibleAsync();
        await AssertAccessibleAsync(admin, "/Admin/Users");

        var tag = Unique.Tag();
        var email = $"browser-{tag}@casetracker.test";
        await admin.GetByRole(AriaRole.Link, new() { Name = "Invite a user" }).ClickAsync();
        await admin.Locator("#Input_DisplayName").FillAsync($"Browser Test {tag}");
        await admin.Locator("#Input_Email").FillAsync(email);
        await admin.Locator("#role-Caseworker").CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Create and get invitation link" }).ClickAsync();
        var link = (await admin.GetByTestId("invitation-link").InnerTextAsync()).Trim();

        // The new caseworker, in another browser, sets a password, signs in and works.
        var user = await NewPageAsync();
        await user.GotoAsync(link);
        await user.Locator("#Password").FillAsync(NewUserPassword);
        await user.Locator("#Confirm").FillAsync(NewUserPassword);
        await user.GetByRole(AriaRole.Button, new() { Name = "Set password" }).ClickAsync();
        await Expect(user.GetByRole(AriaRole.Status)).ToContainTextAsync("Your password is set.");
        await SignInAsync(user, email, NewUserPassword);
        await user.GotoAsync("/Cases");
        await Expect(user.GetByTestId("case-table")).ToBeVisibleAsync();

        // The administrator disables the account.
        await admin.GotoAsync("/Admin/Users");
        await admin.GetByTestId("user-table").GetByRole(AriaRole.Row).Filter(new() { HasText = email })
            .GetByRole(AriaRole.Link, new() { Name = "Manage" }).ClickAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Disable account" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Button, new() { Name = "Enable account" })).ToBeVisibleAsync();
        await admin.GotoAsync("/Admin/Users");
        await Expect(admin.GetByTestId("user-table").GetByRole(AriaRole.Row).Filter(new() { HasText = email })).ToContainTextAsync("Disabled");

        // The user's next step lands on the sign-in page, and signing in again is refused.
        await user.GetByRole(AriaRole.Link, new() { Name = "Lists" }).ClickAsync();
        await Expect(user).ToHaveURLAsync(LoginPageUrl());
        await Expect(user.GetByTestId("current-user")).ToHaveCountAsync(0);
        await user.Locator("#Input_Email").FillAsync(email);
        await user.Locator("#Input_Password").FillAsync(NewUserPassword);
        await user.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(user).ToHaveURLAsync(LoginPageUrl());
        await Expect(user.GetByTestId("current-user")).ToHaveCountAsync(0);
    }

    [GeneratedRegex(@"/Account/Login(\?.*)?$")]
    private static partial Regex LoginPageUrl();
}
