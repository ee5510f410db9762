using CaseTracker.Core.Common;
using CaseTracker.Core.Lists;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseTracker.Web.Pages.Lists;

public sealed class IndexModel(ListService lists) : PageModel
{
    public IReadOnlyList<ListSummary> Lists { get; private set; } = [];

    [BindProperty]
    public CreateListCommand Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct) => Lists = await lists.ListsAsync(User.ToActor(), ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            switch (await lists.CreateAsync(Input, User.ToActor(), ct))
            {
                case Result<int>.Ok ok:
                    TempData["StatusMessage"] = $"List {Input.Name.Trim()} created. Add cases to it from the case list.";
                    return Redirect($"/Lists/{ok.Value}");
                case Result<int>.Invalid invalid:
                    ModelState.AddFieldErrors(invalid.Errors, nameof(Input));
                    break;
            }
        }
        await OnGetAsync(ct);
        return Page();
    }
}
