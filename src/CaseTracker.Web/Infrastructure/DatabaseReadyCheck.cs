using CaseTracker.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CaseTracker.Web.Infrastructure;

/// <summary>Ready when the database answers and every migration is applied.</summary>
public sealed class DatabaseReadyCheck(CaseTrackerDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy("The database cannot be reached.");
            }
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
            return pending == 0
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"{pending} migration(s) not applied.");
        }
        catch (Exception e) when (e is InvalidOperationException || Core.Persistence.DatabaseFailures.IsUnavailable(e))
        {
            return HealthCheckResult.Unhealthy("The database cannot be reached.");
        }
    }
}
