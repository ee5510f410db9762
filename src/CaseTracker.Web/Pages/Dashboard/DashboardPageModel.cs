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

    protected DashboardFilter Filter => new()
    {
        From = From, To = To, Category = Category, ListId = ListId, CaseworkerId = string.IsNullOrWhiteSpace(Caseworker) ? null : Caseworker,
    };
}
