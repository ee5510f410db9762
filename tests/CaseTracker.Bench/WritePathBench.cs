using System.Diagnostics;
using System.Globalization;
using System.Text;
using CaseTracker.Core;
using CaseTracker.Core.Accounts;
using CaseTracker.Core.Cases;
using CaseTracker.Core.CaseWork;
using CaseTracker.Core.Import;
using CaseTracker.Core.People;
using Microsoft.Extensions.Logging;
using Npgsql;
using F = CaseTracker.Core.Import.CaseImportFormat;

namespace CaseTracker.Bench;

/// <summary>
/// The import figure of docs/performance.md: N generated cases written as a CSV file in the import format and imported
/// by the product's own commit path, <see cref="CaseImportService.CommitAsync"/> (decode, parse, validate every row with
/// the case form's validator, then the set-based write of <see cref="CaseBulkWriter"/> and the commit), against raw
/// binary COPY of the same N cases (new ids) into cases, persons, case_people and person_name_keys, one connection
/// per table, foreign-key triggers off. A row is a case with its people. Prints name: value lines.
/// </summary>
internal static class WritePathBench
{
    public static async Task<int> RunAsync(string connectionString, int count, int rounds, CancellationToken ct)
    {
        await using var provider = Services(connectionString);

        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync(ct);
        string caseworkerId;
        await using (var cmd = new NpgsqlCommand("SELECT id FROM users WHERE normalized_email = 'CASEWORKER@CASETRACKER.LOCAL'", db))
        {
            caseworkerId = (string)(await cmd.ExecuteScalarAsync(ct))!;
        }
        var actor = new Actor(caseworkerId, "caseworker@casetracker.local", new HashSet<string> { Roles.Caseworker });
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        // Same generator as the load, without shared people or other spellings (an import creates new people only), and
        // each case as an import leaves it (relatives have names only in the file), so that both sides write the same rows.
        var factory = new CaseFactory(new Random(7), [caseworkerId], today, sharePeople: false, onlyDisplaySpelling: true);
        var warmUp = Enumerable.Range(0, 200).Select(_ => AsImported(factory.Make(0, ""), caseworkerId, today)).ToList();
        var cases = Enumerable.Range(0, count).Select(_ => AsImported(factory.Make(0, ""), caseworkerId, today)).ToList();
        var csv = Encoding.UTF8.GetBytes(Csv(cases));

        // Warm up the service (EF model, validator, COPY types) on an import not timed.
        if (await ImportAsync(provider, Encoding.UTF8.GetBytes(Csv(warmUp)), actor, ct) is null)
        {
            return 1;
        }
        // Rounds of one import and one COPY each, the two side by side so that both see the same machine; the figures are
        // the medians, and the ratio the median of the rounds' ratios.
        var importSeconds = new List<double>();
        var copySeconds = new List<double>();
        var ratios = new List<double>();
        long allocated = 0;
        var importedRows = 0;
        for (var round = 0; round < rounds; round++)
        {
            var memoryBefore = GC.GetTotalAllocatedBytes();
            var import = Stopwatch.StartNew();
            var imported = await ImportAsync(provider, csv, actor, ct);
            import.Stop();
            if (imported is null)
            {
                return 1;
            }
            if (round == 0)
            {
                allocated = GC.GetTotalAllocatedBytes() - memoryBefore;
                importedRows = imported.Value;
            }
            var copy = await CopyAsync(connectionString, db, cases, ct);
            importSeconds.Add(import.Elapsed.TotalSeconds);
            copySeconds.Add(copy.TotalSeconds);
            ratios.Add(imported.Value / import.Elapsed.TotalSeconds / (count / copy.TotalSeconds));
        }

        var importMedian = Median(importSeconds);
        var copyMedian = Median(copySeconds);
        Console.WriteLine($"import.rows: {importedRows}");
        Console.WriteLine($"import.csv_bytes: {csv.Length}");
        Console.WriteLine($"import.seconds: {Format(importMedian, "0.0")}");
        Console.WriteLine($"import.allocated_mb: {Format(allocated / (1024.0 * 1024.0), "0")}");
        Console.WriteLine($"import.rows_per_s: {Format(importedRows / importMedian, "0")}");
        Console.WriteLine($"copy.seconds: {Format(copyMedian, "0.0")}");
        Console.WriteLine($"copy.rows_per_s: {Format(count / copyMedian, "0")}");
        Console.WriteLine($"ratio.import_vs_copy: {Format(Median(ratios), "0.000")}");
        Console.WriteLine($"rounds.import_seconds: {string.Join(" / ", importSeconds.Select(x => Format(x, "0.0")))}");
        Console.WriteLine($"rounds.copy_seconds: {string.Join(" / ", copySeconds.Select(x => Format(x, "0.0")))}");
        Console.WriteLine($"rounds.import_vs_copy: {string.Join(" / ", ratios.Select(x => Format(x, "0.000")))}");
        return 0;
    }

    private static string Format(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>Raw binary COPY of <paramref name="cases"/>, with new ids and references, as <see cref="CopyWriter"/> loads them.</summary>
    private static async Task<TimeSpan> CopyAsync(string connectionString, NpgsqlConnection db, List<GenCase> cases, CancellationToken ct)
    {
        var firstCaseId = await Generator.ScalarAsync<int>(db, "SELECT max(id) + 1 FROM cases", ct);
        var firstPersonId = await Generator.ScalarAsync<int>(db, "SELECT max(id) FROM persons", ct);
        var aliasId = await Generator.ScalarAsync<int>(db, "SELECT COALESCE(max(id), 0) FROM person_aliases", ct);
        var keyId = await Generator.ScalarAsync<long>(db, "SELECT max(id) FROM person_name_keys", ct);
        var nextPerson = firstPersonId;
        // References unique across runs on one database (at most 16 characters).
        var run = Convert.ToHexStringLower(BitConverter.GetBytes(Environment.TickCount))[..4];
        var copy = Stopwatch.StartNew();
        await using (var writer = await CopyWriter.OpenAsync(connectionString, aliasId, keyId, withCaseWork: false, ct))
        {
            var i = 0;
            foreach (var c in cases)
            {
                c.Id = firstCaseId + i;
                c.Reference = $"BX{run}-{(i++).ToString(CultureInfo.InvariantCulture)}";
                foreach (var (person, _, _) in c.People)
                {
                    person.Id = ++nextPerson;
                }
                writer.Write(c);
            }
            await writer.CompleteAsync(ct);
        }
        copy.Stop();
        foreach (var (table, column) in new[] { ("cases", "id"), ("persons", "id"), ("person_name_keys", "id") })
        {
            await Generator.ExecAsync(db, $"SELECT setval(pg_get_serial_sequence('public.{table}', '{column}'), (SELECT max({column}) FROM {table}))", ct);
        }
        return copy.Elapsed;
    }

    /// <summary>
    /// The preview of an import of N generated cases (as the write path generates them) through the product's
    /// <see cref="CaseImportService.PreviewAsync"/>: read, check, look up known persons (within its time budget) and
    /// compare the persons of the file with each other; writes nothing. Prints name: value lines.
    /// </summary>
    public static async Task<int> PreviewAsync(string connectionString, int count, CancellationToken ct)
    {
        await using var provider = Services(connectionString);
        var csv = Encoding.UTF8.GetBytes(Csv(Generate(count, 11)));
        var actor = new Actor("bench", "bench", new HashSet<string> { Roles.Supervisor });

        var allocated = GC.GetTotalAllocatedBytes();
        var watch = Stopwatch.StartNew();
        ImportPreview preview;
        await using (var scope = provider.CreateAsyncScope())
        {
            using var stream = new MemoryStream(csv);
            preview = await scope.ServiceProvider.GetRequiredService<CaseImportService>().PreviewAsync(new ImportFile(csv.Length, stream), null, actor, ct);
        }
        watch.Stop();
        Console.WriteLine($"preview.rows: {preview.Rows.Count}");
        Console.WriteLine($"preview.csv_bytes: {csv.Length}");
        Console.WriteLine($"preview.can_import: {preview.CanImport}");
        Console.WriteLine($"preview.errors: {preview.Errors.Count() + preview.FileErrors.Count}");
        Console.WriteLine($"preview.warnings: {preview.Warnings.Count()}");
        Console.WriteLine($"preview.duplicate_check_notice: {preview.DuplicateCheckNotice ?? "none"}");
        Console.WriteLine($"preview.seconds: {Format(watch.Elapsed.TotalSeconds, "0.0")}");
        Console.WriteLine($"preview.allocated_mb: {Format((GC.GetTotalAllocatedBytes() - allocated) / (1024.0 * 1024.0), "0")}");
        Console.WriteLine($"preview.content_chars: {preview.Content?.Length ?? 0}");
        return preview.CanImport ? 0 : 1;
    }

    /// <summary>N generated cases as an import creates them (see <see cref="AsImported"/>).</summary>
    internal static IEnumerable<GenCase> Generate(int count, int seed)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var factory = new CaseFactory(new Random(seed), ["bench"], today, sharePeople: false, onlyDisplaySpelling: true);
        return Enumerable.Range(0, count).Select(_ => AsImported(factory.Make(0, ""), "bench", today));
    }

    /// <summary>The product's service layer; its log (counts and timings, never names) goes to standard error.</summary>
    private static ServiceProvider Services(string connectionString)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.ClearProviders()
            .AddSimpleConsole(o => o.SingleLine = true)
            .AddFilter("CaseTracker", LogLevel.Information)
            .AddFilter("Microsoft", LogLevel.Warning));
        services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        services.AddCaseTrackerCore(connectionString, threadSafetyChecks: false); // as the app in production
        return services.BuildServiceProvider();
    }

    /// <summary>Imports the file through the product's commit path, in one scope as one request; the number of cases, or null.</summary>
    private static async Task<int?> ImportAsync(IServiceProvider provider, byte[] csv, Actor actor, CancellationToken ct)
    {
        await using var scope = provider.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<CaseImportService>();
        var command = new ImportCasesCommand
        {
            Content = System.Buffers.Text.Base64Url.EncodeToString(csv),
            ImportId = Guid.NewGuid().ToString("N"),
        };
        switch (await service.CommitAsync(command, actor, ct))
        {
            case ImportOutcome.Imported ok:
                return ok.Cases.Count;
            case ImportOutcome.Rejected rejected:
                await Console.Error.WriteLineAsync("import rejected: " + string.Join("; ",
                    rejected.Preview.FileErrors.Concat(rejected.Preview.Errors.Take(10).Select(e => e.ToString()))));
                return null;
            default:
                await Console.Error.WriteLineAsync("import not written");
                return null;
        }
    }

    /// <summary>
    /// The case as importing its CSV row creates it: status New, assigned to the importing caseworker, not restricted or
    /// internationally known, nobody declining listing (the format has no such columns), relatives with their names only,
    /// urgency assessed on that.
    /// </summary>
    private static GenCase AsImported(GenCase c, string caseworkerId, DateOnly today)
    {
        c.Status = CaseStatus.New;
        c.StatusSince = today;
        c.AssignedCaseworkerId = caseworkerId;
        c.IsRestricted = false;
        c.IsInternationallyKnown = false;
        foreach (var (person, role, _) in c.People)
        {
            person.DeclinesListing = false;
            if (role != PersonRole.ApplicantInUssr)
            {
                person.BirthDate = null;
                person.BirthYear = null;
                person.Sex = Sex.Unknown;
                person.City = null;
                person.Citizenships = [];
                person.IllnessOrDisability = null;
                person.HungerStrikes = 0;
            }
        }
        c.AssessUrgency(today);
        return c;
    }

    /// <summary>The cases as a CSV file in the import format (docs/import.md): header row, one row per case.</summary>
    internal static string Csv(IEnumerable<GenCase> cases)
    {
        var s = new StringBuilder();
        s.AppendJoin(',', F.Columns).Append("\r\n");
        foreach (var c in cases)
        {
            var applicant = c.People[0].Person;
            var values = new Dictionary<string, string?>
            {
                [F.Category] = c.Category.ToString(),
                [F.EmigrationGroup] = c.EmigrationGroup?.ToString(),
                [F.Title] = c.Title,
                [F.SeparatedSince] = Date(c.SeparatedSince),
                [F.FirstExitApplication] = Date(c.FirstExitApplicationOn),
                [F.Refusals] = c.RefusalCount.ToString(CultureInfo.InvariantCulture),
                [F.RefusalReason] = c.RefusalReason,
                [F.Summary] = c.Summary,
                [F.FamilyName] = applicant.FamilyName,
                [F.GivenName] = applicant.GivenName,
                [F.Patronymic] = applicant.Patronymic,
                [F.NativeFamilyName] = applicant.NativeFamilyName,
                [F.NativeGivenName] = applicant.NativeGivenName,
                [F.NativePatronymic] = applicant.NativePatronymic,
                [F.BirthYear] = applicant.BirthYear?.ToString(CultureInfo.InvariantCulture),
                [F.BirthDate] = Date(applicant.BirthDate),
                [F.Sex] = applicant.Sex switch { Sex.Female => "F", Sex.Male => "M", _ => "" },
                [F.City] = applicant.City,
                [F.Citizenships] = string.Join(", ", applicant.Citizenships),
                [F.IllnessOrDisability] = applicant.IllnessOrDisability,
                [F.HungerStrikes] = applicant.HungerStrikes.ToString(CultureInfo.InvariantCulture),
                [F.Relatives] = string.Join(";", c.People.Skip(1).Select(p => $"{p.Role}:{Name(p.Person.FamilyName, p.Person.GivenName, p.Person.Patronymic)}" +
                    (p.Person.NativeFamilyName is null ? "" : $" ({Name(p.Person.NativeFamilyName, p.Person.NativeGivenName, p.Person.NativePatronymic)})"))),
            };
            s.AppendJoin(',', F.Columns.Select(column => Quote(values.GetValueOrDefault(column) ?? ""))).Append("\r\n");
        }
        return s.ToString();

        static string? Date(DateOnly? d) => d?.ToString(F.DateFormat, CultureInfo.InvariantCulture);

        static string Name(params string?[] parts) => string.Join(' ', parts.Where(p => !string.IsNullOrWhiteSpace(p)));
    }

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r', ';']) < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}

/// <summary>Where the import's time goes in C#, phase by phase, on one thread (bench command <c>import-phases</c>).</summary>
internal static class ImportPhases
{
    public static int Run(int count)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var factory = new CaseFactory(new Random(11), ["bench"], today, sharePeople: false, onlyDisplaySpelling: true);
        var cases = Enumerable.Range(0, count).Select(_ => factory.Make(0, "")).ToList();
        var text = WritePathBench.Csv(cases);
        var validator = new CaseCommandValidator(TimeProvider.System);
        var actor = new Actor("bench", "bench", new HashSet<string> { Roles.Caseworker });
        for (var round = 0; round < 2; round++)
        {
            var w = Stopwatch.StartNew();
            var records = CsvParser.Parse(text, ',').ToList();
            var parse = w.Elapsed.TotalMilliseconds;
            var header = ImportHeader.Read(records[0], [])!;
            w.Restart();
            var rows = records.Skip(1).Select(r => ParsedRow.Read(header, r)).ToList();
            var read = w.Elapsed.TotalMilliseconds;
            w.Restart();
            var invalid = rows.Count(r => !validator.Validate(r.Command).IsValid);
            var validate = w.Elapsed.TotalMilliseconds;
            w.Restart();
            var now = DateTimeOffset.UtcNow;
            foreach (var r in rows)
            {
                var c = CaseService.NewCase(r.Command, actor, now);
                foreach (var input in CaseService.PeopleToSave(r.Command.People))
                {
                    c.People.Add(new CasePerson { Case = c, Person = CaseService.NewPerson(input, now), Role = input.Role });
                }
                CaseUrgency.Refresh(c, today);
            }
            var build = w.Elapsed.TotalMilliseconds;
            w.Restart();
            var keys = 0;
            foreach (var r in rows)
            {
                foreach (var input in CaseService.PeopleToSave(r.Command.People))
                {
                    keys += PersonNameIndex.Keys(CaseService.NewPerson(input, now)).Count();
                }
            }
            var keyTime = w.Elapsed.TotalMilliseconds;
            w.Restart();
            var warnings = new Dictionary<int, List<ImportIssue>>();
            var notice = CaseImportService.FindDuplicatesWithinFile(rows, warnings, TimeSpan.FromMinutes(10), Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, CancellationToken.None);
            var within = w.Elapsed.TotalMilliseconds;
            Console.WriteLine($"round {round}: within-file comparison {within:0} ms, {warnings.Values.Sum(l => l.Count)} warnings, {notice ?? "complete"}");
            w.Restart();
            var byYear = rows.Select(r => r.Command.People[0]).Where(p => p.BirthYear is not null)
                .Select(p => (Year: p.BirthYear!.Value, Forms: new[] { $"{p.FamilyName} {p.GivenName}", $"{p.NativeFamilyName} {p.NativeGivenName}" }.Select(Core.Names.NameForm.Of).ToArray()))
                .GroupBy(p => p.Year).Select(g => g.ToArray()).ToList();
            var formsTime = w.Elapsed.TotalMilliseconds;
            w.Restart();
            long pairs = 0, passed = 0;
            var passing = new List<(Core.Names.NameForm[] A, Core.Names.NameForm[] B)>();
            foreach (var group in byYear)
            {
                for (var a = 0; a < group.Length; a++)
                {
                    for (var b = 0; b < a; b++)
                    {
                        pairs++;
                        var may = false;
                        foreach (var x in group[a].Forms)
                        {
                            foreach (var y in group[b].Forms)
                            {
                                may |= Core.Names.NameSimilarity.UpperBound(x, y) >= 0.97;
                            }
                        }
                        if (may)
                        {
                            passed++;
                            passing.Add((group[a].Forms, group[b].Forms));
                        }
                    }
                }
            }
            var boundTime = w.Elapsed.TotalMilliseconds;
            w.Restart();
            var likely = passing.Count(p => p.A.SelectMany(x => p.B, Core.Names.NameSimilarity.Score).Max() >= 0.97);
            var scoreTime = w.Elapsed.TotalMilliseconds;
            Console.WriteLine($"round {round}: forms {formsTime:0} ms; {pairs} same-year pairs, bound {boundTime:0} ms, {passed} pass the bound, scored in {scoreTime:0} ms, {likely} likely");
            Console.WriteLine($"round {round}: parse {parse:0} ms, rows {read:0} ms, validate {validate:0} ms ({invalid} invalid), build {build:0} ms, persons+keys {keyTime:0} ms ({keys} keys)");
        }
        return 0;
    }
}
