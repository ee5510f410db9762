using CaseTracker.Core.Accounts;
using CaseTracker.Core.Auditing;
using CaseTracker.Core.Cases;
using CaseTracker.Core.CaseWork;
using CaseTracker.Core.People;
using CaseTracker.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace CaseTracker.Core.Import;

/// <summary>
/// Writes the cases of a checked import in a few set-based statements, in the caller's transaction: the rows go by
/// binary COPY straight into persons, person_name_keys, cases and case_people, one table after another, each built on
/// every core while PostgreSQL writes the chunk before (a rollback leaves none of them). The database ends up as if
/// each case had been created by <see cref="CaseService.CreateAsync"/>: the values are built by the same code
/// (<see cref="CaseService.NewCase"/>, <see cref="CaseService.NewPerson"/>, <see cref="CaseUrgency"/>, and
/// <see cref="PersonNameIndex.Keys"/> for the name keys that the DbContext adds on SaveChanges), ids and reference
/// numbers are drawn with <c>nextval</c> from the same sequences and the references formatted by
/// <see cref="CaseService.FormatReference"/>, and each case gets its <c>case.created</c> audit row. A test compares the
/// two paths column by column.
/// </summary>
public sealed class CaseBulkWriter(CaseTrackerDbContext db, AuditTrail audit, TimeProvider clock)
{
    /// <summary>
    /// The longest one statement of an import may take: 100,000 cases move about 300,000 persons and 1.7 million name keys
    /// through their indexes, far beyond the 30 seconds a request's statement gets.
    /// </summary>
    private static readonly TimeSpan StatementTimeout = TimeSpan.FromMinutes(10);

    private const string CopyCases =
        "COPY cases (id, reference, title, category, emigration_group, is_internationally_known, status, summary, " +
        "first_exit_application_on, separated_since, refusal_count, refusal_reason, assigned_caseworker_id, created_at, updated_at, " +
        "is_restricted, status_since, urgency_factors, urgency_score) FROM STDIN (FORMAT BINARY)";

    private const string CopyPersons =
        "COPY persons (id, family_name, given_name, patronymic, native_family_name, native_given_name, native_patronymic, " +
        "birth_date, birth_year, sex, city, citizenships, illness_or_disability, hunger_strikes, created_at, updated_at, " +
        "declines_listing) FROM STDIN (FORMAT BINARY)";

    private const string CopyLinks = "COPY case_people (case_id, person_id, role, position) FROM STDIN (FORMAT BINARY)";

    private const string CopyNameKeys = "COPY person_name_keys (person_id, key, form) FROM STDIN (FORMAT BINARY)";

    // The details are those of CaseService.CreateAsync's case.created event, { reference, people }.
    private const string InsertAudit = """
        INSERT INTO audit_events (at, user_id, user_name, action, entity_type, entity_id, case_id, details, ip_address)
        SELECT @at, @user_id, @user_name, @action, @entity_type, c.id::text, c.id,
            jsonb_build_object('reference', c.reference, 'people', c.people), @ip_address
        FROM unnest(@ids, @references, @people) WITH ORDINALITY AS c(id, reference, people, n)
        ORDER BY c.n
        """;

    /// <summary>
    /// Writes every case of <paramref name="commands"/> in the current transaction, and returns them in file order.
    /// Persons are always new: an import links no existing person. The commands are valid, or being checked while
    /// they are written: then <paramref name="ready"/> is that check, and the cases' ids and reference numbers, which
    /// users see, are drawn only once it has passed (a check that fails cancels <paramref name="ct"/>), so that a file
    /// refused by the rules uses up no reference number.
    /// </summary>
    public async Task<IReadOnlyList<ImportedCase>> WriteAsync(IReadOnlyList<CreateCaseCommand> commands, Actor actor, CancellationToken ct,
        Task? ready = null)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("The bulk writer writes in its caller's transaction, so that an import is all or nothing.");
        }
        if (commands.Any(c => c.People.Any(p => p.PersonId is not null)))
        {
            throw new ArgumentException("An import creates new persons only.", nameof(commands));
        }
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var timeout = db.Database.GetCommandTimeout();
        db.Database.SetCommandTimeout(StatementTimeout);
        try
        {
            // Each case's people as they are saved, and where their ids start in the persons' ids (file order).
            var people = commands.Select(c => CaseService.PeopleToSave(c.People).ToList()).ToList();
            var firstPerson = new int[commands.Count];
            for (var i = 1; i < commands.Count; i++)
            {
                firstPerson[i] = firstPerson[i - 1] + people[i - 1].Count;
            }

            // Ids and reference numbers from the sequences the one-by-one path uses (identity columns and
            // CaseCategories.ReferenceSequence), ascending in file order as when the cases are created one after another.
            var personIds = await DrawAsync(await IdentitySequenceAsync("persons", ct), people.Sum(p => p.Count), ct);

            // For this transaction only: the trigram (GIN) indexes of the name keys' vocabulary (kept by a trigger on
            // person_name_keys) and of the references take new entries into a pending list and merge it into the index in
            // batches as large as work_mem; with more of it the merges are fewer.
            await db.Database.ExecuteSqlRawAsync("SET LOCAL work_mem = '64MB'", ct);
            // The persons and their name keys first: the keys are the most of PostgreSQL's work and the least of ours, so
            // they are written while the import's rules still check the rows (CaseImportService).
            await CopyPersonsAsync(connection, people, personIds, firstPerson, now, ct);
            await CopyNameKeysAsync(connection, people, personIds, firstPerson, now, ct);

            if (ready is not null)
            {
                await ready;
            }
            ct.ThrowIfCancellationRequested();
            var caseIds = await DrawAsync(await IdentitySequenceAsync("cases", ct), commands.Count, ct);
            var references = new List<string>(commands.Count);
            var numbers = new Dictionary<CaseCategory, Queue<long>>();
            foreach (var group in commands.GroupBy(c => c.Category))
            {
                numbers[group.Key] = new Queue<long>(await DrawAsync(CaseCategories.ReferenceSequence(group.Key), group.Count(), ct));
            }
            references.AddRange(commands.Select(c => CaseService.FormatReference(c.Category, numbers[c.Category].Dequeue())));
            var created = await CopyCasesAsync(connection, commands, people, caseIds, references, actor, now, today, ct);
            await CopyLinksAsync(connection, people, caseIds, personIds, firstPerson, ct);
            var template = audit.Create(actor, AuditActions.CaseCreated, "Case");
            await db.Database.ExecuteSqlRawAsync(InsertAudit,
            [
                new NpgsqlParameter("at", NpgsqlDbType.TimestampTz) { Value = template.At.UtcDateTime },
                Text("user_id", template.UserId),
                Text("user_name", template.UserName),
                Text("action", template.Action),
                Text("entity_type", template.EntityType),
                Text("ip_address", template.IpAddress),
                new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = created.Select(c => c.Id).ToArray() },
                new NpgsqlParameter("references", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = references.ToArray() },
                new NpgsqlParameter("people", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = people.Select(p => p.Count).ToArray() },
            ], ct);
            return created;
        }
        finally
        {
            db.Database.SetCommandTimeout(timeout);
        }
    }

    /// <summary>
    /// <paramref name="count"/> values of a sequence, ascending. Sequences are not transactional: a rolled-back import
    /// leaves a gap, as a rolled-back create does.
    /// </summary>
    private async Task<long[]> DrawAsync(string sequence, int count, CancellationToken ct)
    {
        // nextval is called once per row of the series; the values of one session ascend, sorting makes sure.
        var values = await db.Database
            .SqlQuery<long>($"SELECT nextval({sequence}::regclass) AS \"Value\" FROM generate_series(1, {count})")
            .ToArrayAsync(ct);
        Array.Sort(values);
        return values;
    }

    /// <summary>The sequence of a table's identity column <c>id</c>.</summary>
    private async Task<string> IdentitySequenceAsync(string table, CancellationToken ct) =>
        await db.Database.SqlQuery<string>($"SELECT pg_get_serial_sequence({table}, 'id') AS \"Value\"").SingleAsync(ct);

    /// <summary>The case rows, built as CreateAsync builds them; returns what was created, in file order.</summary>
    private static async Task<List<ImportedCase>> CopyCasesAsync(NpgsqlConnection connection, IReadOnlyList<CreateCaseCommand> commands,
        List<List<PersonInput>> people, long[] ids, List<string> references, Actor actor, DateTimeOffset now, DateOnly today,
        CancellationToken ct)
    {
        var created = new List<ImportedCase>(commands.Count);
        await using var copy = await connection.BeginBinaryImportAsync(CopyCases, ct);
        copy.Timeout = StatementTimeout;
        foreach (var c in InChunks(commands.Count, i =>
        {
            var c = CaseService.NewCase(commands[i], actor, now);
            c.Id = checked((int)ids[i]);
            c.Reference = references[i];
            var position = 0;
            foreach (var input in people[i])
            {
                c.People.Add(new CasePerson { Case = c, Person = CaseService.NewPerson(input, now), Role = input.Role, Position = position++ });
            }
            CaseUrgency.Refresh(c, today);
            return c;
        }, ct))
        {
            created.Add(new ImportedCase(c.Id, c.Reference, c.Title));
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(c.Id, NpgsqlDbType.Integer, ct);
            await copy.WriteAsync(c.Reference, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(c.Title, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(c.Category.ToString(), NpgsqlDbType.Text, ct);
            await WriteAsync(copy, c.EmigrationGroup?.ToString(), ct);
            await copy.WriteAsync(c.IsInternationallyKnown, NpgsqlDbType.Boolean, ct);
            await copy.WriteAsync(c.Status.ToString(), NpgsqlDbType.Text, ct);
            await WriteAsync(copy, c.Summary, ct);
            await WriteAsync(copy, c.FirstExitApplicationOn, ct);
            await WriteAsync(copy, c.SeparatedSince, ct);
            await copy.WriteAsync(c.RefusalCount, NpgsqlDbType.Integer, ct);
            await WriteAsync(copy, c.RefusalReason, ct);
            await WriteAsync(copy, c.AssignedCaseworkerId, ct);
            await copy.WriteAsync(c.CreatedAt.UtcDateTime, NpgsqlDbType.TimestampTz, ct);
            await copy.WriteAsync(c.UpdatedAt.UtcDateTime, NpgsqlDbType.TimestampTz, ct);
            await copy.WriteAsync(c.IsRestricted, NpgsqlDbType.Boolean, ct);
            await WriteAsync(copy, c.StatusSince, ct);
            await copy.WriteAsync(c.UrgencyFactors, NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
            await copy.WriteAsync(c.UrgencyScore, NpgsqlDbType.Integer, ct);
        }
        await copy.CompleteAsync(ct);
        return created;
    }

    /// <summary>The person rows, in file order, each with the id drawn for it.</summary>
    private static async Task CopyPersonsAsync(NpgsqlConnection connection, List<List<PersonInput>> people, long[] ids, int[] firstPerson,
        DateTimeOffset now, CancellationToken ct)
    {
        await using var copy = await connection.BeginBinaryImportAsync(CopyPersons, ct);
        copy.Timeout = StatementTimeout;
        foreach (var (i, persons) in InChunks(people.Count, i => (i, people[i].Select(input => CaseService.NewPerson(input, now)).ToList()), ct))
        {
            var id = firstPerson[i];
            foreach (var p in persons)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(checked((int)ids[id++]), NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(p.FamilyName, NpgsqlDbType.Text, ct);
                await WriteAsync(copy, p.GivenName, ct);
                await WriteAsync(copy, p.Patronymic, ct);
                await WriteAsync(copy, p.NativeFamilyName, ct);
                await WriteAsync(copy, p.NativeGivenName, ct);
                await WriteAsync(copy, p.NativePatronymic, ct);
                await WriteAsync(copy, p.BirthDate, ct);
                await WriteAsync(copy, p.BirthYear, ct);
                await copy.WriteAsync(p.Sex.ToString(), NpgsqlDbType.Text, ct);
                await WriteAsync(copy, p.City, ct);
                await copy.WriteAsync(p.Citizenships, NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
                await WriteAsync(copy, p.IllnessOrDisability, ct);
                await copy.WriteAsync(p.HungerStrikes, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(p.CreatedAt.UtcDateTime, NpgsqlDbType.TimestampTz, ct);
                await copy.WriteAsync(p.UpdatedAt.UtcDateTime, NpgsqlDbType.TimestampTz, ct);
                await copy.WriteAsync(p.DeclinesListing, NpgsqlDbType.Boolean, ct);
            }
        }
        await copy.CompleteAsync(ct);
    }

    /// <summary>Each case's people, in the order of the form.</summary>
    private static async Task CopyLinksAsync(NpgsqlConnection connection, List<List<PersonInput>> people, long[] caseIds, long[] personIds,
        int[] firstPerson, CancellationToken ct)
    {
        await using var copy = await connection.BeginBinaryImportAsync(CopyLinks, ct);
        copy.Timeout = StatementTimeout;
        for (var i = 0; i < people.Count; i++)
        {
            for (var position = 0; position < people[i].Count; position++)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(checked((int)caseIds[i]), NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(checked((int)personIds[firstPerson[i] + position]), NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(people[i][position].Role.ToString(), NpgsqlDbType.Text, ct);
                await copy.WriteAsync(position, NpgsqlDbType.Integer, ct);
            }
        }
        await copy.CompleteAsync(ct);
    }

    /// <summary>The name keys SaveChanges adds for a new person without aliases.</summary>
    private static async Task CopyNameKeysAsync(NpgsqlConnection connection, List<List<PersonInput>> people, long[] personIds,
        int[] firstPerson, DateTimeOffset now, CancellationToken ct)
    {
        await using var copy = await connection.BeginBinaryImportAsync(CopyNameKeys, ct);
        copy.Timeout = StatementTimeout;
        foreach (var (i, keys) in InChunks(people.Count, i =>
            (i, people[i].Select(input => PersonNameIndex.Keys(CaseService.NewPerson(input, now)).ToList()).ToList()), ct))
        {
            var id = firstPerson[i];
            foreach (var ofPerson in keys)
            {
                var personId = checked((int)personIds[id++]);
                foreach (var (key, form) in ofPerson)
                {
                    await copy.StartRowAsync(ct);
                    await copy.WriteAsync(personId, NpgsqlDbType.Integer, ct);
                    await copy.WriteAsync(key, NpgsqlDbType.Text, ct);
                    await copy.WriteAsync(form, NpgsqlDbType.Text, ct);
                }
            }
        }
        await copy.CompleteAsync(ct);
    }

    /// <summary>
    /// <paramref name="build"/> of 0 … <paramref name="count"/> − 1, in order, computed a chunk at a time on every core:
    /// building the rows (names, urgency, name keys) costs more than sending them, and the rows are
    /// independent. At most one chunk is held at once; a cancelled <paramref name="ct"/> stops it between chunks (the COPY
    /// then ends without its rows, as any failed statement).
    /// </summary>
    private static IEnumerable<T> InChunks<T>(int count, Func<int, T> build, CancellationToken ct)
    {
        const int Chunk = 2048;
        var chunk = new T[Math.Min(Chunk, count)];
        for (var start = 0; start < count; start += Chunk)
        {
            ct.ThrowIfCancellationRequested();
            var size = Math.Min(Chunk, count - start);
            Parallel.For(0, size, j => chunk[j] = build(start + j));
            for (var j = 0; j < size; j++)
            {
                yield return chunk[j];
            }
        }
    }

    private static NpgsqlParameter Text(string name, string? value) =>
        new(name, NpgsqlDbType.Text) { Value = (object?)value ?? DBNull.Value };

    private static async Task WriteAsync(NpgsqlBinaryImporter copy, string? value, CancellationToken ct)
    {
        if (value is null)
        {
            await copy.WriteNullAsync(ct);
        }
        else
        {
            await copy.WriteAsync(value, NpgsqlDbType.Text, ct);
        }
    }

    private static async Task WriteAsync(NpgsqlBinaryImporter copy, DateOnly? value, CancellationToken ct)
    {
        if (value is { } d)
        {
            await copy.WriteAsync(d, NpgsqlDbType.Date, ct);
        }
        else
        {
            await copy.WriteNullAsync(ct);
        }
    }

    private static async Task WriteAsync(NpgsqlBinaryImporter copy, int? value, CancellationToken ct)
    {
        if (value is { } n)
        {
            await copy.WriteAsync(n, NpgsqlDbType.Integer, ct);
        }
        else
        {
            await copy.WriteNullAsync(ct);
        }
    }
}
