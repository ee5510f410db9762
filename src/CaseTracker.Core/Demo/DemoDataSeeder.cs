using System.Globalization;
using System.Text.Json;
using CaseTracker.Core.Accounts;
using CaseTracker.Core.Cases;
using CaseTracker.Core.CaseWork;
using CaseTracker.Core.Lists;
using CaseTracker.Core.People;
using CaseTracker.Core.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CaseTracker.Core.Demo;

/// <summary>
/// Loads <see cref="DemoData"/> into the database once: the demo accounts, the cases and their people, the cases' timelines
/// and follow-up tasks (due relative to the day of loading), with each case's urgency computed for that day, and the letter's
/// representation lists with their deliveries and answers.
/// </summary>
public sealed class DemoDataSeeder(
    CaseTrackerDbContext db,
    UserManager<AppUser> users,
    TimeProvider clock,
    ILogger<DemoDataSeeder> logger)
{
    /// <summary>
    /// Loads the demo data in one transaction, unless a <see cref="SeedRecord"/> named "demo" says it is loaded already.
    /// The demo accounts get <paramref name="password"/>; an account that already exists is kept as it is and only given its role.
    /// </summary>
    /// <returns>True if the data was loaded now, false if it had been loaded before.</returns>
    public Task<bool> SeedAsync(string password, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(password);
        // One unit, retried as a whole on a transient failure; a retry after a lost commit finds the seed record.
        return db.RetryingAsync(token => SeedOnceAsync(password, token), ct);
    }

    private async Task<bool> SeedOnceAsync(string password, CancellationToken ct)
    {
        if (await db.SeedRecords.AnyAsync(s => s.Name == DemoData.SeedName, ct))
        {
            logger.LogInformation("Demo data already loaded; nothing to do");
            return false;
        }

        var demo = DemoData.Cases;
        var references = demo.Select(c => c.Reference).ToList();
        var taken = await db.Cases.CountAsync(c => references.Contains(c.Reference), ct);
        if (taken > 0)
        {
            throw new InvalidOperationException(
                $"The demo data cannot be loaded: {taken} of its case references are already used in this database.");
        }
        var listNames = DemoData.Lists.Select(l => l.Name).ToList();
        var listsTaken = await db.Lists.Where(l => listNames.Contains(l.Name)).Select(l => l.Name).ToListAsync(ct);
        if (listsTaken.Count > 0)
        {
            throw new InvalidOperationException(
                $"The demo data cannot be loaded: lists named {string.Join(", ", listsTaken.Select(n => $"\"{n}\""))} already exist in this database.");
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);

        var userIds = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var usersCreated = 0;
        foreach (var demoUser in DemoData.Users)
        {
            ct.ThrowIfCancellationRequested();
            var (id, created) = await EnsureUserAsync(demoUser, password);
            userIds[demoUser.Email] = id;
            usersCreated += created ? 1 : 0;
        }

        // A person shared by several cases is one entity, created with the earliest of its cases.
        var firstSeen = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var demoCase in demo)
        {
            foreach (var member in demoCase.People)
            {
                if (!firstSeen.TryGetValue(member.Person.Key, out var at) || demoCase.CreatedAt < at)
                {
                    firstSeen[member.Person.Key] = demoCase.CreatedAt;
                }
            }
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var tasksByCase = DemoData.Tasks(today).ToLookup(t => t.CaseReference, StringComparer.Ordinal);
        var persons = new Dictionary<string, Person>(StringComparer.Ordinal);
        var cases = new List<Case>(demo.Count);
        var events = new List<CaseEvent>();
        var tasks = new List<CaseTask>();
        foreach (var demoCase in demo)
        {
            var entity = new Case
            {
                Reference = demoCase.Reference,
                Title = demoCase.Title,
                Category = demoCase.Category,
                EmigrationGroup = demoCase.EmigrationGroup,
                IsInternationallyKnown = demoCase.IsInternationallyKnown,
                Status = demoCase.Status,
                Summary = demoCase.Summary,
                FirstExitApplicationOn = demoCase.FirstExitApplicationOn,
                SeparatedSince = demoCase.SeparatedSince,
                RefusalCount = demoCase.RefusalCount,
                RefusalReason = demoCase.RefusalReason,
                IsRestricted = demoCase.IsRestricted,
                AssignedCaseworkerId = demoCase.AssignedTo is { } email ? userIds[email] : null,
                StatusSince = demoCase.StatusSince,
                CreatedAt = demoCase.CreatedAt,
                UpdatedAt = demoCase.UpdatedAt,
            };
            var position = 0;
            foreach (var member in demoCase.People)
            {
                if (!persons.TryGetValue(member.Person.Key, out var person))
                {
                    person = ToEntity(member.Person, firstSeen[member.Person.Key]);
                    persons.Add(member.Person.Key, person);
                }
                entity.People.Add(new CasePerson { Case = entity, Person = person, Role = member.Role, Position = position++ });
            }
            CaseUrgency.Refresh(entity, today);
            cases.Add(entity);
            events.AddRange(demoCase.Events.Select(e => new CaseEvent
            {
                Id = e.Id,
                Case = entity,
                Kind = e.Kind,
                OccurredOn = e.OccurredOn,
                RecordedAt = e.RecordedAt,
                AuthorId = userIds[e.AuthorEmail],
                Text = e.Text,
                ContactKind = e.ContactKind,
                FromStatus = e.FromStatus,
                ToStatus = e.ToStatus,
                ClosureReason = e.ClosureReason,
                Source = e.Source,
                CorrectsId = e.CorrectsId,
            }));
            tasks.AddRange(tasksByCase[demoCase.Reference].Select(t => new CaseTask
            {
                Id = t.Id,
                Case = entity,
                Title = t.Title,
                DueOn = t.DueOn,
                AssigneeId = userIds[t.AssigneeEmail],
                CreatedAt = t.CreatedAt,
                CreatedById = userIds[t.CreatedByEmail],
                CompletedAt = t.CompletedAt,
            }));
        }
        db.Cases.AddRange(cases);
        db.CaseEvents.AddRange(events);
        db.CaseTasks.AddRange(tasks);
        await db.SaveChangesAsync(ct);

        var (listCount, answerCount) = await AddListsAsync(cases, userIds, ct);

        // New cases continue numbering after the demo's; a sequence already further on is left where it is.
        foreach (var category in Enum.GetValues<CaseCategory>())
        {
            var highest = demo.Where(c => c.Category == category).Select(c => c.Number).DefaultIfEmpty(0).Max();
            if (highest == 0)
            {
                continue;
            }
            // The sequence name comes from the fixed table of categories, never from input.
            var sequence = CaseCategories.ReferenceSequence(category);
            var sql = "SELECT setval('" + sequence + "', GREATEST(" + highest.ToString(CultureInfo.InvariantCulture)
                + ", (SELECT last_value FROM " + sequence + "))) AS \"Value\"";
            await db.Database.SqlQueryRaw<long>(sql).SingleAsync(ct);
        }

        db.SeedRecords.Add(new SeedRecord { Name = DemoData.SeedName, LoadedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);

        logger.LogInformation(
            "Demo data loaded: {CaseCount} cases, {PersonCount} persons, {EventCount} timeline entries, {TaskCount} tasks, {ListCount} lists with {AnswerCount} answers, {UserCount} accounts ({CreatedCount} created)",
            demo.Count, persons.Count, events.Count + answerCount, tasks.Count, listCount, answerCount, userIds.Count, usersCreated);
        return true;
    }

    /// <summary>
    /// Writes <see cref="DemoData.Lists"/> as the app would have: the entries, each delivery with the frozen snapshot of what it
    /// handed over (built as <see cref="ListService.DeliverAsync"/> builds it), and each answer with its entry on the case's timeline.
    /// The answers move no case: the status changes they stand for are already in the cases' histories.
    /// </summary>
    private async Task<(int Lists, int Answers)> AddListsAsync(List<Case> cases, Dictionary<string, string> userIds, CancellationToken ct)
    {
        var byReference = cases.ToDictionary(c => c.Reference, StringComparer.Ordinal);
        var written = new List<(DemoList Demo, RepresentationList List)>();
        foreach (var demo in DemoData.Lists)
        {
            var list = new RepresentationList
            {
                Name = demo.Name,
                Purpose = demo.Purpose,
                Category = demo.Category,
                Classification = demo.Classification,
                TargetDate = demo.TargetDate,
                Status = demo.Status,
                TheirStatedCount = demo.TheirStatedCount,
                CreatedAt = demo.CreatedAt,
                CreatedById = userIds[demo.CreatedByEmail],
                UpdatedAt = demo.UpdatedAt,
                ApprovedAt = demo.ApprovedAt,
                ApprovedById = demo.ApprovedByEmail is { } approver ? userIds[approver] : null,
                CheckAcknowledgedAt = demo.ApprovedAt,
                CheckAcknowledgedById = demo.ApprovedByEmail is { } acknowledger ? userIds[acknowledger] : null,
            };
            foreach (var e in demo.Entries)
            {
                list.Entries.Add(new ListEntry
                {
                    List = list,
                    Case = byReference[e.CaseReference],
                    Position = e.Position,
                    AddedAt = e.AddedAt,
                    AddedById = userIds[e.AddedByEmail],
                    HoldUntilFamilyTold = e.HoldUntilFamilyTold,
                });
            }
            foreach (var d in demo.Deliveries)
            {
                var handedOver = list.Entries.Where(e => demo.Entries.Single(x => x.Position == e.Position).Instalment == d.Instalment)
                    .OrderBy(e => e.Position).ToList();
                list.Deliveries.Add(new ListDelivery
                {
                    Instalment = d.Instalment,
                    DeliveredOn = d.DeliveredOn,
                    Occasion = d.Occasion,
                    DeliveredBy = d.DeliveredBy,
                    DeliveredTo = d.DeliveredTo,
                    Snapshot = JsonSerializer.SerializeToDocument(Snapshot(handedOver)),
                    RecordedAt = d.RecordedAt,
                    RecordedById = userIds[d.RecordedByEmail],
                });
            }
            db.Lists.Add(list);
            written.Add((demo, list));
        }
        await db.SaveChangesAsync(ct);

        var answers = 0;
        foreach (var (demo, list) in written)
        {
            foreach (var e in demo.Entries)
            {
                var entry = list.Entries.Single(x => x.Position == e.Position);
                if (e.Instalment is { } instalment)
                {
                    entry.DeliveryId = list.Deliveries.Single(d => d.Instalment == instalment).Id;
                }
                foreach (var a in e.Answers)
                {
                    db.ListAnswers.Add(new ListAnswer
                    {
                        Entry = entry,
                        ReceivedOn = a.ReceivedOn,
                        Channel = a.Channel,
                        Outcome = a.Outcome,
                        TheirWords = a.TheirWords,
                        Verification = a.Verification,
                        RecordedAt = a.RecordedAt,
                        RecordedById = userIds[a.RecordedByEmail],
                    });
                    db.CaseEvents.Add(new CaseEvent
                    {
                        Id = a.EventId,
                        Case = entry.Case,
                        Kind = CaseEventKind.Answer,
                        OccurredOn = a.ReceivedOn,
                        RecordedAt = a.RecordedAt,
                        AuthorId = userIds[a.RecordedByEmail],
                        Text = DemoLists.TimelineText(demo.Name, a),
                        Source = a.Channel,
                    });
                    answers++;
                }
            }
        }
        await db.SaveChangesAsync(ct);
        return (written.Count, answers);
    }

    /// <summary>The entries as handed over, as <see cref="ListService.DeliverAsync"/> freezes them.</summary>
    internal static List<SnapshotEntry> Snapshot(IEnumerable<ListEntry> entries) =>
        entries.Select(e => new SnapshotEntry(e.Position, e.Case.Reference, e.Case.Category,
                e.Case.People.OrderBy(p => p.Position).Select(p => PersonNames.LatinFullName(p.Person)).FirstOrDefault() ?? "",
                e.Case.People.OrderBy(p => p.Position).Select(p => PersonNames.NativeFullName(p.Person)).FirstOrDefault() ?? "",
                ListService.PersonsInUssr(e.Case.People.Select(p => (p.Role, (IReadOnlyCollection<string>)p.Person.Citizenships))),
                e.Case.People.OrderBy(p => p.Position)
                    .Select(p => new SnapshotPerson(PersonNames.LatinFullName(p.Person), PersonNames.NativeFullName(p.Person), p.Person.BirthYear, p.Role))
                    .ToList()))
            .ToList();

    private async Task<(string Id, bool Created)> EnsureUserAsync(DemoUser demoUser, string password)
    {
        var user = await users.FindByEmailAsync(demoUser.Email);
        var created = false;
        if (user is null)
        {
            user = new AppUser
            {
                UserName = demoUser.Email,
                Email = demoUser.Email,
                DisplayName = demoUser.DisplayName,
                EmailConfirmed = true,
                CreatedAt = clock.GetUtcNow(),
            };
            Check(await users.CreateAsync(user, password), "create a demo account");
            created = true;
        }
        if (!await users.IsInRoleAsync(user, demoUser.Role))
        {
            Check(await users.AddToRoleAsync(user, demoUser.Role), "give a demo account its role");
        }
        return (user.Id, created);
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"Could not {what}: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }

    private static Person ToEntity(DemoPerson p, DateTimeOffset at)
    {
        var person = new Person
        {
            FamilyName = p.FamilyName,
            GivenName = p.GivenName,
            Patronymic = p.Patronymic,
            NativeFamilyName = p.NativeFamilyName,
            NativeGivenName = p.NativeGivenName,
            NativePatronymic = p.NativePatronymic,
            BirthDate = p.BirthDate,
            BirthYear = p.BirthDate?.Year ?? p.BirthYear,
            Sex = p.Sex,
            City = p.City,
            Citizenships = [.. p.Citizenships],
            IllnessOrDisability = p.IllnessOrDisability,
            HungerStrikes = p.HungerStrikes,
            CreatedAt = at,
            UpdatedAt = at,
        };
        return person;
    }
}
