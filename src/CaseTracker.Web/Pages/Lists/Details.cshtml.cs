using CaseTracker.Core.Common;
using CaseTracker.Core.Lists;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseTracker.Web.Pages.Lists;

/// <summary>One list: its entries, the pre-delivery check, approval, delivery, counts and progress.</summary>
public sealed class DetailsModel(ListService lists, TimeProvider clock) : PageModel
{
    public ListDetails List { get; private set; } = null!;
    public IReadOnlyList<CheckIssue> Issues { get; private set; } = [];
    public IReadOnlyList<ProgressRow> Progress { get; private set; } = [];
    public DateOnly Today { get; private set; }

    [BindProperty]
    public DeliverListCommand Delivery { get; set; } = new();

    [BindProperty]
    public bool Acknowledge { get; set; }

    [BindProperty]
    public uint Version { get; set; }

    [BindProperty]
    public int? TheirCount { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public string? NewListName { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        Delivery = new DeliverListCommand { ListId = id, Version = List.Version, DeliveredOn = Today };
        TheirCount = List.TheirStatedCount;
        return Page();
    }

    public async Task<IActionResult> OnPostApproveAsync(int id, CancellationToken ct) =>
        await Handle(id, await lists.ApproveAsync(id, Version, Acknowledge, User.ToActor(), ct), "List approved.", ct);

    public async Task<IActionResult> OnPostDeliverAsync(int id, CancellationToken ct)
    {
        Delivery.ListId = id;
        var result = await lists.DeliverAsync(Delivery, User.ToActor(), ct);
        return result is Result<int>.Ok ok
            ? Done(id, $"Instalment {ok.Value} delivered. What was handed over is frozen; print it from the deliveries below.")
            : await Handle(id, result, "", ct, nameof(Delivery));
    }

    public async Task<IActionResult> OnPostTheirCountAsync(int id, CancellationToken ct) =>
        await Handle(id, await lists.SetTheirCountAsync(id, TheirCount, User.ToActor(), ct), "Their stated count recorded.", ct);

    public async Task<IActionResult> OnPostRemoveAsync(int id, int entryId, CancellationToken ct) =>
        await Handle(id, await lists.RemoveEntryAsync(id, entryId, Reason, User.ToActor(), ct), "Entry removed from the list.", ct);

    public async Task<IActionResult> OnPostHoldAsync(int id, int entryId, bool hold, CancellationToken ct) =>
        await Handle(id, await lists.SetHoldAsync(id, entryId, hold, User.ToActor(), ct), hold ? "Entry held until the family is told." : "Entry released for delivery.", ct);

    public async Task<IActionResult> OnPostCarryOverAsync(int id, CancellationToken ct)
    {
        var result = await lists.CarryOverAsync(id, NewListName ?? "", User.ToActor(), ct);
        return result is Result<int>.Ok ok
            ? Done(ok.Value, "Unresolved entries carried over to this new draft list.")
            : await Handle(id, result, "", ct, "", ("Name", nameof(NewListName)));
    }

    private IActionResult Done(int id, string message)
    {
        TempData["StatusMessage"] = message;
        return Redirect($"/Lists/{id}");
    }

    private async Task<IActionResult> Handle<T>(int id, Result<T> result, string message, CancellationToken ct, string prefix = "", params (string From, string To)[] renames)
    {
        switch (result)
        {
            case Result<T>.Ok:
                return Done(id, message);
            case Result<T>.Invalid invalid:
                ModelState.AddFieldErrors(invalid.Errors.Select(e => Rename(e, renames)), prefix);
                break;
            case Result<T>.Conflict:
                ModelState.AddModelError("", "Someone else changed this list meanwhile. Look at it again, then repeat your action.");
                break;
            default:
                return NotFound();
        }
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        Delivery.Version = List.Version;
        Version = List.Version;
        ModelState.Remove($"{nameof(Delivery)}.{nameof(Delivery.Version)}");
        ModelState.Remove(nameof(Version));
        return Page();
    }

    private static FieldError Rename(FieldError error, (string From, string To)[] renames)
    {
        foreach (var (from, to) in renames)
        {
            if (error.Field == from)
            {
                return error with { Field = to };
            }
        }
        return error;
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var found = await lists.GetAsync(id, User.ToActor(), ct);
        if (found is null)
        {
            return false;
        }
        List = found;
        Today = Display.Today(clock);
        Version = found.Version;
        if (found.Status == ListStatus.Draft)
        {
            Issues = await lists.CheckAsync(id, User.ToActor(), ct);
        }
        if (found.Deliveries.Count > 0)
        {
            Progress = await lists.ProgressAsync(id, User.ToActor(), ct);
        }
        return true;
    }
}
