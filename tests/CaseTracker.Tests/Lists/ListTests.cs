using System.Net;
using CaseTracker.Core.Accounts;
using CaseTracker.Core.Cases;
using CaseTracker.Core.CaseWork;
using CaseTracker.Core.Common;
using CaseTracker.Core.Lists;
using CaseTracker.Tests.Cases;
using CaseTracker.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CaseTracker.Tests.Lists;

public sealed class ListTests(TestApp app) : IntegrationTest(app)
{
    private async Task<CaseDetails> SeedAsync(AppUser owner, string family, string native, string given = "Maria", string nativeGiven = "Мария", int year = 1921, Action<CreateCaseCommand>? change = null)
    {
        var c = CaseBuilder.Spouse(family, native);
        c.Title = $"{family} family";
        c.People[0].GivenName = given;
        c.People[0].NativeGivenName = nativeGiven;
        c.People[0].BirthYear = year;
        change?.Invoke(c);
        var actor = TestApp.ActorOf(owner, Roles.Caseworker);
        var created = await CreatedAsync(c, actor);
        // Documented, so that delivery submits it.
        await WithServiceAsync<CaseWorkService, Result<CaseStatus>>(s => s.ChangeStatusAsync(new ChangeStatusCommand
        {
            EventId = Guid.NewGuid(), CaseId = created.Id, Version = created.Version, ToStatus = CaseStatus.Documented, OccurredOn = new DateOnly(1985, 11, 1),
        }, actor, Ct));
        return created;
    }

    private async Task<int> CreateListAsync(UserClient client, string name = "XVII")
    {
        var form = await client.GetFormAsync("/Lists", "[data-testid=create-list]");
        form["Input.Name"] = name;
        form["Input.Category"] = "SeparatedSpouse";
        form["Input.TargetDate"] = "1985-12-25";
        form["Input.Purpose"] = "Further separated spouses, for the Secretary of Commerce's visit";
        var response = await client.PostAsync(form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task AddTickedAsync(UserClient client, int listId, params int[] caseIds)
    {
        var form = await client.GetFormAsync("/Cases", "[data-testid=bulk-actions]");
        form["ListId"] = listId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var fields = form.Fields.Where(f => f.Key != "CaseIds").Concat(caseIds.Select(id => new KeyValuePair<string, string>("CaseIds", id.ToString(System.Globalization.CultureInfo.InvariantCulture)))).ToList();
        var response = await client.Http.PostAsync(form.Action, new FormUrlEncodedContent(fields), Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static async Task ApproveAndDeliverAsync(UserClient client, int listId, bool acknowledge = true)
    {
        var approve = await client.GetFormAsync($"/Lists/{listId}", "form[action*='handler=Approve']");
        if (acknowledge)
        {
            approve["Acknowledge"] = "true";
        }
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync(approve)).StatusCode);
        var deliver = await client.GetFormAsync($"/Lists/{listId}", "[data-testid=deliver-form]");
        deliver["Delivery.DeliveredOn"] = "1985-12-07";
        deliver["Delivery.Occasion"] = "Secretary Baldrige's visit to Moscow";
        deliver["Delivery.DeliveredBy"] = "Secretary of Commerce";
        deliver["Delivery.DeliveredTo"] = "Soviet Foreign Ministry";
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync(deliver)).StatusCode);
    }

    [Fact]
    public async Task The_case_lists_choice_of_draft_lists_follows_a_new_list_and_an_approval_at_once()
    {
        var (client, user) = await SignInAsync(Roles.Supervisor);
        var seeded = await SeedAsync(user, "Petrova", "Петрова");
        async Task<List<string>> DraftChoicesAsync() => (await client.GetPageAsync("/Cases"))
            .QuerySelectorAll("select#ListId option").Select(o => o.TextContent.Trim()).Where(t => t != "Choose a list").ToList();

        Assert.Empty(await DraftChoicesAsync());
        var listId = await CreateListAsync(client, "XVIII");
        Assert.Equal(["XVIII"], await DraftChoicesAsync());

        await AddTickedAsync(client, listId, seeded.Id);
        var approve = await client.GetFormAsync($"/Lists/{listId}", "form[action*='handler=Approve']");
        approve["Acknowledge"] = "true";
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync(approve)).StatusCode);
        Assert.Empty(await DraftChoicesAsync());
    }

    [Fact]
    public async Task A_list_is_built_checked_approved_delivered_answered_and_its_progress_counted()
    {
        var (client, user) = await SignInAsync(Roles.Supervisor);
        var a = await SeedAsync(user, "Petrova", "Петрова");
        var b = await SeedAsync(user, "Orlova", "Орлова", change: c => c.FirstExitApplicationOn = null);
        var resolved = await SeedAsync(user, "Ivanova", "Иванова");
        await WithDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE cases SET status = 'Reunited' WHERE id = {resolved.Id}", Ct));
        var listId = await CreateListAsync(client);

        await AddTickedAsync(client, listId, a.Id, b.Id, resolved.Id);
        var page = await client.GetPageAsync($"/Lists/{listId}");
        Assert.Equal(3, page.QuerySelectorAll("[data-testid=entries] tbody tr").Length);
        var issues = page.QuerySelectorAll("[data-testid=check-issues] li").Select(li => li.GetAttribute("data-kind")).ToList();
        Assert.Contains("AlreadyResolved", issues);
        Assert.Contains("MissingExitApplication", issues);

        // Approval needs the check acknowledged.
        var approve = await client.GetFormAsync($"/Lists/{listId}", "form[action*='handler=Approve']");
        var refused = await UserClient.ParseAsync(await client.PostAsync(approve));
        Assert.Contains("Review the", refused.FieldError("Acknowledge"));

        // The resolved entry is removed, with a reason.
        var remove = await client.GetFormAsync($"/Lists/{listId}", $"#entry-{(await EntryIdAsync(listId, resolved.Id))} form[action*='handler=Remove']");
        remove["Reason"] = "Already reunited in November";
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync(remove)).StatusCode);

        await ApproveAndDeliverAsync(client, listId);
        page = await client.GetPageAsync($"/Lists/{listId}");
        Assert.Equal("Delivered", page.QuerySelector("[data-testid=list-status]").Text());
        Assert.Contains("Secretary Baldrige's visit", page.QuerySelector("[data-testid=deliveries]").Text());
        Assert.Equal(CaseStatus.Submitted, await WithDbAsync(db => db.Cases.Where(c => c.Id == a.Id).Select(c => c.Status).SingleAsync(Ct)));

        // An answer moves the case along the workflow and goes on its timeline.
        var answer = await client.GetFormAsync($"/Lists/{listId}/Answer/{await EntryIdAsync(listId, a.Id)}");
        answer["Input.ReceivedOn"] = "1986-01-15";
        answer["Input.Channel"] = "Soviet Foreign Ministry note";
        answer["Input.Outcome"] = "ReleasePromised";
        answer["Input.TheirWords"] = "Will be allowed to leave";
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync(answer)).StatusCode);
        Assert.Equal(CaseStatus.ReleasePromised, await WithDbAsync(db => db.Cases.Where(c => c.Id == a.Id).Select(c => c.Status).SingleAsync(Ct)));
        var timeline = (await client.GetPageAsync($"/Cases/{a.Id}?kind=Answer")).QuerySelector("[data-testid=timeline]").Text();
        Assert.Contains("Release promised", timeline);
        Assert.Contains("Will be allowed to leave", timeline);

        // Their count beside ours.
        var count = await client.GetFormAsync($"/Lists/{listId}", "form[action*='handler=TheirCount']");
        count["TheirCount"] = "1";
        await client.PostAsync(count);
        page = await client.GetPageAsync($"/Lists/{listId}");
        Assert.Contains("They state 1; we count 2 persons", page.QuerySelector("[data-testid=count-mismatch]").Text());

        // Progress at 1, 4 and 8 months after delivery and now, by family units and persons.
        var progress = page.QuerySelector("[data-testid=progress]").Text();
        Assert.Contains("1 month after delivery", progress);
        Assert.Contains("8 months after delivery", progress);
        Assert.Contains("Now", progress);
        var rows = await WithServiceAsync<ListService, IReadOnlyList<ProgressRow>>(s => s.ProgressAsync(listId, TestApp.ActorOf(user, Roles.Supervisor), Ct));
        // A month after delivery (7 January) neither had answered; the promise came on 15 January.
        Assert.Equal((0, 2), (rows[0].Units.Promised, rows[0].Units.NoReply));
        Assert.Equal((1, 1), (rows[1].Units.Promised, rows[1].Units.NoReply));
        Assert.Equal(2, rows[1].Persons.NoReply + rows[1].Persons.Promised);
        Assert.Equal(2, rows[^1].Units.Total);
    }

    [Fact]
    public async Task The_delivered_snapshot_does_not_change_when_a_case_is_edited_afterwards()
    {
        var (client, user) = await SignInAsync(Roles.Supervisor);
        var a = await SeedAsync(user, "Petrova", "Петрова");
        var listId = await CreateListAsync(client);
        await AddTickedAsync(client, listId, a.Id);
        await ApproveAndDeliverAsync(client, listId);

        var edit = await client.GetFormAsync($"/Cases/{a.Id}/Edit");
        edit["Input.People[0].FamilyName"] = "Petrovskaya";
        edit["Input.People[0].NativeFamilyName"] = "Петровская";
        edit["ConfirmDistinct"] = "true";
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync(edit)).StatusCode);

        var printed = await client.GetPageAsync($"/Lists/{listId}/Print?instalment=1");
        var table = printed.QuerySelector("[data-testid=print-table]").Text();
        Assert.Contains("Petrova Maria", table);
        Assert.Contains("Петрова Мария", table);
        Assert.DoesNotContain("Petrovskaya", table);
        Assert.Null(printed.QuerySelector("header nav"));
        Assert.Contains("Petrovskaya", (await client.GetPageAsync($"/Lists/{listId}/Print")).QuerySelector("[data-testid=print-table]").Text());
    }

    [Fact]
    public async Task Reconciling_their_respelt_list_matches_across_scripts_and_forms_and_shows_what_is_only_on_one_side()
    {
        var (client, user) = await SignInAsync(Roles.Supervisor);
        var shcharansky = await SeedAsync(user, "Shcharanskiy", "Щаранский", "Anatoliy", "Анатолий", 1948);
        var orlova = await SeedAsync(user, "Orlova", "Орлова", "Irina", "Ирина", 1950);
        var kuznetsova = await SeedAsync(user, "Kuznetsova", "Кузнецова", "Galina", "Галина", 1921);
        var lebedev = await SeedAsync(user, "Lebedev", "Лебедев", "Pavel", "Павел", 1945);
        var listId = await CreateListAsync(client);
        await AddTickedAsync(client, listId, shcharansky.Id, orlova.Id, kuznetsova.Id, lebedev.Id);

        var form = await client.GetFormAsync($"/Lists/{listId}/Reconcile", "[data-testid=reconcile-form]");
        form["TheirNames"] = string.Join("\n",
            "1. Sharansky Anatoly, 1948",   // another romanisation
            "Кузнецова Галина",             // Cyrillic
            "Orlov Irina",                  // male form of a female surname
            "Sokolov Viktor, 1939",         // not on our list
            "",
            "Орлова Ирина");                // the same person twice on theirs: matched once only
        var page = await UserClient.ParseAsync(await client.PostAsync(form));

        var matched = page.QuerySelectorAll("#matched tbody tr").Select(r => r.Text()).ToList();
        var onlyOurs = page.QuerySelectorAll("#only-ours tbody tr").Select(r => r.Text()).ToList();
        var onlyTheirs = page.QuerySelectorAll("#only-theirs tbody tr").Select(r => r.Text()).ToList();
        Assert.Equal(3, matched.Count);
        Assert.Contains(matched, r => r.Contains("Sharansky Anatoly", StringComparison.Ordinal) && r.Contains(shcharansky.Reference, StringComparison.Ordinal));
        Assert.Contains(matched, r => r.Contains("Кузнецова Галина", StringComparison.Ordinal) && r.Contains(kuznetsova.Reference, StringComparison.Ordinal));
        Assert.Contains(matched, r => r.Contains(orlova.Reference, StringComparison.Ordinal));
        Assert.Single(onlyOurs);
        Assert.Contains("Lebedev", onlyOurs[0]);
        Assert.Equal(2, onlyTheirs.Count);
        Assert.Contains(onlyTheirs, r => r.Contains("Sokolov Viktor", StringComparison.Ordinal));

        // Saved with the list, and exported as CSV.
        var save = Form.Read(page, $"/Lists/{listId}/Reconcile?save=true", "[data-testid=reconcile-form]");
        await client.Http.PostAsync($"/Lists/{listId}/Reconcile?save=true", new FormUrlEncodedContent(save.Fields), Ct);
        var saved = await WithDbAsync(db => db.ListReconciliations.SingleAsync(Ct));
        Assert.Equal((3, 1, 2), (saved.Matched, saved.OnlyOurs, saved.OnlyTheirs));
        var csv = await (await client.Http.PostAsync($"/Lists/{listId}/Reconcile?handler=Export", new FormUrlEncodedContent(save.Fields), Ct)).Content.ReadAsStringAsync(Ct);
        Assert.StartsWith("section,their_line,their_name", csv, StringComparison.Ordinal);
        Assert.Contains("only-theirs,4,Sokolov Viktor,1939", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_export_has_position_reference_names_and_status()
    {
        var (client, user) = await SignInAsync(Roles.Supervisor);
        var a = await SeedAsync(user, "Petrova", "Петрова");
        var listId = await CreateListAsync(client);
        await AddTickedAsync(client, listId, a.Id);

        var csv = await client.Http.GetStringAsync($"/Lists/{listId}/Export", Ct);

        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
        Assert.Equal("position,reference,name,native_name,status,latest_answer", lines[0]);
        Assert.Equal($"1,{a.Reference},Petrova Maria,Петрова Мария,Documented,", lines[1]);
    }

    [Fact]
    public async Task Unresolved_entries_carry_over_to_a_new_draft_list()
    {
        var (client, user) = await SignInAsync(Roles.Supervisor);
        var open = await SeedAsync(user, "Petrova", "Петрова");
        var done = await SeedAsync(user, "Orlova", "Орлова");
        var listId = await CreateListAsync(client);
        await AddTickedAsync(client, listId, open.Id, done.Id);
        await ApproveAndDeliverAsync(client, listId);
        await WithDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE cases SET status = 'Reunited' WHERE id = {done.Id}", Ct));

        var form = await client.GetFormAsync($"/Lists/{listId}", "form[action*='handler=CarryOver']");
        form["NewListName"] = "XVIII";
        var response = await client.PostAsync(form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var newList = await WithDbAsync(db => db.Lists.Include(l => l.Entries).SingleAsync(l => l.Name == "XVIII", Ct));
        Assert.Equal(listId, newList.CarriedOverFromId);
        Assert.Equal([open.Id], newList.Entries.Select(e => e.CaseId));
        Assert.Equal(ListStatus.Draft, newList.Status);
    }

    [Fact]
    public async Task A_delivered_list_takes_no_new_entries_and_an_empty_list_cannot_be_approved()
    {
        var (client, user) = await SignInAsync(Roles.Supervisor);
        var a = await SeedAsync(user, "Petrova", "Петрова");
        var listId = await CreateListAsync(client);
        var approve = await client.GetFormAsync($"/Lists/{listId}", "form[action*='handler=Approve']");
        Assert.Contains("empty", (await UserClient.ParseAsync(await client.PostAsync(approve))).QuerySelector(".alert-danger").Text());

        var actor = TestApp.ActorOf(user, Roles.Supervisor);
        await WithServiceAsync<ListService, Result<int>>(s => s.AddCasesAsync(listId, [a.Id], actor, Ct));
        await ApproveAndDeliverAsync(client, listId, acknowledge: false);
        var late = await WithServiceAsync<ListService, Result<int>>(s => s.AddCasesAsync(listId, [a.Id], actor, Ct));
        Assert.Contains("only a draft list", Assert.IsType<Result<int>.Invalid>(late).Errors[0].Message);
    }

    [Fact]
    public async Task Persons_who_decline_listing_and_held_names_are_flagged_and_held_names_are_not_delivered()
    {
        var (client, user) = await SignInAsync(Roles.Supervisor);
        var declines = await SeedAsync(user, "Petrova", "Петрова", change: c => c.People[0].DeclinesListing = true);
        var held = await SeedAsync(user, "Orlova", "Орлова");
        var listId = await CreateListAsync(client);
        await AddTickedAsync(client, listId, declines.Id, held.Id);
        var hold = await client.GetFormAsync($"/Lists/{listId}", $"#entry-{await EntryIdAsync(listId, held.Id)} form[action*='handler=Hold']");
        await client.PostAsync(hold);

        var issues = (await client.GetPageAsync($"/Lists/{listId}")).QuerySelectorAll("[data-testid=check-issues] li").Select(li => li.GetAttribute("data-kind")).ToList();
        Assert.Contains("NoConsent", issues);
        Assert.Contains("HeldUntilFamilyTold", issues);

        await ApproveAndDeliverAsync(client, listId);
        var snapshot = await WithServiceAsync<ListService, IReadOnlyList<SnapshotEntry>?>(s => s.SnapshotAsync(listId, 1, TestApp.ActorOf(user, Roles.Supervisor), Ct));
        Assert.Equal([declines.Reference], snapshot!.Select(e => e.Reference));
    }

    private Task<int> EntryIdAsync(int listId, int caseId) =>
        WithDbAsync(db => db.ListEntries.Where(e => e.ListId == listId && e.CaseId == caseId && e.RemovedAt == null).Select(e => e.Id).SingleAsync(Ct));
}
