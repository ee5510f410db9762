using CaseTracker.Core.Cases;
using CaseTracker.Core.People;
using Npgsql;
using NpgsqlTypes;

namespace CaseTracker.Bench;

/// <summary>
/// Writes generated cases with binary COPY: one connection and one open COPY per table, fed in turn, so the
/// server works on all tables at once. Foreign-key triggers are off on these sessions
/// (session_replication_role = replica): the rows are consistent by construction.
/// </summary>
internal sealed class CopyWriter : IAsyncDisposable
{
    private readonly List<NpgsqlConnection> connections = [];
    private NpgsqlBinaryImporter cases = null!, persons = null!, links = null!, aliases = null!, keys = null!;
    private NpgsqlBinaryImporter? events, tasks;
    private long nextAliasId, nextKeyId;

    public long Rows { get; private set; }

    public static async Task<CopyWriter> OpenAsync(string connectionString, long nextAliasId, long nextKeyId, bool withCaseWork, CancellationToken ct)
    {
        var w = new CopyWriter { nextAliasId = nextAliasId, nextKeyId = nextKeyId };
        w.cases = await w.BeginAsync(connectionString,
            "cases (id, reference, title, category, emigration_group, is_internationally_known, status, summary, first_exit_application_on, separated_since, refusal_count, refusal_reason, assigned_caseworker_id, created_at, updated_at, is_restricted, status_since, urgency_factors, urgency_score)", ct);
        w.persons = await w.BeginAsync(connectionString,
            "persons (id, family_name, given_name, patronymic, native_family_name, native_given_name, native_patronymic, birth_date, birth_year, sex, city, citizenships, illness_or_disability, hunger_strikes, created_at, updated_at, declines_listing)", ct);
        w.links = await w.BeginAsync(connectionString, "case_people (case_id, person_id, role, position)", ct);
        w.aliases = await w.BeginAsync(connectionString, "person_aliases (id, person_id, kind, family_name, given_name, patronymic, source, created_at)", ct);
        w.keys = await w.BeginAsync(connectionString, "person_name_keys (id, person_id, key, form)", ct);
        if (withCaseWork)
        {
            w.events = await w.BeginAsync(connectionString,
                "case_events (id, case_id, kind, occurred_on, recorded_at, author_id, text, contact_kind, from_status, to_status, closure_reason, source, corrects_id, task_id)", ct);
            w.tasks = await w.BeginAsync(connectionString, "case_tasks (id, case_id, title, due_on, assignee_id, created_at, created_by_id, completed_at)", ct);
        }
        return w;
    }

    private async Task<NpgsqlBinaryImporter> BeginAsync(string connectionString, string target, CancellationToken ct)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        connections.Add(connection);
        await using (var set = new NpgsqlCommand("SET session_replication_role = replica", connection))
        {
            await set.ExecuteNonQueryAsync(ct);
        }
        return await connection.BeginBinaryImportAsync($"COPY {target} FROM STDIN (FORMAT BINARY)", ct);
    }

    public void Write(GenCase c)
    {
        var w = cases;
        w.StartRow();
        w.Write(c.Id, NpgsqlDbType.Integer);
        w.Write(c.Reference, NpgsqlDbType.Text);
        w.Write(c.Title, NpgsqlDbType.Text);
        w.Write(c.Category.ToString(), NpgsqlDbType.Text);
        Text(w, c.EmigrationGroup?.ToString());
        w.Write(c.IsInternationallyKnown, NpgsqlDbType.Boolean);
        w.Write(c.Status.ToString(), NpgsqlDbType.Text);
        Text(w, c.Summary);
        Date(w, c.FirstExitApplicationOn);
        Date(w, c.SeparatedSince);
        w.Write(c.RefusalCount, NpgsqlDbType.Integer);
        Text(w, c.RefusalReason);
        Text(w, c.AssignedCaseworkerId);
        w.Write(c.CreatedAt.UtcDateTime, NpgsqlDbType.TimestampTz);
        w.Write(c.UpdatedAt.UtcDateTime, NpgsqlDbType.TimestampTz);
        w.Write(c.IsRestricted, NpgsqlDbType.Boolean);
        Date(w, c.StatusSince);
        w.Write(c.UrgencyFactors, NpgsqlDbType.Array | NpgsqlDbType.Text);
        w.Write(c.UrgencyScore, NpgsqlDbType.Integer);
        Rows++;

        var position = 0;
        foreach (var (person, role, isNew) in c.People)
        {
            if (isNew)
            {
                WritePerson(person);
            }
            links.StartRow();
            links.Write(c.Id, NpgsqlDbType.Integer);
            links.Write(person.Id, NpgsqlDbType.Integer);
            links.Write(role.ToString(), NpgsqlDbType.Text);
            links.Write(position++, NpgsqlDbType.Integer);
            Rows++;
        }
    }

    private void WritePerson(Person p)
    {
        var w = persons;
        w.StartRow();
        w.Write(p.Id, NpgsqlDbType.Integer);
        w.Write(p.FamilyName, NpgsqlDbType.Text);
        Text(w, p.GivenName);
        Text(w, p.Patronymic);
        Text(w, p.NativeFamilyName);
        Text(w, p.NativeGivenName);
        Text(w, p.NativePatronymic);
        Date(w, p.BirthDate);
        if (p.BirthYear is { } year)
        {
            w.Write(year, NpgsqlDbType.Integer);
        }
        else
        {
            w.WriteNull();
        }
        w.Write(p.Sex.ToString(), NpgsqlDbType.Text);
        Text(w, p.City);
        w.Write(p.Citizenships, NpgsqlDbType.Array | NpgsqlDbType.Text);
        Text(w, p.IllnessOrDisability);
        w.Write(p.HungerStrikes, NpgsqlDbType.Integer);
        w.Write(p.CreatedAt.UtcDateTime, NpgsqlDbType.TimestampTz);
        w.Write(p.UpdatedAt.UtcDateTime, NpgsqlDbType.TimestampTz);
        w.Write(p.DeclinesListing, NpgsqlDbType.Boolean);
        Rows++;

        foreach (var a in p.Aliases)
        {
            aliases.StartRow();
            aliases.Write((int)++nextAliasId, NpgsqlDbType.Integer);
            aliases.Write(p.Id, NpgsqlDbType.Integer);
            aliases.Write(a.Kind.ToString(), NpgsqlDbType.Text);
            aliases.Write(a.FamilyName, NpgsqlDbType.Text);
            Text(aliases, a.GivenName);
            Text(aliases, a.Patronymic);
            Text(aliases, a.Source);
            aliases.Write(a.CreatedAt.UtcDateTime, NpgsqlDbType.TimestampTz);
            Rows++;
        }
        // The same keys the DbContext writes on save (PersonNameIndex), for search.
        foreach (var (key, form) in PersonNameIndex.Keys(p))
        {
            keys.StartRow();
            keys.Write(++nextKeyId, NpgsqlDbType.Bigint);
            keys.Write(p.Id, NpgsqlDbType.Integer);
            keys.Write(key, NpgsqlDbType.Text);
            keys.Write(form, NpgsqlDbType.Text);
            Rows++;
        }
    }

    public void WriteEvent(Guid id, int caseId, string kind, DateOnly occurredOn, DateTimeOffset recordedAt, string? authorId, string? text,
        string? contactKind, string? fromStatus, string? toStatus, string? source)
    {
        var w = events!;
        w.StartRow();
        w.Write(id, NpgsqlDbType.Uuid);
        w.Write(caseId, NpgsqlDbType.Integer);
        w.Write(kind, NpgsqlDbType.Text);
        w.Write(occurredOn, NpgsqlDbType.Date);
        w.Write(recordedAt.UtcDateTime, NpgsqlDbType.TimestampTz);
        Text(w, authorId);
        Text(w, text);
        Text(w, contactKind);
        Text(w, fromStatus);
        Text(w, toStatus);
        w.WriteNull(); // closure_reason
        Text(w, source);
        w.WriteNull(); // corrects_id
        w.WriteNull(); // task_id
        Rows++;
    }

    public void WriteTask(Guid id, int caseId, string title, DateOnly dueOn, string? assigneeId, DateTimeOffset createdAt, DateTimeOffset? completedAt)
    {
        var w = tasks!;
        w.StartRow();
        w.Write(id, NpgsqlDbType.Uuid);
        w.Write(caseId, NpgsqlDbType.Integer);
        w.Write(title, NpgsqlDbType.Text);
        w.Write(dueOn, NpgsqlDbType.Date);
        Text(w, assigneeId);
        w.Write(createdAt.UtcDateTime, NpgsqlDbType.TimestampTz);
        Text(w, assigneeId);
        if (completedAt is { } done)
        {
            w.Write(done.UtcDateTime, NpgsqlDbType.TimestampTz);
        }
        else
        {
            w.WriteNull();
        }
        Rows++;
    }

    /// <summary>Completes every COPY (the rows become visible only here).</summary>
    public async Task CompleteAsync(CancellationToken ct)
    {
        foreach (var importer in new[] { cases, persons, links, aliases, keys, events, tasks })
        {
            if (importer is not null)
            {
                await importer.CompleteAsync(ct);
                await importer.DisposeAsync();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var c in connections)
        {
            await c.DisposeAsync();
        }
    }

    private static void Text(NpgsqlBinaryImporter w, string? value)
    {
        if (value is null)
        {
            w.WriteNull();
        }
        else
        {
            w.Write(value, NpgsqlDbType.Text);
        }
    }

    private static void Date(NpgsqlBinaryImporter w, DateOnly? value)
    {
        if (value is { } d)
        {
            w.Write(d, NpgsqlDbType.Date);
        }
        else
        {
            w.WriteNull();
        }
    }
}
