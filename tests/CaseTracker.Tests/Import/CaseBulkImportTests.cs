using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CaseTracker.Core.Accounts;
using CaseTracker.Core.Auditing;
using CaseTracker.Core.Cases;
using CaseTracker.Core.Common;
using CaseTracker.Core.Import;
using CaseTracker.Core.People;
using CaseTracker.Core.Persistence;
using CaseTracker.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using F = CaseTracker.Core.Import.CaseImportFormat;

namespace CaseTracker.Tests.Import;

/// <summary>
/// The set-based commit (CaseBulkWriter): the same rows as creating the cases one by one, all or nothing at any size,
/// references and name keys that the rest of the product finds, one import per preview, retries from scratch.
/// </summary>
public sealed partial class CaseBulkImportTests(TestApp app) : IntegrationTest(app)
{
    private static string NewId() => Guid.NewGuid().ToString("N");

    private static ImportCasesCommand Confirmation(byte[] bytes, string? importId = null) =>
        new() { Content = System.Buffers.Text.Base64Url.EncodeToString(bytes), ImportId = importId ?? NewId() };

    private Task<ImportOutcome> CommitAsync(byte[] bytes, Actor actor, string? importId = null) =>
        WithServiceAsync<CaseImportService, ImportOutcome>(s => s.CommitAsync(Confirmation(bytes, importId), actor, Ct));

    private Task<(int Cases, int Persons, int Links, int Keys, int Audit)> CountsAsync() => WithDbAsync(async db =>
        (await db.Cases.CountAsync(Ct), await db.Persons.CountAsync(Ct), await db.CasePeople.CountAsync(Ct),
         await db.PersonNameKeys.CountAsync(Ct), await db.AuditEvents.CountAsync(Ct)));

    /// <summary>The commands the import reads from a file, through the import's own reader.</summary>
    private static List<CreateCaseCommand> CommandsOf(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes);
        var records = CsvParser.Parse(text, CsvParser.DetectDelimiter(text)).Where(r => !r.IsBlank).ToList();
        var header = ImportHeader.Read(records[0], []) ?? throw new InvalidOperationException("bad header");
        return records.Skip(1).Select(r => ParsedRow.Read(header, r).Command).ToList();
    }

    /// <summary>Rows that use every column and every kind of value the format has, and leave out what may be left out.</summary>
    private static byte[] VariedFile() => ImportCsv.Bytes(
        ImportCsv.Row(),
        ImportCsv.Row((F.Category, "Emigration"), (F.EmigrationGroup, "Jewish"), (F.Title, "  Shcharanskiy – emigration to Israel  "),
            (F.FamilyName, "Shcharanskiy"), (F.GivenName, "Anatoliy"), (F.Patronymic, "Borisovich"),
            (F.NativeFamilyName, "Щаранский"), (F.NativeGivenName, "Анатолий"), (F.NativePatronymic, "Борисович"),
            (F.BirthYear, ""), (F.BirthDate, "1948-01-20"), (F.Sex, "M"), (F.Citizenships, "su; IL  US"), (F.HungerStrikes, "2"),
            (F.IllnessOrDisability, "Heart condition"), (F.Summary, "Arrested 1977.\nReleased to the West in 1986; \"a spy\", they said."),
            (F.Relatives, "Spouse:Shcharanskaya Avital (Щаранская Авиталь);Parent:Shcharanskaya Ida Petrovna (Щаранская Ида Петровна);SponsorAbroad:Levin Mark")),
        ImportCsv.Row((F.Category, "Dual national"), (F.FamilyName, "Fyodorov"), (F.NativeFamilyName, "Фёдоров"), (F.GivenName, "Yuri"),
            (F.NativeGivenName, "Юрий"), (F.Patronymic, ""), (F.NativePatronymic, ""), (F.BirthYear, "1943"), (F.Sex, ""), (F.City, ""),
            (F.Citizenships, ""), (F.Refusals, ""), (F.RefusalReason, ""), (F.SeparatedSince, ""), (F.FirstExitApplication, ""),
            (F.Relatives, "RelativeAbroad:Fedorova Anna;Sibling:Fyodorov Ivan Ivan (Фёдоров Иван Иван)")),
        ImportCsv.Row((F.Category, "DividedFamily"), (F.FamilyName, "O'Brien-Kuznetsova"), (F.NativeFamilyName, "О'Брайен-Кузнецова"),
            (F.BirthYear, "2010"), (F.Citizenships, "SU"), (F.Relatives, "Parent:Kuznetsov Oleg (Кузнецов Олег);Child:Kuznetsova Olga")),
        ImportCsv.Row((F.Category, "separated spouse"), (F.FamilyName, "Nudel"), (F.GivenName, "Ida"), (F.NativeFamilyName, "Нудель"),
            (F.BirthYear, "1931"), (F.Refusals, "1"), (F.Relatives, "")));

    [Fact]
    public async Task An_import_writes_the_same_rows_as_creating_each_case_through_the_case_service()
    {
        foreach (var role in new[] { Roles.Caseworker, Roles.Supervisor })
        {
            var actor = await ActorAsync(role);
            var bytes = VariedFile();

            var imported = Assert.IsType<ImportOutcome.Imported>(await CommitAsync(bytes, actor));
            var created = new List<int>();
            foreach (var command in CommandsOf(bytes))
            {
                var result = await WithServiceAsync<CaseService, Result<CaseDetails>>(s => s.CreateAsync(command, actor, Ct));
                created.Add(Assert.IsType<Result<CaseDetails>.Ok>(result).Value.Id);
            }

            var byImport = await PictureAsync(imported.Cases.Select(c => c.Id).ToList());
            var byService = await PictureAsync(created);
            Assert.Equal(byService, byImport);
            Assert.Equal(5, imported.Cases.Count);
            Assert.Contains(byImport, line => line.StartsWith("person_name_keys", StringComparison.Ordinal));
        }
    }

    /// <summary>
    /// Every stored column of the cases, in order, with their people (in position order), the people's name keys and
    /// the cases' audit rows; without ids, timestamps and the number of each reference.
    /// </summary>
    private async Task<List<string>> PictureAsync(IReadOnlyList<int> caseIds)
    {
        var lines = new List<string>();
        await using var connection = new NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync(Ct);
        foreach (var (caseId, i) in caseIds.Select((id, i) => (id, i)))
        {
            var reference = "";
            var category = "";
            foreach (var row in await RowsAsync(connection, "SELECT * FROM cases WHERE id = $1", caseId))
            {
                reference = (string)row["reference"]!;
                category = (string)row["category"]!;
                lines.AddRange(Lines($"cases[{i}]", row, "id", "created_at", "updated_at"));
            }
            // The reference: its category prefix and the format of CaseService.FormatReference, whatever the number.
            var number = long.Parse(ReferenceNumber().Match(reference).Groups[1].Value, CultureInfo.InvariantCulture);
            Assert.Equal(CaseService.FormatReference(Enum.Parse<CaseCategory>(category), number), reference);
            lines.Add($"cases[{i}].reference = {ReferenceNumber().Replace(reference, "-####")}");
            var people = await RowsAsync(connection,
                "SELECT cp.role, cp.position, p.* FROM case_people cp JOIN persons p ON p.id = cp.person_id WHERE cp.case_id = $1 ORDER BY cp.position", caseId);
            Assert.NotEmpty(people);
            foreach (var person in people)
            {
                var prefix = $"cases[{i}].people[{person["position"]}]";
                lines.AddRange(Lines(prefix, person, "id", "created_at", "updated_at"));
                var keys = await RowsAsync(connection, "SELECT key, form FROM person_name_keys WHERE person_id = $1 ORDER BY key, form", person["id"]!);
                lines.AddRange(keys.Select(k => $"person_name_keys {prefix}: {k["key"]} | {k["form"]}"));
            }
            foreach (var audit in await RowsAsync(connection, "SELECT * FROM audit_events WHERE case_id = $1 ORDER BY id", caseId))
            {
                Assert.Equal(caseId.ToString(CultureInfo.InvariantCulture), audit["entity_id"]);
                var details = ((string)audit["details"]!).Replace(reference, "{reference}", StringComparison.Ordinal);
                lines.AddRange(Lines($"audit[{i}]", audit, "id", "at", "entity_id", "case_id", "details"));
                lines.Add($"audit[{i}].details = {details}");
            }
        }
        return lines;
    }

    private static IEnumerable<string> Lines(string prefix, Dictionary<string, object?> row, params string[] ignored) =>
        row.Where(c => !ignored.Contains(c.Key) && c.Key != "reference").Select(c => $"{prefix}.{c.Key} = {Show(c.Value)}");

    private static string Show(object? value) => value switch
    {
        null or DBNull => "null",
        string[] list => "[" + string.Join(", ", list) + "]",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private async Task<List<Dictionary<string, object?>>> RowsAsync(NpgsqlConnection connection, string sql, object parameter)
    {
        await using var command = new NpgsqlCommand(sql, connection) { Parameters = { new NpgsqlParameter { Value = parameter } } };
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var rows = new List<Dictionary<string, object?>>();
        while (await reader.ReadAsync(Ct))
        {
            var row = new Dictionary<string, object?>();
            for (var c = 0; c < reader.FieldCount; c++)
            {
                row[reader.GetName(c)] = reader.IsDBNull(c) ? null : reader.GetDataTypeName(c) == "jsonb" ? reader.GetString(c) : reader.GetValue(c);
            }
            rows.Add(row);
        }
        return rows;
    }

    [GeneratedRegex(@"-(\d+)$")]
    private static partial Regex ReferenceNumber();

    [Fact]
    public async Task A_large_import_lands_completely_with_references_in_file_order_keys_the_search_finds_and_one_audit_row_per_case()
    {
        var actor = await ActorAsync();
        var rows = ImportCsv.Many(5000);
        rows[4321] = ImportCsv.Row((F.Category, "Emigration"), (F.EmigrationGroup, "Jewish"), (F.Title, "Shcharanskiy – emigration to Israel"),
            (F.FamilyName, "Shcharanskiy"), (F.GivenName, "Anatoliy"), (F.NativeFamilyName, "Щаранский"), (F.NativeGivenName, "Анатолий"),
            (F.BirthYear, "1948"), (F.Relatives, ""));
        var bytes = ImportCsv.Bytes(rows);
        var commands = CommandsOf(bytes);

        var imported = Assert.IsType<ImportOutcome.Imported>(await CommitAsync(bytes, actor));

        Assert.Equal(5000, imported.Cases.Count);
        var people = commands.Sum(c => c.People.Count);
        var counts = await CountsAsync();
        Assert.Equal((5000, people, people), (counts.Cases, counts.Persons, counts.Links));
        // One case.created row per case, and the import's own.
        Assert.Equal(5001, await WithDbAsync(db => db.AuditEvents.CountAsync(a => a.UserId == actor.UserId, Ct)));
        Assert.Equal(5000, await WithDbAsync(db => db.AuditEvents.CountAsync(a => a.Action == AuditActions.CaseCreated, Ct)));
        Assert.Equal(1, await WithDbAsync(db => db.AuditEvents.CountAsync(a => a.Action == CaseImportService.ImportedAction, Ct)));

        // References: each category numbered n, n + 1, n + 2… in file order (nothing else draws numbers meanwhile), ids
        // ascending too.
        Assert.Equal(imported.Cases.Select(c => c.Id).Order(), imported.Cases.Select(c => c.Id));
        foreach (var group in imported.Cases.Zip(commands).GroupBy(x => x.Second.Category))
        {
            var first = long.Parse(ReferenceNumber().Match(group.First().First.Reference).Groups[1].Value, CultureInfo.InvariantCulture);
            Assert.Equal(group.Select((x, n) => CaseService.FormatReference(group.Key, first + n)), group.Select(x => x.First.Reference));
        }
        var saved = await WithDbAsync(db => db.Cases.AsNoTracking().OrderBy(c => c.Id).Select(c => new { c.Id, c.Reference, c.Title }).ToListAsync(Ct));
        Assert.Equal(imported.Cases, saved.Select(c => new ImportedCase(c.Id, c.Reference, c.Title)));

        // The name keys are the ones the DbContext computes for a saved person.
        var sampleId = await WithDbAsync(db => db.Persons.OrderBy(p => p.Id).Skip(7777).Select(p => p.Id).FirstAsync(Ct));
        var sample = await WithDbAsync(db => db.Persons.AsNoTracking().Include(p => p.Aliases).SingleAsync(p => p.Id == sampleId, Ct));
        var keys = await WithDbAsync(db => db.PersonNameKeys.Where(k => k.PersonId == sample.Id).Select(k => new { k.Key, k.Form }).ToListAsync(Ct));
        Assert.Equal(PersonNameIndex.Keys(sample).Order(), keys.Select(k => (k.Key, k.Form)).Order());
        Assert.Equal(await WithDbAsync(db => db.Persons.CountAsync(Ct)), await WithDbAsync(db => db.PersonNameKeys.Select(k => k.PersonId).Distinct().CountAsync(Ct)));

        // The product's search finds the imported Cyrillic name under another Latin spelling.
        var wanted = imported.Cases[4321];
        var list = await WithServiceAsync<CaseService, PagedResult<CaseListItem>>(s => s.ListAsync(new CaseListQuery { Q = "Scharanski" }, actor, Ct));
        Assert.Equal(wanted.Id, Assert.Single(list.Items).Id);
        var found = (await WithServiceAsync<PeopleSearch, PeopleFound>(s => s.SearchAsync("Sharansky", actor, Ct))).Persons;
        Assert.Equal("Щаранский Анатолий Ивановна", found[0].NativeName);
        Assert.Equal(wanted.Reference, Assert.Single(found[0].Cases).Reference);
    }

    [Fact]
    public async Task An_invalid_row_late_in_a_large_file_means_nothing_is_written_and_the_row_is_named()
    {
        var actor = await ActorAsync();
        var rows = ImportCsv.Many(3000);
        rows[2500] = ImportCsv.Row((F.SeparatedSince, "1900-01-01"));

        var rejected = Assert.IsType<ImportOutcome.Rejected>(await CommitAsync(ImportCsv.Bytes(rows), actor));

        Assert.Equal("row 2502 (separated_since): Separated since cannot be before 1917.", Assert.Single(rejected.Preview.Errors).ToString());
        Assert.Equal((0, 0, 0, 0, 0), await CountsAsync());
    }

    [Fact]
    public async Task A_file_the_rules_refuse_uses_up_no_case_id_or_reference_number()
    {
        // The rules check the rows while the writer starts; the numbers users see are drawn only once they have passed.
        var actor = await ActorAsync();
        // The last row of many, so that the check is still running when the writer starts.
        var rows = ImportCsv.Many(10_000);
        rows[^1] = ImportCsv.Row((F.SeparatedSince, "1900-01-01"));
        const string Numbers = """
            SELECT string_agg(format('%s=%s', sequencename, coalesce(last_value::text, 'unused')), ' ' ORDER BY sequencename) AS "Value"
            FROM pg_sequences WHERE sequencename LIKE 'case_reference%' OR sequencename = 'cases_id_seq'
            """;
        var before = await WithDbAsync(db => db.Database.SqlQueryRaw<string>(Numbers).SingleAsync(Ct));

        Assert.IsType<ImportOutcome.Rejected>(await CommitAsync(ImportCsv.Bytes(rows), actor));

        Assert.Contains("cases_id_seq", before, StringComparison.Ordinal);
        Assert.Equal(before, await WithDbAsync(db => db.Database.SqlQueryRaw<string>(Numbers).SingleAsync(Ct)));
        Assert.Equal((0, 0, 0, 0, 0), await CountsAsync());
    }

    [Fact]
    public async Task A_value_the_database_refuses_too_is_named_as_the_form_names_it_and_nothing_is_written()
    {
        // The rows are checked while the writer starts: a title longer than its column fails the COPY, possibly before
        // the check has named the row. The user sees the check's message either way, never the database's error.
        var actor = await ActorAsync();
        var rows = ImportCsv.Many(3000);
        rows[0] = ImportCsv.Row((F.Title, new string('T', 300)));

        var rejected = Assert.IsType<ImportOutcome.Rejected>(await CommitAsync(ImportCsv.Bytes(rows), actor));

        Assert.Equal("row 2 (title): Keep the title to 200 characters or fewer.", Assert.Single(rejected.Preview.Errors).ToString());
        Assert.Equal((0, 0, 0, 0, 0), await CountsAsync());
    }

    [Fact]
    public async Task A_second_confirmation_of_an_import_writes_nothing()
    {
        var actor = await ActorAsync();
        var bytes = ImportCsv.Bytes(ImportCsv.Many(50));
        var id = NewId();

        var first = Assert.IsType<ImportOutcome.Imported>(await CommitAsync(bytes, actor, id));
        var counts = await CountsAsync();
        var second = await CommitAsync(bytes, actor, id);

        Assert.Equal(new ImportOutcome.AlreadyImported(id), second);
        Assert.Equal(counts, await CountsAsync());
        Assert.Equal(50 + 1, counts.Audit);
        Assert.Equal(50, first.Cases.Count);
    }

    [Fact]
    public async Task The_page_after_a_large_import_lists_its_first_cases()
    {
        var actor = await ActorAsync();
        var imported = Assert.IsType<ImportOutcome.Imported>(await CommitAsync(ImportCsv.Bytes(ImportCsv.Many(CaseImportService.SummaryCases + 1)), actor));

        var summary = await WithServiceAsync<CaseImportService, ImportSummary?>(s => s.GetImportAsync(imported.ImportId, actor, Ct));

        Assert.Equal(CaseImportService.SummaryCases + 1, summary!.Rows);
        Assert.Equal(imported.Cases.Take(CaseImportService.SummaryCases), summary.Cases);
    }

    [Fact]
    public async Task References_past_9999_have_every_digit_as_CaseService_formats_them()
    {
        var actor = await ActorAsync();
        var sequence = CaseCategories.ReferenceSequence(CaseCategory.SeparatedSpouse);
        // Emptying the tables between tests leaves the sequences as they are: put this one back afterwards.
        var before = await WithDbAsync(db => db.Database.SqlQuery<long>($"SELECT last_value AS \"Value\" FROM case_reference_sp").SingleAsync(Ct));
        await WithDbAsync(db => db.Database.ExecuteSqlAsync($"SELECT setval({sequence}::regclass, 9997)", Ct));
        try
        {
            var imported = Assert.IsType<ImportOutcome.Imported>(await CommitAsync(ImportCsv.Bytes(ImportCsv.Row(), ImportCsv.Row(), ImportCsv.Row()), actor));

            Assert.Equal(["SP-9998", "SP-9999", "SP-10000"], imported.Cases.Select(c => c.Reference));
            Assert.Equal("SP-10000", CaseService.FormatReference(CaseCategory.SeparatedSpouse, 10000));
        }
        finally
        {
            await WithDbAsync(db => db.Database.ExecuteSqlAsync($"SELECT setval({sequence}::regclass, {before})", Ct));
        }
    }

    public static TheoryData<string> FailingTables => ["cases", "persons", "case_people", "person_name_keys", "audit_events"];

    [Theory]
    [MemberData(nameof(FailingTables))]
    public async Task A_database_failure_at_any_statement_leaves_nothing_of_the_import(string table)
    {
        var actor = await ActorAsync();
        var bytes = ImportCsv.Bytes(ImportCsv.Many(200));
        await using var failing = await FailingTable.CreateAsync(App, table, times: 1);
        await using var scope = App.Scope();
        await using var db = Context(retries: false);
        var import = Service(scope, db);

        var thrown = await Assert.ThrowsAnyAsync<Exception>(() => import.CommitAsync(Confirmation(bytes), actor, Ct));

        Assert.Contains($"simulated failure of {table}", thrown.ToString(), StringComparison.Ordinal);
        Assert.Equal(1, await failing.FailuresAsync());
        Assert.Equal((0, 0, 0, 0, 0), await CountsAsync());
        // The same context (its connection, rolled back) imports the file afterwards.
        Assert.IsType<ImportOutcome.Imported>(await import.CommitAsync(Confirmation(bytes), actor, Ct));
        Assert.Equal(200, (await CountsAsync()).Cases);
    }

    [Fact]
    public async Task A_transient_failure_is_retried_from_scratch_by_the_execution_strategy()
    {
        var actor = await ActorAsync();
        var bytes = ImportCsv.Bytes(ImportCsv.Many(300));
        var people = CommandsOf(bytes).Sum(c => c.People.Count);
        await using var failing = await FailingTable.CreateAsync(App, "person_name_keys", times: 1);
        await using var scope = App.Scope();
        await using var db = Context(retries: true);

        var imported = Assert.IsType<ImportOutcome.Imported>(await Service(scope, db).CommitAsync(Confirmation(bytes), actor, Ct));

        Assert.Equal(1, await failing.FailuresAsync());
        var counts = await CountsAsync();
        Assert.Equal((300, people, people, 300 + 1), (counts.Cases, counts.Persons, counts.Links, counts.Audit));
        Assert.Equal(imported.Cases.Select(c => c.Id), await WithDbAsync(db => db.Cases.OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(Ct)));
    }

    private CaseTrackerDbContext Context(bool retries)
    {
        var options = new DbContextOptionsBuilder<CaseTrackerDbContext>();
        DatabaseSetup.Configure(options, App.ConnectionString);
        if (retries)
        {
            options.UseNpgsql(o => o.ExecutionStrategy(d => new RetryOnSimulatedFailure(d)));
        }
        return new CaseTrackerDbContext(options.Options);
    }

    /// <summary>The real import service over <paramref name="db"/>.</summary>
    private static CaseImportService Service(AsyncServiceScope scope, CaseTrackerDbContext db)
    {
        var audit = ActivatorUtilities.CreateInstance<AuditTrail>(scope.ServiceProvider, db);
        var writer = ActivatorUtilities.CreateInstance<CaseBulkWriter>(scope.ServiceProvider, db, audit);
        return ActivatorUtilities.CreateInstance<CaseImportService>(scope.ServiceProvider, db, writer, audit, new DuplicateCheck(db, new PeopleSearch(db)));
    }

    /// <summary>The error PostgreSQL raises for a simulated failure.</summary>
    private const string SimulatedState = "CTSIM";

    /// <summary>
    /// Fails the first <c>times</c> statements that write a table, inside PostgreSQL (a statement trigger), whatever
    /// writes them: EF Core's commands and the bulk writer's COPY alike, as a lost connection or a full disk would.
    /// The count lives in a sequence, which a rollback does not undo. Disposing removes the trigger.
    /// </summary>
    private sealed class FailingTable : IAsyncDisposable
    {
        private readonly TestApp app;
        private readonly string table;
        private readonly int times;

        private FailingTable(TestApp app, string table, int times) => (this.app, this.table, this.times) = (app, table, times);

        public static async Task<FailingTable> CreateAsync(TestApp app, string table, int times)
        {
            var failing = new FailingTable(app, table, times);
            await failing.ExecuteAsync($"""
                CREATE SEQUENCE test_failures_{table};
                CREATE FUNCTION test_fail_{table}() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF nextval('test_failures_{table}') <= {times} THEN
                        RAISE EXCEPTION 'simulated failure of {table}' USING ERRCODE = '{SimulatedState}';
                    END IF;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER test_fail BEFORE INSERT ON {table} FOR EACH STATEMENT EXECUTE FUNCTION test_fail_{table}();
                """, Ct);
            return failing;
        }

        /// <summary>How many statements failed: each writing statement draws a number, and those up to <c>times</c> fail.</summary>
        public async Task<long> FailuresAsync()
        {
            await using var connection = new NpgsqlConnection(app.ConnectionString);
            await connection.OpenAsync(Ct);
            await using var command = new NpgsqlCommand($"SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM test_failures_{table}", connection);
            return Math.Min((long)(await command.ExecuteScalarAsync(Ct))!, times);
        }

        // Not the test's token: the trigger must go even when the test was cancelled.
        public async ValueTask DisposeAsync() => await ExecuteAsync($"""
            DROP TRIGGER IF EXISTS test_fail ON {table};
            DROP FUNCTION IF EXISTS test_fail_{table}();
            DROP SEQUENCE IF EXISTS test_failures_{table};
            """, CancellationToken.None);

        private async Task ExecuteAsync(string sql, CancellationToken ct)
        {
            await using var connection = new NpgsqlConnection(app.ConnectionString);
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>A retrying strategy, like EnableRetryOnFailure, that takes the simulated failure for a transient one.</summary>
    private sealed class RetryOnSimulatedFailure(ExecutionStrategyDependencies dependencies) : ExecutionStrategy(dependencies, 3, TimeSpan.Zero)
    {
        protected override bool ShouldRetryOn(Exception exception) =>
            exception is PostgresException { SqlState: SimulatedState } || exception.InnerException is PostgresException { SqlState: SimulatedState };

        protected override TimeSpan? GetNextDelay(Exception lastException) => base.GetNextDelay(lastException) is null ? null : TimeSpan.Zero;
    }
}
