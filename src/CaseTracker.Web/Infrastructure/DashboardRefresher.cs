using System.Diagnostics;
using CaseTracker.Core.Dashboard;

namespace CaseTracker.Web.Infrastructure;

/// <summary>
/// Refreshes the dashboard's summaries on a schedule (CaseTracker:DashboardRefreshSeconds, 60 by default; 0 turns it
/// off). A refresh that takes long is spaced out so that refreshing takes at most a twentieth of the time: at a
/// million cases one takes about 10 s of database work, and every minute it would hold a sixth of a two-core machine.
/// An instance skips its turn when another one has refreshed within the interval.
/// </summary>
public sealed class DashboardRefresher(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, ILogger<DashboardRefresher> logger)
    : BackgroundService
{
    /// <summary>The schedule waits at least this many times as long as the last refresh took.</summary>
    public const int SpacingFactor = 20;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = configuration.GetValue("CaseTracker:DashboardRefreshSeconds", 60);
        if (seconds <= 0)
        {
            return;
        }
        var interval = TimeSpan.FromSeconds(seconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = interval;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var dashboards = scope.ServiceProvider.GetRequiredService<DashboardService>();
                var last = await dashboards.LastRefreshedAtAsync(stoppingToken);
                var since = last is { } at ? clock.GetUtcNow() - at : TimeSpan.MaxValue;
                if (since < interval)
                {
                    // Another instance (or a supervisor's "refresh now") has just refreshed.
                    wait = interval - since;
                }
                else
                {
                    var started = Stopwatch.GetTimestamp();
                    await dashboards.RefreshAsync(stoppingToken);
                    var took = Stopwatch.GetElapsedTime(started);
                    wait = NextWait(interval, took);
                    logger.LogInformation("Dashboard summaries refreshed in {Seconds:0.0} s; next in {Next:0} s", took.TotalSeconds, wait.TotalSeconds);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The database may be down or not migrated yet: try again at the next tick.
                logger.LogWarning("Dashboard refresh failed: {Error}", e.GetType().Name);
            }
            try
            {
                await Task.Delay(wait, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>The time to the next refresh: the interval, or twenty times the last refresh's duration if longer.</summary>
    public static TimeSpan NextWait(TimeSpan interval, TimeSpan took) =>
        took * SpacingFactor > interval ? took * SpacingFactor : interval;
}
