using CaseTracker.Core.Cases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseTracker.Web.Pages.Cases;

public sealed class DetailsModel(CaseService cases, TimeProvider clock) : PageModel
{
    public CaseDetails Case { get; private set; } = null!;

    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var found = await cases.ViewAsync(id, User.ToActor(), ct);
        if (found is null)
        {
            return NotFound();
        }
        Case = found;
        Today = Display.Today(clock);
        return Page();
    }
}
