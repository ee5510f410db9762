using CaseTracker.Core.Accounts;
using CaseTracker.Core.CaseWork;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseTracker.Web.Pages;

/// <summary>"My work": a caseworker's cases by urgency, tasks due, and cases that need attention.</summary>
public sealed class IndexModel(CaseWorkService work, TimeProvider clock) : PageModel
{
    public MyWork Work { get; private set; } = null!;
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!User.IsInRole(Roles.Caseworker) && !User.IsInRole(Roles.Supervisor))
        {
            return User.IsInRole(Roles.Administrator) ? RedirectToPage("/Admin/Users/Index") : Forbid();
        }
        Today = Display.Today(clock);
        Work = await work.MyWorkAsync(User.ToActor(), ct);
        return Page();
    }
}
