using System.Text.Json;
using CaseTracker.Core.Accounts;
using CaseTracker.Core.Cases;
using CaseTracker.Core.CaseWork;
using CaseTracker.Core.Demo;
using CaseTracker.Core.Lists;
using CaseTracker.Core.People;
using CaseTracker.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseTracker.Tests.Demo;

/// <summary>The demo caseload, loaded into a real database, gives the caseworker a day's work.</summary>
public sealed class DemoSeedingTests(TestApp app) : IntegrationTest(app)
{
    private const string DemoPassword = "a demo password of some length";

    private async Task<Actor> DemoActorAsync(string email, string role)
    {
        await using var scope = App.Scope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email);
        return new Actor(user!.Id, user.UserName!, new HashSet<string> { role });
    }

    [Fact]
    public async Task The_timelines_tasks_status_dates_and_urgency_are_loaded_and_fill_the_caseworkers_home_page()
    {
        Assert.True(await WithServiceAsync<DemoDataSeeder, bool>(s => s.SeedAsync(DemoPassword, Ct)));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var events = await WithDbAsync(db => db.CaseEvents.CountAsync(Ct));
        Assert.Equal(DemoData.Cases.Sum(c => c.Events.Count) + DemoData.Lists.Sum(l => l.Entries.Sum(e => e.Answers.Count)), events);
        var tasks = await WithDbAsync(db => db.CaseTasks.CountAsync(Ct));
        Assert.Equal(DemoData.Tasks(today).Count, tasks);
        Assert.Equal(0, await WithDbAsync(db => db.Cases.CountAsync(c => c.StatusSince == null, Ct)));
        Assert.Equal(0, await WithDbAsync(db => db.CaseEvents.CountAsync(e => e.AuthorId == null, Ct)));
        Assert.True(await WithDbAsync(db => db.CaseEvents.AnyAsync(e => e.CorrectsId != null, Ct)));

        var blind = await WithDbAsync(db => db.Cases.SingleAsync(c => c.People.Any(p => p.Person.IllnessOrDisability == "blind"), Ct));
        Assert.Contains("blind", blind.UrgencyFactors);
        var spouses = await WithDbAsync(db => db.Cases.Where(c => c.Category == CaseCategory.SeparatedSpouse)
            .OrderByDescending(c => c.UrgencyScore).Select(c => c.Id).Take(3).ToListAsync(Ct));
        Assert.Contains(blind.Id, spouses);

        var caseworker = await DemoActorAsync(DemoData.CaseworkerEmail, Roles.Caseworker);
        var mine = await WithServiceAsync<CaseWorkService, MyWork>(s => s.MyWorkAsync(caseworker, Ct));
        Assert.NotEmpty(mine.MyCases);
        Assert.NotEmpty(mine.Overdue);
        Assert.NotEmpty(mine.DueSoon);
        Assert.NotEmpty(mine.PromisedNotOfficial);
        Assert.NotEmpty(mine.Quiet);
        Assert.True(mine.MyCases[0].UrgencyScore > 0);

        var supervisor = await DemoActorAsync(DemoData.SupervisorEmail, Roles.Supervisor);
        var watched = await WithServiceAsync<CaseWorkService, MyWork>(s => s.MyWorkAsync(supervisor, Ct));
        Assert.Equal(DemoData.Cases.Count(c => c.Status == CaseStatus.ReleasePromised), watched.PromisedNotOfficial.Count);

        var timeline = await WithServiceAsync<CaseWorkService, IReadOnlyList<TimelineEntry>>(s => s.TimelineAsync(blind.Id, caseworker, null, Ct));
        Assert.Contains(timeline, e => e.Kind == CaseEventKind.StatusChange && e.ToStatus == CaseStatus.UnderReview);
        Assert.Contains(timeline, e => e.Author == "Anna Novak");
    }

    [Fact]
    public async Task The_letters_lists_are_loaded_with_frozen_deliveries_and_answers_on_the_timelines_and_their_pages_show()
    {
        Assert.True(await WithServiceAsync<DemoDataSeeder, bool>(s => s.SeedAsync(DemoPassword, Ct)));
        var supervisor = await DemoActorAsync(DemoData.SupervisorEmail, Roles.Supervisor);

        var summaries = await WithServiceAsync<ListService, IReadOnlyList<ListSummary>>(s => s.ListsAsync(supervisor, Ct));
        Assert.Equal(DemoData.Lists.Select(l => l.Name).Order(), summaries.Select(l => l.Name).Order());
        int Id(string name) => summaries.Single(l => l.Name == name).Id;
        Assert.Equal(10, summaries.Single(l => l.Name == DemoLists.GenevaName).Entries);
        var xvii = summaries.Single(l => l.Name == DemoLists.SpousesName);
        Assert.Equal(17, xvii.Entries);
        Assert.Equal(10, xvii.TheirStatedCount);
        Assert.Equal(new DateOnly(1985, 12, 7), xvii.FirstDeliveredOn);
        Assert.True(xvii.Persons > 10);
        Assert.Equal(23, summaries.Single(l => l.Name == DemoLists.DualNationalsName).Entries);
        Assert.Equal(129, summaries.Single(l => l.Name == DemoLists.DividedFamiliesName).Entries);

        // Each snapshot is exactly the entries its delivery handed over, with the names and persons as the app freezes them.
        var deliveries = await WithDbAsync(db => db.ListDeliveries.AsNoTracking().ToListAsync(Ct));
        Assert.Equal(DemoData.Lists.Sum(l => l.Deliveries.Count), deliveries.Count);
        foreach (var delivery in deliveries)
        {
            var snapshot = delivery.Snapshot.Deserialize<List<SnapshotEntry>>()!;
            var delivered = await WithDbAsync(db => db.ListEntries.AsNoTracking().Where(e => e.DeliveryId == delivery.Id).OrderBy(e => e.Position)
                .Include(e => e.Case).ThenInclude(c => c.People).ThenInclude(p => p.Person).AsSplitQuery().ToListAsync(Ct));
            Assert.NotEmpty(delivered);
            Assert.Equal(delivered.Select(e => (e.Position, e.Case.Reference)), snapshot.Select(s => (s.Position, s.Reference)));
            Assert.All(delivered.Zip(snapshot), pair =>
            {
                var (entry, frozen) = pair;
                var people = entry.Case.People.OrderBy(p => p.Position).ToList();
                Assert.Equal(entry.Case.Category, frozen.Category);
                Assert.Equal(PersonNames.LatinFullName(people[0].Person), frozen.Name);
                Assert.Equal(PersonNames.NativeFullName(people[0].Person), frozen.NativeName);
                Assert.Equal(ListService.PersonsInUssr(people.Select(p => (p.Role, (IReadOnlyCollection<string>)p.Person.Citizenships))), frozen.Persons);
                Assert.Equal(people.Select(p => (PersonNames.LatinFullName(p.Person), p.Role)), frozen.People.Select(p => (p.Name, p.Role)));
            });
        }
        Assert.Equal(0, await WithDbAsync(db => db.ListEntries.CountAsync(e => e.DeliveryId == null && e.List.Status == ListStatus.Delivered, Ct)));

        // Every answer is on its case's timeline, as the app writes it.
        var answers = await WithDbAsync(db => db.ListAnswers.AsNoTracking().Select(a => new { a.Entry.CaseId, ListName = a.Entry.List.Name, a.ReceivedOn, a.Channel, a.Outcome }).ToListAsync(Ct));
        Assert.Equal(DemoData.Lists.Sum(l => l.Entries.Sum(e => e.Answers.Count)), answers.Count);
        var timeline = await WithDbAsync(db => db.CaseEvents.AsNoTracking().Where(e => e.Kind == CaseEventKind.Answer)
            .Select(e => new { e.CaseId, e.OccurredOn, e.Source, e.Text, e.AuthorId }).ToListAsync(Ct));
        Assert.Equal(answers.Count, timeline.Count);
        Assert.All(answers, a => Assert.Single(timeline, e => e.CaseId == a.CaseId && e.OccurredOn == a.ReceivedOn && e.Source == a.Channel
            && e.AuthorId is not null && e.Text!.StartsWith($"Answer on list {a.ListName}: {AnswerOutcomes.DisplayName(a.Outcome)}.", StringComparison.Ordinal)));

        // The draft's pre-delivery check finds the resolved families still on it and the names held back.
        var issues = await WithServiceAsync<ListService, IReadOnlyList<CheckIssue>>(s => s.CheckAsync(Id(DemoLists.DividedFamiliesName), supervisor, Ct));
        Assert.Contains(issues, i => i.Kind == CheckKind.AlreadyResolved);
        Assert.Contains(issues, i => i.Kind == CheckKind.HeldUntilFamilyTold);
        var progress = await WithServiceAsync<ListService, IReadOnlyList<ProgressRow>>(s => s.ProgressAsync(Id(DemoLists.SpousesName), supervisor, Ct));
        Assert.Equal(17, progress[^1].Units.Total);

        using var client = App.CreateUserClient();
        await client.SignInAsync(DemoData.SupervisorEmail, DemoPassword);
        var index = (await client.GetPageAsync("/Lists")).QuerySelector("[data-testid=lists-table]").Text();
        Assert.All(DemoData.Lists, l => Assert.Contains(l.Name, index, StringComparison.Ordinal));

        var page = await client.GetPageAsync($"/Lists/{Id(DemoLists.SpousesName)}");
        Assert.Equal("Delivered", page.QuerySelector("[data-testid=list-status]").Text());
        Assert.Contains("They state 10; we count", page.QuerySelector("[data-testid=count-mismatch]").Text(), StringComparison.Ordinal);
        Assert.Equal("17", page.QuerySelector("[data-testid=our-units]").Text());
        Assert.Equal(17, page.QuerySelectorAll("[data-testid=entries] tbody tr").Length);
        Assert.Contains("Secretary Baldrige's visit to Moscow", page.QuerySelector("[data-testid=deliveries]").Text(), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("[data-testid=progress]"));

        var draft = await client.GetPageAsync($"/Lists/{Id(DemoLists.DividedFamiliesName)}");
        var kinds = draft.QuerySelectorAll("[data-testid=check-issues] li").Select(li => li.GetAttribute("data-kind")).ToHashSet();
        Assert.Contains(nameof(CheckKind.AlreadyResolved), kinds);
        Assert.Contains(nameof(CheckKind.HeldUntilFamilyTold), kinds);
        Assert.Equal(129, draft.QuerySelectorAll("[data-testid=entries] tbody tr").Length);

        var geneva = await client.GetPageAsync($"/Lists/{Id(DemoLists.GenevaName)}");
        Assert.Equal(10, geneva.QuerySelectorAll("[data-testid=entries] tbody tr").Length);
        Assert.Contains("Geneva summit", geneva.QuerySelector("[data-testid=deliveries]").Text(), StringComparison.Ordinal);
    }
}
