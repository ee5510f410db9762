using CaseTracker.Core.Cases;
using CaseTracker.Core.Persistence;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CaseTracker.Core;

public static class CoreServices
{
    /// <summary>Registers the persistence and the service layer: the one composition used by the app and the tests.</summary>
    public static IServiceCollection AddCaseTrackerCore(this IServiceCollection services, string connectionString)
    {
        // The options are built once, not for every request's context (they depend on nothing scoped): configuring
        // them per scope parsed the connection string and rebuilt the provider's options on every request.
        services.AddDbContext<CaseTrackerDbContext>(options => DatabaseSetup.Configure(options, connectionString), optionsLifetime: ServiceLifetime.Singleton);
        services.AddSingleton(TimeProvider.System);
        services.AddMemoryCache();
        services.AddValidatorsFromAssemblyContaining<CaseCommandValidator>(ServiceLifetime.Singleton, filter: r => !r.ValidatorType.IsNested);
        services.AddScoped<CaseService>();
        services.AddSingleton<CappedCounts>();
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
