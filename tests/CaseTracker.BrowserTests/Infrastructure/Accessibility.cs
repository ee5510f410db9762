using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace CaseTracker.BrowserTests.Infrastructure;

/// <summary>One page's axe-core results, kept for the run's summary in <c>.test-output/axe-report.txt</c>.</summary>
public sealed record AxePageReport(string Name, string Url, IReadOnlyList<string> Violations);

/// <summary>axe-core (bundled in Deque.AxeCore.Playwright, injected into the page by Playwright) on the page as it is.</summary>
public static class Accessibility
{
    private static readonly string[] Blocking = ["serious", "critical"];

    /// <summary>Fails on any serious or critical violation, naming each one's rule, impact and elements.</summary>
    public static async Task AssertNoSeriousViolationsAsync(AppServer app, IPage page, string name)
    {
        var result = await page.RunAxe();
        var all = result.Violations.Select(Describe).ToList();
        app.Record(new AxePageReport(name, new Uri(page.Url).PathAndQuery, all));
        var blocking = result.Violations.Where(v => Blocking.Contains(v.Impact)).ToList();
        Assert.True(blocking.Count == 0,
            $"axe-core found {blocking.Count} serious or critical violation(s) on {name} ({page.Url}):{Environment.NewLine}"
            + string.Join(Environment.NewLine, blocking.Select(Describe)));
    }

    private static string Describe(AxeResultItem v) =>
        $"{v.Id} [{v.Impact}] {v.Help}: "
        + string.Join(" | ", v.Nodes.Take(8).Select(n => n.Target?.ToString() ?? "?"))
        + (v.Nodes.Length > 8 ? $" (+{v.Nodes.Length - 8} more)" : "");
}
