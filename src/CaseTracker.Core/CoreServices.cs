using CaseTracker.Core.Cases;
using CaseTracker.Core.Persistence;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CaseTracker.Core;

public static class CoreServices
{
    /// <summary>Registers the persistence and the service layer: the one composition used by the app and the tests.</summary>
    /// <param name="threadSafetyChecks">EF Core's check against two operations at once on one context: on except in
    /// production (<see cref="DatabaseSetup.Configure"/>).</param>
    public static IServiceCollection AddCaseTrackerCore(this IServiceCollection services, string connectionString, bool threadSafetyChecks = true)
    {
        // Contexts are pooled: a new context per request built EF Core's internal services again (a service scope of
        // dozens of services, a logger per category, the options compared to find the internal provider), about a fifth
        // of what a simple page allocated (docs/performance.md). The context holds no state of its own between requests,
        // and the pool resets its change tracker, connection and command timeout when a request returns it.
        services.AddDbContextPool<CaseTrackerDbContext>(options => DatabaseSetup.Configure(options, connectionString, threadSafetyChecks), poolSize: 256);
        services.AddSingleton(TimeProvider.System);
        services.AddMemoryCache();
        services.AddValidatorsFromAssemblyContaining<CaseCommandValidator>(ServiceLifetime.Singleton, filter: r => !r.ValidatorType.IsNested);
        services.AddScoped<CaseService>();
        services.AddSingleton<CappedCounts>();
        services.AddSingleton<SearchResults>();
        services.AddScoped<Import.CaseImportService>();
        services.AddScoped<Import.CaseBulkWriter>();
        services.AddScoped<People.PeopleSearch>();
        services.AddScoped<People.DuplicateCheck>();
        services.AddScoped<People.PersonService>();
        services.AddScoped<People.PersonNameBackfill>();
        services.AddScoped<Auditing.AuditTrail>();
        services.AddScoped<Auditing.AuditQueries>();
        services.AddScoped<CaseWork.CaseWorkService>();
        services.AddScoped<Lists.ListService>();
        services.AddScoped<Dashboard.DashboardService>();
        services.AddScoped<Accounts.UserAdminService>();
        services.TryAddSingleton<Auditing.IRequestOrigin, Auditing.NoRequestOrigin>();
        return services;
    }
}
