using CaseTracker.Core.Cases;

namespace CaseTracker.Core.Import;

/// <summary>
/// What the import form posts besides the file: pasted CSV text instead of a file, or, to confirm an import,
/// the content the preview was made from and the preview's id.
/// </summary>
public sealed class ImportCasesCommand
{
    /// <summary>CSV text pasted into the form instead of uploading a file.</summary>
    public string? Text { get; set; }

    /// <summary>On confirming: the previewed content, as <see cref="ImportPreview.Content"/> handed it out (gzip, then
    /// base64url; plain base64url is read too).</summary>
    public string? Content { get; set; }

    /// <summary>On confirming: <see cref="ImportPreview.ImportId"/>, so that one preview is imported at most once.</summary>
    public string? ImportId { get; set; }
}

/// <summary>An uploaded file as the service sees it (no ASP.NET types in Core): its length and its content.</summary>
public sealed record ImportFile(long Length, Stream Content);

/// <summary>Where the content of an import came from, so that the page can show file-level errors beside the right field.</summary>
public enum ImportSource
{
    /// <summary>Neither a file nor text was given.</summary>
    None,
    File,
    Text,

    /// <summary>The content carried back from the preview to be imported.</summary>
    Preview,
}

/// <summary>A problem of one row: an error (nothing can be imported) or a warning (a possible duplicate person).</summary>
public sealed record ImportIssue(int Row, string? Column, string Message)
{
    /// <summary>"row 7 (separated_since): Separated since cannot be in the future."</summary>
    public override string ToString() => Column is null ? $"row {Row}: {Message}" : $"row {Row} ({Column}): {Message}";
}

/// <summary>One case row as the preview shows it.</summary>
public sealed record ImportRow(
    int Row,
    string Title,
    CaseCategory? Category,
    string? EmigrationGroup,
    string ApplicantName,
    string ApplicantNativeName,
    int? BirthYear,
    IReadOnlyList<string> Relatives,
    IReadOnlyList<ImportIssue> Errors,
    IReadOnlyList<ImportIssue> Warnings);

/// <summary>
/// Every row of a file, parsed and checked, before anything is written: errors of the file as a whole (it
/// cannot be read, its header is wrong), errors and warnings of each row.
/// </summary>
public sealed record ImportPreview(
    ImportSource Source,
    IReadOnlyList<string> FileErrors,
    IReadOnlyList<ImportRow> Rows,
    string? Content,
    string? ImportId)
{
    /// <summary>Nothing stands in the way: the file was read, has rows, and no row has an error. Warnings do not block.</summary>
    public bool CanImport => FileErrors.Count == 0 && Rows.Count > 0 && Rows.All(r => r.Errors.Count == 0);

    /// <summary>Set when not every row could be compared with the persons already known (the look-up has a time limit).</summary>
    public string? DuplicateCheckNotice { get; init; }

    public IEnumerable<ImportIssue> Errors => Rows.SelectMany(r => r.Errors);

    public IEnumerable<ImportIssue> Warnings => Rows.SelectMany(r => r.Warnings);

    internal static ImportPreview Failed(ImportSource source, params string[] errors) => new(source, errors, [], null, null);
}

/// <summary>A case created by an import.</summary>
public sealed record ImportedCase(int Id, string Reference, string Title);

/// <summary>What an import created, for the page shown after it.</summary>
public sealed record ImportSummary(string ImportId, DateTimeOffset At, int Rows, IReadOnlyList<ImportedCase> Cases);

/// <summary>The outcome of confirming an import.</summary>
public abstract record ImportOutcome
{
    private ImportOutcome() { }

    /// <summary>Every row was created, in one transaction.</summary>
    public sealed record Imported(string ImportId, IReadOnlyList<ImportedCase> Cases) : ImportOutcome;

    /// <summary>Nothing was written: the content cannot be read or a row has errors, as the preview says.</summary>
    public sealed record Rejected(ImportPreview Preview) : ImportOutcome;

    /// <summary>This preview was imported before (a second click, the back button): nothing was written again.</summary>
    public sealed record AlreadyImported(string ImportId) : ImportOutcome;
}
