using System.Globalization;
using System.Text.RegularExpressions;
using CsCheck;
using Npgsql;

namespace CaseTracker.Resilience;

/// <summary>A form to fuzz, as one user sees it.</summary>
public sealed record FuzzTarget(string Role, WebUser User, HtmlForm Form)
{
    public string Key => $"{Role} {Form.Key}";
}

/// <summary>One generated submission: which form, each field's value (null: left out), extra over-posted fields.</summary>
public sealed record Submission(int Target, string?[] Values, (string Name, string Value)[] Extras, bool BreakToken);

public sealed record FuzzReport(
    int Submissions, int Accepted, int Rejected, int FiveXx, int UnencodedEcho, int RowsChangedByRejected, int SessionsLost,
    IReadOnlyDictionary<string, int> PerForm, IReadOnlyList<string> Problems)
{
    public IEnumerable<string> Figures(string prefix)
    {
        yield return $"{prefix}.submissions: {Submissions}";
        yield return $"{prefix}.forms: {PerForm.Count}";
        yield return $"{prefix}.accepted: {Accepted}";
        yield return $"{prefix}.rejected: {Rejected}";
        yield return $"{prefix}.5xx: {FiveXx}";
        yield return $"{prefix}.unencoded_echo: {UnencodedEcho}";
        yield return $"{prefix}.rows_changed_by_rejected: {RowsChangedByRejected}";
        yield return $"{prefix}.sessions_lost: {SessionsLost}";
    }
}

/// <summary>
/// Property-based submissions of the app's own forms (CsCheck generators): each field keeps its value,
/// is emptied, left out, or replaced by a huge string, control characters, mixed Cyrillic and Latin, a
/// script tag, an SQL fragment, an impossible date or a number of the wrong type or size; extra fields
/// are over-posted (ids, versions, roles); now and then the antiforgery token is spoiled. Each answer is
/// checked: no 5xx, no marker <c>&lt;script&gt;x&lt;n&gt;&lt;/script&gt;</c> echoed unencoded, and a
/// submission the app rejected (an error status, or the form again with messages) changed no row of the
/// data tables (a checksum of every table but the audit trail and key stores, before and after).
/// </summary>
public sealed class FormFuzzer(string connectionString, Action<string>? log = null)
{
    public const string MarkerToken = "{{MARK}}";

    private static readonly Regex Marker = new("<script>x[0-9]+</script>", RegexOptions.Compiled);

    /// <summary>Fields a form must never honour from a post: identities, versions, roles, ownership.</summary>
    private static readonly string[] OverPosted =
    [
        "Id", "Input.Id", "RowVersion", "Version", "Input.Version", "Role", "Input.Role", "Input.Roles", "Roles", "IsAdmin",
        "Input.IsDisabled", "Input.AssignedCaseworkerId", "AssignedCaseworkerId", "Input.Reference", "Input.CreatedAt", "Input.Status",
        "Status.Version", "Entry.CaseId", "NewTask.AssigneeId", "Input.People[0].PersonId", "Input.People[0].Version",
        "Input.People[99].FamilyName", "Input.People[-1].FamilyName", "Input.People[2147483647].FamilyName", "UserId", "handler",
    ];

    private static readonly string[] Sql =
    [
        "' OR '1'='1", "'; DROP TABLE cases; --", "1; UPDATE cases SET title = 'x' --", "\" OR \"\"=\"", "%' AND 1=0 UNION SELECT version() --",
        "' || pg_sleep(3) || '", "$1", "\\", "%_%", "'", "''", "E'\\x00'", "/* */", "@@version", ":name",
    ];

    private static readonly string[] Dates =
    [
        "2024-02-30", "1985-13-01", "0000-00-00", "0001-01-01", "9999-12-31", "10000-01-01", "-1985-12-07", "31/12/1985", "12/31/1985",
        "1985-12-07T25:61", "7 December 1985", "1985-12-7", "19851207", "today", "1e5", "1985-12-07 00:00:00+99",
    ];

    private static readonly string[] Numbers =
    [
        "-1", "0", "2147483647", "2147483648", "-2147483649", "99999999999999999999", "1e308", "1e400", "NaN", "Infinity", "1,5", "1.5",
        "٣", "0x10", "+5", " 5 ", "5abc", "true", "null", "[]", "{}", "00000000-0000-0000-0000-000000000000", Guid.Empty.ToString("N"),
    ];

    private static readonly string[] Mixed =
    [
        "Щаранский Sharansky", "ЩАРАНСКИЙ", "Shcharanskiy Щ", "Ёлкин Yolkin ё", "Гео́ргий", "Мария-Анна O'Brien", "Іван Їжак", "ǅ Ǆ ǆ",
        "İstanbul ı", "ß ẞ", "Α Ω α", "中文", "عربي", "\u202Eevil\u202C", "e\u0301\u0301\u0301", "😀👨‍👩‍👧", "\uFEFFbom", "a\u200Bb",
    ];

    private readonly string _connectionString = connectionString;
    private string? _checksumSql;

    /// <summary>One value for a field: a generator weighted towards the page's own value, so submissions get deep.</summary>
    public static Gen<string?> FieldValue(FormField field)
    {
        var own = Gen.Const<string?>(field.Value);
        var text = Gen.Char[' ', '~'].Array[0, 40].Select(a => (string?)new string(a));
        var cyr = Gen.Char['А', 'я'].Array[1, 30].Select(a => (string?)new string(a));
        var huge = Gen.Int[1_000, 20_000].Select(Gen.Char['a', 'z'], Gen.Char['а', 'я'], (n, a, b) => (string?)string.Create(n, (a, b), (span, s) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = i % 7 == 3 ? s.b : i % 11 == 0 ? ' ' : s.a;
            }
        }));
        var control = Gen.Char['\0', '\u001f'].Array[1, 12].Select(text, (c, t) => (string?)(new string(c) + t + "\u007f"));
        var script = Gen.OneOf<string?>($"<script>x{MarkerToken}</script>", $"\"><script>x{MarkerToken}</script>", $"'><script>x{MarkerToken}</script><!--",
            $"Петров <script>x{MarkerToken}</script> Petrov");
        var options = field.Options.Count > 0 ? Gen.OneOf(field.Options.Select(o => (string?)o).ToArray()) : own;
        return Gen.Frequency<string?>(
            (field.Type == "hidden" ? 30 : 14, own),
            (field.Options.Count > 0 ? 6 : 0, options),
            (3, Gen.Const<string?>("")),
            (2, Gen.Const((string?)null)),
            (2, text),
            (2, cyr),
            (1, huge),
            (2, control),
            (3, script),
            (2, Gen.OneOf(Sql.Select(s => (string?)s).ToArray())),
            (2, Gen.OneOf(Dates.Select(s => (string?)s).ToArray())),
            (2, Gen.OneOf(Numbers.Select(s => (string?)s).ToArray())),
            (2, Gen.OneOf(Mixed.Select(s => (string?)s).ToArray())));
    }

    public static Gen<Submission> Submissions(IReadOnlyList<FuzzTarget> targets)
    {
        var perTarget = targets.Select((t, index) =>
        {
            var values = Gen.Const(Array.Empty<string?>());
            foreach (var field in t.Form.Fields.Where(f => f.Name != "__RequestVerificationToken"))
            {
                values = values.Select(FieldValue(field), (a, v) => (string?[])[.. a, v]);
            }
            var extra = Gen.OneOf(OverPosted).Select(FieldValue(new FormField("", "text", "1", false, [])), (n, v) => (n, v ?? ""));
            var extras = Gen.Frequency((4, Gen.Const(Array.Empty<(string, string)>())), (1, extra.Array[1, 3]));
            var breakToken = Gen.Int[0, 49].Select(i => i == 0 && t.Form.Method == "post");
            return values.Select(extras, breakToken, (v, e, b) => new Submission(index, v, e, b));
        }).ToArray();
        return Gen.Int[0, targets.Count - 1].SelectMany(i => (IGen<Submission>)perTarget[i]);
    }

    /// <summary>Checksums of every data table (not the audit trail, key stores or sign-in counters), by table.</summary>
    public async Task<Dictionary<string, string>> ChecksumAsync(CancellationToken ct)
    {
        await using var conn = new NpgsqlConnection(_connectionString);
        await conn.OpenAsync(ct);
        if (_checksumSql is null)
        {
            var tables = new List<string>();
            await using (var list = new NpgsqlCommand(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1", conn))
            await using (var reader = await list.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    tables.Add(reader.GetString(0));
                }
            }
            // The dashboard's summaries are rewritten by the app's own refresh every minute, whatever is submitted.
            string[] skipped = ["audit_events", "data_protection_keys", "__EFMigrationsHistory", "dashboard_refreshes", "dashboard_list_rows", "user_tokens"];
            // Sign-in counters and stamps change on a rejected sign-in by design (lockout); they are not data.
            const string volatileUserColumns = " - 'access_failed_count' - 'lockout_end' - 'concurrency_stamp'";
            _checksumSql = string.Join(" UNION ALL ", tables.Where(t => !skipped.Contains(t)).Select(t =>
            {
                // Order-free (no sort): the row count and the sum of a 64-bit hash of every row's text.
                var row = t == "users" ? $"(to_jsonb(t){volatileUserColumns})::text" : "t::text";
                return $"SELECT '{t}', count(*)::text || ':' || coalesce(sum(hashtextextended({row}, 0)::numeric), 0)::text FROM \"{t}\" t";
            }));
        }
        var sums = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var cmd = new NpgsqlCommand(_checksumSql, conn);
        await using var rows = await cmd.ExecuteReaderAsync(ct);
        while (await rows.ReadAsync(ct))
        {
            sums[rows.GetString(0)] = rows.GetString(1);
        }
        return sums;
    }

    /// <summary>Runs <paramref name="count"/> generated submissions, one at a time, and checks each answer.</summary>
    public async Task<FuzzReport> RunAsync(IReadOnlyList<FuzzTarget> targets, int count, string seed, Func<FuzzTarget, Task<bool>> signInAgain, CancellationToken ct)
    {
        int n = 0, accepted = 0, rejected = 0, fiveXx = 0, echo = 0, changed = 0, lost = 0;
        var perForm = new Dictionary<string, int>(StringComparer.Ordinal);
        var problems = new List<string>();
        var last = await ChecksumAsync(ct);
        var gen = Submissions(targets);
        await gen.SampleAsync(async s =>
        {
            var number = Interlocked.Increment(ref n);
            var target = targets[s.Target];
            var fields = Build(target, s, number);
            WebPage answer;
            try
            {
                answer = await target.User.SubmitAsync(target.Form, fields, ct: ct);
            }
            catch (HttpRequestException e)
            {
                fiveXx++;
                problems.Add($"#{number} {target.Key}: request failed ({e.Message})");
                return;
            }
            perForm[target.Key] = perForm.GetValueOrDefault(target.Key) + 1;
            var describe = $"#{number} {target.Key} [{Describe(target, s)}]";
            if (answer.Status >= 500)
            {
                fiveXx++;
                problems.Add($"{describe}: answered {answer.Status}");
                log?.Invoke($"5xx {describe}: {answer.Status}");
            }
            if (Marker.IsMatch(answer.Body))
            {
                echo++;
                problems.Add($"{describe}: a script marker came back unencoded");
                log?.Invoke($"echo {describe}");
            }
            var sessionLost = answer.IsRedirect && target.Role != "anonymous"
                && answer.Location!.StartsWith("/Account/Login", StringComparison.OrdinalIgnoreCase);
            var isRejected = !answer.IsRedirect && (answer.Status >= 400 || ShowsErrors(answer) || target.Form.Method == "get");
            if (isRejected)
            {
                rejected++;
            }
            else
            {
                accepted++;
            }
            var now = await ChecksumAsync(ct);
            if (isRejected)
            {
                var tables = now.Where(kv => last.GetValueOrDefault(kv.Key) != kv.Value).Select(kv => kv.Key).ToList();
                if (tables.Count > 0)
                {
                    changed++;
                    problems.Add($"{describe}: rejected ({answer.Status}) but changed {string.Join(", ", tables)}");
                    log?.Invoke($"changed {describe}: {string.Join(", ", tables)}");
                }
            }
            last = now;
            if (sessionLost)
            {
                lost++;
                log?.Invoke($"session lost {describe}");
                if (!await signInAgain(target))
                {
                    problems.Add($"{describe}: the session ended and signing in again failed");
                }
                last = await ChecksumAsync(ct);
            }
        }, iter: count, threads: 1, seed: seed);
        return new FuzzReport(n, accepted, rejected, fiveXx, echo, changed, lost, perForm, problems);
    }

    /// <summary>Pages that may show stored input (lists, the audit trail), checked for markers after the run.</summary>
    public static async Task<int> StoredEchoesAsync(IEnumerable<(WebUser User, string Url)> pages, CancellationToken ct)
    {
        var found = 0;
        foreach (var (user, url) in pages)
        {
            var page = await user.GetAsync(url, ct);
            found += Marker.Count(page.Body);
        }
        return found;
    }

    private static List<KeyValuePair<string, string>> Build(FuzzTarget target, Submission s, int number)
    {
        var fields = new List<KeyValuePair<string, string>>();
        var marker = number.ToString(CultureInfo.InvariantCulture);
        var named = target.Form.Fields.Where(f => f.Name != "__RequestVerificationToken").ToList();
        for (var i = 0; i < named.Count; i++)
        {
            if (s.Values[i] is { } value)
            {
                fields.Add(new(named[i].Name, value.Replace(MarkerToken, marker, StringComparison.Ordinal)));
            }
        }
        foreach (var (name, value) in s.Extras)
        {
            fields.Add(new(name, value.Replace(MarkerToken, marker, StringComparison.Ordinal)));
        }
        if (target.Form.Fields.FirstOrDefault(f => f.Name == "__RequestVerificationToken") is { } token)
        {
            fields.Add(new(token.Name, s.BreakToken ? token.Value[..(token.Value.Length / 2)] + "AAAA" : token.Value));
        }
        return fields;
    }

    /// <summary>A short, content-free description of a submission, for logs: which fields got what kind of value.</summary>
    private static string Describe(FuzzTarget target, Submission s)
    {
        var named = target.Form.Fields.Where(f => f.Name != "__RequestVerificationToken").ToList();
        var parts = new List<string>();
        for (var i = 0; i < named.Count; i++)
        {
            var v = s.Values[i];
            if (v != named[i].Value)
            {
                parts.Add($"{named[i].Name}={Kind(v)}");
            }
        }
        parts.AddRange(s.Extras.Select(e => $"+{e.Name}={Kind(e.Value)}"));
        if (s.BreakToken)
        {
            parts.Add("token spoiled");
        }
        return string.Join(' ', parts);
    }

    private static string Kind(string? v) => v switch
    {
        null => "(left out)",
        "" => "(empty)",
        _ when v.Contains(MarkerToken, StringComparison.Ordinal) => "(script)",
        { Length: > 500 } => $"(huge {v.Length})",
        _ when v.Any(char.IsControl) => "(control)",
        _ => v.Length > 40 ? JsonQuote(v[..40]) + "…" : JsonQuote(v),
    };

    private static string JsonQuote(string v) => System.Text.Json.JsonSerializer.Serialize(v);

    /// <summary>The page says the input was not accepted: messages next to fields or a summary of errors.</summary>
    public static bool ShowsErrors(WebPage page) =>
        page.Document.QuerySelectorAll(".field-validation-error, .validation-summary-errors, .input-validation-error, [data-testid=conflict], .alert-danger")
            .Any(e => e.TextContent.Trim().Length > 0 || e.ClassList.Contains("input-validation-error"));

    /// <summary>Every response body is scanned with this.</summary>
    public static bool HasUnencodedMarker(string body) => Marker.IsMatch(body);

}
