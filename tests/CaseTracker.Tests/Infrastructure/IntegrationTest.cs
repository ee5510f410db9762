using CaseTracker.Core.Accounts;
using CaseTracker.Core.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace CaseTracker.Tests.Infrastructure;

/// <summary>Base of the integration tests: starts each test on an empty database.</summary>
public abstract class IntegrationTest(TestApp app) : IAsyncLifetime
{
    protected TestApp App { get; } = app;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public virtual async ValueTask InitializeAsync() => await App.ResetAsync();

    public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>Runs <paramref name="work"/> with a fresh scope's service, like one request would.</summary>
    protected async Task<TResult> WithServiceAsync<TService, TResult>(Func<TService, Task<TResult>> work)
        where TService : notnull
    {
        await using var scope = App.Scope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>The service layer's actor for a new user of the role.</summary>
    protected async Task<Actor> ActorAsync(string role = Roles.Caseworker) => TestApp.ActorOf(await App.CreateUserAsync(role), role);

    /// <summary>A case created through the service layer, as <paramref name="actor"/>; the command must be valid.</summary>
    protected async Task<Core.Cases.CaseDetails> CreatedAsync(Core.Cases.CreateCaseCommand command, Actor actor) =>
        Assert.IsType<Core.Common.Result<Core.Cases.CaseDetails>.Ok>(
            await WithServiceAsync<Core.Cases.CaseService, Core.Common.Result<Core.Cases.CaseDetails>>(s => s.CreateAsync(command, actor, Ct))).Value;

    /// <summary>A case created by <paramref name="caseworker"/> acting as a caseworker.</summary>
    protected Task<Core.Cases.CaseDetails> CreatedAsync(Core.Cases.CreateCaseCommand command, AppUser caseworker) =>
        CreatedAsync(command, TestApp.ActorOf(caseworker, Roles.Caseworker));

    protected async Task<TResult> WithDbAsync<TResult>(Func<CaseTrackerDbContext, Task<TResult>> work) =>
        await WithServiceAsync(work);

    /// <summary>A browser-like client signed in as a new user of the role.</summary>
    protected async Task<(UserClient Client, AppUser User)> SignInAsync(string role = Roles.Caseworker)
    {
        var user = await App.CreateUserAsync(role);
        var client = App.CreateUserClient();
        await client.SignInAsync(user.Email!, TestApp.Password);
        return (client, user);
    }
}
