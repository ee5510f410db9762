using CaseTracker.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CaseTracker.BrowserTests;

/// <summary>Flow 3: two people edit the same case; the second save shows the conflict and loses nothing.</summary>
public sealed class ConcurrentEditTests(AppServer app) : BrowserTest(app)
{
    [Fact]
    public async Task The_second_save_shows_the_conflict_and_keeps_what_was_typed()
    {
        var (latin, cyrillic) = Unique.FamilyName();
        var caseworker = await SignedInPageAsync(AppServer.Caseworker);
        var opened = await CreateCaseAsync(caseworker, $"{latin} – joining her husband in Boston",
            new PersonSpec(latin, "Irina", cyrillic, "Ирина", 1951, "Leningrad"));
        var supervisor = await SignedInPageAsync(AppServer.Supervisor);

        // Both open the edit form of the same version.
        await caseworker.GotoAsync($"/Cases/{opened.Id}/Edit");
        await supervisor.GotoAsync($"/Cases/{opened.Id}/Edit");
        await AssertAccessibleAsync(caseworker, "/Cases/{id}/Edit");

        var firstTitle = $"{latin} – joining her husband in Boston (visa issued)";
        await caseworker.Locator("#Input_Title").FillAsync(firstTitle);
        await caseworker.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(caseworker).ToHaveURLAsync(CasePageUrl());
        await Expect(caseworker.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(firstTitle);

        var summary = $"Her husband wrote again on 2 December; the letter was stopped at the border ({Unique.Tag()}).";
        await supervisor.Locator("#Input_Summary").FillAsync(summary);
        await supervisor.Locator("#Input_RefusalCount").FillAsync("3");
        await supervisor.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();

        var conflict = supervisor.GetByTestId("conflict");
        await Expect(conflict).ToBeVisibleAsync();
        await Expect(conflict).ToContainTextAsync("Someone else saved this case first");
        await Expect(conflict).ToContainTextAsync(firstTitle);
        await Expect(supervisor.Locator("#Input_Summary")).ToHaveValueAsync(summary);
        await Expect(supervisor.Locator("#Input_RefusalCount")).ToHaveValueAsync("3");
        await AssertAccessibleAsync(supervisor, "/Cases/{id}/Edit (conflict)");

        // Nothing was overwritten meanwhile.
        await caseworker.ReloadAsync();
        await Expect(caseworker.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(firstTitle);
        await Expect(caseworker.GetByText(summary)).ToHaveCountAsync(0);

        // Saving again, knowingly, applies the supervisor's values.
        await supervisor.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(supervisor).ToHaveURLAsync(CasePageUrl());
        await Expect(supervisor.GetByText(summary)).ToBeVisibleAsync();
    }
}
