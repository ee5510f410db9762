using CaseTracker.Core.Accounts;
using CaseTracker.Core.Cases;
using CaseTracker.Core.CaseWork;
using CaseTracker.Core.Common;
using CaseTracker.Core.Lists;
using Microsoft.AspNetCore.Mvc;

namespace CaseTracker.Web.Pages.Cases;

public sealed class IndexModel(CaseService cases, CaseWorkService work, ListService lists, TimeProvider clock) : CaseFilterPageModel
{
    [BindProperty]
    public int? ListId { get; set; }

    /// <summary>Draft lists, which take new entries.</summary>
    public IReadOnlyList<ListName> DraftLists { get; private set; } = [];

    [BindProperty]
    public List<int> CaseIds { get; set; } = [];

    [BindProperty]
    public string? AssigneeId { get; set; }

    public IReadOnlyList<Colleague> Colleagues { get; private set; } = [];

    public bool IsSupervisor => User.IsInRole(Roles.Supervisor);

    /// <summary>The page of results ("p": Razor Pages keeps the route value "page" for the page's own path).</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PagedResult<CaseListItem> Result { get; private set; } = new([], 1, CaseListQuery.DefaultPageSize, 0);

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        // Query-string values that do not bind (an unknown category, a page of "abc") are ignored, not an error.
        Today = Infrastructure.Display.Today(clock);
        Result = await cases.ListAsync(FilterQuery(PageNumber), User.ToActor(), ct);
        if (IsSupervisor)
        {
            Colleagues = await work.AssignableAsync(ct);
        }
        DraftLists = await lists.DraftListsAsync(ct);
    }

    /// <summary>Adds the ticked cases to a draft list.</summary>
    public async Task<IActionResult> OnPostAddToListAsync(CancellationToken ct) =>
        await AddToListAsync(ListId is { } id ? await lists.AddCasesAsync(id, CaseIds, User.ToActor(), ct) : null, ct);

    /// <summary>Adds every case matching the current filters to a draft list.</summary>
    public async Task<IActionResult> OnPostAddAllToListAsync(CancellationToken ct) =>
        await AddToListAsync(ListId is { } id ? await lists.AddByFilterAsync(id, FilterQuery(), User.ToActor(), ct) : null, ct);

    private async Task<IActionResult> AddToListAsync(Result<int>? result, CancellationToken ct)
    {
        switch (result)
        {
            case Result<int>.Ok ok:
                TempData["StatusMessage"] = ok.Value == 1 ? "1 case added to the list." : $"{ok.Value} cases added to the list.";
                return Redirect($"/Lists/{ListId}");
            case Result<int>.Invalid invalid:
                ModelState.AddFieldErrors(invalid.Errors.Select(e => e with { Field = nameof(ListId) }), "");
                break;
            case null:
                ModelState.AddModelError(nameof(ListId), "Choose a draft list.");
                break;
            default:
                return NotFound();
        }
        await OnGetAsync(ct);
        return Page();
    }

    /// <summary>Supervisors assign the ticked cases to one caseworker.</summary>
    public async Task<IActionResult> OnPostAssignAsync(CancellationToken ct)
    {
        if (!IsSupervisor)
        {
            return Forbid();
        }
        switch (await work.AssignAsync(CaseIds, AssigneeId, User.ToActor(), ct))
        {
            case Result<int>.Ok ok:
                TempData["StatusMessage"] = ok.Value == 1 ? "1 case assigned." : $"{ok.Value} cases assigned.";
                return RedirectToPage("/Cases/Index", RouteWith(page: PageNumber));
            case Result<int>.Invalid invalid:
                ModelState.AddFieldErrors(invalid.Errors, "");
                await OnGetAsync(ct);
                return Page();
            default:
                return NotFound();
        }
    }

    /// <summary>The route values of the current filters, with some replaced: for sorting, paging and export links.</summary>
    public Dictionary<string, string?> RouteWith(CaseSort? sort = null, bool? desc = null, int? page = null) => new()
    {
        ["q"] = string.IsNullOrWhiteSpace(Q) ? null : Q,
        ["category"] = Category?.ToString(),
        ["status"] = Status?.ToString(),
        ["separatedYears"] = SeparatedYears?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["assigned"] = string.IsNullOrWhiteSpace(Assigned) ? null : Assigned,
        ["list"] = ListFilter?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["waitingYears"] = WaitingYears?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["sort"] = (sort ?? ChosenSort)?.ToString(),
        ["desc"] = (desc ?? Desc) ? "true" : null,
        ["p"] = page is null or 1 ? null : page.ToString(),
    };

    /// <summary>Clicking a column header sorts by it; clicking the sorted column again reverses it.</summary>
    public Dictionary<string, string?> SortRoute(CaseSort column) => RouteWith(column, column == Sort && !Desc, 1);

    /// <summary>
    /// What a screen reader hears: urgency, last update and years separated list the largest first, so their
    /// natural order is descending.
    /// </summary>
    public string? AriaSort(CaseSort column) =>
        column != Sort ? null : (column is CaseSort.Urgency or CaseSort.Updated or CaseSort.Separated) != Desc ? "descending" : "ascending";
}
