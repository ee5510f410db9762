using System.Text;
using CaseTracker.Core.Cases;
using CaseTracker.Core.Common;
using Microsoft.AspNetCore.Mvc;

namespace CaseTracker.Web.Pages.Cases;

/// <summary>Every case matching the case list's filters as UTF-8 CSV, streamed.</summary>
public sealed class ExportModel(CaseService cases, TimeProvider clock, ILogger<ExportModel> logger) : CaseFilterPageModel
{
    public static readonly string[] Columns =
        ["reference", "category", "emigration_group", "status", "title", "separated_since", "first_exit_application", "refusals", "people"];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var query = FilterQuery();
        var stamp = clock.GetUtcNow().UtcDateTime.ToString("yyyyMMdd-HHmm", System.Globalization.CultureInfo.InvariantCulture);
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"cases-{stamp}.csv\"";
        Response.Headers.CacheControl = "no-store";
        await using var writer = new StreamWriter(Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 64 * 1024);
        await writer.WriteLineAsync(Csv.Line(Columns));
        var rows = 0;
        await foreach (var c in cases.ExportAsync(query, User.ToActor(), ct))
        {
            await writer.WriteLineAsync(Csv.Line([
                c.Reference, c.Category.ToString(), c.EmigrationGroup?.ToString(), c.Status.ToString(), c.Title,
                c.SeparatedSince?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                c.FirstExitApplicationOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                c.RefusalCount.ToString(System.Globalization.CultureInfo.InvariantCulture), c.People]));
            rows++;
        }
        await writer.FlushAsync(ct);
        logger.LogInformation("Case export of {Rows} rows", rows);
        return new EmptyResult();
    }
}
