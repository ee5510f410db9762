using CaseTracker.Core.Cases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseTracker.Web.Pages.Cases;

/// <summary>Type-ahead for the header search: cases by reference or name, best first, as JSON; restricted cases excluded.</summary>
public sealed class SuggestModel(CaseService cases) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? q, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(q) || q.Length > 200)
        {
            return new JsonResult(Array.Empty<object>());
        }
        var found = await cases.ListAsync(new CaseListQuery { Q = q, Sort = CaseSort.Relevance, PageSize = 8 }, User.ToActor(), ct);
        return new JsonResult(found.Items.Select(c => new { id = c.Id, reference = c.Reference, title = c.Title, applicant = c.ApplicantName, nativeName = c.ApplicantNativeName }));
    }
}
