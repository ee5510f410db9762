using CaseTracker.Core.Accounts;
using CaseTracker.Core.Cases;
using CaseTracker.Core.CaseWork;
using CaseTracker.Core.Demo;
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
        Assert.Equal(DemoData.Cases.Sum(c => c.Events.Count), events);
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
}
