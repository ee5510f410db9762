using CaseTracker.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CaseTracker.BrowserTests;

/// <summary>Flow 1: a caseworker's day — find a case in either script, record a note, move its status.</summary>
public sealed class CaseworkTests(AppServer app) : BrowserTest(app)
{
    private const string ShcharanskiyTitle = "Shcharanskiy – refusenik, joining his wife in Israel";

    [Fact]
    public async Task Caseworker_finds_a_case_by_Cyrillic_and_Latin_name_adds_a_note_and_changes_its_status()
    {
        var page = await SignedInPageAsync(AppServer.Caseworker);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My work" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, "/ (My work)");

        // The case list, most urgent first.
        await page.GotoAsync("/Cases?sort=Urgency");
        await Expect(page.GetByTestId("case-table")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
        await AssertAccessibleAsync(page, "/Cases");
        await SaveScreenshotAsync(page, "case-list.png");

        // The header search, in Cyrillic and in a Latin respelling that is not the one on file ("Shcharanskiy").
        foreach (var name in new[] { "Щаранский", "Sharansky" })
        {
            await page.Locator("#header-search").FillAsync(name);
            await HeaderSearchButton(page).ClickAsync();
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/Cases\?q="));
            await Expect(page.Locator("#q")).ToHaveValueAsync(name);
            await Expect(page.GetByTestId("case-table").GetByRole(AriaRole.Row).Filter(new() { HasText = ShcharanskiyTitle })).ToHaveCountAsync(1);
        }

        // A name nobody has: the empty result says what to try next.
        await page.Locator("#header-search").FillAsync("Zzyzxqwv");
        await HeaderSearchButton(page).ClickAsync();
        await Expect(page.GetByTestId("empty-state")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, "/Cases?q= (no match)");
        await page.GoBackAsync();

        await page.GetByTestId("case-table").GetByRole(AriaRole.Row).Filter(new() { HasText = ShcharanskiyTitle })
            .GetByRole(AriaRole.Link).First.ClickAsync();
        var opened = await OpenedCaseAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(ShcharanskiyTitle);
        await AssertAccessibleAsync(page, "/Cases/{id} (case)");

        // A note.
        var note = $"Telephoned his wife in Jerusalem; she confirms the new address ({Unique.Tag()}).";
        var entryForm = page.GetByTestId("entry-form");
        await entryForm.Locator("#Entry_Text").FillAsync(note);
        await entryForm.GetByRole(AriaRole.Button, new() { Name = "Add to timeline" }).ClickAsync();
        await Expect(page.GetByTestId("timeline")).ToContainTextAsync(note);

        // The status: only what the workflow allows from "Refused" is offered.
        await Expect(page.GetByTestId("case-status")).ToHaveTextAsync("Refused");
        var statusForm = page.GetByTestId("status-form");
        var offered = await statusForm.Locator("#Status_ToStatus option").EvaluateAllAsync<string[]>("options => options.map(o => o.value)");
        Assert.Equal(["Closed", "Documented", "Submitted"], offered.Order(StringComparer.Ordinal));
        await statusForm.Locator("#Status_ToStatus").SelectOptionAsync("Submitted");
        await statusForm.Locator("#Status_Source").FillAsync("Raised again at the Geneva meeting");
        await statusForm.GetByRole(AriaRole.Button, new() { Name = "Change status" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(CasePageUrl());
        await Expect(page.GetByTestId("case-status")).ToHaveTextAsync("Submitted");
        var timeline = page.GetByTestId("timeline");
        await Expect(timeline).ToContainTextAsync("Refused → Submitted");
        await Expect(timeline).ToContainTextAsync(note);
        // Now only what may follow "Submitted".
        var next = await page.GetByTestId("status-form").Locator("#Status_ToStatus option").EvaluateAllAsync<string[]>("options => options.map(o => o.value)");
        Assert.Equal(["Closed", "PermissionGranted", "Refused", "ReleasePromised", "UnderReview"], next.Order(StringComparer.Ordinal));
        Assert.Equal(opened.Id, (await OpenedCaseAsync(page)).Id);
        await SaveScreenshotAsync(page, "case.png");
    }

    private static ILocator HeaderSearchButton(IPage page) =>
        page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Search).GetByRole(AriaRole.Button, new() { Name = "Search" });
}
