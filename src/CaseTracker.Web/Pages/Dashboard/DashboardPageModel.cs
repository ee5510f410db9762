using CaseTracker.Core.Cases;
using CaseTracker.Core.Dashboard;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseTracker.Web.Pages.Dashboard;

/// <summary>The dashboard's filters, bound from the query string the same way by the page and its export.</summary>
public abstract class DashboardPageModel : PageModel
{
    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public CaseCategory? Category { get; set; }

    [BindProperty(SupportsGet = true, Name = "list")]
    public int? ListId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Caseworker { get; set; }

    /// <summary>
    /// The dates the dashboard counts within: a range beyond them would draw a row for every month from year 1 to
    /// 9999 (and overflow at the end), so a date outside is taken as the nearest end of this window.
    /// </summary>
    public static readonly DateOnly Earliest = new(1900, 1, 1), Latest = new(2099, 12, 31);

    private static DateOnly? Within(DateOnly? d) => d is { } v ? (v < Earliest ? Earliest : v > Latest ? Latest : v) : null;

    protected DashboardFilter Filter => new()
    {
        From = Within(From), To = Within(To), Category = Category, ListId = ListId, CaseworkerId = string.IsNullOrWhiteSpace(Caseworker) ? null : Caseworker,
    };
}
