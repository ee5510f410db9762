using CaseTracker.Core.Auditing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseTracker.Web.Pages.Audit;

/// <summary>The searchable audit trail, for supervisors and administrators.</summary>
public sealed class IndexModel(AuditQueries audit) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "user")]
    public string? UserFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "action")]
    public string? ActionFilter { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? CaseId { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? Before { get; set; }

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];
    public IReadOnlyList<string> Actions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Actions = await audit.ActionsAsync(ct);
        // "To" the last day of the calendar means no upper bound (the range ends at the next day, which does not exist).
        var to = To == DateOnly.MaxValue ? null : To;
        Entries = await audit.SearchAsync(new AuditQuery { User = UserFilter, Action = ActionFilter, CaseId = CaseId, From = From, To = to, Before = Before }, ct);
    }

    public Dictionary<string, string?> OlderRoute() => new()
    {
        ["user"] = UserFilter,
        ["action"] = ActionFilter,
        ["caseId"] = CaseId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["from"] = From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["to"] = To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["before"] = Entries.Count == 0 ? null : Entries[^1].Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
