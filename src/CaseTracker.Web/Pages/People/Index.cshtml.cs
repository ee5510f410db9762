using CaseTracker.Core.People;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseTracker.Web.Pages.People;

/// <summary>Find a person by any form of their name, in any script.</summary>
public sealed class IndexModel(PeopleSearch search) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public IReadOnlyList<PersonSearchResult> Results { get; private set; } = [];

    /// <summary>More persons match the name than are shown.</summary>
    public bool More { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(Q))
        {
            (Results, More) = await search.SearchAsync(Q, User.ToActor(), ct);
        }
    }
}
