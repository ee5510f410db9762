using Microsoft.Extensions.Caching.Memory;

namespace CaseTracker.Core.Cases;

/// <summary>
/// Counts up to <see cref="CaseService.CountLimit"/>, and remembers for <see cref="RememberFor"/> that a filter
/// matched more than that (docs/decisions/0008). A count under the limit is exact and taken on every request; a
/// filter past it shows "more than 10,000", which stays true while cases change one by one, and counting it again
/// read 10,001 index entries on every request (about 4 ms of database time at a million cases).
/// </summary>
public sealed class CappedCounts(IMemoryCache cache)
{
    public static readonly TimeSpan RememberFor = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The number of matches, counted with <paramref name="count"/> up to <see cref="CaseService.CountLimit"/> + 1
    /// unless <paramref name="key"/> is known to be past the limit; <c>FromMemory</c> says it was not counted.
    /// </summary>
    public async Task<(int Counted, bool FromMemory)> CountAsync(string key, Func<CancellationToken, Task<int>> count, CancellationToken ct)
    {
        var cacheKey = CacheKey(key);
        if (cache.TryGetValue(cacheKey, out _))
        {
            return (CaseService.CountLimit + 1, true);
        }
        var counted = await count(ct);
        if (counted > CaseService.CountLimit)
        {
            cache.Set(cacheKey, true, RememberFor);
        }
        return (counted, false);
    }

    /// <summary>A remembered "past the limit" proved wrong (a page came back short): the next request counts.</summary>
    public void Forget(string key) => cache.Remove(CacheKey(key));

    private static string CacheKey(string key) => "cases-past-count-limit:" + key;
}
