using System.Text.RegularExpressions;
using CaseTracker.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CaseTracker.BrowserTests;

/// <summary>Flow 4: a representation list from creation to delivery, an answer, and reconciliation with their list.</summary>
public sealed partial class ListTests(AppServer app) : BrowserTest(app)
{
    [Fact]
    public async Task A_list_is_filled_from_the_case_list_checked_approved_delivered_answered_and_reconciled()
    {
        var page = await SignedInPageAsync(AppServer.Caseworker);
        // Two cases of one family name, neither with the date of its first exit application (the check notices).
        var (latin, cyrillic) = Unique.FamilyName();
        var ivan = await CreateCaseAsync(page, $"{latin} – brothers refused exit, Ivan",
            new PersonSpec(latin, "Ivan", cyrillic, "Иван", 1950, "Kiev"));
        var oleg = await CreateCaseAsync(page, $"{latin} – brothers refused exit, Oleg",
            new PersonSpec(latin, "Oleg", cyrillic, "Олег", 1955, "Kiev"));

        // A new list.
        await page.GotoAsync("/Lists");
        await AssertAccessibleAsync(page, "/Lists");
        var name = $"BT-{Unique.Tag()}";
        var form = page.GetByTestId("create-list");
        await form.Locator("#Input_Name").FillAsync(name);
        await form.Locator("#Input_Purpose").FillAsync("Browser test: divided families for the follow-up meeting");
        await form.GetByRole(AriaRole.Button, new() { Name = "Create list" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(ListPageUrl());
        var listId = int.Parse(ListPageUrl().Match(page.Url).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        await Expect(page.GetByTestId("list-status")).ToHaveTextAsync("Draft");
        await Expect(page.GetByTestId("no-entries")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, "/Lists/{id} (new, no entries)");

        // Tick both cases in the case list and add them.
        await page.GotoAsync($"/Cases?q={Uri.EscapeDataString(latin)}");
        var bulk = page.GetByTestId("bulk-actions");
        foreach (var c in new[] { ivan, oleg })
        {
            await bulk.GetByRole(AriaRole.Checkbox, new() { Name = $"Select {c.Reference}", Exact = true }).CheckAsync();
        }
        await bulk.Locator("#ListId").SelectOptionAsync(new SelectOptionValue { Label = name });
        await bulk.GetByRole(AriaRole.Button, new() { Name = "Add ticked cases" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/Lists/{listId}$"));
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("2 cases added to the list.");
        await Expect(page.GetByTestId("entries").Locator("tbody tr")).ToHaveCountAsync(2);
        await Expect(page.GetByTestId("our-persons")).ToHaveTextAsync("2");

        // The pre-delivery check names what to look at; approving needs the acknowledgement.
        var check = page.GetByTestId("check");
        await Expect(check).ToBeVisibleAsync();
        await Expect(check.GetByTestId("check-issues")).ToContainTextAsync($"{ivan.Reference} has no date of the first exit application.");
        await Expect(check.GetByTestId("check-issues")).ToContainTextAsync($"{oleg.Reference} has no date of the first exit application.");
        await AssertAccessibleAsync(page, "/Lists/{id} (draft)");
        await check.GetByRole(AriaRole.Button, new() { Name = "Approve the list" }).ClickAsync();
        await Expect(page.Locator("[data-valmsg-for='Acknowledge']")).ToContainTextAsync("Review the 2 point(s) of the pre-delivery check");
        await Expect(page.GetByTestId("list-status")).ToHaveTextAsync("Draft");
        await page.GetByTestId("check").Locator("#Acknowledge").CheckAsync();
        await page.GetByTestId("check").GetByRole(AriaRole.Button, new() { Name = "Approve the list" }).ClickAsync();
        await Expect(page.GetByTestId("list-status")).ToHaveTextAsync("Approved");

        // Delivery.
        var deliver = page.GetByTestId("deliver-form");
        await deliver.Locator("#Delivery_Occasion").FillAsync("Follow-up meeting of the foreign ministers");
        await deliver.Locator("#Delivery_DeliveredBy").FillAsync("Deputy Assistant Secretary");
        await deliver.GetByRole(AriaRole.Button, new() { Name = "Record delivery" }).ClickAsync();
        await Expect(page.GetByTestId("list-status")).ToHaveTextAsync("Delivered");
        await Expect(page.GetByTestId("deliveries")).ToContainTextAsync("Instalment 1");
        await Expect(page.GetByTestId("deliveries")).ToContainTextAsync("Follow-up meeting of the foreign ministers");
        await AssertAccessibleAsync(page, "/Lists/{id} (delivered)");

        // Their answer for Ivan.
        await page.GetByRole(AriaRole.Link, new() { Name = $"Answer for {ivan.Reference}" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/Lists/{listId}/Answer/\\d+$"));
        var answer = page.GetByTestId("answer-form");
        await answer.Locator("#Input_Channel").FillAsync("Soviet Foreign Ministry note");
        await answer.Locator("#Input_Outcome").SelectOptionAsync("UnderReview");
        await answer.Locator("#Input_TheirWords").FillAsync("The application is being considered by the competent authorities.");
        await answer.GetByRole(AriaRole.Button, new() { Name = "Record answer" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/Lists/{listId}#entry-\\d+$"));
        var ivanRow = page.GetByTestId("entries").GetByRole(AriaRole.Row).Filter(new() { HasText = ivan.Reference });
        await Expect(ivanRow).ToContainTextAsync("Under review");

        // Reconciliation with a pasted list: Ivan in Cyrillic, someone we never listed, and no Oleg.
        await page.GotoAsync($"/Lists/{listId}/Reconcile");
        await page.Locator("#TheirNames").FillAsync($"{cyrillic} Иван, 1950\nЗаборовский Тимофей, 1939");
        await page.GetByRole(AriaRole.Button, new() { Name = "Compare", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("reconcile-summary")).ToContainTextAsync("1 matched · 1 only on ours · 1 only on theirs");
        await Expect(page.Locator("#matched")).ToContainTextAsync(ivan.Reference);
        await Expect(page.Locator("#matched")).ToContainTextAsync($"{cyrillic} Иван, 1950");
        await Expect(page.Locator("#only-ours")).ToContainTextAsync(oleg.Reference);
        await Expect(page.Locator("#only-ours")).ToContainTextAsync($"{cyrillic} Олег");
        await Expect(page.Locator("#only-theirs")).ToContainTextAsync("Заборовский Тимофей, 1939");
        await Expect(page.Locator("#only-ours")).Not.ToContainTextAsync(ivan.Reference);
        await AssertAccessibleAsync(page, "/Lists/{id}/Reconcile (result)");
        await SaveScreenshotAsync(page, "reconciliation.png");
    }

    [GeneratedRegex(@"/Lists/(\d+)$")]
    private static partial Regex ListPageUrl();
}
