using System.Buffers.Binary;
using System.Buffers.Text;
using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CaseTracker.Core.Accounts;
using CaseTracker.Core.Auditing;
using CaseTracker.Core.Cases;
using CaseTracker.Core.Common;
using CaseTracker.Core.Names;
using CaseTracker.Core.People;
using CaseTracker.Core.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using F = CaseTracker.Core.Import.CaseImportFormat;

namespace CaseTracker.Core.Import;

/// <summary>
/// Imports cases from a CSV file (docs/import.md): a preview reads and checks every row and warns of
/// possible duplicate persons, writing nothing; confirming reads and checks the same content again and
/// creates every case in one transaction, or none, set-based through <see cref="CaseBulkWriter"/>, to the same rows
/// as <see cref="CaseService.CreateAsync"/> would write one by one.
/// </summary>
public sealed class CaseImportService(
    CaseTrackerDbContext db,
    CaseBulkWriter writer,
    DuplicateCheck duplicates,
    IValidator<CaseCommand> validator,
    AuditTrail audit,
    ILogger<CaseImportService> logger)
{
    /// <summary>The audit action of an import: one event per import, beside each case's own <c>case.created</c>.</summary>
    public const string ImportedAction = "cases.imported";

    /// <summary>At most this many warnings per person about others in the same file, the closest first.</summary>
    private const int MaxFileMatches = 3;

    private const string NothingToImport = "There is nothing to import: the preview is missing or was changed. Upload the file again.";

    /// <summary>
    /// How long a preview spends looking up known persons. Each look-up is a few indexed queries and a ranking (tens of
    /// milliseconds with many similar names); past this, the rest of the rows are left unchecked and the preview says so,
    /// so that a large file still gets its preview in a reasonable time.
    /// </summary>
    internal TimeSpan DuplicateCheckBudget { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// How long a preview spends comparing the persons of the file with each other. Persons of the same year of birth are
    /// compared pairwise, so the work grows with the square of the rows; a cheap bound of the name similarity
    /// (<see cref="NameSimilarity.UpperBound"/>) skips nearly every pair, and this budget bounds the rest.
    /// </summary>
    internal TimeSpan FileComparisonBudget { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Reads and checks a file or pasted text; writes nothing.</summary>
    public async Task<ImportPreview> PreviewAsync(ImportFile? file, string? text, Actor actor, CancellationToken ct)
    {
        var hasText = !string.IsNullOrWhiteSpace(text);
        if (file is not null && hasText)
        {
            return ImportPreview.Failed(ImportSource.File, "Upload a file or paste CSV text, not both: clear one of them.");
        }
        byte[] bytes;
        ImportSource source;
        if (file is not null)
        {
            source = ImportSource.File;
            if (file.Length > F.MaxBytes)
            {
                return ImportPreview.Failed(source, ImportText.TooLarge(file.Length));
            }
            bytes = await ImportText.ReadBoundedAsync(file.Content, ct);
        }
        else if (hasText)
        {
            source = ImportSource.Text;
            var length = Encoding.UTF8.GetByteCount(text!);
            if (length > F.MaxBytes)
            {
                return ImportPreview.Failed(source,
                    $"The pasted text is {ImportText.Megabytes(length)}; at most {ImportText.Megabytes(F.MaxBytes)} can be imported at once. Split it into smaller parts.");
            }
            bytes = Encoding.UTF8.GetBytes(text!);
        }
        else
        {
            return ImportPreview.Failed(ImportSource.None, "Choose a CSV file to upload, or paste CSV text.");
        }

        var (rows, failure) = Read(source, bytes);
        if (failure is not null)
        {
            return failure;
        }
        Check(rows, ct);
        // The comparison within the file needs the processor and the look-up of known persons mostly waits for the
        // database: they run side by side, each within its own time budget.
        var fileWarnings = new Dictionary<int, List<ImportIssue>>();
        using var stopComparing = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var withinFile = Task.Run(() => FindDuplicatesWithinFile(rows, fileWarnings, FileComparisonBudget, logger, stopComparing.Token), ct);
        Dictionary<int, List<ImportIssue>> warnings;
        string? notice;
        try
        {
            (warnings, notice) = await FindDuplicatesAsync(rows, actor, ct);
        }
        catch
        {
            // Not left running for nothing when the look-up fails or the request is gone.
            await stopComparing.CancelAsync();
            throw;
        }
        var fileNotice = await withinFile;
        foreach (var issue in fileWarnings.Values.SelectMany(issues => issues))
        {
            Add(warnings, issue);
        }
        var notices = string.Join(" ", new[] { notice, fileNotice }.Where(n => n is not null));
        var preview = Build(source, rows, warnings, null, null) with { DuplicateCheckNotice = notices.Length == 0 ? null : notices };
        logger.LogInformation("Import preview: {Rows} rows, {Errors} errors, {Warnings} warnings",
            rows.Count, preview.Errors.Count(), preview.Warnings.Count());
        return preview.CanImport
            ? preview with { Content = EncodeContent(bytes), ImportId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) }
            : preview;
    }

    /// <summary>
    /// Reads and checks the previewed content again and creates every case in one transaction: all rows or,
    /// if any row has an error, none. Each preview is imported at most once.
    /// </summary>
    public async Task<ImportOutcome> CommitAsync(ImportCasesCommand command, Actor actor, CancellationToken ct)
    {
        var importId = command.ImportId;
        if (!IsImportId(importId) || !TryDecodeContent(command.Content, out var bytes))
        {
            return new ImportOutcome.Rejected(ImportPreview.Failed(ImportSource.Preview, NothingToImport));
        }
        var started = Stopwatch.GetTimestamp();
        var (rows, failure) = Read(ImportSource.Preview, bytes);
        if (failure is not null)
        {
            return new ImportOutcome.Rejected(failure);
        }
        // The rows' errors as the page shows them, or null while they have none.
        ImportOutcome.Rejected? Refusal() =>
            rows.Any(r => r.Errors.Count > 0) ? new ImportOutcome.Rejected(Build(ImportSource.Preview, rows, [], null, null)) : null;
        if (Refusal() is { } unreadable)
        {
            return unreadable;
        }
        var read = Stopwatch.GetElapsedTime(started);
        // The rows are checked in the background, on every core, while the writer starts: checking 100,000 rows takes
        // seconds, and the writer mostly waits for PostgreSQL. Nothing is committed before the check has passed. The first
        // row with an error stops the writer, which draws the cases' ids and reference numbers only after the check, so a
        // refused file writes little and uses up no reference number. A failure that an error may have caused while
        // writing (a title longer than its column) is reported as the error.
        using var refused = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var checking = Task.Run(() => Check(rows, ct, refused), ct);
        var rejected = async () =>
        {
            await checking;
            return Refusal();
        };

        // Two confirmations of one preview (a double click) wait for each other on this lock; the second then sees the first.
        var lockKey = long.Parse(importId.AsSpan(0, 16), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        var commands = rows.Select(r => r.Command).ToList();
        try
        {
            // One unit the execution strategy can run again after a transient failure: each attempt starts from scratch, in
            // a new transaction, with nothing tracked from the attempt before. A retry after a commit whose acknowledgement
            // was lost finds the import's audit event, and writes nothing.
            return await db.RetryingAsync(async attemptCt =>
            {
                await using var tx = await db.Database.BeginTransactionAsync(attemptCt);
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({lockKey})", attemptCt);
                if (await db.AuditEvents.AnyAsync(a => a.Action == ImportedAction && a.EntityId == importId, attemptCt))
                {
                    logger.LogInformation("Import {ImportId} confirmed again by {UserId}: nothing written", importId, actor.UserId);
                    return (ImportOutcome)new ImportOutcome.AlreadyImported(importId);
                }
                // The writer creates every row in this transaction, or fails and none remain.
                var created = await writer.WriteAsync(commands, actor, attemptCt, ready: checking);
                if (await rejected() is { } invalid)
                {
                    await tx.RollbackAsync(attemptCt);
                    return invalid;
                }
                audit.Add(actor, ImportedAction, "Import", importId, details: new
                {
                    rows = created.Count,
                    cases = created.Select(c => new { id = c.Id, reference = c.Reference }).ToList(),
                });
                await db.SaveChangesAsync(attemptCt);
                await tx.CommitAsync(attemptCt);
                logger.LogInformation("Import {ImportId}: {Rows} cases created by {UserId} (read in {ReadMs} ms, checked and written in {WriteMs} ms)",
                    importId, created.Count, actor.UserId, (long)read.TotalMilliseconds, (long)(Stopwatch.GetElapsedTime(started) - read).TotalMilliseconds);
                return new ImportOutcome.Imported(importId, created);
            }, refused.Token);
        }
        catch (Exception) when (!ct.IsCancellationRequested && !checking.IsFaulted)
        {
            // The check stopped the writer, or a value it refuses failed the write before it had said so.
            if (await rejected() is { } invalid)
            {
                return invalid;
            }
            throw;
        }
        finally
        {
            // Not left running on a failure or a cancelled request, and its own failure is not lost behind the writer's.
            await checking.ContinueWith(t =>
            {
                if (t.IsFaulted)
                {
                    logger.LogError(t.Exception, "Import {ImportId}: checking the rows failed", importId);
                }
            }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        }
    }

    /// <summary>The page after an import lists at most this many of its cases, the first of the file.</summary>
    public const int SummaryCases = 1000;

    /// <summary>
    /// What an import of this actor created, as far as the actor may still see it (of its first <see cref="SummaryCases"/>
    /// cases); null for any other id.
    /// </summary>
    public async Task<ImportSummary?> GetImportAsync(string? importId, Actor actor, CancellationToken ct)
    {
        if (!IsImportId(importId))
        {
            return null;
        }
        var e = await db.AuditEvents.AsNoTracking()
            .Where(a => a.Action == ImportedAction && a.EntityId == importId && a.UserId == actor.UserId)
            .Select(a => new { a.At, a.Details })
            .FirstOrDefaultAsync(ct);
        if (e?.Details is null)
        {
            return null;
        }
        var ids = new List<int>();
        var rows = 0;
        using (e.Details)
        {
            var root = e.Details.RootElement;
            if (root.TryGetProperty("rows", out var r) && r.ValueKind == JsonValueKind.Number)
            {
                rows = r.GetInt32();
            }
            if (root.TryGetProperty("cases", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                ids.AddRange(list.EnumerateArray().Select(c => c.GetProperty("id").GetInt32()));
            }
        }
        ids = ids.Take(SummaryCases).ToList();
        var found = await db.Cases.AsNoTracking().VisibleTo(actor).Where(c => ids.Contains(c.Id))
            .Select(c => new ImportedCase(c.Id, c.Reference, c.Title)).ToListAsync(ct);
        var order = ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        return new ImportSummary(importId, e.At, rows, found.OrderBy(c => order[c.Id]).ToList());
    }

    /// <summary>The sample file of docs/samples/cases-import.csv, embedded in this assembly.</summary>
    public static byte[] Sample()
    {
        using var stream = typeof(CaseImportService).Assembly.GetManifestResourceStream("CaseTracker.Core.Import.cases-import.csv")
            ?? throw new InvalidOperationException("The sample import file is not embedded.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>Decodes and parses: the rows, each with the errors of its values (<see cref="Check"/> adds the rules'), or a
    /// preview holding the file's errors.</summary>
    private static (List<ParsedRow> Rows, ImportPreview? Failure) Read(ImportSource source, byte[] bytes)
    {
        if (!ImportText.TryDecode(bytes, out var text, out var error))
        {
            return ([], ImportPreview.Failed(source, error!));
        }
        var records = CsvParser.Parse(text, CsvParser.DetectDelimiter(text.AsSpan().TrimStart())).GetEnumerator();
        using (records)
        {
            // Empty lines above the header are skipped; rows keep the numbers a spreadsheet gives them.
            var found = false;
            while (!found && records.MoveNext())
            {
                found = !records.Current.IsBlank;
            }
            if (!found)
            {
                return ([], ImportPreview.Failed(source, "The file is empty: it should start with a header row naming the columns, then one row per case."));
            }
            var errors = new List<string>();
            var header = ImportHeader.Read(records.Current, errors);
            if (header is null)
            {
                return ([], ImportPreview.Failed(source, [.. errors]));
            }
            var data = new List<CsvRecord>();
            while (records.MoveNext())
            {
                if (!records.Current.IsBlank)
                {
                    data.Add(records.Current);
                }
            }
            if (data.Count == 0)
            {
                return ([], ImportPreview.Failed(source, "The file has a header row but no cases: add one row per case below the header."));
            }
            if (data.Count > F.MaxRows)
            {
                return ([], ImportPreview.Failed(source,
                    $"The file has {data.Count.ToString("N0", CultureInfo.InvariantCulture)} case rows; at most {F.MaxRows.ToString("N0", CultureInfo.InvariantCulture)} can be imported at once. Split it into smaller files."));
            }
            var rows = new ParsedRow[data.Count];
            // Rows are independent, so a large file is read on every core; each row keeps its place.
            Parallel.For(0, data.Count, new ParallelOptions { MaxDegreeOfParallelism = data.Count < 1000 ? 1 : -1 },
                i => rows[i] = ParsedRow.Read(header, data[i]));
            return ([.. rows], null);
        }
    }

    /// <summary>
    /// Adds to each readable row the errors of the case form's rules, and cancels <paramref name="refused"/> (if given) at
    /// the first row with an error. Rows are independent and the validator is shared by every request, so a large file
    /// is checked on every core (100,000 rows take seconds on one). The rules are synchronous: the validator has no rule
    /// that waits.
    /// </summary>
    private void Check(List<ParsedRow> rows, CancellationToken ct, CancellationTokenSource? refused = null) =>
        Parallel.For(0, rows.Count, new ParallelOptions { CancellationToken = ct, MaxDegreeOfParallelism = rows.Count < 1000 ? 1 : -1 }, i =>
        {
            if (rows[i].IsReadable)
            {
                var result = validator.Validate(rows[i].Command);
                rows[i].AddErrors(result.ToFieldErrors());
                if (!result.IsValid)
                {
                    refused?.Cancel();
                }
            }
        });

    /// <summary>
    /// Persons already known under a similar name, through the same check as the case form, row by row until
    /// <see cref="DuplicateCheckBudget"/> is spent; the notice says which rows were not looked up.
    /// </summary>
    private async Task<(Dictionary<int, List<ImportIssue>> Warnings, string? Notice)> FindDuplicatesAsync(List<ParsedRow> rows, Actor actor, CancellationToken ct)
    {
        var warnings = new Dictionary<int, List<ImportIssue>>();
        var started = Stopwatch.GetTimestamp();
        foreach (var row in rows.Where(r => r.IsReadable))
        {
            if (Stopwatch.GetElapsedTime(started) > DuplicateCheckBudget)
            {
                logger.LogInformation("Import preview: duplicate look-up stopped at row {Row} of {Rows}", row.Row, rows[^1].Row);
                return (warnings, $"Rows {row.Row}–{rows[^1].Row} were not compared with the people already in CaseTracker: " +
                    $"the look-up stops after {DuplicateCheckBudget.TotalSeconds:0} seconds. They can still be imported; to check them, import them as a separate file.");
            }
            for (var i = 0; i < row.Command.People.Count; i++)
            {
                var person = row.Command.People[i];
                if (person.IsBlank)
                {
                    continue;
                }
                var found = await duplicates.FindAsync(person, actor, ct);
                if (found.Count == 0)
                {
                    continue;
                }
                var matches = string.Join("; ", found.Select(m =>
                    $"{m.Likelihood.ToString().ToLowerInvariant()}: {Both(m.LatinName, m.NativeName)} (person {m.PersonId}" +
                    (m.BirthYear is { } y ? $", born {y}" : "") + (m.City is { } c ? $", {c}" : "") +
                    (m.CaseReferences.Count > 0 ? ", in " + string.Join(", ", m.CaseReferences) : "") +
                    ") — " + string.Join(", ", m.Reasons)));
                Add(warnings, new ImportIssue(row.Row, i == 0 ? F.FamilyName : F.Relatives,
                    $"{Who(row, i)} may already be known: {matches}. The import creates a new person; a supervisor can merge the two later."));
            }
        }
        return (warnings, null);
    }

    /// <summary>
    /// The same person twice in the file: persons of different rows with the same year of birth whose names score at
    /// least <see cref="DuplicateCheck.LikelyScore"/> in any script. At most <see cref="MaxFileMatches"/> per person, best first.
    /// Row by row, each person is compared with the persons of the rows above; when <see cref="FileComparisonBudget"/> is
    /// spent, the notice returned says from which row on this was not done.
    /// </summary>
    internal static string? FindDuplicatesWithinFile(List<ParsedRow> rows, Dictionary<int, List<ImportIssue>> warnings, TimeSpan budget, ILogger logger,
        CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var persons = new List<FilePerson>();
        var byYear = new Dictionary<int, List<FilePerson>>();
        var matches = new Dictionary<FilePerson, List<(FilePerson Other, double Score)>>();
        string? notice = null;
        foreach (var row in rows.Where(r => r.IsReadable))
        {
            ct.ThrowIfCancellationRequested();
            if (Stopwatch.GetElapsedTime(started) > budget)
            {
                logger.LogInformation("Import preview: comparison within the file stopped at row {Row} of {Rows}", row.Row, rows[^1].Row);
                notice = $"Rows {row.Row}–{rows[^1].Row} were not compared with the rows above them for the same person twice: " +
                    $"the comparison stops after {budget.TotalSeconds:0} seconds. They can still be imported; to check them, import them as a separate file.";
                break;
            }
            for (var i = 0; i < row.Command.People.Count; i++)
            {
                var p = row.Command.People[i];
                if (p.IsBlank || (p.BirthDate?.Year ?? p.BirthYear) is not { } year)
                {
                    continue;
                }
                var person = new FilePerson(row, i, p, year, Forms(p));
                if (!byYear.TryGetValue(year, out var sameYear))
                {
                    byYear[year] = sameYear = [];
                }
                foreach (var (other, score) in Likely(person, sameYear))
                {
                    Match(person, other, score);
                    Match(other, person, score);
                }
                sameYear.Add(person);
                persons.Add(person);
            }
        }
        foreach (var person in persons.Where(matches.ContainsKey))
        {
            foreach (var (other, score) in matches[person].OrderByDescending(m => m.Score).Take(MaxFileMatches).OrderBy(m => m.Other.Row.Row))
            {
                Add(warnings, new ImportIssue(person.Row.Row, person.Index == 0 ? F.FamilyName : F.Relatives,
                    $"{Who(person.Row, person.Index)} looks like the same person as {Who(other.Row, other.Index, capital: false)} on row {other.Row.Row} " +
                    $"({Name(other.Person)}): name similarity {score.ToString("0.00", CultureInfo.InvariantCulture)}, same year of birth ({person.Year}). The import would create both."));
            }
        }
        return notice;

        void Match(FilePerson person, FilePerson other, double score)
        {
            if (!matches.TryGetValue(person, out var list))
            {
                matches[person] = list = [];
            }
            list.Add((other, score));
        }

        // Whether any pair of their forms could reach the score at all: an upper bound of the similarity, exact for this
        // purpose, that costs a fraction of the similarity itself.
        // The persons of other rows among those given whose names score at least LikelyScore against the person's. A
        // method of its own, called once per person, so that its loop over millions of pairs is compiled fully optimised.
        static List<(FilePerson Other, double Score)> Likely(FilePerson person, List<FilePerson> sameYear)
        {
            var found = new List<(FilePerson, double)>();
            var forms = person.Forms;
            for (var k = 0; k < sameYear.Count; k++)
            {
                var other = sameYear[k];
                if (other.Row == person.Row || !MayMatch(forms, other.Forms))
                {
                    continue;
                }
                var score = BestScore(person, other);
                if (score >= DuplicateCheck.LikelyScore)
                {
                    found.Add((other, score));
                }
            }
            return found;
        }

        static bool MayMatch(NameForm[] fa, NameForm[] fb)
        {
            for (var i = 0; i < fa.Length; i++)
            {
                for (var j = 0; j < fb.Length; j++)
                {
                    if (NameSimilarity.UpperBound(fa[i], fb[j]) >= DuplicateCheck.LikelyScore)
                    {
                        return true;
                    }
                }
            }
            return false;
        }

        static double BestScore(FilePerson a, FilePerson b)
        {
            var best = 0.0;
            foreach (var x in a.Forms)
            {
                foreach (var y in b.Forms)
                {
                    best = Math.Max(best, NameSimilarity.Score(x, y));
                }
            }
            return best;
        }

        static NameForm[] Forms(PersonInput p) =>
            new[] { Join(p.FamilyName, p.GivenName), Join(p.NativeFamilyName, p.NativeGivenName) }
                .Where(n => n.Length > 0).Select(NameForm.Of).ToArray();
    }

    private sealed record FilePerson(ParsedRow Row, int Index, PersonInput Person, int Year, NameForm[] Forms);

    private static ImportPreview Build(ImportSource source, List<ParsedRow> rows, Dictionary<int, List<ImportIssue>> warnings, string? content, string? importId) =>
        new(source, [], rows.Select(r =>
        {
            var applicant = r.Command.People.FirstOrDefault() ?? new PersonInput();
            return new ImportRow(
                r.Row,
                r.Command.Title,
                r.IsReadable && !r.Errors.Any(e => e.Column == F.Category) ? r.Command.Category : null,
                r.Command.EmigrationGroup is { } g ? CaseCategories.DisplayName(g) : null,
                Join(applicant.FamilyName, applicant.GivenName, applicant.Patronymic),
                Join(applicant.NativeFamilyName, applicant.NativeGivenName, applicant.NativePatronymic),
                applicant.BirthDate?.Year ?? applicant.BirthYear,
                r.Relatives,
                // In the order of the columns, the row's own errors (quoting, field count) first.
                r.Errors.OrderBy(e => e.Column is null ? -1 : F.PositionOf(e.Column)).ToList(),
                warnings.GetValueOrDefault(r.Row) ?? []);
        }).ToList(), content, importId);

    private static void Add(Dictionary<int, List<ImportIssue>> warnings, ImportIssue issue)
    {
        if (!warnings.TryGetValue(issue.Row, out var list))
        {
            warnings[issue.Row] = list = [];
        }
        list.Add(issue);
    }

    private static string Who(ParsedRow row, int index, bool capital = true) =>
        (capital ? "T" : "t") + (index == 0 ? "he applicant" : $"he relative {row.Relatives[index - 1]}");

    private static string Name(PersonInput p) => Both(Join(p.FamilyName, p.GivenName, p.Patronymic), Join(p.NativeFamilyName, p.NativeGivenName, p.NativePatronymic));

    private static string Both(string latin, string native) => native.Length == 0 ? latin : latin.Length == 0 ? native : $"{latin} / {native}";

    private static string Join(params string?[] parts) => string.Join(' ', parts.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!.Trim()));

    private static bool IsImportId([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? id) =>
        id is { Length: 32 } && id.All(char.IsAsciiHexDigitLower);

    /// <summary>
    /// The content as the preview hands it out, to come back with the confirmation: compressed (gzip), then base64url. A
    /// CSV file of 100,000 cases (42.7 MB) travels as 11 million characters instead of 57 million, to the browser and back.
    /// </summary>
    internal static string EncodeContent(byte[] bytes)
    {
        using var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(bytes);
        }
        return Base64Url.EncodeToString(packed.GetBuffer().AsSpan(0, (int)packed.Length));
    }

    /// <summary>
    /// The content a confirmation carries back (<see cref="EncodeContent"/>): false when it is not base64url, is longer than
    /// the encoding of the largest file, is not gzip or not whole, or unpacks to more than the largest file or than it
    /// says (a forged field cannot make the server decode or unpack more). Content that is not compressed, as previews handed it out
    /// before, is taken as it is: a CSV file cannot begin with gzip's two bytes, which are not text. (Cut short, it was
    /// read as the rows it still held; compressed, it is refused.)
    /// </summary>
    private static bool TryDecodeContent(string? content, out byte[] bytes)
    {
        bytes = [];
        if (string.IsNullOrEmpty(content) || content.Length > Base64Url.GetEncodedLength(F.MaxBytes))
        {
            return false;
        }
        var buffer = new byte[Base64Url.GetMaxDecodedLength(content.Length)];
        // The OperationStatus overload: TryDecodeFromChars throws on characters outside the alphabet.
        if (Base64Url.DecodeFromChars(content, buffer, out _, out var written) != System.Buffers.OperationStatus.Done)
        {
            return false;
        }
        if (written < 2 || buffer[0] != 0x1f || buffer[1] != 0x8b)
        {
            bytes = buffer[..written];
            return true;
        }
        // gzip ends with the length it unpacks to: at most the largest file, and exactly that. (A stream cut short
        // unpacks without an error to what it holds.)
        if (written < 18)
        {
            return false;
        }
        var length = BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(written - 4, 4));
        if (length > F.MaxBytes)
        {
            return false;
        }
        try
        {
            using var gzip = new GZipStream(new MemoryStream(buffer, 0, written), CompressionMode.Decompress);
            var unpacked = new byte[length];
            gzip.ReadExactly(unpacked);
            if (gzip.ReadByte() >= 0)
            {
                return false;
            }
            bytes = unpacked;
            return true;
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
        {
            return false;
        }
    }
}
