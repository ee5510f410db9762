using System.Globalization;
using System.Text;
using CaseTracker.Core.Common;
using CaseTracker.Core.Lists;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseTracker.Web.Pages.Lists;

/// <summary>A list's entries as UTF-8 CSV.</summary>
public sealed class ExportModel(ListService lists) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var list = await lists.GetAsync(id, User.ToActor(), ct);
        if (list is null)
        {
            return NotFound();
        }
        var sb = new StringBuilder();
        sb.AppendLine(Csv.Line(["position", "reference", "name", "native_name", "status", "latest_answer"]));
        foreach (var r in await lists.ExportAsync(id, User.ToActor(), ct))
        {
            sb.AppendLine(Csv.Line([r.Position.ToString(CultureInfo.InvariantCulture), r.Reference, r.Name, r.NativeName, r.Status.ToString(), r.LatestAnswer]));
        }
        Response.Headers.CacheControl = "no-store";
        return File(new UTF8Encoding(false).GetBytes(sb.ToString()), "text/csv; charset=utf-8", $"list-{Slug(list.Name)}.csv");
    }

    private static string Slug(string name) => new(name.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());
}
