using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CaseTracker.BrowserTests.Infrastructure;

/// <summary>A person typed into the case form.</summary>
public sealed record PersonSpec(string FamilyName, string GivenName, string? NativeFamilyName = null, string? NativeGivenName = null,
    int? BirthYear = null, string? City = null);

/// <summary>A case opened through the form: its id (for addresses) and reference (as the pages show it).</summary>
public sealed record OpenedCase(int Id, string Reference);

/// <summary>
/// The base of every browser test: pages in fresh browser contexts, sign-in as the demo accounts (with the
/// administrator's authenticator), opening cases through the form, axe-core checks and screenshots. When a test
/// fails, a screenshot of each of its pages and the app's last log lines go to <c>.test-output/browser-failures/</c>.
/// </summary>
public abstract partial class BrowserTest(AppServer app) : IAsyncDisposable
{
    private readonly List<IBrowserContext> _contexts = [];
    private readonly List<string> _pageErrors = [];

    protected AppServer App => app;

    static BrowserTest() => SetDefaultExpectTimeout(15_000);

    /// <summary>A page in a new browser context: nobody is signed in, nothing is shared with other pages.</summary>
    protected async Task<IPage> NewPageAsync()
    {
        app.EnsureRunning();
        var context = await app.NewContextAsync();
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        page.PageError += (_, error) => _pageErrors.Add($"{page.Url}: {error}");
        return page;
    }

    /// <summary>A new page signed in as the given demo account (the administrator through two-factor sign-in).</summary>
    protected async Task<IPage> SignedInPageAsync(string email)
    {
        var page = await NewPageAsync();
        await SignInAsync(page, email, AppServer.DemoPassword);
        return page;
    }

    protected async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/Account/Login");
        // Nobody is signed in on this page yet, so the signed-in user shown below is the next page's.
        var currentUser = page.GetByTestId("current-user");
        await Expect(currentUser).ToHaveCountAsync(0);
        await page.Locator("#Input_Email").FillAsync(email);
        await page.Locator("#Input_Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        // The next page shows who is signed in, or asks for the authenticator's code. (Waiting for its address instead
        // timed out when the page had loaded before the wait began.)
        await Expect(currentUser.Or(page.Locator("#Code")).First).ToBeVisibleAsync();
        if (IsAt(page.Url, "/Account/LoginWith2fa"))
        {
            await page.Locator("#Code").FillAsync(await app.NextAdminCodeAsync());
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
            await Expect(currentUser).ToBeVisibleAsync();
        }
        else if (IsAt(page.Url, "/Account/Manage/TwoFactor"))
        {
            // An administrator's first sign-in: two-factor sign-in must be turned on before anything else.
            var key = await page.GetByTestId("authenticator-key").InnerTextAsync();
            await page.Locator("#Code").FillAsync(await app.NextAdminCodeAsync(key));
            await page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-factor sign-in" }).ClickAsync();
            await Expect(page.GetByTestId("two-factor-on")).ToBeVisibleAsync();
        }
        await Expect(currentUser).ToBeVisibleAsync();
    }

    /// <summary>Opens a case through /Cases/Create with one applicant; confirms a duplicate warning if one appears.</summary>
    protected static async Task<OpenedCase> CreateCaseAsync(IPage page, string title, PersonSpec applicant, DateOnly? firstExitApplication = null)
    {
        await page.GotoAsync("/Cases/Create");
        await page.Locator("#Input_Title").FillAsync(title);
        if (firstExitApplication is { } applied)
        {
            await page.Locator("#Input_FirstExitApplicationOn").FillAsync(applied.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }
        await FillPersonAsync(page, 0, applicant);
        await page.GetByRole(AriaRole.Button, new() { Name = "Open case" }).ClickAsync();
        if (await OpenedOrWarnedAsync(page))
        {
            // Another test's made-up name may sound alike: this is a different person.
            await page.Locator("#ConfirmDistinct").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Open case" }).ClickAsync();
        }
        return await OpenedCaseAsync(page);
    }

    /// <summary>
    /// After "Open case": waits for the new case's page (false) or for the form again with a duplicate warning (true).
    /// </summary>
    protected static async Task<bool> OpenedOrWarnedAsync(IPage page)
    {
        var either = page.GetByTestId("case-reference").Or(page.GetByTestId("duplicates-0"));
        await Expect(either).ToBeVisibleAsync();
        return await page.GetByTestId("duplicates-0").IsVisibleAsync();
    }

    private static bool IsAt(string url, string path) => new Uri(url).AbsolutePath.Equals(path, StringComparison.OrdinalIgnoreCase);

    /// <summary>The case page the browser is on, once it has loaded.</summary>
    protected static async Task<OpenedCase> OpenedCaseAsync(IPage page)
    {
        await Expect(page).ToHaveURLAsync(CasePageUrl());
        var id = int.Parse(CasePageUrl().Match(page.Url).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var reference = (await page.GetByTestId("case-reference").InnerTextAsync()).Trim();
        return new OpenedCase(id, reference);
    }

    protected static async Task FillPersonAsync(IPage page, int row, PersonSpec person)
    {
        var prefix = $"#Input_People_{row}__";
        await page.Locator(prefix + "FamilyName").FillAsync(person.FamilyName);
        await page.Locator(prefix + "GivenName").FillAsync(person.GivenName);
        if (person.NativeFamilyName is not null)
        {
            await page.Locator(prefix + "NativeFamilyName").FillAsync(person.NativeFamilyName);
        }
        if (person.NativeGivenName is not null)
        {
            await page.Locator(prefix + "NativeGivenName").FillAsync(person.NativeGivenName);
        }
        if (person.BirthYear is { } year)
        {
            await page.Locator(prefix + "BirthYear").FillAsync(year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        if (person.City is not null)
        {
            await page.Locator(prefix + "City").FillAsync(person.City);
        }
    }

    /// <summary>axe-core on the page as it is now: no serious or critical violation.</summary>
    protected Task AssertAccessibleAsync(IPage page, string name) => Accessibility.AssertNoSeriousViolationsAsync(app, page, name);

    /// <summary>Saves the viewport (1366×900) as docs/screenshots/<paramref name="fileName"/>.</summary>
    protected async Task SaveScreenshotAsync(IPage page, string fileName)
    {
        var dir = Path.Combine(app.RepositoryRoot, "docs", "screenshots");
        Directory.CreateDirectory(dir);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(dir, fileName), Animations = ScreenshotAnimations.Disabled });
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (TestContext.Current.TestState?.Result == TestResult.Failed)
            {
                await SaveFailureEvidenceAsync();
            }
        }
        finally
        {
            foreach (var context in _contexts)
            {
                await context.CloseAsync();
            }
        }
        GC.SuppressFinalize(this);
    }

    private async Task SaveFailureEvidenceAsync()
    {
        var dir = Path.Combine(app.RepositoryRoot, ".test-output", "browser-failures");
        Directory.CreateDirectory(dir);
        var name = FileNameUnsafe().Replace(TestContext.Current.Test?.TestDisplayName ?? "test", "_");
        name = name[..Math.Min(name.Length, 120)];
        var n = 0;
        foreach (var page in _contexts.SelectMany(c => c.Pages))
        {
            n++;
            try
            {
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(dir, $"{name}-{n}.png"), FullPage = true });
                await File.WriteAllTextAsync(Path.Combine(dir, $"{name}-{n}.html"), $"<!-- {page.Url} -->\n" + await page.ContentAsync());
            }
            catch (PlaywrightException)
            {
                // A page that is gone has nothing to show.
            }
        }
        var state = "the app is running";
        try
        {
            app.EnsureRunning();
        }
        catch (InvalidOperationException e)
        {
            state = e.Message.Split(Environment.NewLine)[0];
        }
        await File.WriteAllTextAsync(Path.Combine(dir, $"{name}-app.log"),
            state + Environment.NewLine + string.Join(Environment.NewLine, _pageErrors) + Environment.NewLine + app.AppOutputTail(200));
    }

    [GeneratedRegex(@"/Cases/(\d+)(?:[?#].*)?$")]
    protected static partial Regex CasePageUrl();

    [GeneratedRegex(@"[^A-Za-z0-9_.-]+")]
    private static partial Regex FileNameUnsafe();
}
