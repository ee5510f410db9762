using CaseTracker.Core.Import;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseTracker.Web.Pages.Import;

/// <summary>
/// CSV import of cases: upload (or paste) → preview of every row with its errors and duplicate warnings →
/// confirm, which imports all rows or none → the imported cases (Post/Redirect/Get).
/// </summary>
// A form value may hold the whole file: pasted, or carried from the preview to the confirmation (compressed, then
// base64url: at most a third longer, 85.3 MB for a file of the largest size, 64 MB, that does not compress). Kestrel refuses request bodies over 30,000,000 bytes unless
// told otherwise, so this page sets its own request limit, and the form limits to the same, so that any file the server
// accepts reaches the service and gets its message there ("at most 64 MB"), not a 400; a larger request is refused by
// the server itself (413).
[RequestSizeLimit(RequestLimit)]
[RequestFormLimits(ValueLengthLimit = RequestLimit, MultipartBodyLengthLimit = RequestLimit)]
public sealed class IndexModel(CaseImportService import) : PageModel
{
    /// <summary>96 MB: the confirmation of a file of <see cref="CaseImportFormat.MaxBytes"/>, with room for the rest of the form.</summary>
    public const int RequestLimit = 96 * 1024 * 1024;

    /// <summary>
    /// The preview's table shows the first this many rows, and after them only rows with an error or a warning: a
    /// table of 100,000 rows would make a page no browser shows in reasonable time. Every row is read and checked all
    /// the same, and every error and warning is listed above the table.
    /// </summary>
    public const int PreviewRowsShown = 200;

    [BindProperty]
    public ImportCasesCommand Input { get; set; } = new();

    /// <summary>The CSV file; left empty when CSV text is pasted instead.</summary>
    [BindProperty]
    public IFormFile? Upload { get; set; }

    public ImportPreview? Preview { get; private set; }

    public ImportSummary? Imported { get; private set; }

    /// <summary>The form; or, with <paramref name="id"/>, what that import of the user created.</summary>
    public async Task<IActionResult> OnGetAsync(string? id, CancellationToken ct)
    {
        if (id is null)
        {
            return Page();
        }
        Imported = await import.GetImportAsync(id, User.ToActor(), ct);
        return Imported is null ? NotFound() : Page();
    }

    /// <summary>The sample file of the format documentation.</summary>
    public FileContentResult OnGetSample() => File(CaseImportService.Sample(), "text/csv; charset=utf-8", "cases-import.csv");

    /// <summary>Reads and checks the file or text, and shows the preview; writes nothing.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        await using var content = Upload?.OpenReadStream();
        Preview = await import.PreviewAsync(Upload is null ? null : new ImportFile(Upload.Length, content!), Input.Text, User.ToActor(), ct);
        ShowFileErrors(Preview);
        Input.Content = Preview.Content;
        Input.ImportId = Preview.ImportId;
        return Page();
    }

    /// <summary>Imports the previewed content: every row, or none and the preview again with the reasons.</summary>
    public async Task<IActionResult> OnPostCommitAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        switch (await import.CommitAsync(Input, User.ToActor(), ct))
        {
            case ImportOutcome.Imported ok:
                TempData["StatusMessage"] = ok.Cases.Count == 1 ? "1 case imported." : $"{ok.Cases.Count} cases imported.";
                return RedirectToPage(new { id = ok.ImportId });
            case ImportOutcome.AlreadyImported again:
                TempData["StatusMessage"] = "These cases were imported already; nothing was imported twice.";
                return RedirectToPage(new { id = again.ImportId });
            case ImportOutcome.Rejected rejected:
                Preview = rejected.Preview;
                ShowFileErrors(Preview);
                Input = new ImportCasesCommand();
                return Page();
            default:
                return NotFound();
        }
    }

    private void ShowFileErrors(ImportPreview preview)
    {
        var field = preview.Source switch
        {
            ImportSource.File or ImportSource.None => nameof(Upload),
            ImportSource.Text => $"{nameof(Input)}.{nameof(Input.Text)}",
            _ => "",
        };
        foreach (var error in preview.FileErrors)
        {
            ModelState.AddModelError(field, error);
        }
    }
}
