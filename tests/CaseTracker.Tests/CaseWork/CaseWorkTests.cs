using System.Net;
using CaseTracker.Core.Accounts;
using CaseTracker.Core.Auditing;
using CaseTracker.Core.Cases;
using CaseTracker.Core.CaseWork;
using CaseTracker.Core.Common;
using CaseTracker.Tests.Cases;
using CaseTracker.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CaseTracker.Tests.CaseWork;

public sealed class CaseWorkTests(TestApp app) : IntegrationTest(app)
{
    private async Task<CaseDetails> SeedCaseAsync(AppUser owner, Action<CreateCaseCommand>? change = null)
    {
        var command = CaseBuilder.Spouse();
        change?.Invoke(command);
        return await CreatedAsync(command, owner);
    }

    private static async Task<HttpResponseMessage> ChangeStatusAsync(UserClient client, int caseId, string to, string? reason = null, Form? form = null)
    {
        form ??= await client.GetFormAsync($"/Cases/{caseId}", "[data-testid=status-form]");
        form["Status.ToStatus"] = to;
        form["Status.Reason"] = reason;
        form["Status.Source"] = "embassy note";
        return await client.PostAsync(form);
    }

    [Fact]
    public async Task A_status_change_posted_through_the_page_appears_on_the_timeline_and_in_the_audit()
    {
        var (client, user) = await SignInAsync();
        var c = await SeedCaseAsync(user);

        var response = await ChangeStatusAsync(client, c.Id, "Documented", "papers complete");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetPageAsync($"/Cases/{c.Id}");
        Assert.Equal("Documented", page.QuerySelector("[data-testid=case-status]").Text());
        Assert.Contains("Status changed to documented", page.QuerySelector("[role=status]").Text());
        var entry = page.QuerySelector("[data-testid=timeline] li[data-kind=StatusChange]").Text();
        Assert.Contains("New → Documented", entry);
        Assert.Contains("papers complete", entry);
        Assert.Contains("embassy note", entry);
        Assert.Contains("Test Caseworker", entry);
        var audit = await WithDbAsync(db => db.AuditEvents.Where(e => e.CaseId == c.Id && e.Action == AuditActions.CaseUpdated).ToListAsync(Ct));
        Assert.Contains(audit, e => e.Details!.RootElement.GetRawText().Contains("\"Documented\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_forbidden_transition_shows_what_is_allowed_and_changes_nothing()
    {
        var (client, user) = await SignInAsync();
        var c = await SeedCaseAsync(user);
        var form = await client.GetFormAsync($"/Cases/{c.Id}", "[data-testid=status-form]");

        // The page offers only what is allowed; a forged post of another status is refused with the rules.
        var response = await ChangeStatusAsync(client, c.Id, "Reunited", form: form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await UserClient.ParseAsync(response);
        var message = page.FieldError("Status.ToStatus");
        Assert.Contains("cannot become reunited", message);
        Assert.Contains("documented, closed", message);
        Assert.Equal(CaseStatus.New, await WithDbAsync(db => db.Cases.Select(x => x.Status).SingleAsync(Ct)));
        Assert.Equal(0, await WithDbAsync(db => db.CaseEvents.CountAsync(Ct)));
    }

    [Fact]
    public async Task A_refusal_needs_its_stated_reason_and_counts_up()
    {
        var (client, user) = await SignInAsync();
        var c = await SeedCaseAsync(user);
        foreach (var step in new[] { "Documented", "Submitted" })
        {
            await ChangeStatusAsync(client, c.Id, step);
        }

        var missing = await UserClient.ParseAsync(await ChangeStatusAsync(client, c.Id, "Refused"));
        Assert.Contains("stated for the refusal", missing.FieldError("Status.Reason"));

        Assert.Equal(HttpStatusCode.Redirect, (await ChangeStatusAsync(client, c.Id, "Refused", "secrecy")).StatusCode);
        var saved = await WithDbAsync(db => db.Cases.SingleAsync(Ct));
        Assert.Equal(CaseStatus.Refused, saved.Status);
        Assert.Equal(4, saved.RefusalCount);
        Assert.Equal("secrecy", saved.RefusalReason);
        Assert.Contains("refused 4 times", saved.UrgencyFactors);
    }

    [Fact]
    public async Task Two_caseworkers_changing_the_same_case_at_once_give_one_success_and_one_conflict()
    {
        var (alice, user) = await SignInAsync();
        var (bob, _) = await SignInAsync();
        var c = await SeedCaseAsync(user);
        var aliceForm = await alice.GetFormAsync($"/Cases/{c.Id}", "[data-testid=status-form]");
        var bobForm = await bob.GetFormAsync($"/Cases/{c.Id}", "[data-testid=status-form]");

        var first = await ChangeStatusAsync(alice, c.Id, "Documented", form: aliceForm);
        var second = await ChangeStatusAsync(bob, c.Id, "Closed", form: bobForm);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("Someone else changed this case", (await UserClient.ParseAsync(second)).FieldError("Status.ToStatus"));
        Assert.Equal(CaseStatus.Documented, await WithDbAsync(db => db.Cases.Select(x => x.Status).SingleAsync(Ct)));
        Assert.Equal(1, await WithDbAsync(db => db.CaseEvents.CountAsync(e => e.Kind == CaseEventKind.StatusChange, Ct)));
    }

    [Fact]
    public async Task Concurrent_status_changes_through_the_service_never_lose_an_update()
    {
        var user = await App.CreateUserAsync(Roles.Caseworker);
        var actor = TestApp.ActorOf(user, Roles.Caseworker);
        var c = await SeedCaseAsync(user);
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => WithServiceAsync<CaseWorkService, Result<CaseStatus>>(s =>
            s.ChangeStatusAsync(new ChangeStatusCommand
            {
                EventId = Guid.NewGuid(), CaseId = c.Id, Version = c.Version, OccurredOn = new DateOnly(1985, 12, 7),
                ToStatus = i % 2 == 0 ? CaseStatus.Documented : CaseStatus.Closed, ClosureReason = ClosureReason.Withdrawn,
            }, actor, Ct))));

        Assert.Single(results, r => r is Result<CaseStatus>.Ok);
        Assert.Equal(7, results.Count(r => r is Result<CaseStatus>.Conflict));
        Assert.Equal(1, await WithDbAsync(db => db.CaseEvents.CountAsync(Ct)));
    }

    [Fact]
    public async Task The_same_status_form_posted_twice_is_recorded_once()
    {
        var (client, user) = await SignInAsync();
        var c = await SeedCaseAsync(user);
        var form = await client.GetFormAsync($"/Cases/{c.Id}", "[data-testid=status-form]");

        await ChangeStatusAsync(client, c.Id, "Documented", form: form);
        await ChangeStatusAsync(client, c.Id, "Documented", form: form);

        Assert.Equal(1, await WithDbAsync(db => db.CaseEvents.CountAsync(Ct)));
    }

    [Fact]
    public async Task Notes_and_contacts_go_on_the_timeline_corrections_refer_to_the_original_and_the_kind_filter_works()
    {
        var (client, user) = await SignInAsync();
        var c = await SeedCaseAsync(user);
        var form = await client.GetFormAsync($"/Cases/{c.Id}", "[data-testid=entry-form]");
        form["Entry.Text"] = "Wife called: the visa office was closed.";
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync(form)).StatusCode);
        var original = await WithDbAsync(db => db.CaseEvents.SingleAsync(Ct));

        var contact = await client.GetFormAsync($"/Cases/{c.Id}", "[data-testid=entry-form]");
        contact["Entry.Kind"] = "Contact";
        contact["Entry.ContactKind"] = "CongressionalLetter";
        contact["Entry.Text"] = "Senator's office asked for an update.";
        await client.PostAsync(contact);

        var correction = await client.GetFormAsync($"/Cases/{c.Id}", "[data-testid=entry-form]");
        correction["Entry.Text"] = "Correction: the consulate, not the visa office.";
        correction["Entry.CorrectsId"] = original.Id.ToString();
        await client.PostAsync(correction);

        var page = await client.GetPageAsync($"/Cases/{c.Id}");
        var timeline = page.QuerySelector("[data-testid=timeline]").Text();
        Assert.Contains("Wife called", timeline);
        Assert.Contains("Letter from a member of Congress", timeline);
        Assert.Contains("Corrects", timeline);
        Assert.Contains("corrected below", timeline);
        Assert.Equal(3, await WithDbAsync(db => db.CaseEvents.CountAsync(Ct)));

        var contactsOnly = await client.GetPageAsync($"/Cases/{c.Id}?kind=Contact");
        Assert.Equal(1, contactsOnly.QuerySelectorAll("[data-testid=timeline] li").Length);

        var empty = await client.GetFormAsync($"/Cases/{c.Id}", "[data-testid=entry-form]");
        empty["Entry.Text"] = "";
        Assert.Contains("Write the note", (await UserClient.ParseAsync(await client.PostAsync(empty))).FieldError("Entry.Text"));
    }

    [Fact]
    public async Task A_restricted_case_with_its_timeline_and_tasks_exists_for_its_caseworker_and_supervisors_only()
    {
        var owner = await ActorAsync();
        var colleague = await ActorAsync();
        var supervisor = await ActorAsync(Roles.Supervisor);
        var command = CaseBuilder.Spouse();
        command.IsRestricted = true;
        var c = await CreatedAsync(command, owner);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.IsType<Result<Guid>.Ok>(await WithServiceAsync<CaseWorkService, Result<Guid>>(s => s.AddEntryAsync(
            new AddEntryCommand { EventId = Guid.NewGuid(), CaseId = c.Id, OccurredOn = today, Text = "Called the family" }, owner, Ct)));
        Assert.IsType<Result<Guid>.Ok>(await WithServiceAsync<CaseWorkService, Result<Guid>>(s => s.AddTaskAsync(
            new AddTaskCommand { TaskId = Guid.NewGuid(), CaseId = c.Id, Title = "Write to the embassy", DueOn = today.AddDays(3) }, owner, Ct)));

        foreach (var (actor, sees) in new[] { (owner, true), (supervisor, true), (colleague, false) })
        {
            var found = await WithServiceAsync<CaseService, CaseDetails?>(s => s.GetAsync(c.Id, actor, Ct));
            var timeline = await WithServiceAsync<CaseWorkService, IReadOnlyList<TimelineEntry>>(s => s.TimelineAsync(c.Id, actor, null, Ct));
            var notes = await WithServiceAsync<CaseWorkService, IReadOnlyList<TimelineEntry>>(s => s.TimelineAsync(c.Id, actor, CaseEventKind.Note, Ct));
            var tasks = await WithServiceAsync<CaseWorkService, IReadOnlyList<TaskItem>>(s => s.TasksAsync(c.Id, actor, Ct));
            Assert.Equal(sees, found is not null);
            Assert.Equal(sees ? ["Called the family"] : [], notes.Select(e => e.Text));
            Assert.Equal(sees ? ["Write to the embassy"] : [], tasks.Select(t => t.Title));
            Assert.Equal(sees, timeline.Any(e => e.Text == "Called the family"));
        }
    }

    [Fact]
    public async Task Tasks_show_on_my_work_page_overdue_and_due_soon_and_can_be_done()
    {
        var (client, user) = await SignInAsync();
        var c = await SeedCaseAsync(user);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        foreach (var (title, due) in new[] { ("Call the embassy", today.AddDays(-2)), ("Write to the ministry", today.AddDays(3)), ("Review in spring", today.AddDays(60)) })
        {
            var form = await client.GetFormAsync($"/Cases/{c.Id}", "[data-testid=task-form]");
            form["NewTask.Title"] = title;
            form["NewTask.DueOn"] = due.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync(form)).StatusCode);
        }

        var home = await client.GetPageAsync("/");
        Assert.Contains("Call the embassy", home.QuerySelector("[data-testid=overdue-task]").Text());
        Assert.Contains("Write to the ministry", home.QuerySelector("[data-testid=due-soon-task]").Text());
        Assert.DoesNotContain("Review in spring", home.QuerySelector("[data-testid=my-tasks]").Text());
        Assert.Contains(c.Reference, home.QuerySelector("[data-testid=my-cases]").Text());

        var done = await client.GetFormAsync($"/Cases/{c.Id}", "[data-testid=tasks] form");
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync(done)).StatusCode);
        home = await client.GetPageAsync("/");
        Assert.Null(home.QuerySelector("[data-testid=overdue-task]"));
        Assert.Contains("Task done: Call the embassy", (await client.GetPageAsync($"/Cases/{c.Id}?kind=Task")).QuerySelector("[data-testid=timeline]").Text());
    }

    [Fact]
    public async Task My_work_lists_promises_older_than_30_days_and_quiet_cases()
    {
        var (client, user) = await SignInAsync();
        var actor = TestApp.ActorOf(user, Roles.Caseworker);
        var promised = await SeedCaseAsync(user, c => c.Title = "Promised long ago");
        var recent = await SeedCaseAsync(user, c => c.Title = "Promised last week");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        foreach (var (c, on) in new[] { (promised, today.AddDays(-45)), (recent, today.AddDays(-7)) })
        {
            var version = c.Version;
            foreach (var to in new[] { CaseStatus.Documented, CaseStatus.Submitted, CaseStatus.ReleasePromised })
            {
                var result = await WithServiceAsync<CaseWorkService, Result<CaseStatus>>(s => s.ChangeStatusAsync(
                    new ChangeStatusCommand { EventId = Guid.NewGuid(), CaseId = c.Id, Version = version, ToStatus = to, OccurredOn = on }, actor, Ct));
                Assert.IsType<Result<CaseStatus>.Ok>(result);
                version = await WithDbAsync(db => db.Cases.Where(x => x.Id == c.Id).Select(x => x.Version).SingleAsync(Ct));
            }
        }
        await WithDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE cases SET updated_at = now() - interval '120 days' WHERE id = {promised.Id}", Ct));
        await WithDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE case_events SET recorded_at = now() - interval '120 days' WHERE case_id = {promised.Id}", Ct));

        var home = await client.GetPageAsync("/");

        var alerts = home.QuerySelector("[data-testid=promised]").Text();
        Assert.Contains(promised.Reference, alerts);
        Assert.DoesNotContain(recent.Reference, alerts);
        var quiet = home.QuerySelector("[data-testid=quiet]").Text();
        Assert.Contains(promised.Reference, quiet);
        Assert.DoesNotContain(recent.Reference, quiet);
    }

    [Fact]
    public async Task Supervisors_assign_one_case_and_many_at_once_caseworkers_cannot()
    {
        var (supervisor, _) = await SignInAsync(Roles.Supervisor);
        var (caseworker, owner) = await SignInAsync();
        var other = await App.CreateUserAsync(Roles.Caseworker);
        var a = await SeedCaseAsync(owner);
        var b = await SeedCaseAsync(owner);
        var c = await SeedCaseAsync(owner);

        var one = await supervisor.GetFormAsync($"/Cases/{a.Id}", "form[action*='handler=Assign']");
        one["AssigneeId"] = other.Id;
        Assert.Equal(HttpStatusCode.Redirect, (await supervisor.PostAsync(one)).StatusCode);
        Assert.Equal("Test Caseworker", (await supervisor.GetPageAsync($"/Cases/{a.Id}")).QuerySelector("[data-testid=assigned-to]").Text());

        var bulk = await supervisor.GetFormAsync("/Cases", "[data-testid=bulk-actions]");
        bulk["AssigneeId"] = other.Id;
        var fields = bulk.Fields.Where(f => f.Key != "CaseIds").Append(new("CaseIds", b.Id.ToString())).Append(new("CaseIds", c.Id.ToString())).ToList();
        var response = await supervisor.Http.PostAsync("/Cases?handler=Assign", new FormUrlEncodedContent(fields), Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var assigned = await WithDbAsync(db => db.Cases.Where(x => x.AssignedCaseworkerId == other.Id).Select(x => x.Id).OrderBy(x => x).ToListAsync(Ct));
        Assert.Equal(new[] { a.Id, b.Id, c.Id }.Order(), assigned);
        Assert.Equal(3, await WithDbAsync(db => db.CaseEvents.CountAsync(e => e.Kind == CaseEventKind.Assignment, Ct)));

        Assert.Null((await caseworker.GetPageAsync("/Cases")).QuerySelector("[data-testid=bulk-assign]"));
        var forged = await caseworker.GetFormAsync($"/Cases/{a.Id}", "[data-testid=entry-form]");
        var forgedPost = await caseworker.Http.PostAsync($"/Cases/{a.Id}?handler=Assign",
            new FormUrlEncodedContent([new("__RequestVerificationToken", forged["__RequestVerificationToken"]!), new("AssigneeId", owner.Id)]), Ct);
        Assert.Contains("/Account/AccessDenied", forgedPost.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(other.Id, await WithDbAsync(db => db.Cases.Where(x => x.Id == a.Id).Select(x => x.AssignedCaseworkerId).SingleAsync(Ct)));
    }

    [Fact]
    public async Task Urgency_is_shown_in_words_and_sorts_the_case_list_and_separation_filters_it()
    {
        var (client, user) = await SignInAsync();
        var calm = await SeedCaseAsync(user, c => { c.Title = "Calm"; c.SeparatedSince = new DateOnly(2020, 1, 1); c.RefusalCount = 0; c.People[0].IllnessOrDisability = null; c.People[0].BirthYear = 1990; });
        var urgent = await SeedCaseAsync(user, c => { c.Title = "Urgent"; c.People[0].HungerStrikes = 2; });

        var details = await client.GetPageAsync($"/Cases/{urgent.Id}");
        var words = details.QuerySelector("[data-testid=urgency]").Text();
        Assert.Contains("two hunger strikes", words);
        Assert.Contains("blind", words);
        Assert.Matches(@"separated \d+ years", words);

        var sorted = await client.GetPageAsync("/Cases?sort=Urgency");
        var rows = sorted.QuerySelectorAll("[data-testid=case-table] tbody tr").Select(r => r.Text()).ToList();
        Assert.Contains("Urgent", rows[0]);
        Assert.Contains("Calm", rows[1]);

        var longSeparated = await client.GetPageAsync("/Cases?separatedYears=20");
        Assert.Contains(urgent.Reference, longSeparated.QuerySelector("[data-testid=case-table]").Text());
        Assert.DoesNotContain(calm.Reference, longSeparated.QuerySelector("[data-testid=case-table]").Text());
    }
}
