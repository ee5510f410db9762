using System.Linq.Expressions;
using CaseTracker.Core.Accounts;
using CaseTracker.Core.Auditing;
using CaseTracker.Core.Common;
using CaseTracker.Core.People;
using CaseTracker.Core.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CaseTracker.Core.Cases;

/// <summary>Reads and changes cases and the people in them.</summary>
public sealed class CaseService(
    CaseTrackerDbContext db,
    IValidator<CaseCommand> validator,
    AuditTrail audit,
    PeopleSearch people,
    CappedCounts counts,
    SearchResults searches,
    TimeProvider clock,
    ILogger<CaseService> logger)
{
    /// <summary>
    /// Matching cases are counted up to this many, and paged up to it. Counting every match of a broad filter reads
    /// every matching row on every request (285 ms for 369,000 cases, docs/performance.md); past this many, a
    /// caseworker narrows the filters, and the export still gives every case.
    /// </summary>
    public const int CountLimit = 10_000;

    public Task<PagedResult<CaseListItem>> ListAsync(CaseListQuery query, Actor actor, CancellationToken ct) =>
        ListAsync(query, actor, rememberedCount: true, ct);

    private async Task<PagedResult<CaseListItem>> ListAsync(CaseListQuery query, Actor actor, bool rememberedCount, CancellationToken ct)
    {
        var pageSize = Math.Clamp(query.PageSize, 1, CaseListQuery.MaxPageSize);
        List<CaseListItem> items;
        int counted;
        int page;
        var namesArePartial = false;
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            // A search reads its matching cases once, each with the score of its best-matching person (at most a few
            // thousand rows, capped past the count limit): that is its count (every time: it is audited), and, by
            // relevance, its order; then cases found only by the text of a name or by reference, by reference. Past the
            // count limit it keeps the first cases by relevance, as far as the pages go: every case of a person it
            // scored, best first, then the others by reference. What it found is kept for its next pages, sorts and
            // repeats while nothing it read changes (SearchResults).
            IQueryable<Case>? read = null;
            var hits = await searches.GetAsync(db, FilterKey(query, actor), async token =>
            {
                var (filtered, scores, partial) = await FilterAsync(query, actor, token);
                read = filtered;
                var matched = await ScoredAsync(filtered, scores!, CountLimit + 1, token);
                return matched.Count > CountLimit
                    ? new SearchHits([.. await FirstByRelevanceAsync(filtered, scores!, CountLimit, token)], partial, PastLimit: true)
                    : new SearchHits([.. ByRelevance(matched)], partial);
            }, ct);
            namesArePartial = hits.NamesArePartial;
            var all = hits.Ranked;
            counted = hits.PastLimit ? CountLimit + 1 : all.Length;
            page = PageOf(query, pageSize, counted);
            var first = (page - 1) * pageSize;
            if (query.Sort == CaseSort.Relevance)
            {
                var ids = all.Skip(first).Take(pageSize).ToList();
                items = [.. (await PageByRelevance(db, ids).ToListAsync(ct)).OrderBy(i => ids.IndexOf(i.Id))];
            }
            else if (!hits.PastLimit)
            {
                items = await RowsAsync(PageOfIds(db.Cases.AsNoTracking().Where(c => all.Contains(c.Id)), query, first, pageSize), ct);
            }
            else
            {
                // Past the limit, what was kept is the first cases by relevance, not every match: another order reads them.
                items = await RowsAsync(PageOfIds(read ?? (await FilterAsync(query, actor, ct)).Cases, query, first, pageSize), ct);
            }
        }
        else
        {
            var (filtered, _, _) = await FilterAsync(query, actor, ct);
            // A filter past the limit is remembered as such for a minute (CappedCounts).
            Task<int> CountAsync(CancellationToken token) => filtered.Select(c => c.Id).Take(CountLimit + 1).CountAsync(token);
            var countKey = rememberedCount ? FilterKey(query, actor) : null;
            (counted, var fromMemory) = countKey is null
                ? (await CountAsync(ct), false)
                : await counts.CountAsync(countKey, CountAsync, ct);
            page = PageOf(query, pageSize, counted);
            items = await RowsAsync(PageOfIds(filtered, query, (page - 1) * pageSize, pageSize), ct);
            if (fromMemory && items.Count < pageSize)
            {
                // Only a filter with fewer matches than remembered gives a short page: count it again.
                counts.Forget(countKey!);
                return await ListAsync(query, actor, rememberedCount: false, ct);
            }
        }
        var total = Math.Min(counted, CountLimit);
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            // Who searched for which name is itself sensitive.
            await audit.RecordAsync(actor, AuditActions.CasesSearched, details: namesArePartial
                ? new { filter = Describe(query), count = total, partial = true }
                : (object)new { filter = Describe(query), count = total }, ct: ct);
        }
        return new PagedResult<CaseListItem>(items, page, pageSize, total, counted > CountLimit) { NamesArePartial = namesArePartial };
    }

    /// <summary>The rows of a page of cases, in its order.</summary>
    private static Task<List<CaseListItem>> RowsAsync(IQueryable<Case> page, CancellationToken ct) => page.Select(AsListItem).ToListAsync(ct);

    private static readonly Expression<Func<Case, CaseListItem>> AsListItem = c => new CaseListItem(
        c.Id,
        c.Reference,
        c.Title,
        c.Category,
        c.Status,
        c.People.OrderBy(p => p.Position).Select(p => p.Person.FamilyName + " " + p.Person.GivenName).FirstOrDefault(),
        c.People.OrderBy(p => p.Position).Select(p => p.Person.NativeFamilyName + " " + p.Person.NativeGivenName).FirstOrDefault(),
        c.People.Count,
        c.SeparatedSince,
        c.AssignedCaseworker == null ? null : c.AssignedCaseworker.DisplayName,
        c.UpdatedAt,
        c.UrgencyScore,
        c.UrgencyFactors);

    // Compiled: a search's page in order of relevance, the page every search shows first, is the same statement for any
    // ids, and building and looking up its expression cost more of the app's time than running it.
    private static readonly Func<CaseTrackerDbContext, List<int>, IAsyncEnumerable<CaseListItem>> PageByRelevance =
        CompiledQueries.OneCompile(EF.CompileAsyncQuery((CaseTrackerDbContext db, List<int> ids) =>
            db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(AsListItem)));

    /// <summary>The page asked for, within the pages that <paramref name="counted"/> matches fill (up to the count limit).</summary>
    private static int PageOf(CaseListQuery query, int pageSize, int counted)
    {
        var pageCount = Math.Max(1, (Math.Min(counted, CountLimit) + pageSize - 1) / pageSize);
        return Math.Clamp(query.Page, 1, pageCount);
    }

    /// <summary>
    /// One page of the filtered cases in list order: the page's ids first (from an index alone where the order has one,
    /// however deep the page), then their rows; selecting every column in the paged query read every skipped row from
    /// the table.
    /// </summary>
    private IQueryable<Case> PageOfIds(IQueryable<Case> filtered, CaseListQuery query, int skip, int take)
    {
        var ids = Sort(filtered, query).Skip(skip).Take(take).Select(c => c.Id);
        return Sort(db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id)), query);
    }

    /// <summary>
    /// The first <paramref name="limit"/> cases by relevance when more cases match than are read (a short text found in
    /// many names): every case of a scored person (at most a few hundred), best first, then the others by reference, from
    /// the database.
    /// </summary>
    private async Task<List<int>> FirstByRelevanceAsync(IQueryable<Case> filtered, Dictionary<int, double> scores, int limit, CancellationToken ct)
    {
        // The persons found by their names (not those found by a beginning alone, who may be thousands).
        var personIds = scores.Where(s => s.Value >= PeopleSearch.Threshold).Select(s => s.Key).ToList();
        var ranked = ByRelevance(await ScoredAsync(filtered.Where(c => c.People.Any(cp => personIds.Contains(cp.PersonId))), scores, null, ct)).ToList();
        var first = ranked.Take(limit).ToList();
        if (first.Count < limit)
        {
            first.AddRange(await filtered.Where(c => !ranked.Contains(c.Id)).OrderBy(c => c.Reference)
                .Take(limit - first.Count).Select(c => c.Id).ToListAsync(ct));
        }
        return first;
    }

    /// <summary>A case matched by a search, with the score of its best-matching person (none when found by the text of a
    /// name or by reference only).</summary>
    private sealed record ScoredCase(int Id, string Reference, double? Score);

    /// <summary>The ids of matched cases, best match first: by their best-matching person's score, the cases without one
    /// after those with one, then by reference.</summary>
    private static IEnumerable<int> ByRelevance(IEnumerable<ScoredCase> cases) =>
        cases.OrderByDescending(m => m.Score.HasValue).ThenByDescending(m => m.Score)
            .ThenBy(m => m.Reference, StringComparer.Ordinal).Select(m => m.Id);

    /// <summary>
    /// The filtered cases with the score of their best-matching person, at most <paramref name="limit"/>: each case joined
    /// with its scored persons, in one statement, scored here. (Flat rows: projecting each case's persons as a collection
    /// made EF Core compile a delegate on every execution.)
    /// </summary>
    private async Task<List<ScoredCase>> ScoredAsync(IQueryable<Case> filtered, Dictionary<int, double> scores, int? limit, CancellationToken ct)
    {
        var personIds = scores.Keys.ToList();
        var cases = filtered.Select(c => new { c.Id, c.Reference });
        var rows = await (
            from c in limit is { } n ? cases.Take(n) : cases
            from cp in db.CasePeople.Where(cp => cp.CaseId == c.Id && personIds.Contains(cp.PersonId)).DefaultIfEmpty()
            select new { c.Id, c.Reference, PersonId = (int?)cp.PersonId })
            .ToListAsync(ct);
        return rows.GroupBy(r => (r.Id, r.Reference))
            .Select(g => new ScoredCase(g.Key.Id, g.Key.Reference, g.Max(r => r.PersonId is { } id ? scores[id] : (double?)null)))
            .ToList();
    }

    /// <summary>Every case matching the filters, in list order, for the CSV export; streamed.</summary>
    public async IAsyncEnumerable<CaseExportRow> ExportAsync(CaseListQuery query, Actor actor, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var count = 0;
        var (filtered, _, _) = await FilterAsync(query, actor, ct);
        var rows = Sort(filtered, query)
            .Select(c => new
            {
                c.Reference,
                c.Category,
                c.EmigrationGroup,
                c.Status,
                c.Title,
                c.SeparatedSince,
                c.FirstExitApplicationOn,
                c.RefusalCount,
                c.UrgencyScore,
                People = c.People.OrderBy(p => p.Position).Select(p => p.Person).ToList(),
            })
            .AsAsyncEnumerable();
        await foreach (var c in rows.WithCancellation(ct))
        {
            count++;
            yield return new CaseExportRow(
                c.Reference, c.Category, c.EmigrationGroup, c.Status, c.Title, c.SeparatedSince, c.FirstExitApplicationOn,
                c.RefusalCount, c.UrgencyScore, string.Join("; ", c.People.Select(PersonNames.BothScripts)));
        }
        await audit.RecordAsync(actor, AuditActions.CasesExported, details: new { filter = Describe(query), rows = count }, ct: ct);
    }

    /// <summary>The ids of the cases matching the filters (for adding them to a list), at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<int>> MatchingIdsAsync(CaseListQuery query, Actor actor, int limit, CancellationToken ct)
    {
        var (filtered, _, _) = await FilterAsync(query, actor, ct);
        return await Sort(filtered, query).Select(c => c.Id).Take(limit).ToListAsync(ct);
    }

    /// <summary>A case as its page shows it; the view is audited.</summary>
    public async Task<CaseDetails?> ViewAsync(int id, Actor actor, CancellationToken ct)
    {
        var found = await GetAsync(id, actor, ct);
        var entityId = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (found is not null)
        {
            await audit.RecordAsync(actor, AuditActions.CaseViewed, "Case", entityId, id, ct: ct);
        }
        else if (await db.Cases.AnyAsync(c => c.Id == id, ct))
        {
            // The case exists but is restricted: the user is told it does not exist, the audit trail is told the truth.
            await audit.RecordAsync(actor, AuditActions.AccessDenied, "Case", entityId, id, new { reason = "restricted" }, ct);
        }
        return found;
    }

    /// <summary>What decides a filter's count: the filters (with today's date, which the years filters read) and who may see which cases.</summary>
    private string FilterKey(CaseListQuery q, Actor actor)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var visibility = actor.IsSupervisor ? "*" : actor.UserId;
        return string.Join('|', Describe(q).OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key + "=" + kv.Value))
            + "|" + visibility + "|" + today.DayNumber.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static Dictionary<string, string> Describe(CaseListQuery q)
    {
        var d = new Dictionary<string, string>();
        if (!string.IsNullOrWhiteSpace(q.Q))
        {
            d["q"] = q.Q;
        }
        if (q.Category is { } c)
        {
            d["category"] = c.ToString();
        }
        if (q.Status is { } s)
        {
            d["status"] = s.ToString();
        }
        if (q.AssignedTo is { } a)
        {
            d["assigned"] = a;
        }
        if (q.ListId is { } l)
        {
            d["list"] = l.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        if (q.SeparatedYears is { } y)
        {
            d["separatedYears"] = y.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        if (q.WaitingYears is { } w)
        {
            d["waitingYears"] = w.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return d;
    }

    /// <summary>A case, if the actor may see it; not audited (see <see cref="ViewAsync"/>).</summary>
    public Task<CaseDetails?> GetAsync(int id, Actor actor, CancellationToken ct) => CaseById(db, id, actor.IsSupervisor, actor.UserId, ct);

    // Compiled: the case page reads a case on every view, and building and looking up this query's expression cost more
    // of the app's time than running it.
    private static readonly Func<CaseTrackerDbContext, int, bool, string, CancellationToken, Task<CaseDetails?>> CaseById =
        CompiledQueries.OneCompile(EF.CompileAsyncQuery(CaseAccess.Compiled((CaseTrackerDbContext db, int id, bool supervisor, string userId, CancellationToken ct) =>
            db.Cases.AsNoTracking()
                .Where(c => c.Id == id && CaseAccess.Sees(c, supervisor, userId))
                .Select(c => new CaseDetails(
                    c.Id, c.Reference, c.Title, c.Category, c.EmigrationGroup, c.IsInternationallyKnown, c.IsRestricted, c.Status,
                    c.StatusSince, c.UrgencyScore, c.UrgencyFactors, c.AssignedCaseworkerId, c.Summary,
                    c.FirstExitApplicationOn, c.SeparatedSince, c.RefusalCount, c.RefusalReason,
                    c.AssignedCaseworker == null ? null : c.AssignedCaseworker.DisplayName,
                    c.CreatedAt, c.UpdatedAt, c.Version,
                    c.People.OrderBy(p => p.Position).Select(p => new CasePersonDetails(
                        p.PersonId, p.Role, p.Person.FamilyName, p.Person.GivenName, p.Person.Patronymic,
                        p.Person.NativeFamilyName, p.Person.NativeGivenName, p.Person.NativePatronymic,
                        p.Person.BirthDate, p.Person.BirthYear, p.Person.Sex, p.Person.City, p.Person.Citizenships,
                        p.Person.IllnessOrDisability, p.Person.HungerStrikes, p.Person.DeclinesListing, p.Person.Version)).ToList()))
                // One statement: a case names a handful of people, so joining them repeats the case's columns a few times,
                // where a split query paid a second round trip on every view of a case.
                .AsSingleQuery()
                .FirstOrDefault())));

    public static UpdateCaseCommand ToCommand(CaseDetails c) => new()
    {
        Id = c.Id,
        Version = c.Version,
        Title = c.Title,
        Category = c.Category,
        EmigrationGroup = c.EmigrationGroup,
        IsInternationallyKnown = c.IsInternationallyKnown,
        IsRestricted = c.IsRestricted,
        Summary = c.Summary,
        FirstExitApplicationOn = c.FirstExitApplicationOn,
        SeparatedSince = c.SeparatedSince,
        RefusalCount = c.RefusalCount,
        RefusalReason = c.RefusalReason,
        People = c.People.Select(p => new PersonInput
        {
            PersonId = p.PersonId,
            Version = p.Version,
            Role = p.Role,
            FamilyName = p.FamilyName,
            GivenName = p.GivenName,
            Patronymic = p.Patronymic,
            NativeFamilyName = p.NativeFamilyName,
            NativeGivenName = p.NativeGivenName,
            NativePatronymic = p.NativePatronymic,
            BirthDate = p.BirthDate,
            BirthYear = p.BirthYear,
            Sex = p.Sex,
            City = p.City,
            Citizenships = string.Join(", ", p.Citizenships),
            IllnessOrDisability = p.IllnessOrDisability,
            HungerStrikes = p.HungerStrikes,
            DeclinesListing = p.DeclinesListing,
        }).ToList(),
    };

    public async Task<Result<CaseDetails>> CreateAsync(CreateCaseCommand command, Actor actor, CancellationToken ct)
    {
        var validation = await validator.ValidateAsync(command, ct);
        if (!validation.IsValid)
        {
            return new Result<CaseDetails>.Invalid(validation.ToFieldErrors());
        }
        if (command.People.Any(p => p.PersonId is not null && !p.Remove))
        {
            // Linking existing persons from the create form is done by id; they must exist.
            var ids = command.People.Where(p => p.PersonId is not null).Select(p => p.PersonId!.Value).ToList();
            var found = await db.Persons.CountAsync(p => ids.Contains(p.Id), ct);
            if (found != ids.Distinct().Count())
            {
                return new Result<CaseDetails>.Invalid([new FieldError("People", "A person on the form no longer exists.")]);
            }
        }

        // The reference number, the case and its audit row are one unit, retried as a whole on a transient failure.
        return await db.RetryingAsync(token => CreateOnceAsync(command, actor, token), ct);
    }

    private async Task<Result<CaseDetails>> CreateOnceAsync(CreateCaseCommand command, Actor actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var number = await NextReferenceNumberAsync(command.Category, ct);
        var entity = NewCase(command, actor, now);
        entity.Reference = FormatReference(command.Category, number);
        db.Cases.Add(entity);
        await ApplyPeopleAsync(entity, command.People, now, ct);
        CaseWork.CaseUrgency.Refresh(entity, DateOnly.FromDateTime(now.UtcDateTime));
        await db.SaveChangesAsync(ct);
        audit.Add(actor, AuditActions.CaseCreated, "Case", entity.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), entity.Id,
            // The CSV import writes the same details in SQL (Import/CaseBulkWriter.cs); a test of the import compares them.
            new { reference = entity.Reference, people = entity.People.Count });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        logger.LogInformation("Case {CaseId} created by {UserId}", entity.Id, actor.UserId);
        return new Result<CaseDetails>.Ok((await GetAsync(entity.Id, actor, ct))!);
    }

    public async Task<Result<CaseDetails>> UpdateAsync(UpdateCaseCommand command, Actor actor, CancellationToken ct)
    {
        var entity = await db.Cases.VisibleTo(actor).Include(c => c.People).ThenInclude(p => p.Person)
            .AsSplitQuery().FirstOrDefaultAsync(c => c.Id == command.Id, ct);
        if (entity is null)
        {
            return new Result<CaseDetails>.NotFound();
        }
        var validation = await validator.ValidateAsync(command, ct);
        if (!validation.IsValid)
        {
            return new Result<CaseDetails>.Invalid(validation.ToFieldErrors());
        }
        if (entity.Category != command.Category)
        {
            return new Result<CaseDetails>.Invalid([new FieldError(nameof(command.Category),
                "The category of a saved case cannot change: its reference number depends on it. Open a new case instead.")]);
        }
        var linked = entity.People.Select(p => p.PersonId).ToHashSet();
        // Rows with a person not yet in the case link an existing person (chosen from the duplicate warning).
        var toLink = command.People.Where(p => p.PersonId is { } id && !linked.Contains(id) && !p.Remove).ToList();
        var toLinkIds = toLink.Select(p => p.PersonId!.Value).ToList();
        if (toLinkIds.Count > 0 && await db.Persons.CountAsync(p => toLinkIds.Contains(p.Id), ct) != toLinkIds.Distinct().Count())
        {
            return new Result<CaseDetails>.Invalid([new FieldError("People", "A person on the form no longer exists.")]);
        }

        // The case's xmin guards the whole case: the form's version is the original value, and the case
        // row is always updated, so a save based on a stale form fails as a whole.
        db.Entry(entity).Property(e => e.Version).OriginalValue = command.Version;
        var now = clock.GetUtcNow();
        ApplyCaseFields(entity, command);
        entity.UpdatedAt = now;
        db.Entry(entity).Property(e => e.UpdatedAt).IsModified = true;

        var byId = entity.People.ToDictionary(p => p.PersonId);
        foreach (var input in command.People.Where(p => p.PersonId is { } id && linked.Contains(id)))
        {
            var link = byId[input.PersonId!.Value];
            if (input.Remove)
            {
                entity.People.Remove(link);
                continue;
            }
            db.Entry(link.Person).Property(p => p.Version).OriginalValue = input.Version;
            link.Role = input.Role;
            if (ApplyPersonFields(link.Person, input))
            {
                link.Person.UpdatedAt = now;
            }
        }
        await ApplyPeopleAsync(entity, command.People.Where(p => p.PersonId is null).Concat(toLink).ToList(), now, ct);
        var position = 0;
        foreach (var link in entity.People.OrderBy(p => p.Role == PersonRole.ApplicantInUssr ? 0 : 1).ThenBy(p => p.Position))
        {
            link.Position = position++;
        }
        CaseWork.CaseUrgency.Refresh(entity, DateOnly.FromDateTime(now.UtcDateTime));

        // The audit row goes into the same SaveChanges, so the same transaction, as the change itself.
        audit.Add(actor, AuditActions.CaseUpdated, "Case", entity.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), entity.Id,
            new { changes = audit.CaseChanges() });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogInformation("Case {CaseId}: stale edit by {UserId} refused", command.Id, actor.UserId);
            db.ChangeTracker.Clear();
            var current = await GetAsync(command.Id, actor, ct);
            return current is null ? new Result<CaseDetails>.NotFound() : new Result<CaseDetails>.Conflict(current);
        }
        logger.LogInformation("Case {CaseId} updated by {UserId}", entity.Id, actor.UserId);
        return new Result<CaseDetails>.Ok((await GetAsync(entity.Id, actor, ct))!);
    }

    /// <summary>A person as a form row, if the actor may see them (through a visible case, or in no case at all).</summary>
    public async Task<PersonInput?> GetPersonAsync(int personId, Actor actor, CancellationToken ct)
    {
        var p = await db.Persons.AsNoTracking().VisibleTo(db.Cases, actor).FirstOrDefaultAsync(x => x.Id == personId, ct);
        return p is null ? null : new PersonInput
        {
            PersonId = p.Id, Version = p.Version, FamilyName = p.FamilyName, GivenName = p.GivenName, Patronymic = p.Patronymic,
            NativeFamilyName = p.NativeFamilyName, NativeGivenName = p.NativeGivenName, NativePatronymic = p.NativePatronymic,
            BirthDate = p.BirthDate, BirthYear = p.BirthYear, Sex = p.Sex, City = p.City,
            Citizenships = string.Join(", ", p.Citizenships), IllnessOrDisability = p.IllnessOrDisability, HungerStrikes = p.HungerStrikes,
            DeclinesListing = p.DeclinesListing,
        };
    }

    /// <summary>
    /// A new case as <see cref="CreateAsync"/> saves it, before its reference number and its people: status New since
    /// today, assigned to the caseworker who creates it (supervisors' and the system's cases are unassigned). The CSV
    /// import's bulk writer builds its rows with the same code, so that both paths store the same values.
    /// </summary>
    internal static Case NewCase(CaseCommand command, Actor actor, DateTimeOffset now)
    {
        var entity = new Case
        {
            Reference = "",
            Title = "",
            CreatedAt = now,
            UpdatedAt = now,
            Status = CaseStatus.New,
            AssignedCaseworkerId = actor.IsSupervisor || actor == Actor.System ? null : actor.UserId,
        };
        ApplyCaseFields(entity, command);
        entity.StatusSince = DateOnly.FromDateTime(now.UtcDateTime);
        return entity;
    }

    /// <summary>A new person from a form row, as <see cref="CreateAsync"/> saves it.</summary>
    internal static Person NewPerson(PersonInput input, DateTimeOffset now)
    {
        var person = new Person { FamilyName = "", CreatedAt = now, UpdatedAt = now };
        ApplyPersonFields(person, input);
        return person;
    }

    /// <summary>The rows of a command that become people of the case, in order: not removed, not blank.</summary>
    internal static IEnumerable<PersonInput> PeopleToSave(IEnumerable<PersonInput> inputs) => inputs.Where(p => p.IsToSave);

    public static string FormatReference(CaseCategory category, long number) =>
        $"{CaseCategories.ReferencePrefix(category)}-{number:0000}";

    private async Task<long> NextReferenceNumberAsync(CaseCategory category, CancellationToken ct)
    {
        // The sequence name comes from a fixed table of categories, never from input.
        var sql = "SELECT nextval('" + CaseCategories.ReferenceSequence(category) + "') AS \"Value\"";
        return await db.Database.SqlQueryRaw<long>(sql).SingleAsync(ct);
    }

    /// <summary>
    /// The cases matching the filters that the actor may see; with a name query, also the similarity of each
    /// matching person (any script, any romanisation, aliases included) for ranking.
    /// </summary>
    private async Task<(IQueryable<Case> Cases, Dictionary<int, double>? Scores, bool NamesArePartial)> FilterAsync(CaseListQuery query, Actor actor, CancellationToken ct)
    {
        var cases = db.Cases.AsNoTracking().VisibleTo(actor);
        if (query.Category is { } category)
        {
            cases = cases.Where(c => c.Category == category);
        }
        if (query.Status is { } status)
        {
            cases = cases.Where(c => c.Status == status);
        }
        if (!string.IsNullOrEmpty(query.AssignedTo))
        {
            cases = cases.Where(c => c.AssignedCaseworkerId == query.AssignedTo);
        }
        if (query.ListId is { } listId)
        {
            cases = cases.Where(c => db.ListEntries.Any(e => e.ListId == listId && e.CaseId == c.Id && e.RemovedAt == null));
        }
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (query.SeparatedYears is { } separated and > 0)
        {
            var before = today.AddYears(-Math.Min(separated, 150));
            cases = cases.Where(c => c.SeparatedSince != null && c.SeparatedSince <= before);
        }
        if (query.WaitingYears is { } waiting and > 0)
        {
            var before = today.AddYears(-Math.Min(waiting, 150));
            cases = cases.Where(c => c.FirstExitApplicationOn != null && c.FirstExitApplicationOn <= before);
        }
        var q = PersonNames.NormalizeForSearch(query.Q ?? "");
        if (q.Length == 0)
        {
            return (cases, null, false);
        }
        var (matches, partial) = await people.FindAsync(q, ct);
        var scores = matches.ToDictionary(m => m.PersonId, m => m.Score);
        var ids = scores.Keys.ToList();
        // The matching cases are found first, each way through its own index, and only then joined to the other
        // filters: an OR of these conditions over the case table made PostgreSQL read every case (docs/performance.md).
        //   - persons found by any form of their name (PeopleSearch.FindAsync, above: the key vocabulary and the key index);
        //   - persons whose names begin with the typed words, in any script or spelling (PeopleSearch.BeginningWithAsync:
        //     the key index alone), so that a beginning ("Shchar") finds its name while typing, and a name shared by more
        //     persons than a search ranks finds all of their cases. Read first, at most as many as cases are counted:
        //     inside the cases' statement, the planner guessed their number and at a wrong guess read every case_people
        //     and every case row (0.7 s for one name at a million cases; docs/performance.md).
        //     A name being typed finds no one above the threshold yet: then those whose name begins with the very letters
        //     typed rank first (PeopleSearch.LiteralBeginning), before those whose key alone begins alike.
        var (byBeginning, literal, more) = await people.BeginningWithAsync(q, CountLimit + 1, rank: scores.Count == 0, ct);
        partial |= more;
        var personIds = ids.Union(byBeginning).ToList();
        foreach (var id in literal)
        {
            scores[id] = PeopleSearch.LiteralBeginning;
        }
        var matching = db.CasePeople.Where(cp => personIds.Contains(cp.PersonId)).Select(cp => cp.CaseId);
        //   - the reference number (the trigram index on reference), once the text has three letters or digits in a row:
        //     the index keeps the trigrams of each run of them, and shorter runs are in every reference of a category
        //     (at a million cases, 1.7 s for "sh" typed into the header's search, 1.6 s for "SP-1"); and only when it has
        //     a digit: a reference is two letters, a dash and digits (FormatReference), so three in a row without a digit
        //     are in none, and a name looked up among the references cost every first search 2–3 ms for nothing.
        if (HasRunOf(q, 3) && q.Any(char.IsAsciiDigit))
        {
            var referencePattern = Like.Contains(q);
            matching = matching.Union(db.Cases.Where(c => EF.Functions.ILike(c.Reference, referencePattern)).Select(c => c.Id));
        }
        cases = cases.Where(c => matching.Contains(c.Id));
        return (cases, scores, partial);
    }

    /// <summary>Whether <paramref name="text"/> has <paramref name="length"/> letters or digits in a row.</summary>
    private static bool HasRunOf(string text, int length)
    {
        var run = 0;
        foreach (var ch in text)
        {
            run = char.IsLetterOrDigit(ch) ? run + 1 : 0;
            if (run >= length)
            {
                return true;
            }
        }
        return false;
    }

    private static IQueryable<Case> Sort(IQueryable<Case> cases, CaseListQuery query) => (query.Sort, query.Descending) switch
    {
        (CaseSort.Title, false) => cases.OrderBy(c => c.Title).ThenBy(c => c.Id),
        (CaseSort.Title, true) => cases.OrderByDescending(c => c.Title).ThenBy(c => c.Id),
        (CaseSort.Category, false) => cases.OrderBy(c => c.Category).ThenBy(c => c.Reference),
        (CaseSort.Category, true) => cases.OrderByDescending(c => c.Category).ThenBy(c => c.Reference),
        (CaseSort.Status, false) => cases.OrderBy(c => c.Status).ThenBy(c => c.Reference),
        (CaseSort.Status, true) => cases.OrderByDescending(c => c.Status).ThenBy(c => c.Reference),
        (CaseSort.Separated, false) => cases.OrderBy(c => c.SeparatedSince == null).ThenBy(c => c.SeparatedSince).ThenBy(c => c.Id),
        (CaseSort.Separated, true) => cases.OrderBy(c => c.SeparatedSince == null).ThenByDescending(c => c.SeparatedSince).ThenBy(c => c.Id),
        (CaseSort.Updated, false) => cases.OrderByDescending(c => c.UpdatedAt).ThenBy(c => c.Id),
        (CaseSort.Updated, true) => cases.OrderBy(c => c.UpdatedAt).ThenBy(c => c.Id),
        (CaseSort.Urgency, false) => cases.OrderByDescending(c => c.UrgencyScore).ThenBy(c => c.Id),
        (CaseSort.Urgency, true) => cases.OrderBy(c => c.UrgencyScore).ThenBy(c => c.Id),
        (CaseSort.Relevance, _) => cases.OrderBy(c => c.Reference),
        (_, true) => cases.OrderByDescending(c => c.Reference),
        _ => cases.OrderBy(c => c.Reference),
    };


    private static void ApplyCaseFields(Case entity, CaseCommand command)
    {
        entity.Title = command.Title.Trim();
        entity.Category = command.Category;
        entity.EmigrationGroup = command.Category == CaseCategory.Emigration ? command.EmigrationGroup : null;
        entity.IsInternationallyKnown = command.IsInternationallyKnown;
        entity.IsRestricted = command.IsRestricted;
        entity.Summary = Clean(command.Summary);
        entity.FirstExitApplicationOn = command.FirstExitApplicationOn;
        entity.SeparatedSince = command.SeparatedSince;
        entity.RefusalCount = command.RefusalCount;
        entity.RefusalReason = Clean(command.RefusalReason);
    }

    private async Task ApplyPeopleAsync(Case entity, IReadOnlyList<PersonInput> inputs, DateTimeOffset now, CancellationToken ct)
    {
        var position = entity.People.Count == 0 ? 0 : entity.People.Max(p => p.Position) + 1;
        foreach (var input in PeopleToSave(inputs))
        {
            Person person;
            if (input.PersonId is { } existingId)
            {
                person = await db.Persons.SingleAsync(p => p.Id == existingId, ct);
                db.Entry(person).Property(p => p.Version).OriginalValue = input.Version;
                ApplyPersonFields(person, input);
            }
            else
            {
                person = NewPerson(input, now);
                db.Persons.Add(person);
            }
            entity.People.Add(new CasePerson { Case = entity, Person = person, Role = input.Role, Position = position++ });
        }
    }

    /// <summary>Copies the form's fields onto the person; true if anything changed.</summary>
    private static bool ApplyPersonFields(Person p, PersonInput input)
    {
        var before = (p.FamilyName, p.GivenName, p.Patronymic, p.NativeFamilyName, p.NativeGivenName, p.NativePatronymic,
            p.BirthDate, p.BirthYear, p.Sex, p.City, string.Join(",", p.Citizenships), p.IllnessOrDisability, p.HungerStrikes, p.DeclinesListing);
        p.FamilyName = Clean(input.FamilyName) ?? "";
        p.GivenName = Clean(input.GivenName);
        p.Patronymic = Clean(input.Patronymic);
        p.NativeFamilyName = Clean(input.NativeFamilyName);
        p.NativeGivenName = Clean(input.NativeGivenName);
        p.NativePatronymic = Clean(input.NativePatronymic);
        p.BirthDate = input.BirthDate;
        p.BirthYear = input.BirthDate?.Year ?? input.BirthYear;
        p.Sex = input.Sex;
        p.City = Clean(input.City);
        var citizenships = PersonInput.ParseCitizenships(input.Citizenships);
        if (!citizenships.SequenceEqual(p.Citizenships))
        {
            p.Citizenships = citizenships;
        }
        p.IllnessOrDisability = Clean(input.IllnessOrDisability);
        p.HungerStrikes = input.HungerStrikes;
        p.DeclinesListing = input.DeclinesListing;
        var after = (p.FamilyName, p.GivenName, p.Patronymic, p.NativeFamilyName, p.NativeGivenName, p.NativePatronymic,
            p.BirthDate, p.BirthYear, p.Sex, p.City, string.Join(",", p.Citizenships), p.IllnessOrDisability, p.HungerStrikes, p.DeclinesListing);
        return before != after;
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
