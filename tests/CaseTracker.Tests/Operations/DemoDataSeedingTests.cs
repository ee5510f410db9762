using CaseTracker.Core.Accounts;
using CaseTracker.Core.Cases;
using CaseTracker.Core.Demo;
using CaseTracker.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseTracker.Tests.Operations;

public sealed class DemoDataSeedingTests(TestApp app) : IntegrationTest(app)
{
    private const string DemoPassword = "a demo password of some length";

    [Fact]
    public async Task Demo_data_loads_once_with_the_letters_figures_and_the_demo_accounts_sign_in()
    {
        Assert.True(await WithServiceAsync<DemoDataSeeder, bool>(s => s.SeedAsync(DemoPassword, Ct)));
        var counts = await WithDbAsync(db => db.Cases.GroupBy(c => c.Category).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, Ct));
        Assert.Equal(27, counts[CaseCategory.SeparatedSpouse]);
        Assert.Equal(23, counts[CaseCategory.DualNational]);
        Assert.Equal(129, counts[CaseCategory.DividedFamily]);
        Assert.True(counts[CaseCategory.Emigration] >= 20);

        // Loading again changes nothing.
        Assert.False(await WithServiceAsync<DemoDataSeeder, bool>(s => s.SeedAsync(DemoPassword, Ct)));
        Assert.Equal(counts.Values.Sum(), await WithDbAsync(db => db.Cases.CountAsync(Ct)));

        await using (var scope = App.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            foreach (var (email, role) in new[] { ("caseworker@casetracker.local", Roles.Caseworker), ("supervisor@casetracker.local", Roles.Supervisor), ("admin@casetracker.local", Roles.Administrator) })
            {
                var user = await users.FindByEmailAsync(email);
                Assert.NotNull(user);
                Assert.True(await users.IsInRoleAsync(user, role));
            }
        }
        App.Factory.Services.GetRequiredService<CaseTracker.Web.Infrastructure.DemoDataNotice>().Invalidate();
        using var client = App.CreateUserClient();
        await client.SignInAsync("caseworker@casetracker.local", DemoPassword);

        var export = await client.Http.GetStringAsync("/Cases/Export?category=DualNational", Ct);
        Assert.Equal(23, export.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1);
        var sakharovLatin = await client.GetPageAsync("/Cases?q=Sakharov");
        var sakharovCyrillic = await client.GetPageAsync("/Cases?q=Сахаров");
        Assert.Contains("Sakharov", sakharovLatin.QuerySelector("[data-testid=case-table]").Text());
        Assert.Contains("Сахаров", sakharovCyrillic.QuerySelector("[data-testid=case-table]").Text());
        Assert.Contains("fictional", sakharovCyrillic.QuerySelector("footer").Text());
    }
}
