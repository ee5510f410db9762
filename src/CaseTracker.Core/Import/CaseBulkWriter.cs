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
/// binary COPY into temporary staging tables (dropped at commit, gone with a rollback), and from there into the real
/// tables with <c>INSERT … SELECT</c>. The database ends up as if each case had been created by
/// <see cref="CaseService.CreateAsync"/>: the values are built by the same code (<see cref="CaseService.NewCase"/>,
/// <see cref="CaseService.NewPerson"/>, <see cref="CaseUrgency"/>, <see cref="PersonNameIndex.Keys"/> for the name keys
/// that <see cref="CaseTrackerDbContext.SaveChangesAsync(bool, CancellationToken)"/> would add), the references are
/// drawn from the same per-category sequences and formatted as <see cref="CaseService.FormatReference"/> does, and
/// each case gets its <c>case.created</c> audit row. A test compares the two paths column by column.
/// </summary>
public sealed class CaseBulkWriter(CaseTrackerDbContext db, AuditTrail audit, TimeProvider clock)
{
    /// <summary>
    /// The longest one statement of an import may take: 100,000 cases move about 300,000 persons and 3 million name keys
    /// through trigram indexes, far beyond the 30 seconds a request's statement gets.
    /// </summary>
    private static readonly TimeSpan StatementTimeout = TimeSpan.FromMinutes(10);

    // ord numbers the cases 1..N in file order, category_ord 1..n within each category; they decide which drawn id
    // and which reference number each case gets, so that both ascend in file order as when created one by one.
    private const string CreateStaging = """
        CREATE TEMP TABLE import_cases (
            ord int NOT NULL, category_ord int NOT NULL, people int NOT NULL, id int, reference text,
            title text NOT NULL, category text NOT NULL, emigration_group text, is_internationally_known boolean NOT NULL,
            status text NOT NULL, summary text, first_exit_application_on date, separated_since date, refusal_count int NOT NULL,
            refusal_reason text, assigned_caseworker_id text, created_at timestamptz NOT NULL, updated_at timestamptz NOT NULL,
            is_restricted boolean NOT NULL, status_since date, urgency_factors text[] NOT NULL, urgency_score int NOT NULL
        ) ON COMMIT DROP;
        CREATE TEMP TABLE import_people (
            ord int NOT NULL, case_ord int NOT NULL, position int NOT NULL, role text NOT NULL, id int,
            family_name text NOT NULL, given_name text, patronymic text, native_family_name text, native_given_name text,
            native_patronymic text, birth_date date, birth_year int, sex text NOT NULL, city text, citizenships text[] NOT NULL,
            illness_or_disability text, hunger_strikes int NOT NULL, search_text text NOT NULL, created_at timestamptz NOT NULL,
            updated_at timestamptz NOT NULL, declines_listing boolean NOT NULL, keys text[] NOT NULL, forms text[] NOT NULL
        ) ON COMMIT DROP;
        """;

    private const string CopyCases =
        "COPY import_cases (ord, category_ord, people, title, category, emigration_group, is_internationally_known, status, summary, " +
        "first_exit_application_on, separated_since, refusal_count, refusal_reason, assigned_caseworker_id, created_at, updated_at, " +
        "is_restricted, status_since, urgency_factors, urgency_score) FROM STDIN (FORMAT BINARY)";

    private const string CopyPeople =
        "COPY import_people (ord, case_ord, position, role, family_name, given_name, patronymic, native_family_name, native_given_name, " +
        "native_patronymic, birth_date, birth_year, sex, city, citizenships, illness_or_disability, hunger_strikes, search_text, " +
        "created_at, updated_at, declines_listing, keys, forms) FROM STDIN (FORMAT BINARY)";

    private const string InsertCases = """
        INSERT INTO cases (id, reference, title, category, emigration_group, is_internationally_known, status, summary,
            first_exit_application_on, separated_since, refusal_count, refusal_reason, assigned_caseworker_id, created_at, updated_at,
            is_restricted, status_since, urgency_factors, urgency_score)
        SELECT id, reference, title, category, emigration_group, is_internationally_known, status, summary,
            first_exit_application_on, separated_since, refusal_count, refusal_reason, assigned_caseworker_id, created_at, updated_at,
            is_restricted, status_since, urgency_factors, urgency_score
        FROM import_cases ORDER BY ord
        """;

    private const string InsertPersons = """
        INSERT INTO persons (id, family_name, given_name, patronymic, native_family_name, native_given_name, native_patronymic,
            birth_date, birth_year, sex, city, citizenships, illness_or_disability, hunger_strikes, search_text, created_at, updated_at,
            declines_listing)
        SELECT id, family_name, given_name, patronymic, native_family_name, native_given_name, native_patronymic,
            birth_date, birth_year, sex, city, citizenships, illness_or_disability, hunger_strikes, search_text, created_at, updated_at,
            declines_listing
        FROM import_people ORDER BY ord
        """;

    private const string InsertLinks = """
        INSERT INTO case_people (case_id, person_id, role, position)
        SELECT c.id, p.id, p.role, p.position FROM import_people p JOIN import_cases c ON c.ord = p.case_ord ORDER BY p.ord
        """;

    private const string InsertNameKeys = """
        INSERT INTO person_name_keys (person_id, key, form)
        SELECT p.id, k.key, k.form
        FROM import_people p CROSS JOIN LATERAL unnest(p.keys, p.forms) WITH ORDINALITY AS k(key, form, n)
        ORDER BY p.ord, k.n
        """;

    // The details are those of CaseService.CreateAsync's case.created event, { reference, people }.
    private const string InsertAudit = """
        INSERT INTO audit_events (at, user_id, user_name, action, entity_type, entity_id, case_id, details, ip_address)
        SELECT @at, @user_id, @user_name, @action, @entity_type, c.id::text, c.id,
            jsonb_build_object('reference', c.reference, 'people', c.people), @ip_address
        FROM import_cases c ORDER BY c.ord
        """;

    /// <summary>
    /// Writes every case of <paramref name="commands"/> (already validated) in the current transaction, and returns
    /// them in file order. Persons are always new: an import links no existing person.
    /// </summary>
    public async Task<IReadOnlyList<ImportedCase>> WriteAsync(IReadOnlyList<CreateCaseCommand> commands, Actor actor, CancellationToken ct)
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
            await db.Database.ExecuteSqlRawAsync(CreateStaging, ct);
            var perCategory = await CopyCasesAsync(connection, commands, actor, now, today, ct);
            var persons = await CopyPeopleAsync(connection, commands, now, ct);
            // Fresh temporary tables have no statistics; with them the joins below are hash joins, not nested loops.
            await db.Database.ExecuteSqlRawAsync("ANALYZE import_cases, import_people", ct);

            await DrawIdsAsync("import_cases", "cases", commands.Count, ct);
            foreach (var (category, count) in perCategory)
            {
                // The sequence and the prefix come from the fixed table of categories, as in CaseService; the numbers
                // are formatted as CaseService.FormatReference does ({number:0000}: at least four digits, never cut).
                var sequence = CaseCategories.ReferenceSequence(category);
                var prefix = CaseCategories.ReferencePrefix(category) + "-";
                var name = category.ToString();
                await db.Database.ExecuteSqlAsync($"""
                    UPDATE import_cases c SET reference = {prefix} || lpad(n.v::text, greatest(4, length(n.v::text)), '0')
                    FROM (SELECT (row_number() OVER (ORDER BY v))::int AS ord, v
                          FROM (SELECT nextval({sequence}::regclass) AS v FROM generate_series(1, {count})) drawn) n
                    WHERE c.category = {name} AND c.category_ord = n.ord
                    """, ct);
            }
            await DrawIdsAsync("import_people", "persons", persons, ct);

            await db.Database.ExecuteSqlRawAsync(InsertCases, ct);
            await db.Database.ExecuteSqlRawAsync(InsertPersons, ct);
            await db.Database.ExecuteSqlRawAsync(InsertLinks, ct);
            await db.Database.ExecuteSqlRawAsync(InsertNameKeys, ct);
            var template = audit.Create(actor, AuditActions.CaseCreated, "Case");
            await db.Database.ExecuteSqlRawAsync(InsertAudit,
            [
                new NpgsqlParameter("at", NpgsqlDbType.TimestampTz) { Value = template.At.UtcDateTime },
                Text("user_id", template.UserId),
                Text("user_name", template.UserName),
                Text("action", template.Action),
                Text("entity_type", template.EntityType),
                Text("ip_address", template.IpAddress),
            ], ct);
            return await ReadCreatedAsync(connection, commands.Count, ct);
        }
        finally
        {
            db.Database.SetCommandTimeout(timeout);
        }
    }

    /// <summary>
    /// Gives the staged rows ids from the real table's identity sequence, ascending in file order. Sequences are not
    /// transactional: a rolled-back import leaves a gap, as rolled-back creates do.
    /// </summary>
    private async Task DrawIdsAsync(string staging, string table, int count, CancellationToken ct)
    {
        // Both names are constants of this class, never input.
        var sql = $"""
            UPDATE {staging} s SET id = n.id
            FROM (SELECT (row_number() OVER (ORDER BY v))::int AS ord, v::int AS id
                  FROM (SELECT nextval(pg_get_serial_sequence('{table}', 'id')) AS v FROM generate_series(1, @count)) drawn) n
            WHERE s.ord = n.ord
            """;
        await db.Database.ExecuteSqlRawAsync(sql, [new NpgsqlParameter("count", NpgsqlDbType.Integer) { Value = count }], ct);
    }

    /// <summary>The case rows, built as CreateAsync builds them; returns how many cases each category has.</summary>
    private static async Task<Dictionary<CaseCategory, int>> CopyCasesAsync(NpgsqlConnection connection, IReadOnlyList<CreateCaseCommand> commands,
        Actor actor, DateTimeOffset now, DateOnly today, CancellationToken ct)
    {
        var perCategory = new Dictionary<CaseCategory, int>();
        await using var copy = await connection.BeginBinaryImportAsync(CopyCases, ct);
        copy.Timeout = StatementTimeout;
        var ord = 0;
        foreach (var command in commands)
        {
            var c = CaseService.NewCase(command, actor, now);
            var position = 0;
            foreach (var input in CaseService.PeopleToSave(command.People))
            {
                c.People.Add(new CasePerson { Case = c, Person = CaseService.NewPerson(input, now), Role = input.Role, Position = position++ });
            }
            CaseUrgency.Refresh(c, today);
            var categoryOrd = perCategory[c.Category] = perCategory.GetValueOrDefault(c.Category) + 1;

            await copy.StartRowAsync(ct);
            await copy.WriteAsync(++ord, NpgsqlDbType.Integer, ct);
            await copy.WriteAsync(categoryOrd, NpgsqlDbType.Integer, ct);
            await copy.WriteAsync(c.People.Count, NpgsqlDbType.Integer, ct);
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
        return perCategory;
    }

    /// <summary>
    /// The person rows with their name keys (the keys SaveChanges would add for a new person without aliases, as
    /// arrays beside the person); returns the number of persons.
    /// </summary>
    private static async Task<int> CopyPeopleAsync(NpgsqlConnection connection, IReadOnlyList<CreateCaseCommand> commands, DateTimeOffset now, CancellationToken ct)
    {
        await using var copy = await connection.BeginBinaryImportAsync(CopyPeople, ct);
        copy.Timeout = StatementTimeout;
        var ord = 0;
        var caseOrd = 0;
        var keys = new List<string>();
        var forms = new List<string>();
        foreach (var command in commands)
        {
            caseOrd++;
            var position = 0;
            foreach (var input in CaseService.PeopleToSave(command.People))
            {
                var p = CaseService.NewPerson(input, now);
                keys.Clear();
                forms.Clear();
                foreach (var (key, form) in PersonNameIndex.Keys(p))
                {
                    keys.Add(key);
                    forms.Add(form);
                }
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(++ord, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(caseOrd, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(position++, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(input.Role.ToString(), NpgsqlDbType.Text, ct);
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
                await copy.WriteAsync(p.SearchText, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(p.CreatedAt.UtcDateTime, NpgsqlDbType.TimestampTz, ct);
                await copy.WriteAsync(p.UpdatedAt.UtcDateTime, NpgsqlDbType.TimestampTz, ct);
                await copy.WriteAsync(p.DeclinesListing, NpgsqlDbType.Boolean, ct);
                await copy.WriteAsync(keys, NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
                await copy.WriteAsync(forms, NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
            }
        }
        await copy.CompleteAsync(ct);
        return ord;
    }

    private static async Task<List<ImportedCase>> ReadCreatedAsync(NpgsqlConnection connection, int count, CancellationToken ct)
    {
        var created = new List<ImportedCase>(count);
        await using var command = new NpgsqlCommand("SELECT id, reference, title FROM import_cases ORDER BY ord", connection);
        command.CommandTimeout = (int)StatementTimeout.TotalSeconds;
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            created.Add(new ImportedCase(reader.GetInt32(0), reader.GetString(1), reader.GetString(2)));
        }
        return created;
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
