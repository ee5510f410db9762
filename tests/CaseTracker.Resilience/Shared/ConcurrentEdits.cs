using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Npgsql;

namespace CaseTracker.Resilience;

/// <summary>What became of one posted edit form.</summary>
public enum EditOutcome
{
    /// <summary>Redirected to the case: the app said it was saved.</summary>
    Saved,

    /// <summary>The edit page again, with the conflict view ("Someone else saved this case first").</summary>
    ConflictShown,

    /// <summary>An error page (5xx) or a failed request: the user knows it did not work.</summary>
    Error,

    /// <summary>Anything else: a page that neither confirms the save nor shows a conflict.</summary>
    Other,
}

public sealed record EditAttempt(int Client, int Round, string Loaded, string Posted, EditOutcome Outcome, int Status);

public sealed record EditReport(
    int Posts, int Saves, int ConflictsReported, int Errors, int LostUpdates, int SilentFailures, int ConflictButSaved,
    IReadOnlyList<string> Problems)
{
    public IEnumerable<string> Figures(string prefix)
    {
        yield return $"{prefix}.posts: {Posts}";
        yield return $"{prefix}.saves: {Saves}";
        yield return $"{prefix}.conflicts_reported: {ConflictsReported}";
        yield return $"{prefix}.errors: {Errors}";
        yield return $"{prefix}.lost_updates: {LostUpdates}";
        yield return $"{prefix}.silent_failures: {SilentFailures}";
        yield return $"{prefix}.conflict_but_saved: {ConflictButSaved}";
    }
}

/// <summary>
/// Many users editing one case through the real edit form: each loads the form (with the case's
/// concurrency token), changes the title to a value of its own, and posts it. Afterwards every attempt is
/// checked against the audit trail, which records each saved change with the value it replaced, in the
/// same transaction as the change:
/// <list type="bullet">
/// <item>a lost update is a save the app confirmed whose change is not in the audit trail, or whose
/// replaced value is not the value that user had loaded (it overwrote a change it never saw);</item>
/// <item>a silent failure is an attempt that was not saved and whose user was told neither of a conflict
/// nor of an error (or was told it was saved).</item>
/// </list>
/// </summary>
public static class ConcurrentEdits
{
    public static async Task<EditReport> RunAsync(IReadOnlyList<WebUser> clients, int caseId, int rounds, string connectionString, CancellationToken ct)
    {
        var attempts = new ConcurrentBag<EditAttempt>();
        using var start = new SemaphoreSlim(0);
        var tasks = clients.Select((client, index) => Task.Run(async () =>
        {
            await start.WaitAsync(ct);
            for (var round = 0; round < rounds; round++)
            {
                attempts.Add(await EditOnceAsync(client, index, round, caseId, ct));
            }
        }, ct)).ToList();
        start.Release(clients.Count);
        await Task.WhenAll(tasks);
        return await CheckAsync(attempts.ToList(), caseId, connectionString, ct);
    }

    private static async Task<EditAttempt> EditOnceAsync(WebUser client, int index, int round, int caseId, CancellationToken ct)
    {
        var posted = string.Create(CultureInfo.InvariantCulture, $"Concurrent edit c{index:00} r{round:000} {Guid.NewGuid().ToString("N")[..8]}");
        try
        {
            var page = await client.GetAsync($"/Cases/{caseId}/Edit", ct);
            var form = page.Status == 200 ? page.Form($"form[action^='/Cases/{caseId}/Edit']") : null;
            if (form is null)
            {
                return new EditAttempt(index, round, "", posted, page.Status >= 500 ? EditOutcome.Error : EditOutcome.Other, page.Status);
            }
            var fields = form.DefaultFields();
            var loaded = fields.Get("Input.Title") ?? "";
            var answer = await client.SubmitAsync(form, fields.With("Input.Title", posted), ct: ct);
            var outcome = answer switch
            {
                { IsRedirect: true } when answer.Location?.StartsWith($"/Cases/{caseId}", StringComparison.Ordinal) == true => EditOutcome.Saved,
                { Status: 200 } when answer.Document.QuerySelector("[data-testid=conflict]") is not null => EditOutcome.ConflictShown,
                { Status: >= 500 } => EditOutcome.Error,
                _ => EditOutcome.Other,
            };
            return new EditAttempt(index, round, loaded, posted, outcome, answer.Status);
        }
        catch (HttpRequestException)
        {
            return new EditAttempt(index, round, "", posted, EditOutcome.Error, 0);
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return new EditAttempt(index, round, "", posted, EditOutcome.Error, 0);
        }
    }

    private static async Task<EditReport> CheckAsync(List<EditAttempt> attempts, int caseId, string connectionString, CancellationToken ct)
    {
        // Every saved change of the title, with the value it replaced, from the audit trail.
        var replaced = new Dictionary<string, string?>(StringComparer.Ordinal);
        await using (var conn = new NpgsqlConnection(connectionString))
        {
            await conn.OpenAsync(ct);
            await using var cmd = new NpgsqlCommand(
                "SELECT details::text FROM audit_events WHERE action = 'case.updated' AND case_id = @id ORDER BY id", conn);
            cmd.Parameters.AddWithValue("id", caseId);
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                if (reader.IsDBNull(0))
                {
                    continue;
                }
                using var json = JsonDocument.Parse(reader.GetString(0));
                if (!json.RootElement.TryGetProperty("changes", out var changes))
                {
                    continue;
                }
                foreach (var change in changes.EnumerateArray())
                {
                    if (change.GetProperty("Field").GetString() == "Title" && change.GetProperty("After").GetString() is { } after)
                    {
                        replaced[after] = change.GetProperty("Before").GetString();
                    }
                }
            }
        }
        var problems = new List<string>();
        int lost = 0, silent = 0, conflictButSaved = 0;
        foreach (var a in attempts.OrderBy(a => a.Client).ThenBy(a => a.Round))
        {
            var saved = replaced.TryGetValue(a.Posted, out var before);
            switch (a.Outcome)
            {
                case EditOutcome.Saved when !saved:
                    lost++;
                    silent++;
                    problems.Add($"client {a.Client} round {a.Round}: confirmed as saved, but not in the audit trail");
                    break;
                case EditOutcome.Saved when before != a.Loaded:
                    lost++;
                    problems.Add($"client {a.Client} round {a.Round}: saved over a value it had not loaded");
                    break;
                case EditOutcome.ConflictShown when saved:
                    conflictButSaved++;
                    problems.Add($"client {a.Client} round {a.Round}: shown a conflict, yet its value was saved");
                    break;
                case EditOutcome.Other when !saved:
                    silent++;
                    problems.Add($"client {a.Client} round {a.Round}: not saved, and answered {a.Status} without a conflict view");
                    break;
            }
        }
        return new EditReport(
            attempts.Count,
            attempts.Count(a => a.Outcome == EditOutcome.Saved),
            attempts.Count(a => a.Outcome == EditOutcome.ConflictShown),
            attempts.Count(a => a.Outcome == EditOutcome.Error),
            lost, silent, conflictButSaved, problems);
    }
}
