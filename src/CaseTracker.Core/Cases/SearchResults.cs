using CaseTracker.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Npgsql;
using NpgsqlTypes;

namespace CaseTracker.Core.Cases;

/// <summary>
/// The cases a search found, best first (at most <see cref="CaseService.CountLimit"/>), and whether more persons may bear
/// the name than were ranked. <paramref name="PastLimit"/>: more cases match than the limit, and these are the first of
/// them by relevance.
/// </summary>
public sealed record SearchHits(int[] Ranked, bool NamesArePartial, bool PastLimit = false);

/// <summary>
/// Keeps what case searches found, for their next pages, sorts and repeats, while nothing they read has changed
/// (docs/decisions/0009). A search at a million cases reads the persons of a name and every one of their cases (about
/// 2,900 persons and 1,400 cases for a common surname, 25–30 ms of database time); a kept result costs one lookup of
/// the transactions that changed cases, their people, their names' keys or list entries since the snapshot it was read
/// in (the table <c>search_changes</c>, written by statement triggers whoever writes, this instance or another).
/// Results are kept per filter and per what the searcher may see, for <see cref="KeepFor"/>, within
/// <see cref="SizeLimit"/> case ids in all.
/// </summary>
public sealed class SearchResults : IDisposable
{
    /// <summary>How long a result is kept at most; well under the hour that <c>search_changes</c> keeps its rows.</summary>
    public static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(10);

    /// <summary>At most this many case ids are kept in all (4 bytes each): a few hundred searches of common names, or about a
    /// hundred past the count limit (10,000 ids each). Those past the limit go first when the cache is full.</summary>
    public const long SizeLimit = 1_000_000;

    private readonly MemoryCache kept = new(new MemoryCacheOptions { SizeLimit = SizeLimit });

    private long hits;
    private long misses;

    /// <summary>Searches answered from a kept result, and searches read from the database, since the start.</summary>
    public (long Hits, long Misses) Counts => (Interlocked.Read(ref hits), Interlocked.Read(ref misses));

    /// <summary>Whether a transaction that changed what searches read committed after <c>@snapshot</c>.</summary>
    internal const string ChangedSinceSql = """
        SELECT EXISTS (
            SELECT 1 FROM search_changes
            WHERE xid >= pg_snapshot_xmin(@snapshot::pg_snapshot) AND NOT pg_visible_in_snapshot(xid, @snapshot::pg_snapshot)
        ) AS "Value"
        """;

    /// <summary>
    /// The result kept under <paramref name="key"/> if nothing it read has changed since; otherwise the result of
    /// <paramref name="search"/>, read after taking the snapshot it is kept with, and kept.
    /// </summary>
    public async Task<SearchHits> GetAsync(CaseTrackerDbContext db, string key, Func<CancellationToken, Task<SearchHits>> search, CancellationToken ct)
    {
        if (kept.TryGetValue(key, out Entry? entry) && entry is not null)
        {
            var changed = await db.Database.SqlQueryRaw<bool>(ChangedSinceSql, Snapshot(entry.Snapshot)).SingleAsync(ct);
            if (!changed)
            {
                Interlocked.Increment(ref hits);
                return entry.Hits;
            }
            kept.Remove(key);
        }
        Interlocked.Increment(ref misses);
        // The snapshot is taken before the search reads anything, so that every change the search missed committed after
        // it (under READ COMMITTED each later statement sees at least what this one saw).
        var snapshot = await db.Database.SqlQueryRaw<string>("""SELECT pg_current_snapshot()::text AS "Value" """).SingleAsync(ct);
        var found = await search(ct);
        kept.Set(key, new Entry(found, snapshot), new MemoryCacheEntryOptions
        {
            AbsoluteExpirationRelativeToNow = KeepFor,
            Size = found.Ranked.Length + 16,
            // A search past the limit (a short beginning typed into the header, a name that begins many others) holds as
            // many ids as a hundred common names: when the cache is full, those go first.
            Priority = found.PastLimit ? CacheItemPriority.Low : CacheItemPriority.Normal,
        });
        return found;
    }

    private static NpgsqlParameter Snapshot(string snapshot) => new("snapshot", NpgsqlDbType.Text) { Value = snapshot };

    /// <summary>Forgets every kept result: for a database emptied or replaced without its triggers (tests reset theirs so).</summary>
    public void Clear() => kept.Clear();

    public void Dispose() => kept.Dispose();

    private sealed record Entry(SearchHits Hits, string Snapshot);
}
