using System.Net;
using System.Reflection;
using CaseTracker.Core.Accounts;
using CaseTracker.Core.Cases;
using CaseTracker.Core.Common;
using CaseTracker.Tests.Cases;
using CaseTracker.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CaseTracker.Tests.Account;

/// <summary>
/// Every Razor Page handler, found by reflection over the app's page endpoints, requested by every kind
/// of user, and for case pages with an own, a foreign restricted and a missing case: no unexpected 2xx,
/// and the canary planted in the restricted case never shows to those who may not see it.
/// </summary>
public sealed class AuthorizationMatrixTests(TestApp app) : IntegrationTest(app)
{
    private const string Canary = "Zzcanaryqx";
    private const string Anonymous = "anonymous";

    /// <summary>Who may use each page. A page missing here fails the test: give it a policy and list it.</summary>
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["/Index"] = [Roles.Caseworker, Roles.Supervisor, Roles.Administrator],
        ["/Cases/Index"] = [Roles.Caseworker, Roles.Supervisor],
        ["/Cases/Details"] = [Roles.Caseworker, Roles.Supervisor],
        ["/Cases/Edit"] = [Roles.Caseworker, Roles.Supervisor],
        ["/Cases/Create"] = [Roles.Caseworker, Roles.Supervisor],
        ["/Cases/Export"] = [Roles.Caseworker, Roles.Supervisor],
        ["/Cases/History"] = [Roles.Caseworker, Roles.Supervisor],
        ["/Cases/Suggest"] = [Roles.Caseworker, Roles.Supervisor],
        ["/People/Index"] = [Roles.Caseworker, Roles.Supervisor],
        ["/Lists/Index"] = [Roles.Caseworker, Roles.Supervisor],
        ["/Lists/Details"] = [Roles.Caseworker, Roles.Supervisor],
        ["/Lists/Answer"] = [Roles.Caseworker, Roles.Supervisor],
        ["/Lists/Export"] = [Roles.Caseworker, Roles.Supervisor],
        ["/Lists/Print"] = [Roles.Caseworker, Roles.Supervisor],
        ["/Lists/Reconcile"] = [Roles.Caseworker, Roles.Supervisor],
        ["/People/Details"] = [Roles.Caseworker, Roles.Supervisor],
        ["/People/Suggest"] = [Roles.Caseworker, Roles.Supervisor],
        ["/Import/Index"] = [Roles.Caseworker, Roles.Supervisor],
        ["/Audit/Index"] = [Roles.Supervisor, Roles.Administrator],
        ["/Dashboard/Index"] = [Roles.Supervisor, Roles.Administrator],
        ["/Dashboard/Export"] = [Roles.Supervisor, Roles.Administrator],
        ["/Admin/Users/Index"] = [Roles.Administrator],
        ["/Admin/Users/Create"] = [Roles.Administrator],
        ["/Admin/Users/Edit"] = [Roles.Administrator],
        ["/Account/Manage/TwoFactor"] = [Roles.Caseworker, Roles.Supervisor, Roles.Administrator],
        ["/Account/Logout"] = [Roles.Caseworker, Roles.Supervisor, Roles.Administrator],
        ["/Account/Login"] = [Anonymous, Roles.Caseworker, Roles.Supervisor, Roles.Administrator],
        ["/Account/LoginWith2fa"] = [Anonymous, Roles.Caseworker, Roles.Supervisor, Roles.Administrator],
        ["/Account/SetPassword"] = [Anonymous, Roles.Caseworker, Roles.Supervisor, Roles.Administrator],
        ["/Account/AccessDenied"] = [Anonymous, Roles.Caseworker, Roles.Supervisor, Roles.Administrator],
        ["/Error"] = [Anonymous, Roles.Caseworker, Roles.Supervisor, Roles.Administrator],
        ["/StatusCode"] = [Anonymous, Roles.Caseworker, Roles.Supervisor, Roles.Administrator],
    };

    private sealed record Handler(string Page, string Template, string Verb, string? Name);

    private IReadOnlyList<Handler> DiscoverHandlers()
    {
        var endpoints = App.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        var handlers = new List<Handler>();
        foreach (var endpoint in endpoints)
        {
            var page = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.CompiledPageActionDescriptor>();
            if (page is null || page.HandlerTypeInfo is null)
            {
                continue;
            }
            foreach (var method in page.HandlerTypeInfo.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                         .Where(m => m.Name.StartsWith("OnGet", StringComparison.Ordinal) || m.Name.StartsWith("OnPost", StringComparison.Ordinal)))
            {
                var verb = method.Name.StartsWith("OnGet", StringComparison.Ordinal) ? "GET" : "POST";
                var name = method.Name[(verb == "GET" ? 5 : 6)..].Replace("Async", "", StringComparison.Ordinal);
                handlers.Add(new Handler(page.ViewEnginePath, endpoint.RoutePattern.RawText ?? "", verb, name.Length == 0 ? null : name));
            }
        }
        return handlers.DistinctBy(h => (h.Page, h.Verb, h.Name)).ToList();
    }

    [Fact]
    public void Every_page_has_an_expected_access_rule_and_every_page_model_is_reached()
    {
        var pages = DiscoverHandlers().Select(h => h.Page).Distinct().ToList();
        var models = typeof(Program).Assembly.GetTypes().Count(t => t.IsSubclassOf(typeof(PageModel)) && !t.IsAbstract);

        Assert.All(pages, p => Assert.True(Allowed.ContainsKey(p), $"{p} has no entry in the authorization matrix"));
        Assert.Equal(models, pages.Count);
    }

    [Fact]
    public async Task No_unexpected_2xx_and_no_leak_of_a_restricted_case_across_every_handler()
    {
        var caseworker = await App.CreateUserAsync(Roles.Caseworker);
        var colleague = await App.CreateUserAsync(Roles.Caseworker);
        var supervisor = await App.CreateUserAsync(Roles.Supervisor);
        var admin = await App.CreateUserAsync(Roles.Administrator);
        var managed = await App.CreateUserAsync(Roles.Caseworker);
        var own = await CreateCaseAsync(caseworker, restricted: false, "Ownfamily");
        var restricted = await CreateCaseAsync(colleague, restricted: true, Canary);

        var clients = new Dictionary<string, UserClient>
        {
            [Anonymous] = App.CreateUserClient(),
            [Roles.Caseworker] = await SignedInAsync(caseworker),
            [Roles.Supervisor] = await SignedInAsync(supervisor),
            [Roles.Administrator] = await SignedInAsync(admin),
        };
        var tokens = new Dictionary<string, string?>();
        foreach (var (role, client) in clients)
        {
            tokens[role] = role == Anonymous ? null : (await client.GetFormAsync("/Account/Manage/TwoFactor"))["__RequestVerificationToken"];
        }

        var handlers = DiscoverHandlers();
        var problems = new List<string>();
        var requests = 0;
        foreach (var handler in handlers.Where(h => h.Page != "/Account/Logout" || h.Verb == "GET"))
        {
            var ids = !handler.Template.Contains("{id", StringComparison.Ordinal) ? [("none", 0)]
                : handler.Page.StartsWith("/People/", StringComparison.Ordinal)
                    ? new[] { ("own", own.People[0].PersonId), ("restricted", restricted.People[0].PersonId), ("missing", 999_999) }
                    : new[] { ("own", own.Id), ("restricted", restricted.Id), ("missing", 999_999) };
            foreach (var (role, client) in clients)
            {
                foreach (var (kind, id) in ids)
                {
                    var url = "/" + handler.Template.Replace("{id:int}", id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
                    if (handler.Name is not null)
                    {
                        url += "?handler=" + handler.Name;
                    }
                    if (handler.Page == "/Admin/Users/Edit")
                    {
                        url += (url.Contains('?') ? "&" : "?") + "id=" + managed.Id;
                    }
                    var response = handler.Verb == "GET"
                        ? await client.Http.GetAsync(url, Ct)
                        : await client.Http.PostAsync(url, new FormUrlEncodedContent(tokens[role] is { } t ? [new("__RequestVerificationToken", t)] : []), Ct);
                    requests++;
                    var body = await response.Content.ReadAsStringAsync(Ct);
                    var allowed = Allowed[handler.Page].Contains(role);
                    var mayReachCase = kind != "restricted" || role == Roles.Supervisor;
                    var success = (int)response.StatusCode is >= 200 and < 300;
                    if (success && (!allowed || (kind == "restricted" && !mayReachCase) || kind == "missing"))
                    {
                        problems.Add($"{role} {handler.Verb} {url} ({kind}): unexpected {(int)response.StatusCode}");
                    }
                    if (!mayReachCase && body.Contains(Canary, StringComparison.OrdinalIgnoreCase))
                    {
                        problems.Add($"{role} {handler.Verb} {url} ({kind}): the restricted case's canary leaked");
                    }
                }
            }
        }

        // Lists, search and exports: the restricted case is absent for the caseworker, present for the supervisor.
        foreach (var url in new[] { "/Cases/Export", $"/Cases/Export?q={Canary}", "/Cases/Export?category=SeparatedSpouse", $"/Cases/Suggest?q={Canary}", $"/People/Suggest?q={Canary}", "/People/Suggest?q=%D0%9A%D0%B0%D0%BD%D0%B0%D1%80%D0%B5%D0%B9%D0%BA%D0%B8%D0%BD%D0%B0" })
        {
            var csv = await clients[Roles.Caseworker].Http.GetStringAsync(url, Ct);
            Assert.DoesNotContain(Canary, csv, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(restricted.Reference, csv, StringComparison.Ordinal);
            requests++;
        }
        foreach (var url in new[] { "/Cases", $"/Cases?q={Canary}", "/Cases?q=%D0%9A%D0%B0%D0%BD%D0%B0%D1%80%D0%B5%D0%B9%D0%BA%D0%B8%D0%BD%D0%B0", "/Cases?category=SeparatedSpouse", $"/People?q={Canary}" })
        {
            // The search box echoes the query itself; the results must not hold the case.
            var results = (await clients[Roles.Caseworker].GetPageAsync(url)).QuerySelector("main")!.QuerySelectorAll("table, [data-testid=result-count], [data-testid=people-results]")
                .Select(e => e.TextContent).ToList();
            Assert.DoesNotContain(results, r => r.Contains(Canary, StringComparison.OrdinalIgnoreCase) || r.Contains(restricted.Reference, StringComparison.Ordinal));
            requests++;
        }
        Assert.Contains(restricted.Reference, (await clients[Roles.Supervisor].GetPageAsync($"/Cases?q={Canary}")).QuerySelector("[data-testid=case-table]").Text());
        Assert.Contains(Canary, await clients[Roles.Supervisor].Http.GetStringAsync($"/Cases/Export?q={Canary}", Ct), StringComparison.OrdinalIgnoreCase);
        var count = (await clients[Roles.Caseworker].GetPageAsync("/Cases")).QuerySelector("[data-testid=result-count]").Text();
        Assert.Contains("of 1 cases", count);

        TestContext.Current.TestOutputHelper?.WriteLine($"{handlers.Count} handlers, {requests} requests, {problems.Count} problems");
        Assert.True(handlers.Count >= 20, $"only {handlers.Count} handlers found");
        Assert.Empty(problems);
    }

    private async Task<UserClient> SignedInAsync(CaseTracker.Core.Accounts.AppUser user)
    {
        var client = App.CreateUserClient();
        await client.SignInAsync(user.Email!, TestApp.Password);
        return client;
    }

    private async Task<CaseDetails> CreateCaseAsync(CaseTracker.Core.Accounts.AppUser owner, bool restricted, string family)
    {
        var command = CaseBuilder.Spouse(family, "Канарейкина");
        command.IsRestricted = restricted;
        command.Title = $"{family} family";
        return await CreatedAsync(command, owner);
    }
}
