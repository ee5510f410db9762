using CaseTracker.Core.People;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseTracker.Web.Pages.People;

/// <summary>Type-ahead for person fields: JSON, respecting restricted cases.</summary>
public sealed class SuggestModel(PeopleSearch search) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? q, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(q) || q.Length > 200)
        {
            return new JsonResult(Array.Empty<object>());
        }
        var found = (await search.SearchAsync(q, User.ToActor(), ct, limit: 10)).Persons;
        return new JsonResult(found.Select(p => new
        {
            id = p.PersonId, name = p.LatinName, nativeName = p.NativeName, birthYear = p.BirthYear,
            score = Math.Round(p.Score, 2), matched = p.MatchedForm, cases = p.Cases.Select(c => c.Reference),
        }));
    }
}
