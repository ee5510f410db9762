using CaseTracker.Core.Cases;
using CaseTracker.Core.Common;
using CaseTracker.Core.Lists;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseTracker.Web.Pages.Lists;

/// <summary>The other side's answers about one entry, and recording a new one.</summary>
public sealed class AnswerModel(ListService lists, TimeProvider clock) : PageModel
{
    public ListDetails List { get; private set; } = null!;
    public ListEntryItem Entry { get; private set; } = null!;
    public IReadOnlyList<ListAnswerItem> Answers { get; private set; } = [];

    [BindProperty]
    public RecordAnswerCommand Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, int entryId, CancellationToken ct)
    {
        if (!await LoadAsync(id, entryId, ct))
        {
            return NotFound();
        }
        Input = new RecordAnswerCommand { EntryId = entryId, ReceivedOn = Display.Today(clock) };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int entryId, CancellationToken ct)
    {
        Input.EntryId = entryId;
        if (ModelState.IsValid)
        {
            switch (await lists.RecordAnswerAsync(id, Input, User.ToActor(), ct))
            {
                case Result<CaseStatus>.Ok ok:
                    TempData["StatusMessage"] = $"Answer recorded; the case is now {CaseStatuses.DisplayName(ok.Value).ToLowerInvariant()}.";
                    return Redirect($"/Lists/{id}#entry-{entryId}");
                case Result<CaseStatus>.Invalid invalid:
                    ModelState.AddFieldErrors(invalid.Errors, nameof(Input));
                    break;
                default:
                    return NotFound();
            }
        }
        return await LoadAsync(id, entryId, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id, int entryId, CancellationToken ct)
    {
        var list = await lists.GetAsync(id, User.ToActor(), ct);
        var entry = list?.Entries.FirstOrDefault(e => e.EntryId == entryId);
        if (list is null || entry is null)
        {
            return false;
        }
        List = list;
        Entry = entry;
        Answers = await lists.AnswersAsync(id, entryId, User.ToActor(), ct);
        return true;
    }
}
