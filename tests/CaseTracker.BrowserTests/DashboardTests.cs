using CaseTracker.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CaseTracker.BrowserTests;

/// <summary>The supervisor's dashboard: charts drawn from their tables, and a filter that changes them.</summary>
public sealed class DashboardTests(AppServer app) : BrowserTest(app)
{
    [Fact]
    public async Task The_charts_render_with_their_tables_and_a_filter_changes_them()
    {
        var page = await SignedInPageAsync(AppServer.Supervisor);
        await page.GotoAsync("/Dashboard");

        foreach (var chart in new[] { "chart-totals", "chart-months", "chart-lists", "chart-waiting", "chart-workload" })
        {
            var canvas = page.Locator($"#{chart}");
            await Expect(canvas).ToHaveAttributeAsync("data-drawn", "true");
            var table = await canvas.GetAttributeAsync("data-chart-table");
            await Expect(page.Locator($"#{table} tbody tr").First).ToBeVisibleAsync();
            // Something was painted: the canvas has non-transparent pixels.
            var painted = await canvas.EvaluateAsync<bool>("c => { const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; for (let i = 3; i < d.length; i += 4) { if (d[i] !== 0) return true; } return false; }");
            Assert.True(painted, $"{chart} is blank");
        }
        var total = await page.Locator("[data-metric='cases.total']").InnerTextAsync();
        await SaveScreenshotAsync(page, "dashboard.png");
        await AssertAccessibleAsync(page, "dashboard");

        await page.Locator("#category").SelectOptionAsync("DualNational");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("category=DualNational"));
        var filtered = await page.Locator("[data-metric='cases.total']").InnerTextAsync();
        Assert.NotEqual(total, filtered);
        Assert.Equal(await page.Locator("[data-metric='cases.category.DualNational']").InnerTextAsync(), filtered);
        await Expect(page.Locator("#chart-totals")).ToHaveAttributeAsync("data-drawn", "true");
    }
}
