using System.Net;
using CaseTracker.Core.Accounts;
using CaseTracker.Core.Auditing;
using CaseTracker.Core.Cases;
using CaseTracker.Core.Common;
using CaseTracker.Core.People;
using CaseTracker.Tests.Cases;
using CaseTracker.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CaseTracker.Tests.People;

public sealed class DuplicateAndMergeTests(TestApp app) : IntegrationTest(app)
{
    private static void FillNewCase(Form form, string family, string native)
    {
        form["Input.Title"] = "A second case";
        form["Input.Category"] = "DividedFamily";
        form["Input.People[0].FamilyName"] = family;
        form["Input.People[0].NativeFamilyName"] = native;
        form["Input.People[0].GivenName"] = "Maria";
        form["Input.People[0].BirthYear"] = "1921";
        form["Input.People[0].City"] = "Moscow";
    }

    [Fact]
    public async Task Creating_a_person_known_already_shows_the_likely_match_with_reasons_before_saving()
    {
        var (client, user) = await SignInAsync();
        var existing = await CreatedAsync(CaseBuilder.Spouse(), user);
        var form = await client.GetFormAsync("/Cases/Create");
        FillNewCase(form, "Petrowa", "");

        var page = await UserClient.ParseAsync(await client.PostAsync(form));

        var warning = page.QuerySelector("[data-testid=duplicates-0]").Text();
        Assert.Contains("likely", warning);
        Assert.Contains("Petrova Maria Ivanovna", warning);
        Assert.Contains("same year of birth (1921)", warning);
        Assert.Contains("same city (Moscow)", warning);
        Assert.Contains("name similarity", warning);
        Assert.Contains(existing.Reference, warning);
        Assert.Equal(1, await WithDbAsync(db => db.Cases.CountAsync(Ct)));

        // Confirming they are different people saves a new person.
        var confirm = Form.Read(page, "/Cases/Create");
        confirm["ConfirmDistinct"] = "true";
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync(confirm)).StatusCode);
        Assert.Equal(3, await WithDbAsync(db => db.Persons.CountAsync(Ct)));
    }

    [Fact]
    public async Task Using_the_existing_person_links_it_instead_of_creating_a_second_one()
    {
        var (client, user) = await SignInAsync();
        var existing = await CreatedAsync(CaseBuilder.Spouse(), user);
        var form = await client.GetFormAsync("/Cases/Create");
        FillNewCase(form, "Petrova", "Петрова");
        var page = await UserClient.ParseAsync(await client.PostAsync(form));
        var personId = existing.People[0].PersonId;

        var use = Form.Read(page, "/Cases/Create");
        var linked = await UserClient.ParseAsync(await client.PostAsync(use, $"UseExisting&row=0&personId={personId}"));
        Assert.Equal(personId.ToString(), linked.ValueOf("#Input_People_0__PersonId"));
        var save = Form.Read(linked, "/Cases/Create");
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync(save)).StatusCode);

        Assert.Equal(2, await WithDbAsync(db => db.Persons.CountAsync(Ct)));
        Assert.Equal(2, await WithDbAsync(db => db.CasePeople.CountAsync(cp => cp.PersonId == personId, Ct)));
    }

    [Fact]
    public async Task A_supervisor_merges_two_records_keeping_every_link_and_name_and_can_undo_it()
    {
        var (supervisor, _) = await SignInAsync(Roles.Supervisor);
        var owner = await App.CreateUserAsync(Roles.Caseworker);
        var first = await CreatedAsync(CaseBuilder.Spouse(), owner);
        var secondCommand = CaseBuilder.Spouse("Petrowa", "Петрова");
        secondCommand.People.RemoveAt(1);
        secondCommand.Category = CaseCategory.DividedFamily;
        var second = await CreatedAsync(secondCommand, owner);
        var keep = first.People[0].PersonId;
        var merge = second.People[0].PersonId;

        var form = await supervisor.GetFormAsync($"/People/{keep}", "[data-testid=merge-form]");
        form["MergeId"] = merge.ToString();
        Assert.Equal(HttpStatusCode.Redirect, (await supervisor.PostAsync(form)).StatusCode);

        Assert.False(await WithDbAsync(db => db.Persons.AnyAsync(p => p.Id == merge, Ct)));
        Assert.Equal(2, await WithDbAsync(db => db.CasePeople.CountAsync(cp => cp.PersonId == keep, Ct)));
        var aliases = await WithDbAsync(db => db.PersonAliases.Where(a => a.PersonId == keep).Select(a => a.FamilyName).ToListAsync(Ct));
        Assert.Contains("Petrowa", aliases);
        var record = await WithDbAsync(db => db.AuditEvents.SingleAsync(e => e.Action == PersonService.MergeAction, Ct));
        Assert.Contains("Petrowa", record.Details!.RootElement.GetRawText(), StringComparison.Ordinal);

        var page = await supervisor.GetPageAsync($"/People/{keep}");
        var undo = Form.Read(page, $"/People/{keep}", "form[action*='handler=Unmerge']");
        Assert.Equal(HttpStatusCode.Redirect, (await supervisor.PostAsync(undo)).StatusCode);

        Assert.True(await WithDbAsync(db => db.Persons.AnyAsync(p => p.Id == merge && p.FamilyName == "Petrowa", Ct)));
        Assert.Equal(second.Id, await WithDbAsync(db => db.CasePeople.Where(cp => cp.PersonId == merge).Select(cp => cp.CaseId).SingleAsync(Ct)));
        Assert.Equal(1, await WithDbAsync(db => db.CasePeople.CountAsync(cp => cp.PersonId == keep, Ct)));
        Assert.DoesNotContain("Petrowa", await WithDbAsync(db => db.PersonAliases.Where(a => a.PersonId == keep).Select(a => a.FamilyName).ToListAsync(Ct)));
        Assert.True(await WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == PersonService.UnmergeAction, Ct)));
        Assert.Contains(second.Reference, (await supervisor.GetPageAsync("/Cases?q=Petrowa")).QuerySelector("[data-testid=case-table]").Text());
    }

    [Fact]
    public async Task Caseworkers_cannot_merge()
    {
        var (client, user) = await SignInAsync();
        var c = await CreatedAsync(CaseBuilder.Spouse(), user);
        var page = await client.GetPageAsync($"/People/{c.People[0].PersonId}");
        Assert.Null(page.QuerySelector("[data-testid=merge-form]"));
        var token = Form.Read(page, "/", "[data-testid=alias-form]")["__RequestVerificationToken"]!;

        var response = await client.Http.PostAsync($"/People/{c.People[0].PersonId}?handler=Merge",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("MergeId", c.People[1].PersonId.ToString())]), Ct);

        Assert.Contains("AccessDenied", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(2, await WithDbAsync(db => db.Persons.CountAsync(Ct)));
    }

    [Fact]
    public async Task Type_ahead_answers_json_and_respects_restricted_cases()
    {
        var (client, user) = await SignInAsync();
        var other = await App.CreateUserAsync(Roles.Caseworker);
        await CreatedAsync(CaseBuilder.Spouse(), user);
        var hidden = CaseBuilder.Spouse("Orlova", "Орлова");
        hidden.IsRestricted = true;
        await CreatedAsync(hidden, other);

        var people = await client.Http.GetStringAsync("/People/Suggest?q=Petrowa", Ct);
        var cases = await client.Http.GetStringAsync("/Cases/Suggest?q=%D0%9F%D0%B5%D1%82%D1%80%D0%BE%D0%B2%D0%B0", Ct);
        var none = await client.Http.GetStringAsync("/Cases/Suggest?q=Orlova", Ct);

        Assert.Contains("Petrova Maria Ivanovna", people);
        Assert.Contains("SP-", cases);
        Assert.Equal("[]", none);
    }

    [Fact]
    public async Task The_duplicate_warning_never_reveals_a_restricted_case_to_someone_who_may_not_see_it()
    {
        var (client, _) = await SignInAsync();
        var colleague = await App.CreateUserAsync(Roles.Caseworker);
        var hidden = CaseBuilder.Spouse();
        hidden.IsRestricted = true;
        var restricted = await CreatedAsync(hidden, colleague);
        var form = await client.GetFormAsync("/Cases/Create");
        FillNewCase(form, "Petrova", "Петрова");

        var response = await client.PostAsync(form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain(restricted.Reference, await (await client.Http.GetAsync(response.Headers.Location, Ct)).Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
