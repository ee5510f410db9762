using System.Globalization;
using System.Net;
using CaseTracker.Core.Accounts;
using CaseTracker.Core.Cases;
using CaseTracker.Core.CaseWork;
using CaseTracker.Core.Common;
using CaseTracker.Core.Dashboard;
using CaseTracker.Core.Demo;
using CaseTracker.Tests.Cases;
using CaseTracker.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CaseTracker.Tests.Dashboard;

/// <summary>Every figure of the dashboard is checked against the rows of the case export with the same filters.</summary>
public sealed class DashboardTests(TestApp app) : IntegrationTest(app)
{
    private sealed record ExportRow(string Reference, string Category, string Status, int People);

    private static async Task<List<ExportRow>> ExportAsync(UserClient client, string query)
    {
        var csv = await client.Http.GetStringAsync("/Cases/Export" + query, Ct);
        var rows = new List<ExportRow>();
        foreach (var line in ParseCsv(csv).Skip(1))
        {
            rows.Add(new ExportRow(line[0], line[1], line[3], line[^1].Length == 0 ? 0 : line[^1].Split("; ").Length));
        }
        return rows;
    }

    private static async Task<Dictionary<string, decimal>> FiguresAsync(UserClient client, string query)
    {
        var response = await client.Http.GetAsync("/Dashboard/Export" + query, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = ParseCsv(await response.Content.ReadAsStringAsync(Ct)).ToList();
        Assert.Equal(["metric", "value"], lines[0]);
        return lines.Skip(1).ToDictionary(l => l[0], l => decimal.Parse(l[1], CultureInfo.InvariantCulture));
    }

    private async Task RefreshAsync() => await WithServiceAsync<DashboardService, bool>(async s => { await s.RefreshAsync(Ct); return true; });

    private static void AssertMatchesExport(Dictionary<string, decimal> figures, List<ExportRow> rows, string what)
    {
        Assert.True(figures["cases.total"] == rows.Count, $"{what}: cases.total {figures["cases.total"]} but the export has {rows.Count} rows");
        Assert.True(figures["persons.total"] == rows.Sum(r => r.People), $"{what}: persons.total {figures["persons.total"]} but the export names {rows.Sum(r => r.People)} persons");
        foreach (var c in Enum.GetValues<CaseCategory>())
        {
            Assert.True(figures[$"cases.category.{c}"] == rows.Count(r => r.Category == c.ToString()), $"{what}: cases.category.{c}");
            Assert.True(figures[$"persons.category.{c}"] == rows.Where(r => r.Category == c.ToString()).Sum(r => r.People), $"{what}: persons.category.{c}");
        }
        foreach (var s in Enum.GetValues<CaseStatus>())
        {
            Assert.True(figures[$"cases.status.{s}"] == rows.Count(r => r.Status == s.ToString()), $"{what}: cases.status.{s}");
        }
        foreach (var g in rows.GroupBy(r => (r.Category, r.Status)))
        {
            Assert.True(figures[$"cases.category_status.{g.Key.Category}.{g.Key.Status}"] == g.Count(), $"{what}: cases.category_status.{g.Key.Category}.{g.Key.Status}");
        }
    }

    [Fact]
    public async Task On_the_demo_data_every_figure_equals_the_export_with_the_same_filters()
    {
        Assert.True(await WithServiceAsync<DemoDataSeeder, bool>(s => s.SeedAsync("a demo password for the dashboard", Ct)));
        await RefreshAsync();
        using var supervisor = App.CreateUserClient();
        await supervisor.SignInAsync(DemoData.SupervisorEmail, "a demo password for the dashboard");

        var all = await FiguresAsync(supervisor, "");
        AssertMatchesExport(all, await ExportAsync(supervisor, ""), "all cases");
        Assert.Equal(27, all["cases.category.SeparatedSpouse"]);
        Assert.Equal(23, all["cases.category.DualNational"]);
        Assert.Equal(129, all["cases.category.DividedFamily"]);

        foreach (var c in Enum.GetValues<CaseCategory>())
        {
            AssertMatchesExport(await FiguresAsync(supervisor, $"?category={c}"), await ExportAsync(supervisor, $"?category={c}"), c.ToString());
        }
        var caseworkerId = await WithDbAsync(db => db.Users.Where(u => u.Email == DemoData.CaseworkerEmail).Select(u => u.Id).SingleAsync(Ct));
        var byWorker = await FiguresAsync(supervisor, $"?caseworker={caseworkerId}");
        var workerRows = await ExportAsync(supervisor, $"?assigned={caseworkerId}");
        AssertMatchesExport(byWorker, workerRows, "one caseworker");
        Assert.Equal(workerRows.Count(r => r.Status is not "Reunited" and not "Closed"), all[$"workload.{DemoData.CaseworkerEmail}.open_cases"]);

        var lists = await WithDbAsync(db => db.Lists.Select(l => l.Id).ToListAsync(Ct));
        foreach (var listId in lists)
        {
            AssertMatchesExport(await FiguresAsync(supervisor, $"?list={listId}"), await ExportAsync(supervisor, $"?list={listId}"), $"list {listId}");
        }

        // The filter form offers every list and caseworker, and keeps the chosen ones.
        var filtered = await supervisor.GetPageAsync($"/Dashboard?list={lists[^1]}&caseworker={caseworkerId}");
        Assert.Equal(lists.Count + 1, filtered.QuerySelectorAll("select#list option").Length);
        Assert.Equal(lists[^1].ToString(CultureInfo.InvariantCulture), Assert.Single(filtered.QuerySelectorAll("select#list option[selected]")).GetAttribute("value"));
        Assert.Equal(caseworkerId, Assert.Single(filtered.QuerySelectorAll("select#caseworker option[selected]")).GetAttribute("value"));
        Assert.Empty((await supervisor.GetPageAsync("/Dashboard")).QuerySelectorAll("select#list option[selected]"));

        // The page shows the same figures, each under its metric name.
        var page = await supervisor.GetPageAsync("/Dashboard");
        var shown = page.QuerySelectorAll("[data-metric]").ToList();
        Assert.True(shown.Count > 50);
        foreach (var e in shown.Where(e => e.TextContent.Trim() != "—"))
        {
            var metric = e.GetAttribute("data-metric")!;
            Assert.True(all.ContainsKey(metric), $"{metric} is shown but not exported");
            Assert.Equal(all[metric], decimal.Parse(e.TextContent.Trim(), CultureInfo.InvariantCulture));
        }
        Assert.NotNull(page.QuerySelector("canvas[data-chart-table=table-totals]"));
        Assert.Contains("as of", page.QuerySelector("[data-testid=as-of]").Text());
    }

    [Fact]
    public async Task On_generated_data_figures_equal_the_export_and_respect_restricted_cases()
    {
        var (supervisor, _) = await SignInAsync(Roles.Supervisor);
        var (admin, _) = await SignInAsync(Roles.Administrator);
        var workers = new[] { await App.CreateUserAsync(Roles.Caseworker), await App.CreateUserAsync(Roles.Caseworker) };
        var random = new Random(1985);
        var categories = Enum.GetValues<CaseCategory>();
        var statuses = Enum.GetValues<CaseStatus>();
        for (var i = 0; i < 40; i++)
        {
            var command = CaseBuilder.Spouse($"Gen{(char)('a' + i / 26)}{(char)('a' + i % 26)}", "");
            command.Category = categories[random.Next(categories.Length)];
            command.EmigrationGroup = command.Category == CaseCategory.Emigration ? EmigrationGroup.German : null;
            command.IsRestricted = random.Next(4) == 0;
            if (random.Next(3) == 0)
            {
                command.People.RemoveAt(1);
            }
            var owner = workers[random.Next(workers.Length)];
            var created = await CreatedAsync(command, owner);
            var status = statuses[random.Next(statuses.Length)].ToString();
            await WithDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE cases SET status = {status}, status_since = DATE '2026-01-15' WHERE id = {created.Id}", Ct));
        }
        await RefreshAsync();

        var figures = await FiguresAsync(supervisor, "");
        AssertMatchesExport(figures, await ExportAsync(supervisor, ""), "generated, supervisor");
        Assert.Equal(40, figures["cases.total"]);
        foreach (var c in categories)
        {
            AssertMatchesExport(await FiguresAsync(supervisor, $"?category={c}"), await ExportAsync(supervisor, $"?category={c}"), $"generated {c}");
        }
        foreach (var w in workers)
        {
            AssertMatchesExport(await FiguresAsync(supervisor, $"?caseworker={w.Id}"), await ExportAsync(supervisor, $"?assigned={w.Id}"), "generated, one caseworker");
        }

        // An administrator may see the dashboard, but restricted cases are not counted for them, as in the case list.
        var restricted = await WithDbAsync(db => db.Cases.CountAsync(c => c.IsRestricted, Ct));
        Assert.True(restricted > 0);
        var adminFigures = await FiguresAsync(admin, "");
        Assert.Equal(40 - restricted, adminFigures["cases.total"]);
        Assert.Equal(figures["cases.status.Reunited"], figures["cases.resolved.2026-01"]);
    }

    [Fact]
    public async Task Figures_wait_for_the_refresh_and_say_as_of_when()
    {
        var (supervisor, user) = await SignInAsync(Roles.Supervisor);
        await RefreshAsync();
        var before = await FiguresAsync(supervisor, "");
        await WithServiceAsync<CaseService, Result<CaseDetails>>(s => s.CreateAsync(CaseBuilder.Spouse(), TestApp.ActorOf(user, Roles.Caseworker), Ct));

        Assert.Equal(before["cases.total"], (await FiguresAsync(supervisor, ""))["cases.total"]);
        var refresh = await supervisor.GetFormAsync("/Dashboard", "form[action*='handler=Refresh']");
        Assert.Equal(HttpStatusCode.Redirect, (await supervisor.PostAsync(refresh)).StatusCode);
        Assert.Equal(before["cases.total"] + 1, (await FiguresAsync(supervisor, ""))["cases.total"]);
    }

    [Fact]
    public async Task Alerts_overdue_tasks_and_list_rows_come_from_the_summaries_as_of_the_refresh()
    {
        var (supervisor, _) = await SignInAsync(Roles.Supervisor);
        // Summaries of an empty database, whatever an earlier test left in them.
        await RefreshAsync();
        var worker = await App.CreateUserAsync(Roles.Caseworker);
        var actor = TestApp.ActorOf(worker, Roles.Caseworker);
        var ids = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await CreatedAsync(CaseBuilder.Spouse($"Alert{(char)('a' + i)}", ""), actor)).Id);
        }
        var (a, b, c, d, e) = (ids[0], ids[1], ids[2], ids[3], ids[4]);
        await WithDbAsync(db => db.Database.ExecuteSqlAsync($"""
            UPDATE cases SET status = 'ReleasePromised', status_since = current_date - 40 WHERE id IN ({a}, {b});
            UPDATE cases SET status = 'ReleasePromised', status_since = current_date - 5 WHERE id = {c};
            UPDATE cases SET urgency_score = 80, updated_at = now() - interval '120 days' WHERE id IN ({d}, {e});
            """, Ct));
        // A recent note keeps one of the two urgent cases from being quiet.
        await WithServiceAsync<CaseWorkService, Result<Guid>>(s => s.AddEntryAsync(
            new AddEntryCommand { EventId = Guid.NewGuid(), CaseId = e, OccurredOn = new DateOnly(2026, 11, 1), Text = "Called the family." }, actor, Ct));
        Assert.IsType<Result<Guid>.Ok>(await WithServiceAsync<CaseWorkService, Result<Guid>>(s => s.AddTaskAsync(
            new AddTaskCommand { TaskId = Guid.NewGuid(), CaseId = a, Title = "Write to the embassy", DueOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3) }, actor, Ct)));
        await WithDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE case_tasks SET due_on = current_date - 3 WHERE case_id = {a}", Ct));

        // Before the refresh the figures are those of the last refresh: nothing of the above.
        var before = await FiguresAsync(supervisor, "");
        Assert.Equal(0, before["alerts.promised_over_30_days"]);
        await RefreshAsync();
        var figures = await FiguresAsync(supervisor, "");

        Assert.Equal(2, figures["alerts.promised_over_30_days"]);
        Assert.Equal(1, figures["alerts.urgent_quiet"]);
        Assert.Equal(1, figures[$"workload.{worker.Email}.overdue_tasks"]);
        Assert.Equal(5, figures[$"workload.{worker.Email}.open_cases"]);
        // Filtered by category: none of these cases is a divided family.
        Assert.Equal(0, (await FiguresAsync(supervisor, "?category=DividedFamily"))["alerts.promised_over_30_days"]);
    }

    [Fact]
    public async Task The_most_urgent_cases_are_live_while_the_figures_stay_as_of_the_refresh()
    {
        var (supervisor, user) = await SignInAsync(Roles.Supervisor);
        var actor = TestApp.ActorOf(user, Roles.Supervisor);
        async Task<CaseDetails> CreateAsync(string name) => await CreatedAsync(CaseBuilder.Spouse(name, ""), actor);
        async Task<List<string>> UrgentAsync() => (await supervisor.GetPageAsync("/Dashboard"))
            .QuerySelectorAll("[data-testid=urgent-table] tbody tr a").Select(a => a.TextContent.Trim()).ToList();

        var first = await CreateAsync("Urgentfirst");
        await RefreshAsync();
        Assert.Equal([first.Reference], await UrgentAsync());
        Assert.Equal(1, (await FiguresAsync(supervisor, ""))["cases.total"]);

        // A new and more urgent case: the table of the most urgent cases shows it at once, the figures at the next refresh.
        var second = await CreateAsync("Urgentsecond");
        await WithDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE cases SET urgency_score = (SELECT max(urgency_score) + 1 FROM cases) WHERE id = {second.Id}", Ct));
        Assert.Equal([second.Reference, first.Reference], await UrgentAsync());
        Assert.Equal(1, (await FiguresAsync(supervisor, ""))["cases.total"]);
        Assert.Equal("1", await PageTotalAsync());
        await RefreshAsync();
        Assert.Equal(2, (await FiguresAsync(supervisor, ""))["cases.total"]);
        // The page's figures, rendered once per refresh, follow it.
        Assert.Equal("2", await PageTotalAsync());
        Assert.Equal([second.Reference, first.Reference], await UrgentAsync());

        async Task<string> PageTotalAsync() =>
            (await supervisor.GetPageAsync("/Dashboard")).QuerySelector("[data-metric='cases.total']")!.TextContent.Trim();
    }

    [Fact]
    public async Task The_most_urgent_cases_follow_the_category_caseworker_and_list_filters()
    {
        var (supervisor, user) = await SignInAsync(Roles.Supervisor);
        var actor = TestApp.ActorOf(user, Roles.Supervisor);
        var worker = await App.CreateUserAsync(Roles.Caseworker);
        var unassigned = await CreatedAsync(CaseBuilder.Spouse("Urgentnobody", ""), actor);
        var assigned = await CreatedAsync(CaseBuilder.Spouse("Urgentassigned", ""), worker);
        var family = CaseBuilder.Spouse("Urgentfamily", "");
        family.Category = CaseCategory.DividedFamily;
        var divided = await CreatedAsync(family, actor);
        await RefreshAsync();
        async Task<List<string>> UrgentAsync(string query, UserClient? viewer = null) => (await (viewer ?? supervisor).GetPageAsync("/Dashboard" + query))
            .QuerySelectorAll("[data-testid=urgent-table] tbody tr a").Select(a => a.TextContent.Trim()).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(new[] { unassigned, assigned, divided }.Select(c => c.Reference).Order(StringComparer.Ordinal), await UrgentAsync(""));
        Assert.Equal([divided.Reference], await UrgentAsync("?category=DividedFamily"));
        Assert.Equal([assigned.Reference], await UrgentAsync($"?caseworker={worker.Id}"));
        Assert.Empty(await UrgentAsync($"?category=DividedFamily&caseworker={worker.Id}"));

        // A list's filter: its cases while they are on it, with the other filters.
        var listId = Assert.IsType<Result<int>.Ok>(await WithServiceAsync<Core.Lists.ListService, Result<int>>(
            s => s.CreateAsync(new Core.Lists.CreateListCommand { Name = "Urgent on a list" }, actor, Ct))).Value;
        Assert.IsType<Result<int>.Ok>(await WithServiceAsync<Core.Lists.ListService, Result<int>>(s => s.AddCasesAsync(listId, [assigned.Id, divided.Id], actor, Ct)));
        Assert.Equal(new[] { assigned, divided }.Select(c => c.Reference).Order(StringComparer.Ordinal), await UrgentAsync($"?list={listId}"));
        Assert.Equal([divided.Reference], await UrgentAsync($"?list={listId}&category=DividedFamily"));
        Assert.Equal([assigned.Reference], await UrgentAsync($"?list={listId}&caseworker={worker.Id}"));
        var dividedEntry = await WithDbAsync(db => db.ListEntries.Where(e => e.ListId == listId && e.CaseId == divided.Id).Select(e => e.Id).SingleAsync(Ct));
        Assert.IsType<Result<int>.Ok>(await WithServiceAsync<Core.Lists.ListService, Result<int>>(s => s.RemoveEntryAsync(listId, dividedEntry, "Entered in error", actor, Ct)));
        Assert.Equal([assigned.Reference], await UrgentAsync($"?list={listId}"));

        // A restricted case is among a supervisor's most urgent, not an administrator's (who sees the dashboard, not it).
        var secret = CaseBuilder.Spouse("Urgentrestricted", "");
        secret.IsRestricted = true;
        var restricted = await CreatedAsync(secret, worker);
        var (admin, _) = await SignInAsync(Roles.Administrator);
        Assert.Equal(new[] { assigned, restricted }.Select(c => c.Reference).Order(StringComparer.Ordinal), await UrgentAsync($"?caseworker={worker.Id}"));
        Assert.Equal([assigned.Reference], await UrgentAsync($"?caseworker={worker.Id}", admin));
    }

    [Fact]
    public async Task Two_instances_refreshing_at_once_both_succeed_and_leave_one_row_per_list()
    {
        Assert.True(await WithServiceAsync<DemoDataSeeder, bool>(s => s.SeedAsync("a demo password for the dashboard", Ct)));

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => RefreshAsync()));

        var lists = await WithDbAsync(db => db.Lists.CountAsync(Ct));
        var rows = await WithDbAsync(db => db.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM dashboard_list_rows").SingleAsync(Ct));
        Assert.True(lists > 0);
        Assert.Equal(lists, rows);
    }

    [Fact]
    public async Task The_lists_table_shows_the_newest_lists_and_every_list_on_request()
    {
        var (supervisor, user) = await SignInAsync(Roles.Supervisor);
        var existing = await WithDbAsync(db => db.Lists.CountAsync(Ct));
        var total = existing + CaseTracker.Web.Pages.Dashboard.IndexModel.ListsOnDashboard + 5;
        for (var i = existing; i < total; i++)
        {
            var name = $"Dashboard list {i:000}";
            Assert.IsType<Result<int>.Ok>(await WithServiceAsync<Core.Lists.ListService, Result<int>>(
                s => s.CreateAsync(new Core.Lists.CreateListCommand { Name = name }, TestApp.ActorOf(user, Roles.Supervisor), Ct)));
        }
        await RefreshAsync();

        var page = await supervisor.GetPageAsync("/Dashboard");
        var rows = page.QuerySelectorAll("[data-testid=lists-table] tbody tr").ToList();
        Assert.Equal(CaseTracker.Web.Pages.Dashboard.IndexModel.ListsOnDashboard, rows.Count);
        // The newest first: the last list created heads the table.
        Assert.Contains($"Dashboard list {total - 1:000}", rows[0].TextContent);
        var more = page.QuerySelector("[data-testid=lists-shown] a")!;
        Assert.Equal($"Show all {total} lists", more.TextContent.Trim());

        var all = await supervisor.GetPageAsync(more.GetAttribute("href")!);
        Assert.Equal(total, all.QuerySelectorAll("[data-testid=lists-table] tbody tr").Length);
        Assert.Null(all.QuerySelector("[data-testid=lists-shown]"));
        // The figures export has every list either way.
        var figures = await FiguresAsync(supervisor, "");
        Assert.Equal(total, figures.Keys.Count(k => k.StartsWith("list.", StringComparison.Ordinal) && k.EndsWith(".our_count", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_scheduled_refresh_skips_its_turn_after_a_recent_refresh_and_runs_when_due()
    {
        await RefreshAsync();
        var first = await LastRefreshAsync();
        var settings = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["CaseTracker:DashboardRefreshSeconds"] = "3600" }).Build();
        CaseTracker.Web.Infrastructure.DashboardRefresher Refresher() => new(
            App.Factory.Services.GetRequiredService<IServiceScopeFactory>(), settings, TimeProvider.System,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<CaseTracker.Web.Infrastructure.DashboardRefresher>.Instance);

        // Refreshed a moment ago (by another instance, say): this one waits for the interval.
        using (var refresher = Refresher())
        {
            await refresher.StartAsync(Ct);
            await Task.Delay(TimeSpan.FromSeconds(2), Ct);
            await refresher.StopAsync(Ct);
        }
        Assert.Equal(first, await LastRefreshAsync());

        // Refreshed two hours ago: due at once.
        await WithDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE dashboard_refreshes SET refreshed_at = now() - interval '2 hours' WHERE id = 1", Ct));
        using (var refresher = Refresher())
        {
            await refresher.StartAsync(Ct);
            for (var i = 0; i < 100 && await LastRefreshAsync() <= first; i++)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), Ct);
            }
            await refresher.StopAsync(Ct);
        }
        Assert.True(await LastRefreshAsync() > first);

        // A refresh that takes long spaces the schedule out to twenty times its duration.
        Assert.Equal(TimeSpan.FromSeconds(60), CaseTracker.Web.Infrastructure.DashboardRefresher.NextWait(TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(2)));
        Assert.Equal(TimeSpan.FromSeconds(200), CaseTracker.Web.Infrastructure.DashboardRefresher.NextWait(TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(10)));
    }

    private async Task<DateTimeOffset?> LastRefreshAsync() =>
        await WithServiceAsync<DashboardService, DateTimeOffset?>(s => s.LastRefreshedAtAsync(Ct));

    private static IEnumerable<List<string>> ParseCsv(string text)
    {
        var row = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; }
                else if (ch == '"') { quoted = false; }
                else { cell.Append(ch); }
            }
            else if (ch == '"') { quoted = true; }
            else if (ch == ',') { row.Add(cell.ToString()); cell.Clear(); }
            else if (ch == '\n') { row.Add(cell.ToString().TrimEnd('\r')); cell.Clear(); yield return row; row = []; }
            else { cell.Append(ch); }
        }
        if (cell.Length > 0 || row.Count > 0)
        {
            row.Add(cell.ToString());
            yield return row;
        }
    }
}
