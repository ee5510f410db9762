using System.Net;
using CaseTracker.Core.Accounts;
using CaseTracker.Tests.Infrastructure;

namespace CaseTracker.Tests.Account;

public sealed class AccessTests(TestApp app) : IntegrationTest(app)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/Cases")]
    [InlineData("/Cases?q=Sakharov")]
    [InlineData("/Cases/1")]
    [InlineData("/Cases/1/Edit")]
    [InlineData("/Cases/Create")]
    [InlineData("/Cases/Export")]
    [InlineData("/Account/Logout")]
    [InlineData("/Cases/1/History")]
    [InlineData("/Audit")]
    [InlineData("/Admin/Users")]
    [InlineData("/Account/Manage/TwoFactor")]
    public async Task Every_page_needs_a_signed_in_user(string url)
    {
        using var client = App.CreateClient();

        var response = await client.GetAsync(url, Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Anonymous_cannot_post_forms_either()
    {
        using var client = App.CreateClient();
        var response = await client.PostAsync("/Cases/Create", new FormUrlEncodedContent([new("Input.Title", "x")]), Ct);
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Sign_in_with_a_wrong_password_or_unknown_user_gives_the_same_answer()
    {
        var user = await App.CreateUserAsync(Roles.Caseworker);
        using var client = App.CreateUserClient();

        var wrong = await client.GetFormAsync("/Account/Login");
        wrong["Input.Email"] = user.Email;
        wrong["Input.Password"] = "not the password at all";
        var wrongPage = await UserClient.ParseAsync(await client.PostAsync(wrong));

        var unknown = await client.GetFormAsync("/Account/Login");
        unknown["Input.Email"] = "nobody@casetracker.test";
        unknown["Input.Password"] = "not the password at all";
        var unknownPage = await UserClient.ParseAsync(await client.PostAsync(unknown));

        var message = wrongPage.QuerySelector(".validation-summary-errors").Text();
        Assert.Contains("not correct", message);
        Assert.Equal(message, unknownPage.QuerySelector(".validation-summary-errors").Text());
    }

    [Fact]
    public async Task Signed_in_caseworker_sees_the_case_list_with_name_and_role_in_the_header()
    {
        var (client, _) = await SignInAsync(Roles.Caseworker);

        var page = await client.GetPageAsync("/Cases");

        Assert.Contains("Test Caseworker", page.QuerySelector("[data-testid=current-user]").Text());
        Assert.Contains("Caseworker", page.QuerySelector("[data-testid=current-user] .badge").Text());
    }

    [Fact]
    public async Task An_administrator_without_case_work_role_is_refused_case_pages()
    {
        var (client, _) = await SignInAsync(Roles.Administrator);

        var response = await client.Http.GetAsync("/Cases", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Sign_out_ends_the_session()
    {
        var (client, _) = await SignInAsync();
        var form = await client.GetFormAsync("/Account/Logout");
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync(form)).StatusCode);

        var response = await client.Http.GetAsync("/Cases", Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery);
    }
}
