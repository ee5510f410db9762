using CaseTracker.Core.Persistence;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CaseTracker.Web.Infrastructure;

/// <summary>Ready when the database answers and every migration is applied.</summary>
public sealed class DatabaseReadyCheck(CaseTrackerDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await DatabaseSetup.PendingMigrationsAsync(db, cancellationToken) switch
        {
            null => HealthCheckResult.Unhealthy("The database cannot be reached."),
            0 => HealthCheckResult.Healthy(),
            var pending => HealthCheckResult.Unhealthy($"{pending} migration(s) not applied."),
        };
}
