using CaseTracker.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CaseTracker.BrowserTests;

/// <summary>Flow 7: a list printed on paper — the bilingual table, without the app's navigation.</summary>
public sealed class PrintTests(AppServer app) : BrowserTest(app)
{
    [Fact]
    public async Task A_printed_list_shows_the_bilingual_table_and_no_navigation()
    {
        var page = await SignedInPageAsync(AppServer.Caseworker);
        var (latin, cyrillic) = Unique.FamilyName();
        var opened = await CreateCaseAsync(page, $"{latin} – mother in Odessa, daughter in Haifa",
            new PersonSpec(latin, "Fira", cyrillic, "Фира", 1912, "Odessa"), new DateOnly(1979, 5, 2));

        await page.GotoAsync("/Lists");
        var name = $"BT-print-{Unique.Tag()}";
        await page.GetByTestId("create-list").Locator("#Input_Name").FillAsync(name);
        await page.GetByTestId("create-list").Locator("#Input_Classification").FillAsync("CONFIDENTIAL");
        await page.GetByTestId("create-list").GetByRole(AriaRole.Button, new() { Name = "Create list" }).ClickAsync();
        await Expect(page.GetByTestId("list-status")).ToHaveTextAsync("Draft");
        var listUrl = new Uri(page.Url).AbsolutePath;

        await page.GotoAsync($"/Cases?q={Uri.EscapeDataString(latin)}");
        var bulk = page.GetByTestId("bulk-actions");
        await bulk.GetByRole(AriaRole.Checkbox, new() { Name = $"Select {opened.Reference}", Exact = true }).CheckAsync();
        await bulk.Locator("#ListId").SelectOptionAsync(new SelectOptionValue { Label = name });
        await bulk.GetByRole(AriaRole.Button, new() { Name = "Add ticked cases" }).ClickAsync();
        await Expect(page.GetByTestId("entries")).ToContainTextAsync(opened.Reference);

        // On paper, the list page itself drops the header, navigation and forms.
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" })).ToBeHiddenAsync();
        await Expect(page.Locator("#header-search")).ToBeHiddenAsync();
        await Expect(page.GetByTestId("entries")).ToBeVisibleAsync();

        await page.GotoAsync(listUrl + "/Print");
        var table = page.GetByTestId("print-table");
        await Expect(table).ToBeVisibleAsync();
        await Expect(table.Locator("thead")).ToContainTextAsync("Name");
        await Expect(table.Locator("thead")).ToContainTextAsync("Фамилия, имя");
        var row = table.GetByRole(AriaRole.Row).Filter(new() { HasText = opened.Reference });
        await Expect(row).ToContainTextAsync(latin);
        await Expect(row).ToContainTextAsync(cyrillic);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync($"List {name} / Список {name}");
        await Expect(page.GetByTestId("classification")).ToHaveTextAsync("CONFIDENTIAL");
        // No navigation of any kind on the sheet: neither the app's menu nor the way back to the list.
        await Expect(page.GetByRole(AriaRole.Navigation)).ToHaveCountAsync(0);
        await Expect(page.Locator("#header-search")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Back to the list" })).ToBeHiddenAsync();

        // On screen, the way back is there.
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Screen });
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Back to the list" })).ToBeVisibleAsync();
    }
}
