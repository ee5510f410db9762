using CaseTracker.Core.Accounts;
using CaseTracker.Core.Common;
using CaseTracker.Core.People;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseTracker.Web.Pages.People;

/// <summary>A person across cases: names and aliases, adding an alias, and (for supervisors) merging.</summary>
public sealed class DetailsModel(PersonService persons) : PageModel
{
    public PersonDetails Person { get; private set; } = null!;

    [BindProperty]
    public AddAliasCommand Alias { get; set; } = new();

    [BindProperty]
    public int? MergeId { get; set; }

    public bool IsSupervisor => User.IsInRole(Roles.Supervisor);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var found = await persons.GetAsync(id, User.ToActor(), ct);
        if (found is null)
        {
            return NotFound();
        }
        Person = found;
        return Page();
    }

    public async Task<IActionResult> OnPostAliasAsync(int id, CancellationToken ct)
    {
        Alias.PersonId = id;
        switch (await persons.AddAliasAsync(Alias, User.ToActor(), ct))
        {
            case Result<int>.Ok:
                TempData["StatusMessage"] = "Name added.";
                return Redirect($"/People/{id}");
            case Result<int>.Invalid invalid:
                ModelState.AddFieldErrors(invalid.Errors, nameof(Alias));
                return await OnGetAsync(id, ct);
            default:
                return NotFound();
        }
    }

    public async Task<IActionResult> OnPostMergeAsync(int id, CancellationToken ct)
    {
        if (!IsSupervisor)
        {
            return Forbid();
        }
        if (MergeId is null)
        {
            ModelState.AddModelError(nameof(MergeId), "Enter the number of the other person's record.");
            return await OnGetAsync(id, ct);
        }
        switch (await persons.MergeAsync(id, MergeId.Value, User.ToActor(), ct))
        {
            case Result<long>.Ok ok:
                TempData["StatusMessage"] = $"Person {MergeId} merged into this record. It can be undone from the audit record {ok.Value}.";
                TempData["UndoAuditId"] = ok.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return Redirect($"/People/{id}");
            case Result<long>.Invalid invalid:
                ModelState.AddFieldErrors(invalid.Errors, "");
                return await OnGetAsync(id, ct);
            default:
                ModelState.AddModelError(nameof(MergeId), "There is no person with this number.");
                return await OnGetAsync(id, ct);
        }
    }

    public async Task<IActionResult> OnPostUnmergeAsync(int id, long auditId, CancellationToken ct)
    {
        if (!IsSupervisor)
        {
            return Forbid();
        }
        switch (await persons.UnmergeAsync(auditId, User.ToActor(), ct))
        {
            case Result<int>.Ok ok:
                TempData["StatusMessage"] = "The merge is undone: both records are back.";
                return Redirect($"/People/{ok.Value}");
            case Result<int>.Invalid invalid:
                ModelState.AddFieldErrors(invalid.Errors, "");
                return await OnGetAsync(id, ct);
            default:
                return NotFound();
        }
    }
}
