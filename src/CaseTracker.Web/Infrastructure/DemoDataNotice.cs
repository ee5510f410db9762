using CaseTracker.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace CaseTracker.Web.Infrastructure;

/// <summary>Whether the demo data is loaded, so the footer can say that it is fictional. Cached briefly.</summary>
public sealed class DemoDataNotice(IServiceScopeFactory scopes, IMemoryCache cache)
{
    private const string CacheKey = "demo-data-loaded";

    public async Task<bool> IsDemoDataLoadedAsync(CancellationToken ct)
    {
        if (cache.TryGetValue(CacheKey, out bool loaded))
        {
            return loaded;
        }
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CaseTrackerDbContext>();
            loaded = await db.SeedRecords.AnyAsync(s => s.Name == "demo", ct);
            cache.Set(CacheKey, loaded, TimeSpan.FromMinutes(5));
            return loaded;
        }
        catch (Exception e) when (e is InvalidOperationException or Npgsql.NpgsqlException || Core.Persistence.DatabaseFailures.IsUnavailable(e))
        {
            // The layout must render even when the database is down (the error pages use it too).
            return false;
        }
    }

    /// <summary>Forgets the cached answer, after the demo data is loaded into a running app.</summary>
    public void Invalidate() => cache.Remove(CacheKey);
}
