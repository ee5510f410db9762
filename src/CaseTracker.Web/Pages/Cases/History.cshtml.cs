using CaseTracker.Core.Auditing;
using CaseTracker.Core.Cases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseTracker.Web.Pages.Cases;

/// <summary>Everything done to and with one case, for the people who may see the case.</summary>
public sealed class HistoryModel(CaseService cases, AuditQueries audit) : PageModel
{
    public CaseDetails Case { get; private set; } = null!;
    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public long? Before { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        // Reading the history is reading the case: it is audited as a view.
        var found = await cases.ViewAsync(id, User.ToActor(), ct);
        if (found is null)
        {
            return NotFound();
        }
        Case = found;
        Entries = await audit.SearchAsync(new AuditQuery { CaseId = id, Before = Before }, ct);
        return Page();
    }
}
