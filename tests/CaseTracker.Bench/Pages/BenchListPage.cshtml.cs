using CaseTracker.Core.Cases;
using CaseTracker.Core.Lists;
using CaseTracker.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseTracker.Bench.Pages;

/// <summary>
/// Page N of the case list through the product's own services, exactly as /Cases would fetch it (CaseService.ListAsync,
/// then ListService.ListsAsync for the draft-list menu). Needed because /Cases?page=N cannot reach page N: Razor Pages
/// reserves the route value "page" (the page's path), which wins over the query string in model binding, so the list's
/// PageNumber always binds to 1 and its Previous/Next links carry no page (see docs/performance.md).
/// The page number is "p" here.
/// </summary>
[Authorize(Policy = "CaseWork")]
public sealed class BenchListPageModel(CaseService cases, ListService lists, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    [BindProperty(SupportsGet = true)]
    public CaseCategory Category { get; set; } = CaseCategory.DividedFamily;

    public PagedResult<CaseListItem> Result { get; private set; } = new([], 1, CaseListQuery.DefaultPageSize, 0);

    public IReadOnlyList<ListSummary> DraftLists { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = Display.Today(clock);
        var actor = User.ToActor();
        Result = await cases.ListAsync(new CaseListQuery { Category = Category, Sort = CaseSort.Urgency, Page = PageNumber }, actor, ct);
        DraftLists = (await lists.ListsAsync(actor, ct)).Where(l => l.Status == ListStatus.Draft).ToList();
    }
}
