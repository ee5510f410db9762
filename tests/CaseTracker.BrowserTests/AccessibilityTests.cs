using CaseTracker.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CaseTracker.BrowserTests;

/// <summary>
/// axe-core on the main pages the flows do not pass through. (The flows check the others as they go: My work,
/// the case list, a case, New case, editing, the lists, a new list, reconciliation and the users page.)
/// </summary>
public sealed class AccessibilityTests(AppServer app) : BrowserTest(app)
{
    [Fact]
    public async Task The_sign_in_page_has_no_serious_violations()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await Expect(page.Locator("#Input_Email")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, "/Account/Login");
    }

    [Fact]
    public async Task The_people_search_has_no_serious_violations()
    {
        var page = await SignedInPageAsync(AppServer.Caseworker);
        await page.GotoAsync("/People?q=" + Uri.EscapeDataString("Щаранский"));
        await Expect(page.GetByTestId("people-results")).ToContainTextAsync("Shcharanskiy");
        await AssertAccessibleAsync(page, "/People?q=Щаранский");
    }

    [Fact]
    public async Task A_list_with_deliveries_answers_and_progress_has_no_serious_violations()
    {
        // The demo data's lists have been delivered and answered: the list page at its fullest.
        var page = await SignedInPageAsync(AppServer.Caseworker);
        await page.GotoAsync("/Lists");
        var delivered = page.GetByTestId("lists-table").Locator("tbody tr").Filter(new() { HasText = "Delivered" });
        await delivered.First.GetByRole(AriaRole.Link).First.ClickAsync();
        await Expect(page.GetByTestId("list-status")).ToHaveTextAsync("Delivered");
        await AssertAccessibleAsync(page, "/Lists/{id} (a delivered demo list)");
    }

    [Fact]
    public async Task The_audit_trail_has_no_serious_violations()
    {
        var page = await SignedInPageAsync(AppServer.Supervisor);
        await page.GotoAsync("/Audit");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Audit trail" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, "/Audit (supervisor)");
    }
}
