using System.Diagnostics;
using System.Globalization;
using CaseTracker.Core.Cases;
using Npgsql;

namespace CaseTracker.Bench;

/// <summary>
/// Loads N generated cases (2–4 people each, some shared; aliases; name keys; urgency; timeline events; tasks;
/// representation lists) into a migrated database by binary COPY, then rebuilds the indexes it dropped for the
/// load, analyzes, and refreshes the dashboard summaries. Prints name: value lines.
/// </summary>
internal static class Generator
{
    private static readonly string[] LoadedTables =
        ["cases", "persons", "case_people", "person_aliases", "person_name_keys", "case_events", "case_tasks", "lists", "list_entries"];

    private static readonly string[] StatusChain =
        ["New", "Documented", "Submitted", "UnderReview", "ReleasePromised", "PermissionGranted", "Departed", "Reunited"];

    private static readonly string[] Notes =
        ["Spoke with the family abroad; no news from the OVIR.", "Letter from the applicant received through a tourist.",
         "File kept for reference.", "The applicant has lost his job since applying.", "Raised again on the next representation list.",
         "Medical certificate received and translated.", "Congressional office asked for an update."];

    private static readonly string[] ContactKinds = ["EmbassyVisit", "Letter", "Call", "MeetingWithOtherSide", "CongressionalLetter"];

    private static readonly string[] TaskTitles =
        ["Send the congressional office the latest news of the case", "Confirm exit visas for every member of the family",
         "Ask the family for a new medical certificate", "Check the invitation (vyzov) has arrived", "Call the relative abroad"];

    public static async Task<int> RunAsync(string connectionString, int count, int seed, CancellationToken ct)
    {
        var total = Stopwatch.StartNew();
        var rnd = new Random(seed);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync(ct);
        await ExecAsync(db, "SET maintenance_work_mem = '1GB'", ct);

        var caseworkers = await ListAsync<string>(db, """
            SELECT u.id FROM users u JOIN user_roles ur ON ur.user_id = u.id JOIN roles r ON r.id = ur.role_id
            WHERE r.name = 'Caseworker' ORDER BY u.id
            """, ct);
        var authors = await ListAsync<string>(db, "SELECT id FROM users ORDER BY id", ct);
        var firstCaseId = await ScalarAsync<int>(db, "SELECT COALESCE(max(id), 0) + 1 FROM cases", ct);
        var firstPersonId = await ScalarAsync<int>(db, "SELECT COALESCE(max(id), 0) FROM persons", ct);
        var aliasId = await ScalarAsync<int>(db, "SELECT COALESCE(max(id), 0) FROM person_aliases", ct);
        var keyId = await ScalarAsync<long>(db, "SELECT COALESCE(max(id), 0) FROM person_name_keys", ct);
        var numbers = new Dictionary<CaseCategory, long>();
        foreach (var category in Enum.GetValues<CaseCategory>())
        {
            numbers[category] = await ScalarAsync<long>(db,
                $"SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM {CaseCategories.ReferenceSequence(category)}", ct);
        }

        // Secondary indexes are dropped for the load and built again after it (the same definitions).
        var indexes = await ListAsync<(string Name, string Definition)>(db, """
            SELECT i.relname, pg_get_indexdef(i.oid)
            FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
            WHERE t.relnamespace = 'public'::regnamespace AND t.relname = ANY($1)
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
            """, ct, [LoadedTables]);
        foreach (var (name, _) in indexes)
        {
            await ExecAsync(db, $"DROP INDEX public.\"{name}\"", ct);
        }

        var factory = new CaseFactory(rnd, caseworkers, today, sharePeople: true, onlyDisplaySpelling: false) { NextPersonId = firstPersonId };
        var copy = Stopwatch.StartNew();
        long events = 0, tasks = 0;
        await using (var writer = await CopyWriter.OpenAsync(connectionString, aliasId, keyId, withCaseWork: true, ct))
        {
            for (var i = 0; i < count; i++)
            {
                var id = firstCaseId + i;
                var c = factory.Make(id, "");
                c.Reference = CaseService.FormatReference(c.Category, ++numbers[c.Category]);
                writer.Write(c);
                events += WriteTimeline(writer, c, rnd, authors);
                tasks += WriteTasks(writer, c, rnd, today);
            }
            await writer.CompleteAsync(ct);
            Console.WriteLine($"generated.rows: {writer.Rows + events + tasks}");
        }
        var lastCaseId = firstCaseId + count - 1;
        var entries = await WriteListsAsync(db, rnd, firstCaseId, lastCaseId, authors, count, ct);
        Console.WriteLine($"copy_seconds: {copy.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)}");

        var build = Stopwatch.StartNew();
        foreach (var (_, definition) in indexes)
        {
            await ExecAsync(db, definition, ct);
        }
        // What the trigger on person_name_keys does for every other writer (triggers were off for the load).
        await ExecAsync(db, "INSERT INTO name_key_vocabulary (key) SELECT DISTINCT key FROM person_name_keys WHERE key <> '' ON CONFLICT DO NOTHING", ct, timeout: 0);
        Console.WriteLine($"index_seconds: {build.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)}");

        foreach (var (category, number) in numbers)
        {
            if (number > 0)
            {
                await ExecAsync(db, $"SELECT setval('{CaseCategories.ReferenceSequence(category)}', {number})", ct);
            }
        }
        foreach (var (table, column) in new[] { ("cases", "id"), ("persons", "id"), ("person_aliases", "id"), ("person_name_keys", "id"), ("lists", "id"), ("list_entries", "id") })
        {
            await ExecAsync(db, $"SELECT setval(pg_get_serial_sequence('public.{table}', '{column}'), (SELECT max({column}) FROM {table}))", ct);
        }

        var finish = Stopwatch.StartNew();
        // The steady state of a live database: vacuumed (visibility map set) and analyzed, summaries fresh.
        await ExecAsync(db, "VACUUM (ANALYZE) " + string.Join(", ", LoadedTables) + ", name_key_vocabulary", ct, timeout: 0);
        foreach (var view in CaseTracker.Core.Dashboard.DashboardService.Views)
        {
            await ExecAsync(db, $"REFRESH MATERIALIZED VIEW {view}", ct, timeout: 0);
        }
        await ExecAsync(db, "UPDATE dashboard_refreshes SET refreshed_at = now() WHERE id = 1", ct);
        Console.WriteLine($"vacuum_refresh_seconds: {finish.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)}");

        foreach (var table in LoadedTables)
        {
            Console.WriteLine($"rows.{table}: {await ScalarAsync<long>(db, $"SELECT count(*) FROM {table}", ct)}");
        }
        Console.WriteLine($"list_entries.generated: {entries}");
        Console.WriteLine($"generate_seconds: {total.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)}");
        return 0;
    }

    private static int WriteTimeline(CopyWriter w, GenCase c, Random rnd, IReadOnlyList<string> authors)
    {
        var n = 0;
        var on = c.FirstExitApplicationOn ?? c.SeparatedSince ?? new DateOnly(1975, 1, 1);
        var recorded = c.CreatedAt;
        var reach = Array.IndexOf(StatusChain, c.Status.ToString());
        if (reach < 0)
        {
            reach = rnd.Next(2, 5); // Refused and Closed leave the chain somewhere along it
        }
        string? from = null;
        for (var s = 0; s <= reach; s++)
        {
            on = on.AddDays(rnd.Next(20, 400));
            recorded = recorded.AddMinutes(rnd.Next(10, 20_000));
            w.WriteEvent(Guid.CreateVersion7(recorded), c.Id, "StatusChange", on, recorded, authors[rnd.Next(authors.Count)],
                rnd.Next(2) == 0 ? Notes[rnd.Next(Notes.Length)] : null, null, from, StatusChain[s], rnd.Next(3) == 0 ? "Soviet Foreign Ministry reply" : null);
            from = StatusChain[s];
            n++;
        }
        if (StatusChain.Contains(c.Status.ToString()) is false)
        {
            recorded = recorded.AddMinutes(rnd.Next(10, 20_000));
            w.WriteEvent(Guid.CreateVersion7(recorded), c.Id, "StatusChange", on.AddDays(30), recorded, authors[rnd.Next(authors.Count)], null, null, from, c.Status.ToString(), null);
            n++;
        }
        var extra = rnd.Next(0, 6);
        for (var i = 0; i < extra; i++)
        {
            recorded = recorded.AddMinutes(rnd.Next(10, 20_000));
            var contact = rnd.Next(2) == 0;
            w.WriteEvent(Guid.CreateVersion7(recorded), c.Id, contact ? "Contact" : "Note", on.AddDays(rnd.Next(0, 300)), recorded,
                authors[rnd.Next(authors.Count)], Notes[rnd.Next(Notes.Length)], contact ? ContactKinds[rnd.Next(ContactKinds.Length)] : null, null, null, null);
            n++;
        }
        return n;
    }

    private static int WriteTasks(CopyWriter w, GenCase c, Random rnd, DateOnly today)
    {
        var n = rnd.Next(0, 3);
        for (var i = 0; i < n; i++)
        {
            var created = c.UpdatedAt.AddMinutes(-rnd.Next(0, 50_000));
            var done = rnd.Next(10) < 6 ? created.AddDays(rnd.Next(1, 30)) : (DateTimeOffset?)null;
            w.WriteTask(Guid.CreateVersion7(created), c.Id, TaskTitles[rnd.Next(TaskTitles.Length)], today.AddDays(rnd.Next(-60, 30)),
                c.AssignedCaseworkerId, created, done);
        }
        return n;
    }

    /// <summary>Representation lists of 50–300 cases each: one per 5,000 cases (at least 5, at most 200), a few still drafts.</summary>
    private static async Task<int> WriteListsAsync(NpgsqlConnection db, Random rnd, int firstCaseId, int lastCaseId, IReadOnlyList<string> authors, int count, CancellationToken ct)
    {
        var lists = Math.Clamp(count / 5000, 5, 200);
        var firstListId = await ScalarAsync<int>(db, "SELECT COALESCE(max(id), 0) + 1 FROM lists", ct);
        var firstEntryId = await ScalarAsync<int>(db, "SELECT COALESCE(max(id), 0) + 1 FROM list_entries", ct);
        await ExecAsync(db, "SET session_replication_role = replica", ct);
        var entries = 0;
        await using (var w = await db.BeginBinaryImportAsync(
            "COPY lists (id, name, purpose, category, classification, target_date, status, their_stated_count, created_at, created_by_id, updated_at, approved_at, approved_by_id) FROM STDIN (FORMAT BINARY)", ct))
        {
            for (var l = 0; l < lists; l++)
            {
                var created = new DateTimeOffset(2025, 1, 1, 9, 0, 0, TimeSpan.Zero).AddHours(l * 7);
                var draft = l >= lists - 3;
                var by = authors[rnd.Next(authors.Count)];
                await w.StartRowAsync(ct);
                await w.WriteAsync(firstListId + l, NpgsqlTypes.NpgsqlDbType.Integer, ct);
                await w.WriteAsync($"Bench list {l + 1}", NpgsqlTypes.NpgsqlDbType.Text, ct);
                await w.WriteAsync("Generated by scripts/bench.", NpgsqlTypes.NpgsqlDbType.Text, ct);
                await w.WriteNullAsync(ct);
                await w.WriteAsync("CONFIDENTIAL", NpgsqlTypes.NpgsqlDbType.Text, ct);
                await w.WriteNullAsync(ct);
                await w.WriteAsync(draft ? "Draft" : "Approved", NpgsqlTypes.NpgsqlDbType.Text, ct);
                await w.WriteNullAsync(ct);
                await w.WriteAsync(created.UtcDateTime, NpgsqlTypes.NpgsqlDbType.TimestampTz, ct);
                await w.WriteAsync(by, NpgsqlTypes.NpgsqlDbType.Text, ct);
                await w.WriteAsync(created.UtcDateTime, NpgsqlTypes.NpgsqlDbType.TimestampTz, ct);
                if (draft)
                {
                    await w.WriteNullAsync(ct);
                    await w.WriteNullAsync(ct);
                }
                else
                {
                    await w.WriteAsync(created.AddDays(3).UtcDateTime, NpgsqlTypes.NpgsqlDbType.TimestampTz, ct);
                    await w.WriteAsync(by, NpgsqlTypes.NpgsqlDbType.Text, ct);
                }
            }
            await w.CompleteAsync(ct);
        }
        await using (var w = await db.BeginBinaryImportAsync(
            "COPY list_entries (id, list_id, case_id, position, added_at, added_by_id, removed_at, hold_until_family_told) FROM STDIN (FORMAT BINARY)", ct))
        {
            for (var l = 0; l < lists; l++)
            {
                var size = rnd.Next(50, 301);
                var chosen = new HashSet<int>();
                while (chosen.Count < size)
                {
                    chosen.Add(rnd.Next(firstCaseId, lastCaseId + 1));
                }
                var position = 0;
                foreach (var caseId in chosen)
                {
                    var added = new DateTimeOffset(2025, 1, 1, 9, 0, 0, TimeSpan.Zero).AddHours(l * 7).AddMinutes(position);
                    await w.StartRowAsync(ct);
                    await w.WriteAsync(firstEntryId + entries, NpgsqlTypes.NpgsqlDbType.Integer, ct);
                    await w.WriteAsync(firstListId + l, NpgsqlTypes.NpgsqlDbType.Integer, ct);
                    await w.WriteAsync(caseId, NpgsqlTypes.NpgsqlDbType.Integer, ct);
                    await w.WriteAsync(++position, NpgsqlTypes.NpgsqlDbType.Integer, ct);
                    await w.WriteAsync(added.UtcDateTime, NpgsqlTypes.NpgsqlDbType.TimestampTz, ct);
                    await w.WriteAsync(authors[rnd.Next(authors.Count)], NpgsqlTypes.NpgsqlDbType.Text, ct);
                    if (rnd.Next(30) == 0)
                    {
                        await w.WriteAsync(added.AddDays(2).UtcDateTime, NpgsqlTypes.NpgsqlDbType.TimestampTz, ct);
                    }
                    else
                    {
                        await w.WriteNullAsync(ct);
                    }
                    await w.WriteAsync(false, NpgsqlTypes.NpgsqlDbType.Boolean, ct);
                    entries++;
                }
            }
            await w.CompleteAsync(ct);
        }
        await ExecAsync(db, "SET session_replication_role = DEFAULT", ct);
        return entries;
    }

    internal static async Task ExecAsync(NpgsqlConnection db, string sql, CancellationToken ct, int timeout = 600)
    {
        await using var cmd = new NpgsqlCommand(sql, db) { CommandTimeout = timeout };
        await cmd.ExecuteNonQueryAsync(ct);
    }

    internal static async Task<T> ScalarAsync<T>(NpgsqlConnection db, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, db);
        return (T)Convert.ChangeType((await cmd.ExecuteScalarAsync(ct))!, typeof(T), CultureInfo.InvariantCulture);
    }

    private static async Task<List<T>> ListAsync<T>(NpgsqlConnection db, string sql, CancellationToken ct, object[]? parameters = null)
    {
        await using var cmd = new NpgsqlCommand(sql, db);
        foreach (var p in parameters ?? [])
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = p });
        }
        var list = new List<T>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            if (typeof(T) == typeof(string))
            {
                list.Add((T)(object)reader.GetString(0));
            }
            else
            {
                list.Add((T)(object)(reader.GetString(0), reader.GetString(1)));
            }
        }
        return list;
    }
}
