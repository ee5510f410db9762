using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace CaseTracker.Resilience;

/// <summary>
/// The database-restart scenario's driver and its report. While scripts/resilience restarts PostgreSQL
/// (and wrk reads pages), <see cref="LoadAsync"/> runs a writer, which posts notes through the case page's
/// form with event ids it chose itself and re-posts the same form until the app confirms it (as a user
/// would after an error page), and a prober, which asks for a case page every 100 ms. Every request is
/// logged with its time, status and whether the answer was the 503 page or showed an exception.
/// <see cref="ReportAsync"/> then sets them against the times the database went down and came back.
/// </summary>
public static partial class DatabaseRestart
{
    private const string NotePrefix = "Resilience note ";

    [GeneratedRegex(@"[A-Z][A-Za-z]+Exception\b|\n\s+at [A-Za-z_][\w.`]*\.[\w<>`]+\(")]
    public static partial Regex StackTrace();

    private sealed record Request(long Sent, long Done, string Kind, int Status, bool Unavailable, bool Trace, string EventId);

    public static async Task<int> LoadAsync(Uri url, string email, string password, int caseId, string outDir, string stopFile, TimeSpan max,
        Action<string> progress, CancellationToken ct)
    {
        var log = new ConcurrentQueue<Request>();
        var acked = new ConcurrentQueue<string>();
        using var writer = new WebUser(url, timeout: TimeSpan.FromSeconds(20));
        using var prober = new WebUser(url, timeout: TimeSpan.FromSeconds(20), cookies: writer.Cookies);
        if (!await writer.SignInAsync(email, password, ct))
        {
            throw new InvalidOperationException("sign-in failed");
        }
        var caseUrl = $"/Cases/{caseId}";
        var form = (await writer.GetAsync(caseUrl, ct)).Form("[data-testid=entry-form]") ?? throw new InvalidOperationException("no note form");
        var deadline = DateTime.UtcNow + max;
        bool Stopping() => File.Exists(stopFile) || DateTime.UtcNow > deadline || ct.IsCancellationRequested;

        async Task<Request> Send(string kind, string eventId, Func<Task<WebPage>> send)
        {
            var sent = Now();
            try
            {
                var page = await send();
                return new Request(sent, Now(), kind, page.Status, page.Body.Contains("Temporarily unavailable", StringComparison.Ordinal),
                    StackTrace().IsMatch(page.Body), eventId);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                return new Request(sent, Now(), kind, 0, false, false, eventId);
            }
        }

        var writing = Task.Run(async () =>
        {
            while (!Stopping())
            {
                var eventId = Guid.NewGuid().ToString();
                var fields = form.DefaultFields().With("Entry.EventId", eventId).With("Entry.Kind", "Note").With("Entry.Text", NotePrefix + eventId);
                // The same form again until the app confirms it, as a user would after an error page.
                while (!Stopping())
                {
                    var r = await Send("write", eventId, () => writer.SubmitAsync(form, fields, ct: ct));
                    log.Enqueue(r);
                    if (r.Status == 302)
                    {
                        acked.Enqueue(eventId);
                        break;
                    }
                    await Task.Delay(200, ct);
                }
                await Task.Delay(50, ct);
            }
        }, ct);

        var probing = Task.Run(async () =>
        {
            var inFlight = new List<Task>();
            while (!Stopping())
            {
                inFlight.RemoveAll(t => t.IsCompleted);
                if (inFlight.Count < 50)
                {
                    inFlight.Add(Task.Run(async () => log.Enqueue(await Send("probe", "", () => prober.GetAsync(caseUrl, ct))), ct));
                }
                await Task.Delay(100, ct);
            }
            await Task.WhenAll(inFlight);
        }, ct);

        await Task.WhenAll(writing, probing);
        Directory.CreateDirectory(outDir);
        await File.WriteAllLinesAsync(Path.Combine(outDir, "requests.tsv"),
            log.OrderBy(r => r.Sent).Select(r => string.Join('\t', r.Sent, r.Done, r.Kind, r.Status, r.Unavailable ? 1 : 0, r.Trace ? 1 : 0, r.EventId)), ct);
        await File.WriteAllLinesAsync(Path.Combine(outDir, "acknowledged.txt"), acked, ct);
        progress($"writer and prober stopped: {log.Count} requests, {acked.Count} notes acknowledged");
        return 0;
    }

    private static long Now() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    /// <summary>
    /// Figures from requests.tsv, acknowledged.txt, phases.tsv (name, start, database stopped, database accepting,
    /// end; milliseconds) and wrk-&lt;phase&gt;.txt (the counts the wrk script prints).
    /// </summary>
    public static async Task<IReadOnlyList<string>> ReportAsync(string outDir, string connectionString, int windowSeconds, Action<string> progress, CancellationToken ct)
    {
        var requests = (await File.ReadAllLinesAsync(Path.Combine(outDir, "requests.tsv"), ct)).Where(l => l.Length > 0).Select(l =>
        {
            var f = l.Split('\t');
            return new Request(long.Parse(f[0], CultureInfo.InvariantCulture), long.Parse(f[1], CultureInfo.InvariantCulture), f[2],
                int.Parse(f[3], CultureInfo.InvariantCulture), f[4] == "1", f[5] == "1", f[6]);
        }).ToList();
        var acked = (await File.ReadAllLinesAsync(Path.Combine(outDir, "acknowledged.txt"), ct)).Where(l => l.Length > 0).ToList();
        var phases = (await File.ReadAllLinesAsync(Path.Combine(outDir, "phases.tsv"), ct)).Where(l => l.Length > 0)
            .Select(l => l.Split('\t')).Select(f => (Name: f[0], Start: long.Parse(f[1], CultureInfo.InvariantCulture),
                Down: long.Parse(f[2], CultureInfo.InvariantCulture), Ready: long.Parse(f[3], CultureInfo.InvariantCulture),
                End: long.Parse(f[4], CultureInfo.InvariantCulture))).ToList();

        var lines = new List<string>();
        double worstRecovery = 0;
        var recovered = true;
        long fiveXxAfter = 0, traces = 0, outage503 = 0, outageOther = 0, wrkRequests = 0;
        foreach (var p in phases)
        {
            var inPhase = requests.Where(r => r.Done >= p.Start && r.Done <= p.End).ToList();
            static bool Ok(Request r) => r.Status is 200 or 302;
            var firstOk = inPhase.Where(r => r.Done >= p.Ready && Ok(r)).OrderBy(r => r.Done).FirstOrDefault();
            string recovery;
            if (firstOk is null)
            {
                recovered = false;
                recovery = "never (no successful request before the phase ended)";
            }
            else
            {
                var seconds = (firstOk.Done - p.Ready) / 1000.0;
                worstRecovery = Math.Max(worstRecovery, seconds);
                recovery = seconds.ToString("F1", CultureInfo.InvariantCulture);
            }
            var settle = p.Ready + (windowSeconds * 1000L);
            var driverAfter = inPhase.Count(r => r.Sent >= settle && !Ok(r));
            var outage = inPhase.Where(r => r.Done >= p.Down && (firstOk is null || r.Done <= firstOk.Done) && !Ok(r)).ToList();
            var wrk = ReadWrk(Path.Combine(outDir, $"wrk-{p.Name}.txt"));
            var settleSecond = (settle + 999) / 1000;
            var wrkAfter = wrk.FiveXxBySecond.Where(kv => kv.Key >= settleSecond).Sum(kv => kv.Value);
            var phaseTraces = inPhase.Count(r => r.Trace) + wrk.Traces;
            fiveXxAfter += driverAfter + wrkAfter;
            traces += phaseTraces;
            outage503 += outage.Count(r => r.Status == 503 && r.Unavailable) + wrk.Unavailable;
            outageOther += outage.Count(r => !(r.Status == 503 && r.Unavailable)) + (wrk.FiveXx - wrk.Unavailable);
            wrkRequests += wrk.Requests;
            lines.Add($"db_restart.{p.Name}.down_s: {(p.Ready - p.Down) / 1000.0:F1}");
            lines.Add($"db_restart.{p.Name}.recovery_s: {recovery}");
            lines.Add($"db_restart.{p.Name}.5xx_after_recovery: {driverAfter + wrkAfter}");
            lines.Add($"db_restart.{p.Name}.stack_traces: {phaseTraces}");
            lines.Add($"db_restart.{p.Name}.wrk_statuses: {string.Join(' ', wrk.Statuses.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key}x{kv.Value}"))}");
        }

        var present = new HashSet<string>(StringComparer.Ordinal);
        long duplicateTexts = 0, notes = 0;
        await using (var conn = new NpgsqlConnection(connectionString))
        {
            await conn.OpenAsync(ct);
            await using (var cmd = new NpgsqlCommand("SELECT id::text FROM case_events WHERE text LIKE 'Resilience note %'", conn))
            await using (var reader = await cmd.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    present.Add(reader.GetString(0));
                    notes++;
                }
            }
            await using var dup = new NpgsqlCommand(
                "SELECT coalesce(sum(n - 1), 0) FROM (SELECT count(*) AS n FROM case_events WHERE text LIKE 'Resilience note %' GROUP BY text HAVING count(*) > 1) d", conn);
            duplicateTexts = Convert.ToInt64(await dup.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        }
        var lost = acked.Count(id => !present.Contains(id));
        var writes = requests.Count(r => r.Kind == "write");
        lines.Add($"db_restart.recovery_s: {(recovered ? worstRecovery.ToString("F1", CultureInfo.InvariantCulture) : "never")}");
        lines.Add($"db_restart.5xx_after_recovery: {fiveXxAfter}");
        lines.Add($"db_restart.outage_503_pages: {outage503}");
        lines.Add($"db_restart.outage_other_errors: {outageOther}");
        lines.Add($"db_restart.stack_traces: {traces}");
        lines.Add($"db_restart.writes_posted: {writes}");
        lines.Add($"db_restart.writes_acknowledged: {acked.Count}");
        lines.Add($"db_restart.notes_in_database: {notes}");
        lines.Add($"db_restart.acknowledged_lost: {lost}");
        lines.Add($"db_restart.duplicates: {duplicateTexts}");
        lines.Add($"db_restart.wrk_requests: {wrkRequests}");
        progress($"report: {requests.Count} driver requests over {phases.Count} phases");
        return lines;
    }

    private sealed record WrkCounts(long Requests, long FiveXx, long Unavailable, long Traces, Dictionary<int, long> Statuses, Dictionary<long, long> FiveXxBySecond);

    /// <summary>Reads the lines the wrk script's done() prints: "status CODE N", "sec5xx UNIXSECOND N", "unavailable N", "traces N".</summary>
    private static WrkCounts ReadWrk(string path)
    {
        var statuses = new Dictionary<int, long>();
        var bySecond = new Dictionary<long, long>();
        long unavailable = 0, traces = 0;
        if (File.Exists(path))
        {
            foreach (var f in File.ReadLines(path).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)))
            {
                switch (f)
                {
                    case ["status", var code, var n]:
                        statuses[int.Parse(code, CultureInfo.InvariantCulture)] = long.Parse(n, CultureInfo.InvariantCulture);
                        break;
                    case ["sec5xx", var s, var n]:
                        bySecond[long.Parse(s, CultureInfo.InvariantCulture)] = long.Parse(n, CultureInfo.InvariantCulture);
                        break;
                    case ["unavailable", var n]:
                        unavailable = long.Parse(n, CultureInfo.InvariantCulture);
                        break;
                    case ["traces", var n]:
                        traces = long.Parse(n, CultureInfo.InvariantCulture);
                        break;
                }
            }
        }
        return new WrkCounts(statuses.Values.Sum(), statuses.Where(kv => kv.Key >= 500).Sum(kv => kv.Value), unavailable, traces, statuses, bySecond);
    }
}
