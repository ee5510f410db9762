using CaseTracker.Core.Lists;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseTracker.Web.Pages.Lists;

/// <summary>The list as handed over (an instalment's frozen snapshot), or as it stands, bilingual, for printing.</summary>
public sealed class PrintModel(ListService lists) : PageModel
{
    public ListDetails List { get; private set; } = null!;
    public IReadOnlyList<SnapshotEntry> Rows { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public int? Instalment { get; set; }

    public ListDeliveryItem? Delivery { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var list = await lists.GetAsync(id, User.ToActor(), ct);
        if (list is null)
        {
            return NotFound();
        }
        List = list;
        if (Instalment is { } n)
        {
            Delivery = list.Deliveries.FirstOrDefault(d => d.Instalment == n);
            var snapshot = await lists.SnapshotAsync(id, n, User.ToActor(), ct);
            if (Delivery is null || snapshot is null)
            {
                return NotFound();
            }
            Rows = snapshot;
        }
        else
        {
            Rows = list.Entries.Select(e => new SnapshotEntry(e.Position, e.Reference, default, e.Name, e.NativeName, e.Persons, [])).ToList();
        }
        return Page();
    }
}
