using System.Globalization;
using System.Linq.Expressions;
using CaseTracker.Core.Accounts;
using CaseTracker.Core.Auditing;
using CaseTracker.Core.Cases;
using CaseTracker.Core.Common;
using CaseTracker.Core.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CaseTracker.Core.CaseWork;

public sealed record TimelineEntry(
    Guid Id, CaseEventKind Kind, DateOnly OccurredOn, DateTimeOffset RecordedAt, string? Author, string? Text,
    ContactKind? ContactKind, CaseStatus? FromStatus, CaseStatus? ToStatus, ClosureReason? ClosureReason, string? Source,
    Guid? CorrectsId, bool IsCorrected);

public sealed record TaskItem(Guid Id, int CaseId, string CaseReference, string CaseTitle, string Title, DateOnly DueOn, string? Assignee, bool Done);

public sealed record CaseSummary(int Id, string Reference, string Title, CaseStatus Status, int UrgencyScore, IReadOnlyList<string> UrgencyFactors, DateOnly? StatusSince, string? AssignedTo)
{
    /// <summary>A case as a summary, in a query.</summary>
    public static readonly Expression<Func<Case, CaseSummary>> Of = c => new CaseSummary(c.Id, c.Reference, c.Title, c.Status, c.UrgencyScore,
        c.UrgencyFactors, c.StatusSince, c.AssignedCaseworker == null ? null : c.AssignedCaseworker.DisplayName);
}

public sealed record MyWork(
    IReadOnlyList<CaseSummary> MyCases,
    IReadOnlyList<TaskItem> Overdue,
    IReadOnlyList<TaskItem> DueSoon,
    IReadOnlyList<CaseSummary> PromisedNotOfficial,
    IReadOnlyList<CaseSummary> Quiet);

public sealed record Colleague(string Id, string DisplayName);

/// <summary>What a caseworker does all day: status changes, the timeline, tasks and assignment.</summary>
public sealed class CaseWorkService(
    CaseTrackerDbContext db,
    IValidator<ChangeStatusCommand> statusValidator,
    IValidator<AddEntryCommand> entryValidator,
    IValidator<AddTaskCommand> taskValidator,
    AuditTrail audit,
    TimeProvider clock,
    ILogger<CaseWorkService> logger)
{
    public const int PromisedAlertDays = 30;
    public const int QuietDays = 90;
    public const int DueSoonDays = 7;

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    public async Task<IReadOnlyList<TimelineEntry>> TimelineAsync(int caseId, Actor actor, CaseEventKind? kind, CancellationToken ct) =>
        await TimelineOf(db, caseId, kind, actor.IsSupervisor, actor.UserId).ToListAsync(ct);

    // Compiled, as are the case and its tasks: the case page reads all three on every view. Nothing of a case the actor
    // may not see (in the same statement).
    private static readonly Func<CaseTrackerDbContext, int, CaseEventKind?, bool, string, IAsyncEnumerable<TimelineEntry>> TimelineOf =
        CompiledQueries.OneCompile(EF.CompileAsyncQuery(CaseAccess.Compiled((CaseTrackerDbContext db, int caseId, CaseEventKind? kind, bool supervisor, string userId) =>
            db.CaseEvents.AsNoTracking()
                .Where(e => e.CaseId == caseId && db.Cases.Any(c => c.Id == e.CaseId && CaseAccess.Sees(c, supervisor, userId))
                    && (kind == null || e.Kind == kind))
                .OrderByDescending(e => e.OccurredOn).ThenByDescending(e => e.RecordedAt)
                .Select(e => new TimelineEntry(e.Id, e.Kind, e.OccurredOn, e.RecordedAt, e.Author == null ? null : e.Author.DisplayName, e.Text,
                    e.ContactKind, e.FromStatus, e.ToStatus, e.ClosureReason, e.Source, e.CorrectsId,
                    db.CaseEvents.Any(x => x.CaseId == caseId && x.CorrectsId == e.Id))))));

    public async Task<Result<CaseStatus>> ChangeStatusAsync(ChangeStatusCommand command, Actor actor, CancellationToken ct)
    {
        var entity = await db.Cases.VisibleTo(actor).Include(c => c.People).ThenInclude(p => p.Person)
            .AsSplitQuery().FirstOrDefaultAsync(c => c.Id == command.CaseId, ct);
        if (entity is null)
        {
            return new Result<CaseStatus>.NotFound();
        }
        if (await db.CaseEvents.AnyAsync(e => e.Id == command.EventId, ct))
        {
            // The same form posted twice (a double click, a retry after a network error): recorded once.
            return new Result<CaseStatus>.Ok(entity.Status);
        }
        var from = entity.Status;
        if (entity.Version != command.Version)
        {
            // The form was made from an older state of the case: its choice of next status may no longer apply.
            return new Result<CaseStatus>.Conflict(from);
        }
        var validation = await statusValidator.ValidateAsync(command, ct);
        if (!validation.IsValid)
        {
            return new Result<CaseStatus>.Invalid(validation.ToFieldErrors());
        }
        if (!CaseWorkflow.IsAllowed(from, command.ToStatus))
        {
            return new Result<CaseStatus>.Invalid([new FieldError(nameof(command.ToStatus), CaseWorkflow.Explain(from, command.ToStatus))]);
        }

        db.Entry(entity).Property(e => e.Version).OriginalValue = command.Version;
        Transition(entity, command.ToStatus, command.OccurredOn, command.Reason, command.ClosureReason, command.Source, actor, command.EventId);
        audit.Add(actor, AuditActions.CaseUpdated, "Case", Id(entity.Id), entity.Id, new { changes = audit.CaseChanges() });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Cases.Where(c => c.Id == command.CaseId).Select(c => c.Status).FirstAsync(ct);
            if (await db.CaseEvents.AnyAsync(e => e.Id == command.EventId, ct))
            {
                // Saved after all: the first attempt committed but its acknowledgement was lost, and the retry saw
                // the case at its new version.
                return new Result<CaseStatus>.Ok(current);
            }
            return new Result<CaseStatus>.Conflict(current);
        }
        logger.LogInformation("Case {CaseId} moved from {From} to {To} by {UserId}", entity.Id, from, command.ToStatus, actor.UserId);
        return new Result<CaseStatus>.Ok(entity.Status);
    }

    /// <summary>
    /// Moves a case (loaded with its people) to an allowed status and puts the change on its timeline; the
    /// caller checks <see cref="CaseWorkflow.IsAllowed"/>, audits and saves. Used by status changes and by
    /// answers from the other side.
    /// </summary>
    internal CaseEvent Transition(Case entity, CaseStatus to, DateOnly on, string? reason, ClosureReason? closure, string? source, Actor actor, Guid eventId)
    {
        var from = entity.Status;
        var now = clock.GetUtcNow();
        entity.Status = to;
        entity.StatusSince = on;
        entity.UpdatedAt = now;
        if (to == CaseStatus.Refused)
        {
            entity.RefusalCount++;
            entity.RefusalReason = string.IsNullOrWhiteSpace(reason) ? entity.RefusalReason : reason.Trim();
        }
        CaseUrgency.Refresh(entity, Today);
        var text = to switch
        {
            CaseStatus.Refused when CaseWorkflow.IsRescission(from, to) => $"Permission rescinded. Stated reason: {reason?.Trim()}",
            CaseStatus.Refused => $"Refused. Stated reason: {reason?.Trim()}",
            _ => string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(),
        };
        var entry = new CaseEvent
        {
            Id = eventId, CaseId = entity.Id, Kind = CaseEventKind.StatusChange, OccurredOn = on, RecordedAt = now,
            AuthorId = AuthorId(actor), FromStatus = from, ToStatus = to, ClosureReason = closure,
            Text = text, Source = Clean(source),
        };
        db.CaseEvents.Add(entry);
        return entry;
    }

    /// <summary>Adds a note or a contact. Notes do not touch the case row, so they never conflict with an edit.</summary>
    public async Task<Result<Guid>> AddEntryAsync(AddEntryCommand command, Actor actor, CancellationToken ct)
    {
        if (!await db.Cases.VisibleTo(actor).AnyAsync(c => c.Id == command.CaseId, ct))
        {
            return new Result<Guid>.NotFound();
        }
        var validation = await entryValidator.ValidateAsync(command, ct);
        if (!validation.IsValid)
        {
            return new Result<Guid>.Invalid(validation.ToFieldErrors());
        }
        if (command.CorrectsId is { } corrects && !await db.CaseEvents.AnyAsync(e => e.Id == corrects && e.CaseId == command.CaseId, ct))
        {
            return new Result<Guid>.Invalid([new FieldError(nameof(command.CorrectsId), "The entry to correct is not on this case's timeline.")]);
        }
        var entry = new CaseEvent
        {
            Id = command.EventId, CaseId = command.CaseId, Kind = command.Kind, OccurredOn = command.OccurredOn,
            RecordedAt = clock.GetUtcNow(), AuthorId = AuthorId(actor),
            ContactKind = command.Kind == CaseEventKind.Contact ? command.ContactKind : null,
            Text = command.Text.Trim(), Source = Clean(command.Source), CorrectsId = command.CorrectsId,
        };
        db.CaseEvents.Add(entry);
        audit.Add(actor, "case.entry_added", "CaseEvent", entry.Id.ToString(), command.CaseId, new { kind = command.Kind.ToString(), corrects = command.CorrectsId });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Already recorded by an earlier submission of the same form.
            db.ChangeTracker.Clear();
        }
        return new Result<Guid>.Ok(command.EventId);
    }

    public async Task<Result<Guid>> AddTaskAsync(AddTaskCommand command, Actor actor, CancellationToken ct)
    {
        if (!await db.Cases.VisibleTo(actor).AnyAsync(c => c.Id == command.CaseId, ct))
        {
            return new Result<Guid>.NotFound();
        }
        var validation = await taskValidator.ValidateAsync(command, ct);
        if (!validation.IsValid)
        {
            return new Result<Guid>.Invalid(validation.ToFieldErrors());
        }
        if (await db.CaseTasks.AnyAsync(t => t.Id == command.TaskId, ct))
        {
            return new Result<Guid>.Ok(command.TaskId);
        }
        var assignee = string.IsNullOrEmpty(command.AssigneeId) ? AuthorId(actor) : command.AssigneeId;
        if (assignee is not null && !await db.Users.AnyAsync(u => u.Id == assignee && !u.IsDisabled, ct))
        {
            return new Result<Guid>.Invalid([new FieldError(nameof(command.AssigneeId), "Choose a colleague from the list.")]);
        }
        var now = clock.GetUtcNow();
        db.CaseTasks.Add(new CaseTask
        {
            Id = command.TaskId, CaseId = command.CaseId, Title = command.Title.Trim(), DueOn = command.DueOn,
            AssigneeId = assignee, CreatedAt = now, CreatedById = AuthorId(actor),
        });
        db.CaseEvents.Add(new CaseEvent
        {
            Id = Guid.NewGuid(), CaseId = command.CaseId, Kind = CaseEventKind.Task, OccurredOn = Today, RecordedAt = now,
            AuthorId = AuthorId(actor), TaskId = command.TaskId,
            Text = $"Task added: {command.Title.Trim()} (due {command.DueOn.ToString("d MMM yyyy", CultureInfo.GetCultureInfo("en-GB"))})",
        });
        audit.Add(actor, "case.task_added", "CaseTask", command.TaskId.ToString(), command.CaseId);
        await db.SaveChangesAsync(ct);
        return new Result<Guid>.Ok(command.TaskId);
    }

    public async Task<Result<Guid>> CompleteTaskAsync(Guid taskId, Actor actor, CancellationToken ct)
    {
        var visible = db.Cases.VisibleTo(actor);
        var task = await db.CaseTasks.FirstOrDefaultAsync(t => t.Id == taskId && visible.Any(c => c.Id == t.CaseId), ct);
        if (task is null)
        {
            return new Result<Guid>.NotFound();
        }
        if (task.CompletedAt is not null)
        {
            return new Result<Guid>.Ok(task.Id);
        }
        var now = clock.GetUtcNow();
        task.CompletedAt = now;
        db.CaseEvents.Add(new CaseEvent
        {
            Id = Guid.NewGuid(), CaseId = task.CaseId, Kind = CaseEventKind.Task, OccurredOn = Today, RecordedAt = now,
            AuthorId = AuthorId(actor), TaskId = task.Id, Text = $"Task done: {task.Title}",
        });
        audit.Add(actor, "case.task_done", "CaseTask", task.Id.ToString(), task.CaseId);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Result<Guid>.Ok(task.Id);
        }
        return new Result<Guid>.Ok(task.Id);
    }

    public async Task<IReadOnlyList<TaskItem>> TasksAsync(int caseId, Actor actor, CancellationToken ct) =>
        await TasksOf(db, caseId, actor.IsSupervisor, actor.UserId).ToListAsync(ct);

    private static readonly Expression<Func<CaseTask, TaskItem>> AsTaskItem = t => new TaskItem(t.Id, t.CaseId, t.Case.Reference, t.Case.Title,
        t.Title, t.DueOn, t.Assignee == null ? null : t.Assignee.DisplayName, t.CompletedAt != null);

    private static readonly Func<CaseTrackerDbContext, int, bool, string, IAsyncEnumerable<TaskItem>> TasksOf =
        CompiledQueries.OneCompile(EF.CompileAsyncQuery(CaseAccess.Compiled((CaseTrackerDbContext db, int caseId, bool supervisor, string userId) =>
            db.CaseTasks.AsNoTracking()
                .Where(t => t.CaseId == caseId && db.Cases.Any(c => c.Id == t.CaseId && CaseAccess.Sees(c, supervisor, userId)))
                .OrderBy(t => t.CompletedAt != null).ThenBy(t => t.DueOn)
                .Select(AsTaskItem))));

    /// <summary>Supervisors assign cases, one or many at once; the assignee must be an active caseworker or supervisor.</summary>
    public async Task<Result<int>> AssignAsync(IReadOnlyCollection<int> caseIds, string? assigneeId, Actor actor, CancellationToken ct)
    {
        if (!actor.IsSupervisor)
        {
            return new Result<int>.NotFound();
        }
        if (caseIds.Count == 0)
        {
            return new Result<int>.Invalid([new FieldError("CaseIds", "Choose at least one case.")]);
        }
        string? assigneeName = null;
        if (!string.IsNullOrEmpty(assigneeId))
        {
            assigneeName = await (from u in db.Users
                                  join ur in db.UserRoles on u.Id equals ur.UserId
                                  join r in db.Roles on ur.RoleId equals r.Id
                                  where u.Id == assigneeId && !u.IsDisabled && (r.Name == Roles.Caseworker || r.Name == Roles.Supervisor)
                                  select u.DisplayName).FirstOrDefaultAsync(ct);
            if (assigneeName is null)
            {
                return new Result<int>.Invalid([new FieldError("AssigneeId", "Choose an active caseworker or supervisor.")]);
            }
        }
        var cases = await db.Cases.Where(c => caseIds.Contains(c.Id)).ToListAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var c in cases.Where(c => c.AssignedCaseworkerId != assigneeId))
        {
            var before = c.AssignedCaseworkerId;
            c.AssignedCaseworkerId = string.IsNullOrEmpty(assigneeId) ? null : assigneeId;
            c.UpdatedAt = now;
            db.CaseEvents.Add(new CaseEvent
            {
                Id = Guid.NewGuid(), CaseId = c.Id, Kind = CaseEventKind.Assignment, OccurredOn = Today, RecordedAt = now,
                AuthorId = AuthorId(actor), Text = assigneeName is null ? "Unassigned" : $"Assigned to {assigneeName}",
            });
            audit.Add(actor, "case.assigned", "Case", Id(c.Id), c.Id, new { changes = new[] { new FieldChange("AssignedCaseworkerId", before, assigneeId) } });
        }
        await db.SaveChangesAsync(ct);
        logger.LogInformation("{Count} case(s) assigned by {UserId}", cases.Count, actor.UserId);
        return new Result<int>.Ok(cases.Count);
    }

    public async Task<IReadOnlyList<Colleague>> AssignableAsync(CancellationToken ct) =>
        await (from u in db.Users
               join ur in db.UserRoles on u.Id equals ur.UserId
               join r in db.Roles on ur.RoleId equals r.Id
               where !u.IsDisabled && (r.Name == Roles.Caseworker || r.Name == Roles.Supervisor)
               orderby u.DisplayName
               select new Colleague(u.Id, u.DisplayName)).Distinct().ToListAsync(ct);

    /// <summary>The caseworker's home page.</summary>
    public async Task<MyWork> MyWorkAsync(Actor actor, CancellationToken ct)
    {
        var today = Today;
        var open = db.Cases.AsNoTracking().VisibleTo(actor).Where(CaseStatuses.Open);
        var mine = open.Where(c => c.AssignedCaseworkerId == actor.UserId);
        // Supervisors watch the alerts over everyone's cases; caseworkers over their own.
        var watched = actor.IsSupervisor ? open : mine;

        var myCases = await Summaries(mine.OrderByDescending(c => c.UrgencyScore).ThenBy(c => c.Reference).Take(50)).ToListAsync(ct);
        var visible = db.Cases.VisibleTo(actor);
        var myTasks = db.CaseTasks.Where(t => t.AssigneeId == actor.UserId && t.CompletedAt == null && visible.Any(c => c.Id == t.CaseId));
        var overdue = await Tasks(myTasks.Where(t => t.DueOn < today).OrderBy(t => t.DueOn).Take(100)).ToListAsync(ct);
        var soon = await Tasks(myTasks.Where(t => t.DueOn >= today && t.DueOn <= today.AddDays(DueSoonDays)).OrderBy(t => t.DueOn).Take(100)).ToListAsync(ct);
        var promisedBefore = today.AddDays(-PromisedAlertDays);
        var promised = await Summaries(watched.Where(c => c.Status == CaseStatus.ReleasePromised && c.StatusSince < promisedBefore)
            .OrderBy(c => c.StatusSince).Take(100)).ToListAsync(ct);
        var quietSince = clock.GetUtcNow().AddDays(-QuietDays);
        var quiet = await Summaries(watched.Where(c => c.UpdatedAt < quietSince && !db.CaseEvents.Any(e => e.CaseId == c.Id && e.RecordedAt >= quietSince))
            .OrderByDescending(c => c.UrgencyScore).Take(100)).ToListAsync(ct);
        return new MyWork(myCases, overdue, soon, promised, quiet);
    }

    private static IQueryable<TaskItem> Tasks(IQueryable<CaseTask> tasks) => tasks.Select(AsTaskItem);

    private static IQueryable<CaseSummary> Summaries(IQueryable<Case> cases) => cases.Select(CaseSummary.Of);

    private static string? AuthorId(Actor actor) => actor == Actor.System ? null : actor.UserId;

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
