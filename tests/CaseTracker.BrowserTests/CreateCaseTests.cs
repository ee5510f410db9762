using CaseTracker.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CaseTracker.BrowserTests;

/// <summary>Flow 2: opening a case — an error beside the field, then a warning that the person is known already.</summary>
public sealed class CreateCaseTests(AppServer app) : BrowserTest(app)
{
    [Fact]
    public async Task A_missing_title_is_shown_beside_the_field_and_a_known_person_is_offered_before_saving()
    {
        var page = await SignedInPageAsync(AppServer.Caseworker);
        await page.GotoAsync("/Cases/Create");
        await AssertAccessibleAsync(page, "/Cases/Create");

        // Nothing filled in: the errors stand beside their fields.
        await page.GetByRole(AriaRole.Button, new() { Name = "Open case" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Cases/Create"));
        await Expect(page.Locator("[data-valmsg-for='Input.Title']")).ToContainTextAsync("Give the case a title");
        await Expect(page.Locator("[data-valmsg-for='Input.People']")).ToContainTextAsync("Add at least one person");
        await AssertAccessibleAsync(page, "/Cases/Create (errors)");

        // With a title and a person, the duplicate check finds the demo record of Andrei Sakharov.
        var title = $"Sakharov – inquiry from a colleague {Unique.Tag()}";
        await page.Locator("#Input_Title").FillAsync(title);
        await FillPersonAsync(page, 0, new PersonSpec("Sakharov", "Andrei", BirthYear: 1921, City: "Gorky"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Open case" }).ClickAsync();
        var warning = page.GetByTestId("duplicates-0");
        await Expect(warning).ToBeVisibleAsync();
        await Expect(warning).ToContainTextAsync("Sakharov");
        await Expect(warning).ToContainTextAsync("Сахаров");
        await Expect(page.Locator("#ConfirmDistinct")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-valmsg-for='Input.Title']")).ToBeEmptyAsync();
        await AssertAccessibleAsync(page, "/Cases/Create (duplicate warning)");

        // Use the existing record: the row now holds that person, with the Cyrillic name on file.
        await warning.GetByRole(AriaRole.Button, new() { Name = "Use this person" }).First.ClickAsync();
        await Expect(page.Locator("#Input_People_0__NativeFamilyName")).ToHaveValueAsync("Сахаров");
        await Expect(page.Locator("#Input_Title")).ToHaveValueAsync(title);
        await Expect(page.GetByTestId("duplicates-0")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Open case" }).ClickAsync();

        var opened = await OpenedCaseAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(title);
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Case {opened.Reference} opened.");
        var people = page.GetByTestId("people-table");
        await Expect(people).ToContainTextAsync("Sakharov Andrei Dmitrievich");
        await Expect(people).ToContainTextAsync("Сахаров Андрей Дмитриевич");
    }
}
