using System.Globalization;
using System.Text.Json;
using CaseTracker.Core.Accounts;
using CaseTracker.Core.Auditing;
using CaseTracker.Core.Cases;
using CaseTracker.Core.CaseWork;
using CaseTracker.Core.Common;
using CaseTracker.Core.Names;
using CaseTracker.Core.People;
using CaseTracker.Core.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;

namespace CaseTracker.Core.Lists;

/// <summary>Representation lists: building them, checking, delivering, answers, progress, reconciliation.</summary>
public sealed class ListService(
    CaseTrackerDbContext db,
    CaseService cases,
    CaseWorkService work,
    IValidator<CreateListCommand> createValidator,
    IValidator<DeliverListCommand> deliverValidator,
    IValidator<RecordAnswerCommand> answerValidator,
    AuditTrail audit,
    TimeProvider clock,
    IMemoryCache cache,
    ILogger<ListService> logger)
{
    private static readonly int[] ProgressMonths = [1, 4, 8];

    /// <summary>
    /// How long the draft lists' names (the case list's "Add to list", on every case list request) are kept in memory.
    /// This instance forgets them at once when it creates or approves a list; another instance's change shows within
    /// this time. A page open for longer offers the same choice, and adding to a list that is no longer a draft is
    /// refused with a message.
    /// </summary>
    public static readonly TimeSpan DraftListsKept = TimeSpan.FromSeconds(10);

    private const string DraftListsKey = "draft-lists";

    /// <summary>"Add all matching" adds at most this many cases, the first in the case list's order.</summary>
    public const int MaxAddAll = 5000;

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private IQueryable<ListEntry> ActiveEntries(int listId, Actor actor)
    {
        var visible = db.Cases.VisibleTo(actor);
        return db.ListEntries.Where(e => e.ListId == listId && e.RemovedAt == null && visible.Any(c => c.Id == e.CaseId));
    }

    public async Task<IReadOnlyList<ListSummary>> ListsAsync(Actor actor, CancellationToken ct)
    {
        var visible = db.Cases.VisibleTo(actor);
        var lists = await db.Lists.AsNoTracking().OrderByDescending(l => l.CreatedAt)
            .Select(l => new
            {
                l.Id, l.Name, l.Category, l.Status, l.TargetDate, l.TheirStatedCount,
                FirstDelivered = l.Deliveries.OrderBy(d => d.DeliveredOn).Select(d => (DateOnly?)d.DeliveredOn).FirstOrDefault(),
                Entries = l.Entries.Where(e => e.RemovedAt == null && visible.Any(c => c.Id == e.CaseId))
                    .Select(e => new { e.Case.Status, People = e.Case.People.Select(p => new { p.Role, p.Person.Citizenships }).ToList() }).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(ct);
        return lists.Select(l => new ListSummary(l.Id, l.Name, l.Category, l.Status, l.TargetDate, l.Entries.Count,
            l.Entries.Sum(e => PersonsInUssr(e.People.Select(p => (p.Role, (IReadOnlyCollection<string>)p.Citizenships)))),
            l.TheirStatedCount, l.FirstDelivered, l.Entries.Count(e => IsResolved(e.Status)))).ToList();
    }

    /// <summary>The draft lists, which take new entries: names only, for choosing one.</summary>
    public async Task<IReadOnlyList<ListName>> DraftListsAsync(CancellationToken ct) =>
        await cache.GetOrCreateAsync(DraftListsKey, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = DraftListsKept;
            return (IReadOnlyList<ListName>)await Names(db.Lists.Where(l => l.Status == ListStatus.Draft).OrderBy(l => l.Name)).ToListAsync(ct);
        }) ?? [];

    /// <summary>Every list, the newest first: names only, for choosing one (a filter).</summary>
    public async Task<IReadOnlyList<ListName>> ListNamesAsync(CancellationToken ct) =>
        await Names(db.Lists.OrderByDescending(l => l.CreatedAt)).ToListAsync(ct);

    private static IQueryable<ListName> Names(IQueryable<RepresentationList> lists) =>
        lists.AsNoTracking().Select(l => new ListName(l.Id, l.Name));

    public async Task<ListDetails?> GetAsync(int id, Actor actor, CancellationToken ct)
    {
        var list = await db.Lists.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, ct);
        if (list is null)
        {
            return null;
        }
        var entries = await ActiveEntries(id, actor).OrderBy(e => e.Position)
            .Select(e => new
            {
                e.Id, e.Position, e.CaseId, e.Case.Reference, e.Case.Title, e.Case.Status, e.HoldUntilFamilyTold, e.DeliveryId, e.Case.FirstExitApplicationOn,
                People = e.Case.People.OrderBy(p => p.Position).Select(p => new { p.Role, p.Person.FamilyName, p.Person.GivenName, p.Person.NativeFamilyName, p.Person.NativeGivenName, p.Person.Citizenships }).ToList(),
                Latest = e.Answers.OrderByDescending(a => a.ReceivedOn).ThenByDescending(a => a.Id)
                    .Select(a => new ListAnswerItem(a.Id, a.ReceivedOn, a.Channel, a.Outcome, a.TheirWords, a.Verification, null)).FirstOrDefault(),
            })
            .AsSplitQuery()
            .ToListAsync(ct);
        var deliveries = await db.ListDeliveries.AsNoTracking().Where(d => d.ListId == id).OrderBy(d => d.Instalment)
            .Select(d => new ListDeliveryItem(d.Id, d.Instalment, d.DeliveredOn, d.Occasion, d.DeliveredBy, d.DeliveredTo,
                db.ListEntries.Count(e => e.DeliveryId == d.Id)))
            .ToListAsync(ct);
        return new ListDetails(list.Id, list.Name, list.Purpose, list.Category, list.Classification, list.TargetDate, list.Status,
            list.TheirStatedCount, list.CarriedOverFromId, list.Version, list.CheckAcknowledgedAt,
            entries.Select(e =>
            {
                var first = e.People.FirstOrDefault();
                return new ListEntryItem(e.Id, e.Position, e.CaseId, e.Reference, e.Title, e.Status,
                    first is null ? "" : $"{first.FamilyName} {first.GivenName}".Trim(),
                    first is null ? "" : $"{first.NativeFamilyName} {first.NativeGivenName}".Trim(),
                    PersonsInUssr(e.People.Select(p => (p.Role, (IReadOnlyCollection<string>)p.Citizenships))),
                    e.HoldUntilFamilyTold, e.DeliveryId is not null, e.FirstExitApplicationOn, e.Latest);
            }).ToList(),
            deliveries);
    }

    public async Task<Result<int>> CreateAsync(CreateListCommand command, Actor actor, CancellationToken ct)
    {
        var validation = await createValidator.ValidateAsync(command, ct);
        if (!validation.IsValid)
        {
            return new Result<int>.Invalid(validation.ToFieldErrors());
        }
        var name = command.Name.Trim();
        if (await db.Lists.AnyAsync(l => l.Name == name, ct))
        {
            return new Result<int>.Invalid([new FieldError(nameof(command.Name), "A list with this name exists already.")]);
        }
        var now = clock.GetUtcNow();
        var list = new RepresentationList
        {
            Name = name, Purpose = Clean(command.Purpose), Category = command.Category, Classification = Clean(command.Classification),
            TargetDate = command.TargetDate, Status = ListStatus.Draft, CreatedAt = now, UpdatedAt = now, CreatedById = actor.UserId,
        };
        db.Lists.Add(list);
        await db.SaveChangesAsync(ct);
        cache.Remove(DraftListsKey);
        await audit.RecordAsync(actor, "list.created", "List", Id(list.Id), details: new { name }, ct: ct);
        return new Result<int>.Ok(list.Id);
    }

    /// <summary>Adds cases to a draft list, at the end, skipping those already on it.</summary>
    public async Task<Result<int>> AddCasesAsync(int listId, IReadOnlyCollection<int> caseIds, Actor actor, CancellationToken ct)
    {
        var list = await db.Lists.FirstOrDefaultAsync(l => l.Id == listId, ct);
        if (list is null)
        {
            return new Result<int>.NotFound();
        }
        if (list.Status != ListStatus.Draft)
        {
            return new Result<int>.Invalid([new FieldError("ListId", $"List {list.Name} is {list.Status.ToString().ToLowerInvariant()}: only a draft list takes new entries. Carry its unresolved entries over to a new list instead.")]);
        }
        var visible = db.Cases.VisibleTo(actor);
        var wanted = await visible.Where(c => caseIds.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct);
        var present = await db.ListEntries.Where(e => e.ListId == listId && e.RemovedAt == null).Select(e => e.CaseId).ToListAsync(ct);
        var position = await db.ListEntries.Where(e => e.ListId == listId).MaxAsync(e => (int?)e.Position, ct) ?? 0;
        var now = clock.GetUtcNow();
        var added = 0;
        foreach (var caseId in caseIds.Where(wanted.Contains).Except(present).Distinct())
        {
            db.ListEntries.Add(new ListEntry { ListId = listId, CaseId = caseId, Position = ++position, AddedAt = now, AddedById = actor.UserId });
            added++;
        }
        list.UpdatedAt = now;
        audit.Add(actor, "list.entries_added", "List", Id(listId), details: new { count = added });
        await db.SaveChangesAsync(ct);
        return new Result<int>.Ok(added);
    }

    /// <summary>Adds every case matching the case list's filters (at most <see cref="MaxAddAll"/>).</summary>
    public async Task<Result<int>> AddByFilterAsync(int listId, CaseListQuery query, Actor actor, CancellationToken ct) =>
        await AddCasesAsync(listId, await cases.MatchingIdsAsync(query, actor, MaxAddAll, ct), actor, ct);

    public async Task<Result<int>> RemoveEntryAsync(int listId, int entryId, string? reason, Actor actor, CancellationToken ct)
    {
        var entry = await ActiveEntries(listId, actor).FirstOrDefaultAsync(e => e.Id == entryId, ct);
        if (entry is null)
        {
            return new Result<int>.NotFound();
        }
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 500 || !CaseCommandValidator.NoControlCharacters(reason))
        {
            return new Result<int>.Invalid([new FieldError("Reason", "Say why the entry is removed (up to 500 characters).")]);
        }
        entry.RemovedAt = clock.GetUtcNow();
        entry.RemovedById = actor.UserId;
        entry.RemovalReason = reason.Trim();
        audit.Add(actor, "list.entry_removed", "List", Id(listId), entry.CaseId, new { reason = entry.RemovalReason });
        await db.SaveChangesAsync(ct);
        return new Result<int>.Ok(entry.Id);
    }

    public async Task<Result<bool>> SetHoldAsync(int listId, int entryId, bool hold, Actor actor, CancellationToken ct)
    {
        var entry = await ActiveEntries(listId, actor).FirstOrDefaultAsync(e => e.Id == entryId, ct);
        if (entry is null)
        {
            return new Result<bool>.NotFound();
        }
        entry.HoldUntilFamilyTold = hold;
        audit.Add(actor, hold ? "list.entry_held" : "list.entry_released", "List", Id(listId), entry.CaseId);
        await db.SaveChangesAsync(ct);
        return new Result<bool>.Ok(hold);
    }

    /// <summary>The pre-delivery check: what must be looked at before the list goes out.</summary>
    public async Task<IReadOnlyList<CheckIssue>> CheckAsync(int listId, Actor actor, CancellationToken ct)
    {
        var entries = await ActiveEntries(listId, actor).OrderBy(e => e.Position)
            .Select(e => new
            {
                e.Id, e.Case.Reference, e.Case.Status, e.Case.FirstExitApplicationOn, e.HoldUntilFamilyTold,
                People = e.Case.People.Select(p => new { p.PersonId, p.Role, p.Person.FamilyName, p.Person.GivenName, p.Person.NativeFamilyName, p.Person.NativeGivenName, p.Person.BirthYear, p.Person.DeclinesListing, p.Person.Citizenships }).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(ct);
        var issues = new List<CheckIssue>();
        foreach (var e in entries)
        {
            if (IsResolved(e.Status))
            {
                issues.Add(new(CheckKind.AlreadyResolved, e.Id, e.Reference, $"{e.Reference} is already {CaseStatuses.DisplayName(e.Status).ToLowerInvariant()}: listing it again lets the other side dismiss the list."));
            }
            else if (e.Status == CaseStatus.Closed)
            {
                issues.Add(new(CheckKind.Closed, e.Id, e.Reference, $"{e.Reference} is closed."));
            }
            if (e.FirstExitApplicationOn is null)
            {
                issues.Add(new(CheckKind.MissingExitApplication, e.Id, e.Reference, $"{e.Reference} has no date of the first exit application."));
            }
            foreach (var p in e.People.Where(p => p.DeclinesListing))
            {
                issues.Add(new(CheckKind.NoConsent, e.Id, e.Reference, $"{e.Reference}: {p.FamilyName} {p.GivenName} does not consent to be named on lists."));
            }
            if (e.HoldUntilFamilyTold)
            {
                issues.Add(new(CheckKind.HeldUntilFamilyTold, e.Id, e.Reference, $"{e.Reference} is held until the family has been told; it will not be delivered."));
            }
        }
        // The same person twice: one record on two entries, or two records whose names meet across scripts.
        var people = entries.SelectMany(e => e.People.Where(p => Urgency.IsInUssr(p.Role, p.Citizenships))
                .Select(p => (Entry: e, Person: p, Forms: new[] { $"{p.FamilyName} {p.GivenName}", $"{p.NativeFamilyName} {p.NativeGivenName}" }
                    .Where(f => f.Trim().Length > 0).Select(NameForm.Of).ToList())))
            .ToList();
        for (var i = 0; i < people.Count; i++)
        {
            for (var j = i + 1; j < people.Count; j++)
            {
                var (a, b) = (people[i], people[j]);
                if (a.Entry.Id == b.Entry.Id)
                {
                    continue;
                }
                var same = a.Person.PersonId == b.Person.PersonId
                    || ((a.Person.BirthYear is null || b.Person.BirthYear is null || Math.Abs(a.Person.BirthYear.Value - b.Person.BirthYear.Value) <= 1)
                        && a.Forms.Any(fa => b.Forms.Any(fb => NameSimilarity.Score(fa, fb) >= 0.97)));
                if (same)
                {
                    issues.Add(new(CheckKind.Duplicate, b.Entry.Id, b.Entry.Reference,
                        $"{a.Person.FamilyName} {a.Person.GivenName} may be listed twice: on {a.Entry.Reference} and on {b.Entry.Reference}."));
                }
            }
        }
        return issues;
    }

    /// <summary>Approves a draft list; when the check found something, the user must have acknowledged it.</summary>
    public async Task<Result<bool>> ApproveAsync(int listId, uint version, bool acknowledged, Actor actor, CancellationToken ct)
    {
        var list = await db.Lists.FirstOrDefaultAsync(l => l.Id == listId, ct);
        if (list is null)
        {
            return new Result<bool>.NotFound();
        }
        if (list.Status != ListStatus.Draft)
        {
            return new Result<bool>.Invalid([new FieldError("", "Only a draft list can be approved.")]);
        }
        if (!await ActiveEntries(listId, actor).AnyAsync(ct))
        {
            return new Result<bool>.Invalid([new FieldError("", "The list is empty: add cases before approving it.")]);
        }
        var issues = await CheckAsync(listId, actor, ct);
        if (issues.Count > 0 && !acknowledged)
        {
            return new Result<bool>.Invalid([new FieldError("Acknowledge", $"Review the {issues.Count} point(s) of the pre-delivery check and tick that you have.")]);
        }
        db.Entry(list).Property(l => l.Version).OriginalValue = version;
        var now = clock.GetUtcNow();
        list.Status = ListStatus.Approved;
        list.ApprovedAt = now;
        list.ApprovedById = actor.UserId;
        list.CheckAcknowledgedAt = now;
        list.CheckAcknowledgedById = actor.UserId;
        list.UpdatedAt = now;
        audit.Add(actor, "list.approved", "List", Id(listId), details: new { issues = issues.Select(i => i.Message).ToList() });
        try
        {
            await db.SaveChangesAsync(ct);
            cache.Remove(DraftListsKey);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Result<bool>.Conflict(false);
        }
        return new Result<bool>.Ok(true);
    }

    /// <summary>
    /// Hands over the approved entries not yet delivered (and not held) as one instalment, freezing them
    /// in a snapshot; documented cases become submitted, with a timeline entry.
    /// </summary>
    public Task<Result<int>> DeliverAsync(DeliverListCommand command, Actor actor, CancellationToken ct) =>
        db.RetryingAsync(token => DeliverOnceAsync(command, actor, token), ct);

    private async Task<Result<int>> DeliverOnceAsync(DeliverListCommand command, Actor actor, CancellationToken ct)
    {
        var list = await db.Lists.FirstOrDefaultAsync(l => l.Id == command.ListId, ct);
        if (list is null)
        {
            return new Result<int>.NotFound();
        }
        var validation = await deliverValidator.ValidateAsync(command, ct);
        if (!validation.IsValid)
        {
            return new Result<int>.Invalid(validation.ToFieldErrors());
        }
        if (list.Status == ListStatus.Draft)
        {
            return new Result<int>.Invalid([new FieldError("", "Approve the list before delivering it.")]);
        }
        var entries = await db.ListEntries.Where(e => e.ListId == list.Id && e.RemovedAt == null && e.DeliveryId == null && !e.HoldUntilFamilyTold)
            .Include(e => e.Case).ThenInclude(c => c.People).ThenInclude(p => p.Person)
            .OrderBy(e => e.Position).AsSplitQuery().ToListAsync(ct);
        if (entries.Count == 0)
        {
            return new Result<int>.Invalid([new FieldError("", "Every entry has been delivered already, or is held until the family is told.")]);
        }
        db.Entry(list).Property(l => l.Version).OriginalValue = command.Version;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var snapshot = entries.Select(e => new SnapshotEntry(e.Position, e.Case.Reference, e.Case.Category,
            e.Case.People.OrderBy(p => p.Position).Select(p => PersonNames.LatinFullName(p.Person)).FirstOrDefault() ?? "",
            e.Case.People.OrderBy(p => p.Position).Select(p => PersonNames.NativeFullName(p.Person)).FirstOrDefault() ?? "",
            PersonsInUssr(e.Case.People.Select(p => (p.Role, (IReadOnlyCollection<string>)p.Person.Citizenships))),
            e.Case.People.OrderBy(p => p.Position).Select(p => new SnapshotPerson(PersonNames.LatinFullName(p.Person), PersonNames.NativeFullName(p.Person), p.Person.BirthYear, p.Role)).ToList()))
            .ToList();
        var instalment = await db.ListDeliveries.Where(d => d.ListId == list.Id).MaxAsync(d => (int?)d.Instalment, ct) ?? 0;
        var delivery = new ListDelivery
        {
            ListId = list.Id, Instalment = instalment + 1, DeliveredOn = command.DeliveredOn, Occasion = command.Occasion.Trim(),
            DeliveredBy = Clean(command.DeliveredBy), DeliveredTo = Clean(command.DeliveredTo),
            Snapshot = JsonSerializer.SerializeToDocument(snapshot), RecordedAt = clock.GetUtcNow(), RecordedById = actor.UserId,
        };
        db.ListDeliveries.Add(delivery);
        await db.SaveChangesAsync(ct);
        foreach (var e in entries)
        {
            e.DeliveryId = delivery.Id;
            // Documented cases, and refused ones raised again, are now submitted to the other government.
            if (CaseWorkflow.IsAllowed(e.Case.Status, CaseStatus.Submitted))
            {
                work.Transition(e.Case, CaseStatus.Submitted, command.DeliveredOn, $"On list {list.Name}, delivered: {delivery.Occasion}", null, delivery.Occasion, actor, Guid.NewGuid());
            }
        }
        list.Status = ListStatus.Delivered;
        list.UpdatedAt = clock.GetUtcNow();
        audit.Add(actor, "list.delivered", "List", Id(list.Id), details: new { instalment = delivery.Instalment, entries = entries.Count, occasion = delivery.Occasion });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Result<int>.Conflict(0);
        }
        await tx.CommitAsync(ct);
        logger.LogInformation("List {ListId} instalment {Instalment} delivered: {Count} entries", list.Id, delivery.Instalment, entries.Count);
        return new Result<int>.Ok(delivery.Instalment);
    }

    /// <summary>The frozen snapshot of an instalment: exactly what was handed over.</summary>
    public async Task<IReadOnlyList<SnapshotEntry>?> SnapshotAsync(int listId, int instalment, Actor actor, CancellationToken ct)
    {
        var delivery = await db.ListDeliveries.AsNoTracking().FirstOrDefaultAsync(d => d.ListId == listId && d.Instalment == instalment, ct);
        if (delivery is null)
        {
            return null;
        }
        var snapshot = delivery.Snapshot.Deserialize<List<SnapshotEntry>>() ?? [];
        if (!actor.IsSupervisor)
        {
            // Entries of cases this user may not see are left out of what they are shown.
            var visible = await ActiveEntries(listId, actor).Select(e => e.Case.Reference)
                .Concat(db.ListEntries.Where(e => e.ListId == listId && e.RemovedAt != null && db.Cases.VisibleTo(actor).Any(c => c.Id == e.CaseId)).Select(e => e.Case.Reference))
                .ToListAsync(ct);
            snapshot = snapshot.Where(s => visible.Contains(s.Reference)).ToList();
        }
        return snapshot;
    }

    /// <summary>Records an answer of the other side; moves the case where the workflow allows, and puts it on the timeline.</summary>
    public async Task<Result<CaseStatus>> RecordAnswerAsync(int listId, RecordAnswerCommand command, Actor actor, CancellationToken ct)
    {
        var entry = await ActiveEntries(listId, actor).Include(e => e.List).Include(e => e.Case).ThenInclude(c => c.People).ThenInclude(p => p.Person)
            .AsSplitQuery().FirstOrDefaultAsync(e => e.Id == command.EntryId, ct);
        if (entry is null)
        {
            return new Result<CaseStatus>.NotFound();
        }
        var validation = await answerValidator.ValidateAsync(command, ct);
        if (!validation.IsValid)
        {
            return new Result<CaseStatus>.Invalid(validation.ToFieldErrors());
        }
        var now = clock.GetUtcNow();
        db.ListAnswers.Add(new ListAnswer
        {
            EntryId = entry.Id, ReceivedOn = command.ReceivedOn, Channel = command.Channel.Trim(), Outcome = command.Outcome,
            TheirWords = Clean(command.TheirWords), Verification = Clean(command.Verification), RecordedAt = now, RecordedById = actor.UserId,
        });
        var words = $"Answer on list {entry.List.Name}: {AnswerOutcomes.DisplayName(command.Outcome)}." +
            (string.IsNullOrWhiteSpace(command.TheirWords) ? "" : $" Their words: “{command.TheirWords.Trim()}”.") +
            (string.IsNullOrWhiteSpace(command.Verification) ? "" : $" Our verification: {command.Verification.Trim()}");
        db.CaseEvents.Add(new CaseEvent
        {
            Id = Guid.NewGuid(), CaseId = entry.CaseId, Kind = CaseEventKind.Answer, OccurredOn = command.ReceivedOn, RecordedAt = now,
            AuthorId = actor.UserId, Text = words, Source = command.Channel.Trim(),
        });
        if (AnswerOutcomes.TargetStatus(command.Outcome) is { } to && CaseWorkflow.IsAllowed(entry.Case.Status, to))
        {
            work.Transition(entry.Case, to, command.ReceivedOn,
                to == CaseStatus.Refused ? (string.IsNullOrWhiteSpace(command.TheirWords) ? "refused on answer to the list" : command.TheirWords) : $"Answer on list {entry.List.Name}",
                to == CaseStatus.Closed ? ClosureReason.Deceased : null, command.Channel, actor, Guid.NewGuid());
        }
        audit.Add(actor, "list.answer_recorded", "List", Id(listId), entry.CaseId, new { outcome = command.Outcome.ToString(), changes = audit.CaseChanges() });
        await db.SaveChangesAsync(ct);
        return new Result<CaseStatus>.Ok(entry.Case.Status);
    }

    public async Task<IReadOnlyList<ListAnswerItem>> AnswersAsync(int listId, int entryId, Actor actor, CancellationToken ct) =>
        await ActiveEntries(listId, actor).Where(e => e.Id == entryId).SelectMany(e => e.Answers)
            .OrderByDescending(a => a.ReceivedOn).ThenByDescending(a => a.Id)
            .Select(a => new ListAnswerItem(a.Id, a.ReceivedOn, a.Channel, a.Outcome, a.TheirWords, a.Verification,
                db.Users.Where(u => u.Id == a.RecordedById).Select(u => u.DisplayName).FirstOrDefault()))
            .ToListAsync(ct);

    public async Task<Result<bool>> SetTheirCountAsync(int listId, int? count, Actor actor, CancellationToken ct)
    {
        var list = await db.Lists.FirstOrDefaultAsync(l => l.Id == listId, ct);
        if (list is null)
        {
            return new Result<bool>.NotFound();
        }
        if (count is < 0 or > 100_000)
        {
            return new Result<bool>.Invalid([new FieldError("TheirCount", "Enter the number of names they state, from 0.")]);
        }
        var before = list.TheirStatedCount;
        list.TheirStatedCount = count;
        list.UpdatedAt = clock.GetUtcNow();
        audit.Add(actor, "list.their_count", "List", Id(listId), details: new { changes = new[] { new FieldChange("TheirStatedCount", before?.ToString(CultureInfo.InvariantCulture), count?.ToString(CultureInfo.InvariantCulture)) } });
        await db.SaveChangesAsync(ct);
        return new Result<bool>.Ok(true);
    }

    /// <summary>
    /// Progress of a delivered list: each entry's state now and 1, 4 and 8 months after delivery, from the
    /// cases' status history, as family units and as persons.
    /// </summary>
    public async Task<IReadOnlyList<ProgressRow>> ProgressAsync(int listId, Actor actor, CancellationToken ct)
    {
        var entries = await ActiveEntries(listId, actor).Where(e => e.DeliveryId != null)
            .Select(e => new
            {
                e.CaseId, e.Case.Status,
                DeliveredOn = db.ListDeliveries.Where(d => d.Id == e.DeliveryId).Select(d => d.DeliveredOn).First(),
                People = e.Case.People.Select(p => new { p.Role, p.Person.Citizenships }).ToList(),
                Changes = db.CaseEvents.Where(ev => ev.CaseId == e.CaseId && ev.Kind == CaseEventKind.StatusChange)
                    .Select(ev => new { ev.OccurredOn, ev.RecordedAt, ev.ToStatus }).ToList(),
                Answers = e.Answers.Select(a => a.ReceivedOn).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(ct);
        if (entries.Count == 0)
        {
            return [];
        }
        var delivered = entries.Min(e => e.DeliveredOn);
        var rows = new List<ProgressRow>();
        foreach (var months in ProgressMonths)
        {
            var asOf = delivered.AddMonths(months);
            if (asOf > Today)
            {
                continue;
            }
            rows.Add(Count($"{months} month{(months == 1 ? "" : "s")} after delivery", asOf, entries.Select(e =>
            {
                var status = e.Changes.Where(c => c.OccurredOn <= asOf).OrderBy(c => c.OccurredOn).ThenBy(c => c.RecordedAt).Select(c => c.ToStatus).LastOrDefault() ?? CaseStatus.Submitted;
                var answered = e.Answers.Any(a => a <= asOf);
                return (status, answered, PersonsInUssr(e.People.Select(p => (p.Role, (IReadOnlyCollection<string>)p.Citizenships))));
            })));
        }
        rows.Add(Count("Now", Today, entries.Select(e => (e.Status, e.Answers.Count > 0, PersonsInUssr(e.People.Select(p => (p.Role, (IReadOnlyCollection<string>)p.Citizenships)))))));
        return rows;
    }

    /// <summary>A new draft list with every unresolved entry of this one, in the same order.</summary>
    public async Task<Result<int>> CarryOverAsync(int listId, string name, Actor actor, CancellationToken ct)
    {
        var source = await db.Lists.AsNoTracking().FirstOrDefaultAsync(l => l.Id == listId, ct);
        if (source is null)
        {
            return new Result<int>.NotFound();
        }
        var created = await CreateAsync(new CreateListCommand
        {
            Name = name, Purpose = $"Unresolved entries carried over from list {source.Name}.", Category = source.Category,
            Classification = source.Classification,
        }, actor, ct);
        if (created is not Result<int>.Ok ok)
        {
            return created;
        }
        var unresolved = await ActiveEntries(listId, actor).Where(e => e.Case.Status != CaseStatus.Reunited && e.Case.Status != CaseStatus.Departed
                && e.Case.Status != CaseStatus.PermissionGranted && e.Case.Status != CaseStatus.Closed)
            .OrderBy(e => e.Position).Select(e => e.CaseId).ToListAsync(ct);
        var list = await db.Lists.SingleAsync(l => l.Id == ok.Value, ct);
        list.CarriedOverFromId = listId;
        await db.SaveChangesAsync(ct);
        await AddCasesAsync(ok.Value, unresolved, actor, ct);
        return ok;
    }

    public async Task<IReadOnlyList<ListExportRow>> ExportAsync(int listId, Actor actor, CancellationToken ct)
    {
        var details = await GetAsync(listId, actor, ct);
        if (details is null)
        {
            return [];
        }
        await audit.RecordAsync(actor, "list.exported", "List", Id(listId), details: new { rows = details.Entries.Count }, ct: ct);
        return details.Entries.Select(e => new ListExportRow(e.Position, e.Reference, e.Name, e.NativeName, e.Status,
            e.LatestAnswer is null ? null : AnswerOutcomes.DisplayName(e.LatestAnswer.Outcome))).ToList();
    }

    /// <summary>Our persons on the list (those in the USSR), with every form of their name, for reconciliation.</summary>
    public async Task<IReadOnlyList<OurName>> OurNamesAsync(int listId, Actor actor, CancellationToken ct)
    {
        var rows = await ActiveEntries(listId, actor).OrderBy(e => e.Position)
            .SelectMany(e => e.Case.People.Select(p => new
            {
                EntryId = e.Id, e.CaseId, e.Position, e.Case.Reference, p.Role, Person = p.Person,
                Aliases = p.Person.Aliases.Select(a => new { a.FamilyName, a.GivenName, a.Patronymic }).ToList(),
            }))
            .AsSplitQuery()
            .ToListAsync(ct);
        return rows.Where(r => Urgency.IsInUssr(r.Role, r.Person.Citizenships))
            .Select(r => new OurName(r.EntryId, r.CaseId, r.Position, r.Reference, r.Person.Id, PersonNames.LatinFullName(r.Person), PersonNames.NativeFullName(r.Person),
                r.Person.BirthYear,
                new[] { PersonNames.LatinFullName(r.Person), PersonNames.NativeFullName(r.Person) }
                    .Concat(r.Aliases.Select(a => string.Join(' ', new[] { a.FamilyName, a.GivenName, a.Patronymic }.Where(s => !string.IsNullOrWhiteSpace(s)))))
                    .Where(f => f.Length > 0).Distinct().ToList()))
            .ToList();
    }

    public async Task<Result<ReconciliationResult>> ReconcileAsync(int listId, string theirNames, bool save, Actor actor, CancellationToken ct)
    {
        if (!await db.Lists.AnyAsync(l => l.Id == listId, ct))
        {
            return new Result<ReconciliationResult>.NotFound();
        }
        if (string.IsNullOrWhiteSpace(theirNames))
        {
            return new Result<ReconciliationResult>.Invalid([new FieldError("TheirNames", "Paste their names, one per line (a year of birth may follow a comma).")]);
        }
        if (theirNames.Length > 200_000)
        {
            return new Result<ReconciliationResult>.Invalid([new FieldError("TheirNames", "Paste at most 200,000 characters (about 5,000 names).")]);
        }
        var theirs = Reconciler.Parse(theirNames);
        if (theirs.Count == 0)
        {
            return new Result<ReconciliationResult>.Invalid([new FieldError("TheirNames", "No name could be read: write one name per line, in letters.")]);
        }
        var result = Reconciler.Match(theirs, await OurNamesAsync(listId, actor, ct));
        if (save)
        {
            db.ListReconciliations.Add(new ListReconciliation
            {
                ListId = listId, At = clock.GetUtcNow(), ById = actor.UserId, TheirNames = theirNames,
                Matched = result.Matched.Count, OnlyOurs = result.OnlyOurs.Count, OnlyTheirs = result.OnlyTheirs.Count,
                Result = JsonSerializer.SerializeToDocument(result),
            });
            audit.Add(actor, "list.reconciled", "List", Id(listId), details: new { matched = result.Matched.Count, onlyOurs = result.OnlyOurs.Count, onlyTheirs = result.OnlyTheirs.Count });
            await db.SaveChangesAsync(ct);
        }
        return new Result<ReconciliationResult>.Ok(result);
    }

    private static ProgressRow Count(string label, DateOnly asOf, IEnumerable<(CaseStatus Status, bool Answered, int Persons)> entries)
    {
        int[] units = new int[5], persons = new int[5];
        foreach (var (status, answered, n) in entries)
        {
            var bucket = status switch
            {
                _ when IsResolved(status) => 0,
                CaseStatus.ReleasePromised => 1,
                CaseStatus.Refused => 2,
                _ when !answered => 3,
                _ => 4,
            };
            units[bucket]++;
            persons[bucket] += n;
        }
        return new ProgressRow(label, asOf, new ProgressCounts(units[0], units[1], units[2], units[3], units[4]),
            new ProgressCounts(persons[0], persons[1], persons[2], persons[3], persons[4]));
    }

    /// <summary>Resolved: the permission is granted, the family has left or is reunited.</summary>
    public static bool IsResolved(CaseStatus status) => status is CaseStatus.PermissionGranted or CaseStatus.Departed or CaseStatus.Reunited;

    /// <summary>Persons counted on a list: those in the USSR (at least one per family unit).</summary>
    public static int PersonsInUssr(IEnumerable<(PersonRole Role, IReadOnlyCollection<string> Citizenships)> people) =>
        Math.Max(1, people.Count(p => Urgency.IsInUssr(p.Role, p.Citizenships)));

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
