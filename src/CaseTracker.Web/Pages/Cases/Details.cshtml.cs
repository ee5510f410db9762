using CaseTracker.Core.Accounts;
using CaseTracker.Core.Cases;
using CaseTracker.Core.CaseWork;
using CaseTracker.Core.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseTracker.Web.Pages.Cases;

/// <summary>A case: its facts, what can happen next, its timeline and its tasks.</summary>
public sealed class DetailsModel(CaseService cases, CaseWorkService work, TimeProvider clock) : PageModel
{
    public CaseDetails Case { get; private set; } = null!;
    public IReadOnlyList<TimelineEntry> Timeline { get; private set; } = [];
    public IReadOnlyList<TaskItem> Tasks { get; private set; } = [];
    public IReadOnlyList<Colleague> Colleagues { get; private set; } = [];
    public DateOnly Today { get; private set; }

    [BindProperty(SupportsGet = true)]
    public CaseEventKind? Kind { get; set; }

    [BindProperty]
    public ChangeStatusCommand Status { get; set; } = new();

    [BindProperty]
    public AddEntryCommand Entry { get; set; } = new();

    [BindProperty]
    public AddTaskCommand NewTask { get; set; } = new();

    [BindProperty]
    public string? AssigneeId { get; set; }

    public bool IsSupervisor => User.IsInRole(Roles.Supervisor);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var found = await cases.ViewAsync(id, User.ToActor(), ct);
        if (found is null)
        {
            return NotFound();
        }
        await LoadAsync(found, ct);
        Status = new ChangeStatusCommand { EventId = Guid.NewGuid(), CaseId = id, Version = found.Version, OccurredOn = Today };
        Entry = new AddEntryCommand { EventId = Guid.NewGuid(), CaseId = id, OccurredOn = Today };
        NewTask = new AddTaskCommand { TaskId = Guid.NewGuid(), CaseId = id, DueOn = Today.AddDays(7) };
        AssigneeId = found.AssignedCaseworkerId;
        return Page();
    }

    public async Task<IActionResult> OnPostStatusAsync(int id, CancellationToken ct)
    {
        Status.CaseId = id;
        if (ModelState.IsValid)
        {
            switch (await work.ChangeStatusAsync(Status, User.ToActor(), ct))
            {
                case Result<CaseStatus>.Ok ok:
                    TempData["StatusMessage"] = $"Status changed to {CaseStatuses.DisplayName(ok.Value).ToLowerInvariant()}.";
                    return Redirect($"/Cases/{id}");
                case Result<CaseStatus>.Invalid invalid:
                    ModelState.AddFieldErrors(invalid.Errors, nameof(Status));
                    break;
                case Result<CaseStatus>.Conflict conflict:
                    ModelState.AddModelError($"{nameof(Status)}.{nameof(Status.ToStatus)}",
                        $"Someone else changed this case while you were looking at it; it is now {CaseStatuses.DisplayName(conflict.Current).ToLowerInvariant()}. Check the timeline, then choose again.");
                    break;
                default:
                    return NotFound();
            }
        }
        return await RedisplayAsync(id, keepStatusForm: true, ct);
    }

    public async Task<IActionResult> OnPostEntryAsync(int id, CancellationToken ct)
    {
        Entry.CaseId = id;
        if (ModelState.IsValid)
        {
            switch (await work.AddEntryAsync(Entry, User.ToActor(), ct))
            {
                case Result<Guid>.Ok:
                    TempData["StatusMessage"] = Entry.Kind == CaseEventKind.Contact ? "Contact recorded." : Entry.CorrectsId is null ? "Note added." : "Correction added.";
                    return Redirect($"/Cases/{id}#timeline");
                case Result<Guid>.Invalid invalid:
                    ModelState.AddFieldErrors(invalid.Errors, nameof(Entry));
                    break;
                default:
                    return NotFound();
            }
        }
        return await RedisplayAsync(id, keepStatusForm: false, ct);
    }

    public async Task<IActionResult> OnPostTaskAsync(int id, CancellationToken ct)
    {
        NewTask.CaseId = id;
        if (ModelState.IsValid)
        {
            switch (await work.AddTaskAsync(NewTask, User.ToActor(), ct))
            {
                case Result<Guid>.Ok:
                    TempData["StatusMessage"] = "Task added.";
                    return Redirect($"/Cases/{id}#tasks");
                case Result<Guid>.Invalid invalid:
                    ModelState.AddFieldErrors(invalid.Errors, nameof(NewTask));
                    break;
                default:
                    return NotFound();
            }
        }
        return await RedisplayAsync(id, keepStatusForm: false, ct);
    }

    public async Task<IActionResult> OnPostCompleteTaskAsync(int id, Guid taskId, CancellationToken ct)
    {
        if (await work.CompleteTaskAsync(taskId, User.ToActor(), ct) is not Result<Guid>.Ok)
        {
            return NotFound();
        }
        TempData["StatusMessage"] = "Task done.";
        return Redirect($"/Cases/{id}#tasks");
    }

    public async Task<IActionResult> OnPostAssignAsync(int id, CancellationToken ct)
    {
        if (!IsSupervisor)
        {
            return Forbid();
        }
        switch (await work.AssignAsync([id], AssigneeId, User.ToActor(), ct))
        {
            case Result<int>.Ok:
                TempData["StatusMessage"] = string.IsNullOrEmpty(AssigneeId) ? "Case unassigned." : "Case assigned.";
                return Redirect($"/Cases/{id}");
            case Result<int>.Invalid invalid:
                ModelState.AddFieldErrors(invalid.Errors, "");
                return await RedisplayAsync(id, keepStatusForm: false, ct);
            default:
                return NotFound();
        }
    }

    private async Task<IActionResult> RedisplayAsync(int id, bool keepStatusForm, CancellationToken ct)
    {
        var found = await cases.GetAsync(id, User.ToActor(), ct);
        if (found is null)
        {
            return NotFound();
        }
        await LoadAsync(found, ct);
        if (!keepStatusForm)
        {
            Status = new ChangeStatusCommand { EventId = Guid.NewGuid(), CaseId = id, Version = found.Version, OccurredOn = Today };
        }
        else
        {
            // The form now acts on the case as it is saved.
            Status.Version = found.Version;
            ModelState.Remove($"{nameof(Status)}.{nameof(Status.Version)}");
        }
        if (Entry.EventId == Guid.Empty)
        {
            Entry = new AddEntryCommand { EventId = Guid.NewGuid(), CaseId = id, OccurredOn = Today };
        }
        if (NewTask.TaskId == Guid.Empty)
        {
            NewTask = new AddTaskCommand { TaskId = Guid.NewGuid(), CaseId = id, DueOn = Today.AddDays(7) };
        }
        return Page();
    }

    private async Task LoadAsync(CaseDetails found, CancellationToken ct)
    {
        Case = found;
        Today = Display.Today(clock);
        var actor = User.ToActor();
        Timeline = await work.TimelineAsync(found.Id, actor, Kind, ct);
        Tasks = await work.TasksAsync(found.Id, actor, ct);
        if (IsSupervisor)
        {
            Colleagues = await work.AssignableAsync(ct);
        }
    }
}
