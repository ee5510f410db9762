using CaseTracker.Core.CaseWork;
using CaseTracker.Core.Dashboard;
using CaseTracker.Core.Lists;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Caching.Memory;

namespace CaseTracker.Web.Pages.Dashboard;

public sealed class IndexModel(DashboardService dashboards, ListService lists, CaseWorkService work, IMemoryCache cache) : DashboardPageModel
{
    public Core.Dashboard.Dashboard Board { get; private set; } = null!;
    public IReadOnlyList<ListName> Lists { get; private set; } = [];
    public IReadOnlyList<Colleague> Caseworkers { get; private set; } = [];
    public IReadOnlyDictionary<string, decimal> Figures { get; private set; } = new Dictionary<string, decimal>();

    /// <summary>The lists table shows the newest lists, and every list on request (<c>?lists=all</c>): a national
    /// caseload's hundreds of lists made the dashboard a 300 KB page. The figures export has every list.</summary>
    public const int ListsOnDashboard = 25;

    [BindProperty(SupportsGet = true, Name = "lists")]
    public string? ListsWanted { get; set; }

    public IReadOnlyList<ListRow> ListsShown { get; private set; } = [];

    /// <summary>What the rendered figures depend on: what the dashboard is kept as, and the lists shown; null when the
    /// figures are counted live (a list filter).</summary>
    public string? RenderedKey { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Board = await dashboards.BuildAsync(Filter, User.ToActor(), ct);
        Figures = Board.FigureValues;
        var showAll = ListsWanted == "all";
        ListsShown = showAll ? Board.Lists : Board.Lists.Take(ListsOnDashboard).ToList();
        RenderedKey = Board.KeptAs is { } kept ? $"{kept}|{showAll}" : null;
        // The filter's choices are as of the refresh, like the lists table and the workload they filter, and the same for
        // every viewer and filter: kept once per refresh.
        (Lists, Caseworkers) = Board.RefreshVersion is { } version
            ? await cache.GetOrCreateAsync(("dashboard-choices", version), async entry =>
            {
                entry.AbsoluteExpirationRelativeToNow = DashboardService.KeptFor;
                return (await lists.ListNamesAsync(ct), await work.AssignableAsync(ct));
            })
            : (await lists.ListNamesAsync(ct), await work.AssignableAsync(ct));
    }

    /// <summary>Refreshes the summaries now, instead of waiting for the schedule.</summary>
    public async Task<IActionResult> OnPostRefreshAsync(CancellationToken ct)
    {
        await dashboards.RefreshAsync(ct);
        TempData["StatusMessage"] = "Figures refreshed.";
        return RedirectToPage(new { From, To, Category, list = ListId, Caseworker });
    }

    public string Value(string metric) =>
        Figures.TryGetValue(metric, out var v) ? v.ToString(v == decimal.Truncate(v) ? "0" : "0.###", System.Globalization.CultureInfo.InvariantCulture) : "0";
}
