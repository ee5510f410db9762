using System.Globalization;
using System.Text;
using CaseTracker.Core.Auditing;
using CaseTracker.Core.Common;
using CaseTracker.Core.Dashboard;
using Microsoft.AspNetCore.Mvc;

namespace CaseTracker.Web.Pages.Dashboard;

/// <summary>Every figure of the dashboard for the current filters, as CSV rows <c>metric,value</c>.</summary>
public sealed class ExportModel(DashboardService dashboards, AuditTrail audit) : DashboardPageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var board = await dashboards.BuildAsync(Filter, User.ToActor(), ct);
        var sb = new StringBuilder();
        sb.AppendLine("metric,value");
        foreach (var f in board.Figures)
        {
            sb.AppendLine(Csv.Line([f.Metric, f.Value.ToString(CultureInfo.InvariantCulture)]));
        }
        await audit.RecordAsync(User.ToActor(), "dashboard.exported", details: new { rows = board.Figures.Count }, ct: ct);
        Response.Headers.CacheControl = "no-store";
        return File(new UTF8Encoding(false).GetBytes(sb.ToString()), "text/csv; charset=utf-8", "dashboard.csv");
    }
}
