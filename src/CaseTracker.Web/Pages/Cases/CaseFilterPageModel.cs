using CaseTracker.Core.Cases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseTracker.Web.Pages.Cases;

/// <summary>The case list's filters, bound from the query string the same way by the list and its export.</summary>
public abstract class CaseFilterPageModel : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public CaseCategory? Category { get; set; }

    [BindProperty(SupportsGet = true)]
    public CaseStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Assigned { get; set; }

    [BindProperty(SupportsGet = true, Name = "list")]
    public int? ListFilter { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? SeparatedYears { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? WaitingYears { get; set; }

    /// <summary>The chosen sort; without one, best match first when searching by name, else by reference.</summary>
    [BindProperty(SupportsGet = true, Name = "sort")]
    public CaseSort? ChosenSort { get; set; }

    public CaseSort Sort => ChosenSort ?? (string.IsNullOrWhiteSpace(Q) ? CaseSort.Reference : CaseSort.Relevance);

    [BindProperty(SupportsGet = true)]
    public bool Desc { get; set; }

    protected CaseListQuery FilterQuery(int page = 1) =>
        new()
        {
            Q = Q, Category = Category, Status = Status, SeparatedYears = SeparatedYears, WaitingYears = WaitingYears,
            AssignedTo = string.IsNullOrWhiteSpace(Assigned) ? null : Assigned, ListId = ListFilter,
            Sort = Sort, Descending = Desc, Page = page,
        };
}
