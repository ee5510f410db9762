using System.Globalization;
using CaseTracker.Core.Accounts;
using CaseTracker.Core.Cases;
using CaseTracker.Core.CaseWork;
using CaseTracker.Core.Lists;
using CaseTracker.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;

namespace CaseTracker.Core.Dashboard;

public sealed record DashboardFilter
{
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public CaseCategory? Category { get; init; }
    public int? ListId { get; init; }
    public string? CaseworkerId { get; init; }
}

/// <summary>One figure of the dashboard: a stable metric name (docs/dashboard.md) and its value.</summary>
public sealed record Figure(string Metric, decimal Value);

public sealed record MonthRow(DateOnly Month, int Opened, int Resolved);

public sealed record BucketRow(string Label, int Cases);

public sealed record ListRow(int Id, string Name, ListStatus Status, int Resolved, int Promised, int Refused, int NoReply, int Pending,
    decimal? ShareResolved1, decimal? ShareResolved4, decimal? ShareResolved8, int Ours, int? Theirs, int? DaysToTarget);

public sealed record WorkloadRow(string UserId, string Name, string Email, int OpenCases, int OverdueTasks);

/// <param name="KeptAs">
/// What a dashboard kept for its refresh depends on (the refresh's version, the viewer, the filters, the period and the
/// day): what is derived from it can be kept under the same key. Null when it is counted live (a list filter).
/// </param>
/// <param name="RefreshVersion">
/// The version of the refresh it was built from, which every refresh changes, on any instance: what depends on the
/// refresh alone, the same for every viewer and filter, can be kept under it. Null when it is counted live.
/// </param>
public sealed record Dashboard(
    DateTimeOffset? AsOf,
    DashboardFilter Filter,
    int Cases, int Persons,
    IReadOnlyList<(CaseCategory Category, CaseStatus Status, int Cases, int Persons)> Totals,
    int ResolvedInPeriod,
    IReadOnlyList<MonthRow> Months,
    IReadOnlyList<ListRow> Lists,
    IReadOnlyList<BucketRow> SeparatedYears,
    IReadOnlyList<BucketRow> WaitingYears,
    IReadOnlyList<(CaseCategory Category, decimal? MedianYears)> MedianWait,
    IReadOnlyList<WorkloadRow> Workload,
    int PromisedOver30Days, int UrgentQuiet, int ListsPastTarget,
    IReadOnlyList<CaseSummary> MostUrgent,
    IReadOnlyList<Figure> Figures,
    string? KeptAs = null,
    string? RefreshVersion = null)
{
    private IReadOnlyDictionary<string, decimal>? _values;

    /// <summary>The figures by metric name (built once per dashboard, which is kept for a refresh).</summary>
    public IReadOnlyDictionary<string, decimal> FigureValues => _values ??= Figures.ToDictionary(f => f.Metric, f => f.Value);
}

/// <summary>
/// The supervisor dashboard. Totals, months and waiting come from materialized views refreshed on a short
/// schedule (and on demand), so a request never groups the whole case table; "as of" says when. With a list
/// filter the figures are computed live over that list's cases, which are few.
/// </summary>
public sealed class DashboardService(
    CaseTrackerDbContext db, ListService lists, TimeProvider clock, IMemoryCache cache, ILogger<DashboardService> logger)
{
    public static readonly string[] Views =
    [
        "dashboard_case_totals", "dashboard_case_months", "dashboard_case_separated", "dashboard_case_applications",
        "dashboard_case_alerts", "dashboard_overdue_tasks",
    ];

    /// <summary>Whoever refreshes the summaries computes the lists' rows as a supervisor sees them (every case).</summary>
    private static readonly Actor SeesAll = new("system", "system", new HashSet<string> { Roles.Supervisor });

    private static readonly (string Label, int From, int To)[] Buckets = [("under 5 years", 0, 4), ("5–9 years", 5, 9), ("10–19 years", 10, 19), ("20–29 years", 20, 29), ("30 years or more", 30, int.MaxValue)];

    public const int UrgentScore = 50;

    /// <summary>The advisory lock that serialises rewrites of the dashboard's list rows.</summary>
    private const long ListRowsLock = 0x_4441_5348_4C49_5354; // "DASHLIST"

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task RefreshAsync(CancellationToken ct)
    {
        foreach (var view in Views)
        {
            // View names come from the fixed list above.
            var sql = "REFRESH MATERIALIZED VIEW CONCURRENTLY " + view;
            await db.Database.ExecuteSqlRawAsync(sql, ct);
        }
        // Each list's progress, as of now, for the lists table of the dashboard (a query per delivered list: too
        // much for every request once there are hundreds of lists).
        var rows = await ListRowsAsync(SeesAll, null, ct);
        await db.RetryingAsync(async token =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(token);
            // Several instances refresh on their own schedules: one rewrite at a time, each replacing the last.
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({ListRowsLock})", token);
            await db.Database.ExecuteSqlAsync($"DELETE FROM dashboard_list_rows", token);
            foreach (var (row, position) in rows.Select((r, i) => (r, i)))
            {
                var json = System.Text.Json.JsonSerializer.Serialize(row);
                await db.Database.ExecuteSqlAsync($"INSERT INTO dashboard_list_rows (list_id, position, row) VALUES ({row.Id}, {position}, {json}::jsonb)", token);
            }
            await db.Database.ExecuteSqlAsync($"UPDATE dashboard_refreshes SET refreshed_at = {clock.GetUtcNow()} WHERE id = 1", token);
            await tx.CommitAsync(token);
            return rows.Count;
        }, ct);
        cache.Remove(RefreshKey);
        logger.LogInformation("Dashboard summaries refreshed");
    }

    /// <summary>Each list's progress as <paramref name="actor"/> may see it: entries resolved, promised, refused and so on.</summary>
    private async Task<List<ListRow>> ListRowsAsync(Actor actor, int? listId, CancellationToken ct)
    {
        var today = Today;
        var listRows = new List<ListRow>();
        foreach (var l in (await lists.ListsAsync(actor, ct)).Where(l => listId is null || l.Id == listId))
        {
            var progress = l.Status == ListStatus.Delivered ? await lists.ProgressAsync(l.Id, actor, ct) : [];
            var now = progress.Count > 0 ? progress[^1] : null;
            decimal? Share(string label) => progress.FirstOrDefault(p => p.Label.StartsWith(label, StringComparison.Ordinal)) is { } p && p.Units.Total > 0
                ? Math.Round((decimal)p.Units.Resolved / p.Units.Total, 3) : null;
            listRows.Add(new ListRow(l.Id, l.Name, l.Status, now?.Units.Resolved ?? l.Resolved, now?.Units.Promised ?? 0, now?.Units.Refused ?? 0,
                now?.Units.NoReply ?? 0, now?.Units.Pending ?? (l.Entries - l.Resolved),
                Share("1 month"), Share("4 months"), Share("8 months"), l.Persons, l.TheirStatedCount,
                l.TargetDate is { } t ? t.DayNumber - today.DayNumber : null));
        }
        return listRows;
    }

    private sealed record StoredListRow(string Row);

    private sealed record AlertAgg(int PromisedOverdue, int UrgentQuiet);

    private sealed record OverdueAgg(string Assignee, int Tasks);

    private sealed record TotalRow(string Category, string Status, int Cases, int Persons);

    private sealed record MonthAgg(string Kind, DateOnly Month, int Cases);

    private sealed record YearAgg(int Year, string Category, int Cases);

    private sealed record WorkAgg(string Assigned, int Cases);

    public async Task<Dashboard> BuildAsync(DashboardFilter filter, Actor actor, CancellationToken ct)
    {
        var today = Today;
        var from = filter.From ?? new DateOnly(today.Year - 1, today.Month, 1);
        var to = filter.To ?? today;
        var seeAll = actor.IsSupervisor;
        var category = filter.Category?.ToString();
        var caseworker = string.IsNullOrEmpty(filter.CaseworkerId) ? null : filter.CaseworkerId;

        List<TotalRow> totals;
        List<MonthAgg> months;
        List<YearAgg> separated;
        List<YearAgg> applications;
        // Without a list filter everything but the most urgent cases is derived from the summaries (and the people who
        // take cases), which change only when they are refreshed: the whole dashboard is built once per refresh (and per
        // viewer, filter, period and day) and kept in memory, and only the most urgent cases are read for each request.
        // The key holds the refresh row's version, which every refresh changes, on any instance; without a refresh row
        // (the migrations create it) nothing is kept.
        Refresh? refresh = null;
        Summaries? summaries = null;
        string? keptAs = null;
        if (filter.ListId is null)
        {
            refresh = await CurrentRefreshAsync(ct);
            if (refresh.Version.Length > 0)
            {
                keptAs = string.Join('|', refresh.Version, seeAll ? "*" : actor.UserId, category, caseworker, from.DayNumber, to.DayNumber, today.DayNumber);
                if (cache.TryGetValue((nameof(Dashboard), keptAs), out Dashboard? built))
                {
                    return built! with { MostUrgent = await MostUrgentAsync(actor, filter, caseworker, ct) };
                }
            }
            summaries = await ReadSummariesAsync(actor, seeAll, category, caseworker, ct);
        }
        if (filter.ListId is { } listId)
        {
            // A list holds few cases: count them live, with the same visibility rules as everywhere.
            var onList = db.Cases.AsNoTracking().VisibleTo(actor)
                .Where(c => db.ListEntries.Any(e => e.ListId == listId && e.CaseId == c.Id && e.RemovedAt == null));
            if (filter.Category is { } cat)
            {
                onList = onList.Where(c => c.Category == cat);
            }
            if (caseworker is not null)
            {
                onList = onList.Where(c => c.AssignedCaseworkerId == caseworker);
            }
            var rows = await onList.Select(c => new { c.Category, c.Status, c.CreatedAt, c.StatusSince, c.SeparatedSince, c.FirstExitApplicationOn, Persons = c.People.Count }).ToListAsync(ct);
            totals = rows.GroupBy(r => (r.Category, r.Status)).Select(g => new TotalRow(g.Key.Category.ToString(), g.Key.Status.ToString(), g.Count(), g.Sum(r => r.Persons))).ToList();
            months = rows.GroupBy(r => new DateOnly(r.CreatedAt.UtcDateTime.Year, r.CreatedAt.UtcDateTime.Month, 1)).Select(g => new MonthAgg("opened", g.Key, g.Count()))
                .Concat(rows.Where(r => r.Status == CaseStatus.Reunited && r.StatusSince is not null).GroupBy(r => new DateOnly(r.StatusSince!.Value.Year, r.StatusSince.Value.Month, 1)).Select(g => new MonthAgg("resolved", g.Key, g.Count())))
                .ToList();
            var openRows = rows.Where(r => r.Status is not CaseStatus.Reunited and not CaseStatus.Closed).ToList();
            separated = openRows.GroupBy(r => (r.SeparatedSince?.Year ?? 0, r.Category)).Select(g => new YearAgg(g.Key.Item1, g.Key.Category.ToString(), g.Count())).ToList();
            applications = openRows.GroupBy(r => (r.FirstExitApplicationOn?.Year ?? 0, r.Category)).Select(g => new YearAgg(g.Key.Item1, g.Key.Category.ToString(), g.Count())).ToList();
        }
        else
        {
            (totals, months, separated, applications) = (summaries!.Totals, summaries.Months, summaries.Separated, summaries.Applications);
        }

        var figures = new List<Figure>();
        void Add(string metric, decimal value) => figures.Add(new Figure(metric, value));

        var totalCases = totals.Sum(t => t.Cases);
        var totalPersons = totals.Sum(t => t.Persons);
        Add("cases.total", totalCases);
        Add("persons.total", totalPersons);
        var typed = totals.Select(t => (Category: Enum.Parse<CaseCategory>(t.Category), Status: Enum.Parse<CaseStatus>(t.Status), t.Cases, t.Persons))
            .OrderBy(t => t.Category).ThenBy(t => t.Status).ToList();
        foreach (var c in Enum.GetValues<CaseCategory>())
        {
            Add($"cases.category.{c}", typed.Where(t => t.Category == c).Sum(t => t.Cases));
            Add($"persons.category.{c}", typed.Where(t => t.Category == c).Sum(t => t.Persons));
        }
        foreach (var s in Enum.GetValues<CaseStatus>())
        {
            Add($"cases.status.{s}", typed.Where(t => t.Status == s).Sum(t => t.Cases));
            Add($"persons.status.{s}", typed.Where(t => t.Status == s).Sum(t => t.Persons));
        }
        foreach (var c in Enum.GetValues<CaseCategory>())
        {
            foreach (var s in Enum.GetValues<CaseStatus>())
            {
                Add($"cases.category_status.{c}.{s}", typed.Where(t => t.Category == c && t.Status == s).Sum(t => t.Cases));
                Add($"persons.category_status.{c}.{s}", typed.Where(t => t.Category == c && t.Status == s).Sum(t => t.Persons));
            }
        }

        var monthStart = new DateOnly(from.Year, from.Month, 1);
        var monthRows = new List<MonthRow>();
        for (var m = monthStart; m <= to; m = m.AddMonths(1))
        {
            var opened = months.Where(x => x.Kind == "opened" && x.Month == m).Sum(x => x.Cases);
            var resolved = months.Where(x => x.Kind == "resolved" && x.Month == m).Sum(x => x.Cases);
            monthRows.Add(new MonthRow(m, opened, resolved));
            var key = m.ToString("yyyy-MM", CultureInfo.InvariantCulture);
            Add($"cases.opened.{key}", opened);
            Add($"cases.resolved.{key}", resolved);
        }
        var resolvedInPeriod = monthRows.Sum(m => m.Resolved);
        Add("cases.resolved.period", resolvedInPeriod);

        var separatedBuckets = Bucketed(separated, today);
        var waitingBuckets = Bucketed(applications, today);
        foreach (var (b, i) in separatedBuckets.Select((b, i) => (b, i)))
        {
            Add($"waiting.separated.{BucketKey(i)}", b.Cases);
        }
        Add("waiting.separated.unknown", separated.Where(y => y.Year == 0).Sum(y => y.Cases));
        foreach (var (b, i) in waitingBuckets.Select((b, i) => (b, i)))
        {
            Add($"waiting.application.{BucketKey(i)}", b.Cases);
        }
        Add("waiting.application.unknown", applications.Where(y => y.Year == 0).Sum(y => y.Cases));
        var medians = Enum.GetValues<CaseCategory>().Select(c => (c, Median(applications.Where(y => y.Category == c.ToString() && y.Year > 0).ToList(), today))).ToList();
        foreach (var (c, median) in medians)
        {
            if (median is { } m)
            {
                Add($"waiting.median_years.{c}", m);
            }
        }

        // Workload: open cases per person from the summaries; overdue tasks live (an index on open tasks by assignee and due date).
        var people = await (from u in db.Users
                            join ur in db.UserRoles on u.Id equals ur.UserId
                            join r in db.Roles on ur.RoleId equals r.Id
                            where !u.IsDisabled && (r.Name == Roles.Caseworker || r.Name == Roles.Supervisor)
                            select new { u.Id, u.DisplayName, u.Email }).Distinct().ToListAsync(ct);
        var openByWorker = summaries?.OpenByWorker ?? [];
        var overdue = summaries?.Overdue ?? await OverdueAsync(ct);
        var workload = people.Where(p => caseworker is null || p.Id == caseworker)
            .Select(p => new WorkloadRow(p.Id, p.DisplayName, p.Email ?? p.Id,
                openByWorker.Where(w => w.Assigned == p.Id).Sum(w => w.Cases), overdue.Where(o => o.Assignee == p.Id).Sum(o => o.Tasks)))
            .OrderByDescending(w => w.OpenCases).ThenBy(w => w.Name).ToList();
        foreach (var w in workload)
        {
            Add($"workload.{w.Email}.open_cases", w.OpenCases);
            Add($"workload.{w.Email}.overdue_tasks", w.OverdueTasks);
        }

        // Lists: as of the last refresh for supervisors (who see every case); live for one list, or for an
        // administrator, who does not see restricted cases.
        var listRows = summaries?.ListRows ?? await ListRowsAsync(actor, filter.ListId, ct);
        foreach (var row in listRows)
        {
            var k = $"list.{row.Id.ToString(CultureInfo.InvariantCulture)}";
            Add($"{k}.resolved", row.Resolved);
            Add($"{k}.promised", row.Promised);
            Add($"{k}.refused", row.Refused);
            Add($"{k}.no_reply", row.NoReply);
            Add($"{k}.pending", row.Pending);
            Add($"{k}.our_count", row.Ours);
            if (row.Theirs is { } theirs)
            {
                Add($"{k}.their_count", theirs);
            }
            if (row.ShareResolved1 is { } s1) { Add($"{k}.share_resolved.m1", s1); }
            if (row.ShareResolved4 is { } s4) { Add($"{k}.share_resolved.m4", s4); }
            if (row.ShareResolved8 is { } s8) { Add($"{k}.share_resolved.m8", s8); }
            if (row.DaysToTarget is { } d) { Add($"{k}.days_to_target", d); }
        }

        // Alerts and the most urgent open cases: selective queries on indexed columns.
        var open = OpenCases(actor, filter, caseworker);
        int promised, urgentQuiet;
        if (filter.ListId is null)
        {
            // From the summaries: counting the quiet urgent cases reads every urgent case and its timeline.
            (promised, urgentQuiet) = (summaries!.Alerts.PromisedOverdue, summaries.Alerts.UrgentQuiet);
        }
        else
        {
            var promisedBefore = today.AddDays(-CaseWorkService.PromisedAlertDays);
            promised = await open.CountAsync(c => c.Status == CaseStatus.ReleasePromised && c.StatusSince < promisedBefore, ct);
            var quietSince = clock.GetUtcNow().AddDays(-CaseWorkService.QuietDays);
            urgentQuiet = await open.CountAsync(c => c.UrgencyScore >= UrgentScore && c.UpdatedAt < quietSince
                && !db.CaseEvents.Any(e => e.CaseId == c.Id && e.RecordedAt >= quietSince), ct);
        }
        var pastTarget = listRows.Count(l => l.DaysToTarget < 0 && l.Status != ListStatus.Draft && l.Resolved < l.Resolved + l.Promised + l.Refused + l.NoReply + l.Pending);
        Add("alerts.promised_over_30_days", promised);
        Add("alerts.urgent_quiet", urgentQuiet);
        Add("alerts.lists_past_target", pastTarget);
        var mostUrgent = await MostUrgentAsync(actor, filter, caseworker, ct);

        var asOf = refresh is not null ? refresh.At : clock.GetUtcNow();
        var dashboard = new Dashboard(asOf, filter with { From = from, To = to }, totalCases, totalPersons, typed, resolvedInPeriod, monthRows, listRows,
            separatedBuckets, waitingBuckets, medians, workload, promised, urgentQuiet, pastTarget, mostUrgent, figures, keptAs,
            keptAs is null ? null : refresh!.Version);
        if (keptAs is not null)
        {
            cache.Set((nameof(Dashboard), keptAs), dashboard, KeptFor);
        }
        return dashboard;
    }

    /// <summary>The open cases the dashboard's filters select, as <paramref name="actor"/> may see them.</summary>
    private IQueryable<Case> OpenCases(Actor actor, DashboardFilter filter, string? caseworker)
    {
        var open = db.Cases.AsNoTracking().VisibleTo(actor).Where(CaseStatuses.Open);
        if (filter.Category is { } fc)
        {
            open = open.Where(c => c.Category == fc);
        }
        if (caseworker is not null)
        {
            open = open.Where(c => c.AssignedCaseworkerId == caseworker);
        }
        if (filter.ListId is { } fl)
        {
            open = open.Where(c => db.ListEntries.Any(e => e.ListId == fl && e.CaseId == c.Id && e.RemovedAt == null));
        }
        return open;
    }

    /// <summary>The ten most urgent open cases, live (an index on urgency): they lead to the cases, which change all day.</summary>
    private async Task<List<CaseSummary>> MostUrgentAsync(Actor actor, DashboardFilter filter, string? caseworker, CancellationToken ct) =>
        await MostUrgentOf(db, filter.Category, caseworker, filter.ListId, actor.IsSupervisor, actor.UserId).ToListAsync(ct);

    // Compiled: the only statement of a request for a dashboard already kept, and building and looking up its expression
    // cost more of the app's time than running it. The filters are those of OpenCases; a filter left empty is a null
    // parameter, for which EF Core writes the statement without that condition.
    private static readonly Func<CaseTrackerDbContext, CaseCategory?, string?, int?, bool, string, IAsyncEnumerable<CaseSummary>> MostUrgentOf =
        CompiledQueries.OneCompile(EF.CompileAsyncQuery(CaseAccess.Compiled((CaseTrackerDbContext db, CaseCategory? category, string? caseworker, int? listId, bool supervisor, string userId) =>
            db.Cases.AsNoTracking()
                .Where(c => CaseAccess.Sees(c, supervisor, userId))
                .Where(CaseStatuses.Open)
                .Where(c => (category == null || c.Category == category) && (caseworker == null || c.AssignedCaseworkerId == caseworker)
                    && (listId == null || db.ListEntries.Any(e => e.ListId == listId && e.CaseId == c.Id && e.RemovedAt == null)))
                .OrderByDescending(c => c.UrgencyScore).ThenBy(c => c.Id).Take(10)
                .Select(CaseSummary.Of))));

    /// <summary>How long what is derived from one refresh is kept (the built dashboard here, its rendering and the
    /// filter's choices on the page): after the next refresh it is derived again under the new refresh's key anyway.</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(5);

    private sealed record Refresh(DateTimeOffset? At, string Version);

    /// <summary>
    /// How long the last refresh's time and version, once read, are taken as current. The summaries are refreshed every few
    /// minutes; reading the refresh row was one of the three round trips of every dashboard request. This instance forgets
    /// it at once when it refreshes; another instance's refresh shows within this time.
    /// </summary>
    public static readonly TimeSpan RefreshReadFor = TimeSpan.FromSeconds(1);

    private static readonly object RefreshKey = new();

    /// <summary>The last refresh as a request takes it: read at most once per <see cref="RefreshReadFor"/>.</summary>
    private async Task<Refresh> CurrentRefreshAsync(CancellationToken ct)
    {
        if (cache.TryGetValue(RefreshKey, out Refresh? known))
        {
            return known!;
        }
        var refresh = await ReadRefreshAsync(ct);
        cache.Set(RefreshKey, refresh, RefreshReadFor);
        return refresh;
    }

    /// <summary>When the summaries were last refreshed (by any instance), and the version of that refresh.</summary>
    private async Task<Refresh> ReadRefreshAsync(CancellationToken ct) =>
        (await db.Database.SqlQuery<Refresh>($"""
            SELECT refreshed_at AS "At", xmin::text AS "Version" FROM dashboard_refreshes WHERE id = 1
            """).ToListAsync(ct)).FirstOrDefault() ?? new Refresh(null, "");

    /// <summary>When the summaries were last refreshed, by any instance; null before the first refresh. Read now (the
    /// refresher's schedule depends on it).</summary>
    public async Task<DateTimeOffset?> LastRefreshedAtAsync(CancellationToken ct) => (await ReadRefreshAsync(ct)).At;

    /// <summary>What the dashboard reads from the summaries for one viewer and filter (no list filter).</summary>
    private sealed record Summaries(
        List<TotalRow> Totals, List<MonthAgg> Months, List<YearAgg> Separated, List<YearAgg> Applications,
        List<WorkAgg> OpenByWorker, List<OverdueAgg> Overdue, List<ListRow>? ListRows, AlertAgg Alerts);

    private async Task<Summaries> ReadSummariesAsync(Actor actor, bool seeAll, string? category, string? caseworker, CancellationToken ct)
    {
        var totals = await db.Database.SqlQuery<TotalRow>($"""
            SELECT category AS "Category", status AS "Status", sum(cases)::int AS "Cases", sum(persons)::int AS "Persons"
            FROM dashboard_case_totals
            WHERE ({seeAll} OR NOT is_restricted OR assigned = {actor.UserId})
              AND ({category}::text IS NULL OR category = {category}) AND ({caseworker}::text IS NULL OR assigned = {caseworker})
            GROUP BY category, status
            """).ToListAsync(ct);
        var months = await db.Database.SqlQuery<MonthAgg>($"""
            SELECT kind AS "Kind", month AS "Month", sum(cases)::int AS "Cases"
            FROM dashboard_case_months
            WHERE ({seeAll} OR NOT is_restricted OR assigned = {actor.UserId})
              AND ({category}::text IS NULL OR category = {category}) AND ({caseworker}::text IS NULL OR assigned = {caseworker})
            GROUP BY kind, month
            """).ToListAsync(ct);
        var separated = await YearsAsync("dashboard_case_separated", seeAll, actor.UserId, category, caseworker, ct);
        var applications = await YearsAsync("dashboard_case_applications", seeAll, actor.UserId, category, caseworker, ct);
        var openByWorker = await db.Database.SqlQuery<WorkAgg>($"""
            SELECT assigned AS "Assigned", sum(cases)::int AS "Cases" FROM dashboard_case_totals
            WHERE status NOT IN ('Reunited', 'Closed') AND ({seeAll} OR NOT is_restricted OR assigned = {actor.UserId})
              AND ({category}::text IS NULL OR category = {category})
            GROUP BY assigned
            """).ToListAsync(ct);
        // The lists' rows stored by the refresh are as a supervisor sees them; an administrator's are read live.
        var listRows = actor.IsSupervisor
            ? (await db.Database.SqlQuery<StoredListRow>($"SELECT row::text AS \"Row\" FROM dashboard_list_rows ORDER BY position").ToListAsync(ct))
                .Select(r => System.Text.Json.JsonSerializer.Deserialize<ListRow>(r.Row)!).ToList()
            : null;
        var alerts = await db.Database.SqlQuery<AlertAgg>($"""
            SELECT COALESCE(sum(promised_overdue), 0)::int AS promised_overdue, COALESCE(sum(urgent_quiet), 0)::int AS urgent_quiet
            FROM dashboard_case_alerts
            WHERE ({seeAll} OR NOT is_restricted OR assigned = {actor.UserId})
              AND ({category}::text IS NULL OR category = {category}) AND ({caseworker}::text IS NULL OR assigned = {caseworker})
            """).ToListAsync(ct);
        return new Summaries(totals, months, separated, applications, openByWorker, await OverdueAsync(ct), listRows, alerts[0]);
    }

    private async Task<List<OverdueAgg>> OverdueAsync(CancellationToken ct) =>
        await db.Database.SqlQuery<OverdueAgg>($"SELECT assignee AS \"Assignee\", tasks AS \"Tasks\" FROM dashboard_overdue_tasks").ToListAsync(ct);

    private async Task<List<YearAgg>> YearsAsync(string view, bool seeAll, string userId, string? category, string? caseworker, CancellationToken ct)
    {
        // The view name is one of two constants; the values are parameters.
        var sql = "SELECT year AS \"Year\", category AS \"Category\", sum(cases)::int AS \"Cases\" FROM " + (view == "dashboard_case_separated" ? "dashboard_case_separated" : "dashboard_case_applications")
            + " WHERE (@p0 OR NOT is_restricted OR assigned = @p1) AND (@p2::text IS NULL OR category = @p2) AND (@p3::text IS NULL OR assigned = @p3) GROUP BY year, category";
        return await db.Database.SqlQueryRaw<YearAgg>(sql,
            new Npgsql.NpgsqlParameter("p0", seeAll), new Npgsql.NpgsqlParameter("p1", userId),
            new Npgsql.NpgsqlParameter("p2", (object?)category ?? DBNull.Value) { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text },
            new Npgsql.NpgsqlParameter("p3", (object?)caseworker ?? DBNull.Value) { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text }).ToListAsync(ct);
    }

    private static string BucketKey(int index) => index switch
    {
        0 => "under_5",
        1 => "5_9",
        2 => "10_19",
        3 => "20_29",
        _ => "30_plus",
    };

    private static List<BucketRow> Bucketed(IReadOnlyList<YearAgg> years, DateOnly today) =>
        Buckets.Select(b => new BucketRow(b.Label, years.Where(y => y.Year > 0 && today.Year - y.Year >= b.From && today.Year - y.Year <= b.To).Sum(y => y.Cases))).ToList();

    /// <summary>The median of whole years waited, from counts per year of first application.</summary>
    private static decimal? Median(IReadOnlyList<YearAgg> years, DateOnly today)
    {
        var total = years.Sum(y => y.Cases);
        if (total == 0)
        {
            return null;
        }
        var ordered = years.Select(y => (Years: today.Year - y.Year, y.Cases)).OrderBy(y => y.Years).ToList();
        decimal At(int index)
        {
            var seen = 0;
            foreach (var (w, n) in ordered)
            {
                seen += n;
                if (index < seen)
                {
                    return w;
                }
            }
            return ordered[^1].Years;
        }
        return total % 2 == 1 ? At(total / 2) : (At(total / 2 - 1) + At(total / 2)) / 2;
    }
}
