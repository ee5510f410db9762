using System.Globalization;
using System.Text;
using CaseTracker.Core.Common;
using CaseTracker.Core.Lists;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseTracker.Web.Pages.Lists;

/// <summary>Their names against ours, name by name: matched, only on ours, only on theirs.</summary>
public sealed class ReconcileModel(ListService lists) : PageModel
{
    public const long MaxUpload = 1_000_000;

    public ListDetails List { get; private set; } = null!;
    public ReconciliationResult? Result { get; private set; }

    [BindProperty]
    public string? TheirNames { get; set; }

    [BindProperty]
    public IFormFile? TheirFile { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>Compares and shows the result; with <paramref name="save"/> also keeps it with the list.</summary>
    public async Task<IActionResult> OnPostAsync(int id, bool save, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        if (!await ReadUploadAsync(ct))
        {
            return Page();
        }
        switch (await lists.ReconcileAsync(id, TheirNames ?? "", save, User.ToActor(), ct))
        {
            case Result<ReconciliationResult>.Ok ok:
                Result = ok.Value;
                if (save)
                {
                    TempData["StatusMessage"] = "Reconciliation saved with the list.";
                }
                return Page();
            case Result<ReconciliationResult>.Invalid invalid:
                ModelState.AddFieldErrors(invalid.Errors, "");
                return Page();
            default:
                return NotFound();
        }
    }

    /// <summary>The same comparison as CSV: one row per name, with its section.</summary>
    public async Task<IActionResult> OnPostExportAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        if (!await ReadUploadAsync(ct))
        {
            return Page();
        }
        if (await lists.ReconcileAsync(id, TheirNames ?? "", save: false, User.ToActor(), ct) is not Result<ReconciliationResult>.Ok ok)
        {
            ModelState.AddModelError(nameof(TheirNames), "Paste their names, one per line.");
            return Page();
        }
        var sb = new StringBuilder();
        sb.AppendLine(Csv.Line(["section", "their_line", "their_name", "their_birth_year", "reference", "our_name", "our_native_name", "score"]));
        foreach (var m in ok.Value.Matched)
        {
            sb.AppendLine(Csv.Line(["matched", N(m.Theirs.Line), m.Theirs.Name, N(m.Theirs.BirthYear), m.Ours.Reference, m.Ours.LatinName, m.Ours.NativeName, m.Score.ToString("0.000", CultureInfo.InvariantCulture)]));
        }
        foreach (var o in ok.Value.OnlyOurs)
        {
            sb.AppendLine(Csv.Line(["only-ours", "", "", "", o.Reference, o.LatinName, o.NativeName, ""]));
        }
        foreach (var t in ok.Value.OnlyTheirs)
        {
            sb.AppendLine(Csv.Line(["only-theirs", N(t.Line), t.Name, N(t.BirthYear), "", "", "", ""]));
        }
        return File(new UTF8Encoding(false).GetBytes(sb.ToString()), "text/csv; charset=utf-8", $"reconciliation-{id}.csv");
    }

    private static string N(int? n) => n?.ToString(CultureInfo.InvariantCulture) ?? "";

    private async Task<bool> ReadUploadAsync(CancellationToken ct)
    {
        if (TheirFile is null || TheirFile.Length == 0)
        {
            return true;
        }
        if (TheirFile.Length > MaxUpload)
        {
            ModelState.AddModelError(nameof(TheirFile), "The file is larger than 1 MB: split it, or paste the names.");
            return false;
        }
        using var reader = new StreamReader(TheirFile.OpenReadStream(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        TheirNames = await reader.ReadToEndAsync(ct);
        if (TheirNames.Contains('\0', StringComparison.Ordinal))
        {
            ModelState.AddModelError(nameof(TheirFile), "This is not a text file: upload a plain text or CSV file with one name per line.");
            return false;
        }
        return true;
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var list = await lists.GetAsync(id, User.ToActor(), ct);
        if (list is null)
        {
            return false;
        }
        List = list;
        return true;
    }
}
