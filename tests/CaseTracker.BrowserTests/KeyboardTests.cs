using CaseTracker.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CaseTracker.BrowserTests;

/// <summary>Flow 6: opening a case with the keyboard alone (Tab, typing, Space and Enter; no clicks).</summary>
public sealed class KeyboardTests(AppServer app) : BrowserTest(app)
{
    [Fact]
    public async Task A_case_can_be_opened_with_the_keyboard_alone()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/Account/Login");
        // The e-mail field has the focus on arrival.
        await Expect(page.Locator("#Input_Email")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(AppServer.Caseworker);
        await TabToAsync(page, "#Input_Password");
        await page.Keyboard.TypeAsync(AppServer.DemoPassword);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("current-user")).ToBeVisibleAsync();

        await page.GotoAsync("/Cases/Create");
        // The skip link comes first and leads into the main content.
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Skip to main content" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        var (latin, cyrillic) = Unique.FamilyName();
        var title = $"{latin} – keyboard only {Unique.Tag()}";
        await TabToAsync(page, "#Input_Title");
        await page.Keyboard.TypeAsync(title);
        await TabToAsync(page, "#Input_Category");
        await page.Keyboard.PressAsync("ArrowDown"); // Separated spouse → Dual national
        await TabToAsync(page, "#Input_RefusalCount");
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("2");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("no invitation from a relative");
        await TabToAsync(page, "#Input_People_0__FamilyName");
        await page.Keyboard.TypeAsync(latin);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("Maria");
        await TabToAsync(page, "#Input_People_0__NativeFamilyName");
        await page.Keyboard.TypeAsync(cyrillic);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("Мария");
        await TabToAsync(page, "#Input_People_0__BirthYear");
        await page.Keyboard.TypeAsync("1948");
        await TabToAsync(page, "#Input_People_0__DeclinesListing");
        await page.Keyboard.PressAsync("Space");
        await Expect(page.Locator("#Input_People_0__DeclinesListing")).ToBeCheckedAsync();

        await TabToButtonAsync(page, "Open case");
        await page.Keyboard.PressAsync("Enter");
        if (await OpenedOrWarnedAsync(page))
        {
            await TabToAsync(page, "#ConfirmDistinct");
            await page.Keyboard.PressAsync("Space");
            await TabToButtonAsync(page, "Open case");
            await page.Keyboard.PressAsync("Enter");
        }

        var opened = await OpenedCaseAsync(page);
        Assert.StartsWith("DN-", opened.Reference, StringComparison.Ordinal);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(title);
        var people = page.GetByTestId("people-table");
        await Expect(people).ToContainTextAsync($"{latin} Maria");
        await Expect(people).ToContainTextAsync($"{cyrillic} Мария");
        await Expect(people).ToContainTextAsync("not to be listed");
        await Expect(page.Locator("dd").Filter(new() { HasText = "stated reason: “no invitation from a relative”" })).ToHaveCountAsync(1);
    }

    /// <summary>Presses Tab until the element matching <paramref name="selector"/> has the focus (at most 60 times).</summary>
    private static async Task TabToAsync(IPage page, string selector)
    {
        for (var i = 0; i < 60; i++)
        {
            if (await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector))
            {
                return;
            }
            await page.Keyboard.PressAsync("Tab");
        }
        Assert.Fail($"Tab never reached {selector}.");
    }

    private static async Task TabToButtonAsync(IPage page, string name)
    {
        for (var i = 0; i < 60; i++)
        {
            if (await page.EvaluateAsync<bool>("n => document.activeElement?.tagName === 'BUTTON' && document.activeElement.textContent.trim() === n", name))
            {
                return;
            }
            await page.Keyboard.PressAsync("Tab");
        }
        Assert.Fail($"Tab never reached the button \"{name}\".");
    }
}
