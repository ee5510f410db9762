using System.Net;
using System.Text;
using CaseTracker.Core.Accounts;
using CaseTracker.Core.Cases;
using CaseTracker.Core.Common;
using CaseTracker.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CaseTracker.Tests.Cases;

/// <summary>The case pages as a caseworker uses them: real forms, posted with their antiforgery tokens.</summary>
public sealed class CasePagesTests(TestApp app) : IntegrationTest(app)
{
    private async Task<CaseDetails> SeedCaseAsync(AppUser owner, CreateCaseCommand? command = null) =>
        Assert.IsType<Result<CaseDetails>.Ok>(
            await WithServiceAsync<CaseService, Result<CaseDetails>>(s => s.CreateAsync(command ?? CaseBuilder.Spouse(), TestApp.ActorOf(owner, Roles.Caseworker), Ct))).Value;

    [Fact]
    public async Task Create_form_shows_errors_next_to_the_fields_keeps_the_input_and_then_saves()
    {
        var (client, _) = await SignInAsync();
        var form = await client.GetFormAsync("/Cases/Create");
        form["Input.Title"] = "";
        form["Input.People[0].FamilyName"] = "Щаранский";
        form["Input.People[0].NativeFamilyName"] = "Щаранский";
        form["Input.People[0].BirthYear"] = "abc";

        var response = await client.PostAsync(form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await UserClient.ParseAsync(response);
        Assert.Contains("could not be read", page.FieldError("Input.People[0].BirthYear"));
        Assert.Equal("Щаранский", page.ValueOf("#Input_People_0__NativeFamilyName"));
        Assert.Equal(0, await WithDbAsync(db => db.Cases.CountAsync(Ct)));

        form["Input.People[0].BirthYear"] = "1948";
        response = await client.PostAsync(form);
        page = await UserClient.ParseAsync(response);
        Assert.Contains("Give the case a title", page.FieldError("Input.Title"));
        Assert.Contains("Latin letters", page.FieldError("Input.People[0].FamilyName"));

        form = Form.Read(page, "/Cases/Create");
        form["Input.Title"] = "Shcharansky – emigration to Israel";
        form["Input.Category"] = "Emigration";
        form["Input.EmigrationGroup"] = "Jewish";
        form["Input.People[0].FamilyName"] = "Shcharansky";
        form["Input.People[0].GivenName"] = "Anatoly";
        response = await client.PostAsync(form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var details = await client.GetPageAsync(response.Headers.Location!.ToString());
        Assert.StartsWith("EM-", details.QuerySelector("[data-testid=case-reference]").Text());
        Assert.Contains("opened", details.QuerySelector("[role=status]").Text());
        Assert.Contains("Щаранский", details.QuerySelector("[data-testid=people-table]").Text());
        var saved = await WithDbAsync(db => db.Cases.SingleAsync(Ct));
        Assert.Equal(EmigrationGroup.Jewish, saved.EmigrationGroup);
    }

    [Fact]
    public async Task Pages_write_names_in_both_scripts_as_they_are_and_still_escape_markup()
    {
        var (client, user) = await SignInAsync();
        var command = CaseBuilder.Spouse("Ščaranskij", "Щаранский");
        command.Title = "Щаранский <b>\"Šč\" & 'ё'</b> — \u202Eexit";
        var c = await SeedCaseAsync(user, command);

        foreach (var url in new[] { $"/Cases/{c.Id}", "/Cases?q=Щаранский" })
        {
            var response = await client.Http.GetAsync(url, Ct);
            var html = await response.Content.ReadAsStringAsync(Ct);
            Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
            Assert.Contains("Щаранский", html, StringComparison.Ordinal);
            Assert.Contains("Ščaranskij", html, StringComparison.Ordinal);
            // Markup and the right-to-left override are escaped; the user sees the title as it was typed.
            Assert.Contains("Щаранский &lt;b&gt;&quot;Šč&quot; &amp; &#x27;ё&#x27;&lt;/b&gt; — &#x202E;exit", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
            Assert.Contains(command.Title, new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).Body!.TextContent, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Add_another_person_adds_a_row_without_saving()
    {
        var (client, _) = await SignInAsync();
        var form = await client.GetFormAsync("/Cases/Create");
        form["Input.Title"] = "Kept while adding a row";

        var response = await client.PostAsync(form, handler: "AddPerson");

        var page = await UserClient.ParseAsync(response);
        Assert.Equal(2, page.QuerySelectorAll("fieldset.person-card").Length);
        Assert.Equal("Kept while adding a row", page.ValueOf("#Input_Title"));
        Assert.Equal(0, await WithDbAsync(db => db.Cases.CountAsync(Ct)));
    }

    [Fact]
    public async Task Edit_form_saves_changes_and_shows_them()
    {
        var (client, user) = await SignInAsync();
        var c = await SeedCaseAsync(user);
        var form = await client.GetFormAsync($"/Cases/{c.Id}/Edit");
        Assert.Equal("Petrova", form["Input.People[0].FamilyName"]);
        form["Input.RefusalCount"] = "5";
        form["Input.People[0].City"] = "Leningrad";

        var response = await client.PostAsync(form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/Cases/{c.Id}", response.Headers.Location!.ToString());
        var saved = await WithDbAsync(db => db.Cases.Include(x => x.People).ThenInclude(p => p.Person).SingleAsync(Ct));
        Assert.Equal(5, saved.RefusalCount);
        Assert.Equal("Leningrad", saved.People.Single(p => p.Role == PersonRole.ApplicantInUssr).Person.City);
    }

    [Fact]
    public async Task Edit_form_shows_validation_errors_next_to_fields_and_saves_nothing()
    {
        var (client, user) = await SignInAsync();
        var c = await SeedCaseAsync(user);
        var form = await client.GetFormAsync($"/Cases/{c.Id}/Edit");
        form["Input.SeparatedSince"] = "1900-01-01";
        form["Input.People[1].Citizenships"] = "United States";

        var page = await UserClient.ParseAsync(await client.PostAsync(form));

        Assert.Contains("before 1917", page.FieldError("Input.SeparatedSince"));
        Assert.Contains("two-letter", page.FieldError("Input.People[1].Citizenships"));
        Assert.Equal(new DateOnly(1957, 3, 1), await WithDbAsync(db => db.Cases.Select(x => x.SeparatedSince).SingleAsync(Ct)));
    }

    [Fact]
    public async Task Two_editors_of_one_case_the_second_sees_the_conflict_and_keeps_their_input()
    {
        var (alice, user) = await SignInAsync();
        var (bob, _) = await SignInAsync();
        var c = await SeedCaseAsync(user);
        var aliceForm = await alice.GetFormAsync($"/Cases/{c.Id}/Edit");
        var bobForm = await bob.GetFormAsync($"/Cases/{c.Id}/Edit");
        aliceForm["Input.Title"] = "Alice's title";
        bobForm["Input.Title"] = "Bob's title";
        bobForm["Input.Summary"] = "Bob's careful notes";

        Assert.Equal(HttpStatusCode.Redirect, (await alice.PostAsync(aliceForm)).StatusCode);
        var response = await bob.PostAsync(bobForm);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await UserClient.ParseAsync(response);
        var conflict = page.QuerySelector("[data-testid=conflict]").Text();
        Assert.Contains("Someone else saved this case first", conflict);
        Assert.Contains("Alice's title", conflict);
        Assert.Equal("Bob's title", page.ValueOf("#Input_Title"));
        Assert.Equal("Bob's careful notes", page.ValueOf("#Input_Summary"));
        Assert.Equal("Alice's title", await WithDbAsync(db => db.Cases.Select(x => x.Title).SingleAsync(Ct)));

        // Saving again from the conflict page is Bob's deliberate choice, and it now goes through.
        var again = await bob.PostAsync(Form.Read(page, $"/Cases/{c.Id}/Edit"));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("Bob's title", await WithDbAsync(db => db.Cases.Select(x => x.Title).SingleAsync(Ct)));
    }

    [Theory]
    [InlineData("/Cases/424242")]
    [InlineData("/Cases/424242/Edit")]
    public async Task A_missing_case_is_a_friendly_404(string url)
    {
        var (client, _) = await SignInAsync();

        var page = await client.GetPageAsync(url, HttpStatusCode.NotFound);

        Assert.Contains("Not found", page.QuerySelector("h1").Text());
    }

    [Fact]
    public async Task Posting_an_edit_of_a_missing_case_is_404_not_500()
    {
        var (client, user) = await SignInAsync();
        var c = await SeedCaseAsync(user);
        var form = await client.GetFormAsync($"/Cases/{c.Id}/Edit");
        var stale = new Form { Action = "/Cases/999999/Edit" };
        foreach (var f in form.Fields)
        {
            stale[f.Key] = f.Value;
        }

        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync(stale)).StatusCode);
    }

    [Fact]
    public async Task Case_list_shows_both_scripts_years_separated_and_filters_by_query_string()
    {
        var (client, user) = await SignInAsync();
        await SeedCaseAsync(user);
        await SeedCaseAsync(user, CaseBuilder.Spouse("Orlova", "Орлова"));

        var page = await client.GetPageAsync("/Cases?q=%D0%BE%D1%80%D0%BB%D0%BE%D0%B2%D0%B0");
        var table = page.QuerySelector("[data-testid=case-table]").Text();
        Assert.Contains("Orlova Maria", table);
        Assert.Contains("Орлова Мария", table);
        Assert.DoesNotContain("Petrova", table);
        Assert.Matches(@"\d+ years", table);

        var none = await client.GetPageAsync("/Cases?q=Nobody&category=DualNational");
        Assert.Contains("No cases match", none.QuerySelector("[data-testid=empty-state]").Text());

        var ignored = await client.GetPageAsync("/Cases?category=Martian&p=abc&sort=%3Cscript%3E");
        Assert.Contains("Showing 1–2 of 2", ignored.QuerySelector("[data-testid=result-count]").Text());
    }

    [Fact]
    public async Task Export_returns_every_matching_case_as_utf8_csv_with_people_in_both_scripts()
    {
        var (client, user) = await SignInAsync();
        var petrova = await SeedCaseAsync(user);
        await SeedCaseAsync(user, CaseBuilder.Spouse("Orlova", "Орлова"));
        var formula = CaseBuilder.Spouse();
        formula.Title = "=HYPERLINK(\"http://evil\")";
        await SeedCaseAsync(user, formula);

        var response = await client.Http.GetAsync("/Cases/Export?q=Maria%20Petrova", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var csv = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync(Ct));
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
        Assert.Equal("reference,category,emigration_group,status,title,separated_since,first_exit_application,refusals,people", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith($"{petrova.Reference},SeparatedSpouse,,New,", lines[1]);
        Assert.Contains("Petrova Maria Ivanovna (Петрова Мария Ивановна); Petrov Ivan", lines[1]);
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil\"\")\"", lines[2]);
    }

    [Fact]
    public async Task Paging_reaches_later_pages_and_its_links_keep_the_filters()
    {
        var (client, user) = await SignInAsync();
        for (var i = 0; i < 53; i++)
        {
            var c = CaseBuilder.Spouse($"Pag{(char)('a' + i / 26)}{(char)('a' + i % 26)}", "");
            c.Title = $"Paging {i:00}";
            await SeedCaseAsync(user, c);
        }

        var first = await client.GetPageAsync("/Cases?category=SeparatedSpouse&sort=Title");
        Assert.Contains("Showing 1–50 of 53", first.QuerySelector("[data-testid=result-count]").Text());
        var links = first.QuerySelectorAll("nav[aria-label='Pages of cases'] a");
        var next = links[^1].GetAttribute("href")!;
        Assert.Contains("p=2", next, StringComparison.Ordinal);
        Assert.Contains("category=SeparatedSpouse", next, StringComparison.Ordinal);
        Assert.Contains("sort=Title", next, StringComparison.Ordinal);

        var second = await client.GetPageAsync(next);
        Assert.Contains("Showing 51–53 of 53", second.QuerySelector("[data-testid=result-count]").Text());
        Assert.Contains("Paging 52", second.QuerySelector("[data-testid=case-table]").Text());
        Assert.DoesNotContain("Paging 00", second.QuerySelector("[data-testid=case-table]").Text());
    }
}
