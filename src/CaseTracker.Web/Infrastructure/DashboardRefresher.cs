using CaseTracker.Core.Dashboard;

namespace CaseTracker.Web.Infrastructure;

/// <summary>Refreshes the dashboard's summaries on a short schedule (CaseTracker:DashboardRefreshSeconds; 0 turns it off).</summary>
public sealed class DashboardRefresher(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<DashboardRefresher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = configuration.GetValue("CaseTracker:DashboardRefreshSeconds", 60);
        if (seconds <= 0)
        {
            return;
        }
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds));
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<DashboardService>().RefreshAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The database may be down or not migrated yet: try again at the next tick.
                logger.LogWarning("Dashboard refresh failed: {Error}", e.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
