using System.Globalization;
using CaseTracker.Core.Accounts;
using CaseTracker.Core.Cases;
using CaseTracker.Core.Names;
using CaseTracker.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace CaseTracker.Core.People;

/// <summary>A person found by name, with how well and through which form of their name.</summary>
public sealed record PersonMatch(int PersonId, double Score, string MatchedForm);

/// <summary>
/// The persons found by a name, best first. <paramref name="Partial"/>: more persons may match the name than were ranked
/// (a common name: more persons than <see cref="PeopleSearch.CandidateLimit"/> share a key similar to each of its words,
/// or more scored above the threshold than were asked for); narrowing the name or the filters finds the others.
/// </summary>
public sealed record NameMatches(IReadOnlyList<PersonMatch> Matches, bool Partial);

public sealed record PersonSearchResult(
    int PersonId, string LatinName, string NativeName, int? BirthYear, string? City, double Score, string MatchedForm,
    IReadOnlyList<PersonCaseLink> Cases);

public sealed record PersonCaseLink(int CaseId, string Reference, PersonRole Role);

/// <summary>The persons a search shows, best first; <paramref name="More"/>: more persons match the name than are shown.</summary>
public sealed record PeopleFound(IReadOnlyList<PersonSearchResult> Persons, bool More);

/// <summary>
/// Finds persons by any form of their name, in any script and any romanisation: the database narrows the
/// candidates through the trigram index on <see cref="PersonNameKey.Key"/>, and the names module ranks them.
/// </summary>
public sealed class PeopleSearch(CaseTrackerDbContext db)
{
    /// <summary>At most this many candidates are ranked per query.</summary>
    public const int CandidateLimit = 2000;

    /// <summary>At most this many distinct keys similar to a query key are looked up, the most similar first.</summary>
    public const int SimilarKeyLimit = 100;

    /// <summary>A query word scores at least this against a word of the person's name to count as found.</summary>
    public const double Threshold = NameSimilarity.MatchThreshold;

    public async Task<IReadOnlyList<PersonMatch>> MatchAsync(string query, CancellationToken ct, int limit = 500) =>
        (await FindAsync(query, ct, limit)).Matches;

    /// <summary>
    /// The persons found by a name, best first, at most <paramref name="limit"/>; and whether more may match it than were
    /// ranked (<see cref="NameMatches.Partial"/>).
    /// </summary>
    public async Task<NameMatches> FindAsync(string query, CancellationToken ct, int limit = 500)
    {
        var q = NameForm.Of(query);
        if (q.Words.Count == 0)
        {
            return new NameMatches([], false);
        }
        var words = new List<(List<int> Ids, bool Complete, List<string> Keys)>();
        // Every form read with a similar key: a person is scored on the forms of their name that have a key similar to
        // a query word's (the others cannot bring a word of the query closer than the threshold but by a given name's
        // group, and a name is found through its family name's key too).
        var read = new List<KeyForm>();
        foreach (var word in q.Words.Take(5))
        {
            var keys = word.Keys.Take(4).Where(k => k.Length > 0).ToList();
            var ids = new List<int>();
            var complete = true;
            foreach (var key in keys)
            {
                var found = await SimilarKeyFormsAsync(key, null, ct);
                complete &= found.Count < CandidateLimit;
                ids.AddRange(found.Select(f => f.PersonId));
                read.AddRange(found);
            }
            words.Add((ids.Distinct().ToList(), complete, keys));
        }
        var candidates = new HashSet<int>();
        // A name of several words: first every person that has all of them, found from the word with the fewest
        // persons when all of that word's persons were found. (Otherwise a common given name alone, a hundred
        // thousand Elenas, would fill the candidates before the surname was looked at.)
        var driver = words.Where(w => w.Complete && w.Ids.Count > 0).OrderBy(w => w.Ids.Count).FirstOrDefault();
        if (words.Count > 1 && driver.Ids is not null)
        {
            var all = driver.Ids;
            foreach (var other in words.Where(w => !ReferenceEquals(w.Ids, driver.Ids)))
            {
                var having = new HashSet<int>();
                foreach (var key in other.Keys)
                {
                    var found = await SimilarKeyFormsAsync(key, all, ct);
                    having.UnionWith(found.Select(f => f.PersonId));
                    read.AddRange(found);
                }
                all = all.Where(having.Contains).ToList();
            }
            candidates.UnionWith(all);
        }
        // Then the persons of each word, the most similar keys first, up to the limit: the driver's first (the
        // fewest, and all of them), so that a rare family name is not crowded out by a common given name.
        var cut = false;
        foreach (var id in words.OrderBy(w => ReferenceEquals(w.Ids, driver.Ids) ? 0 : 1).SelectMany(w => w.Ids))
        {
            if (candidates.Count >= CandidateLimit && !candidates.Contains(id))
            {
                cut = true;
                break;
            }
            candidates.Add(id);
        }
        if (candidates.Count == 0)
        {
            return new NameMatches([], false);
        }
        // A name found above the threshold has a word close to each word of the query, so it has a key similar to the
        // driver word's: when all of those persons were candidates, none was missed. Without such a word (every word
        // shared by more persons than are read), or when they did not all fit, more persons may match than were ranked.
        var driverWhole = driver.Ids is not null && (!cut || driver.Ids.All(candidates.Contains));
        // Many persons share a form of their name, and many forms share words: each distinct form is scored once,
        // and each distinct word of them analysed and compared with the query once.
        // Each person keeps their best form (the first of equal ones); plain loops, as this runs over thousands of rows.
        var scorer = new CoverageScorer(q);
        var coverage = new Dictionary<string, double>(StringComparer.Ordinal);
        var best = new Dictionary<int, (double Score, string Form)>();
        foreach (var f in read)
        {
            if (!candidates.Contains(f.PersonId))
            {
                continue;
            }
            if (!coverage.TryGetValue(f.Form, out var score))
            {
                score = scorer.Of(f.Form);
                coverage[f.Form] = score;
            }
            if (!best.TryGetValue(f.PersonId, out var kept) || score > kept.Score)
            {
                best[f.PersonId] = (score, f.Form);
            }
        }
        var ranked = new List<PersonMatch>();
        foreach (var (personId, (score, form)) in best)
        {
            if (score >= Threshold)
            {
                ranked.Add(new PersonMatch(personId, score, form));
            }
        }
        ranked.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.PersonId.CompareTo(b.PersonId));
        return new NameMatches(ranked.Count > limit ? ranked[..limit] : ranked, ranked.Count > limit || !driverWhole);
    }

    /// <summary>
    /// The statement behind <see cref="SimilarKeyFormsAsync"/>. The similar keys come from the vocabulary of distinct keys
    /// (a few thousand to a few hundred thousand rows, against millions of person keys: a trigram search over the person
    /// keys themselves took 60–550 ms at a million cases) through <c>similar_name_keys</c>, which reads them by the
    /// vocabulary's trigram index (the planner prices <c>similarity()</c> so cheaply that it scanned a small vocabulary
    /// instead: 3.3 against 0.24 ms); then, most similar key first, the rows of their persons from the key index, each
    /// with the form of the name it was made from, until the limit. Both inside <c>similar_key_forms</c>, which reads the
    /// key index only as far as the limit: planned for any key, the statement had read every person of a common key
    /// first (a bitmap scan of up to 250,000 rows, 50–175 ms at 2.6 million cases, against 2–7 ms).
    /// </summary>
    internal const string SimilarKeyFormsSql = "SELECT k.person_id, k.form FROM similar_key_forms(@key, @keys, @limit) k";

    /// <summary>
    /// <see cref="SimilarKeyFormsSql"/> among given persons (the other words of a name, among the persons of its rarest):
    /// their keys by the person index, a few each, kept where similar. Driven by the key instead, it read every person of a
    /// common key ("Natalia": 250,000 rows, 100–800 ms) to keep a few dozen.
    /// </summary>
    internal const string SimilarKeyFormsAmongSql = """
        SELECT k.person_id, k.form
        FROM similar_name_keys(@key, @keys) s
        JOIN person_name_keys k ON k.key = s.key
        WHERE k.person_id = ANY(@among)
        ORDER BY s.similarity DESC
        LIMIT @limit
        """;

    /// <summary>A person with a key similar to a query key, and the form of their name that has the key.</summary>
    internal sealed class KeyForm
    {
        public int PersonId { get; init; }

        public required string Form { get; init; }
    }

    /// <summary>
    /// The persons with a key equal or similar to <paramref name="key"/> (among <paramref name="among"/> when given), with
    /// the forms of their names that have such a key, those with the most similar keys first: at most
    /// <see cref="CandidateLimit"/> rows (<see cref="SimilarKeyFormsSql"/>, <see cref="SimilarKeyFormsAmongSql"/>).
    /// </summary>
    private async Task<List<KeyForm>> SimilarKeyFormsAsync(string key, List<int>? among, CancellationToken ct) =>
        await db.Database.SqlQueryRaw<KeyForm>(among is null ? SimilarKeyFormsSql : SimilarKeyFormsAmongSql, SimilarKeyFormsParameters(key, among))
            .ToListAsync(ct);

    /// <summary>The parameters of <see cref="SimilarKeyFormsSql"/> for a key, or of <see cref="SimilarKeyFormsAmongSql"/>
    /// with the persons to look among.</summary>
    internal static NpgsqlParameter[] SimilarKeyFormsParameters(string key, List<int>? among)
    {
        List<NpgsqlParameter> parameters =
        [
            new("key", NpgsqlDbType.Text) { Value = key },
            new("keys", NpgsqlDbType.Integer) { Value = SimilarKeyLimit },
            new("limit", NpgsqlDbType.Integer) { Value = CandidateLimit },
        ];
        if (among is not null)
        {
            parameters.Add(new("among", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = among.ToArray() });
        }
        return [.. parameters];
    }

    /// <summary>A typed word's key must have at least this many letters to be looked up as a beginning: a shorter one
    /// begins a large part of all names.</summary>
    public const int MinBeginning = 3;

    /// <summary>
    /// The statement behind <see cref="BeginningWithAsync"/>: the persons with a key that begins with the first key
    /// (the one that begins the fewest keys), from the key index alone (a range of keys, as the index's collation may not
    /// order <c>LIKE</c> patterns), who also have, for each other key, a key that begins with it (their own keys, by the
    /// person index). Keys are lower-case Latin letters only, so they need no escaping in a pattern.
    /// </summary>
    internal const string BeginningWithSql = "SELECT k.person_id, '' AS form" + BeginningWith;

    /// <summary><see cref="BeginningWithSql"/> with the form of each key found, which the table holds (the key index does
    /// not).</summary>
    internal const string BeginningWithFormsSql = "SELECT k.person_id, k.form" + BeginningWith;

    private const string BeginningWith = """

        FROM person_name_keys k
        WHERE k.key >= @from AND k.key < @to AND k.key LIKE @from || '%'
          AND NOT EXISTS (
              SELECT 1 FROM unnest(@others::text[]) o(prefix)
              WHERE NOT EXISTS (SELECT 1 FROM person_name_keys m WHERE m.person_id = k.person_id AND m.key LIKE o.prefix || '%'))
        LIMIT @rows
        """;

    /// <summary>
    /// How many keys begin with a key (<c>@from</c>, up to <c>@to</c>: <see cref="BeginningWithSql"/>'s range), counted up
    /// to <c>@cap</c> from the key index alone.
    /// </summary>
    internal const string BeginningCountSql = """
        SELECT count(*)::int AS "Value" FROM (SELECT 1 FROM person_name_keys k WHERE k.key >= @from AND k.key < @to LIMIT @cap) c
        """;

    /// <summary>
    /// The persons with a key that begins with each of several keys (<c>@from0</c> up to <c>@to0</c>, and so on), when each
    /// begins many keys: every key of each, from the key index alone, and the persons found in all of them.
    /// </summary>
    internal static string BeginningWithEverySql(int words) =>
        string.Join("\nINTERSECT\n", Enumerable.Range(0, words).Select(i =>
            $"SELECT person_id, '' AS form FROM person_name_keys WHERE key >= @from{i} AND key < @to{i} AND key LIKE @from{i} || '%'"))
        + "\nLIMIT @rows";

    /// <summary>The forms of the given persons' names with a key that begins with <c>@from</c> (up to <c>@to</c>).</summary>
    internal const string BeginningFormsSql = """
        SELECT k.person_id, k.form FROM person_name_keys k
        WHERE k.person_id = ANY(@persons) AND k.key >= @from AND k.key < @to AND k.key LIKE @from || '%'
        """;

    /// <summary>The keys that begin with a word are counted up to this many, to choose the word that leads a beginning of
    /// several words (each key of it costs a look-up of the others among the person's keys, about 5 µs); when every word
    /// begins this many, every word's keys are read instead (<see cref="BeginningWithEverySql"/>, about 0.5 µs a key).</summary>
    public const int BeginningCountCap = 20_000;

    /// <summary>The key after every key that begins with <paramref name="key"/> (keys are lower-case Latin letters).</summary>
    private static string After(string key) => key[..^1] + (char)(key[^1] + 1);

    /// <summary>The range of the keys that begin with <paramref name="key"/>, as the statements take it: <c>@from</c> and
    /// <c>@to</c>, their names ending in <paramref name="suffix"/>.</summary>
    private static NpgsqlParameter[] BeginningOf(string key, string suffix = "") =>
    [
        new($"from{suffix}", NpgsqlDbType.Text) { Value = key },
        new($"to{suffix}", NpgsqlDbType.Text) { Value = After(key) },
    ];

    /// <summary>How a person whose name begins with the very letters typed ranks (<see cref="BeginningWithAsync"/>): below
    /// every name found above the threshold, and above those whose key alone begins alike ("Shchar" also begins the key
    /// of Zharkov), which are not ranked.</summary>
    public const double LiteralBeginning = 0.5;

    /// <summary>
    /// The persons whose names begin with the typed words, in any script or spelling: for each word of
    /// <paramref name="query"/> whose key has at least <see cref="MinBeginning"/> letters, a key of theirs begins with
    /// it, so that "Shchar" finds Щаранский and Sharansky while being typed. At most <paramref name="limit"/>, in no
    /// particular order; <c>More</c>: more persons may have such names (a short or common beginning). With
    /// <paramref name="rank"/>, <c>Literal</c> holds those of them with a word that begins with the very letters typed
    /// (which reads the form of each key found, from the table: a search whose names were found ranks those, and does
    /// not ask); otherwise it is empty.
    /// </summary>
    public async Task<(List<int> Persons, HashSet<int> Literal, bool More)> BeginningWithAsync(string query, int limit, bool rank, CancellationToken ct)
    {
        var words = NameForm.Of(query).Words.Where(w => w.Key.Length >= MinBeginning)
            .DistinctBy(w => w.Key).OrderByDescending(w => w.Key.Length).Take(5).ToList();
        if (words.Count == 0)
        {
            return ([], [], false);
        }
        var everyWordCommon = false;
        if (words.Count > 1)
        {
            // The word that begins the fewest keys leads: each of its keys is looked up among the person's keys for the
            // others. The longest word, which led before, is as often a common given name: "Natalia" begins 250,000 keys
            // at 2.6 million cases, and leading with it took 2 s. Each word is counted only up to the fewest counted
            // before it (the longest first, up to the cap): a word that begins more cannot lead, and a family name of a
            // few thousand keys no longer has a common given name counted to 20,000 beside it. The lead is the same
            // (the first of the words that begin the fewest), and so is "every word common" (every count at the cap).
            var keysOf = new int[words.Count];
            var fewest = BeginningCountCap;
            for (var i = 0; i < words.Count; i++)
            {
                keysOf[i] = await db.Database.SqlQueryRaw<int>(BeginningCountSql,
                [
                    .. BeginningOf(words[i].Key),
                    new NpgsqlParameter("cap", NpgsqlDbType.Integer) { Value = fewest },
                ]).SingleAsync(ct);
                fewest = Math.Min(fewest, keysOf[i]);
            }
            words = [.. words.Select((w, i) => (w, i)).OrderBy(x => keysOf[x.i]).Select(x => x.w)];
            everyWordCommon = fewest >= BeginningCountCap;
        }
        var first = words[0].Key;
        // A person has a key per word of each form of their name: a few rows each for one beginning.
        var rows = limit * 4;
        List<KeyForm> found;
        if (everyWordCommon)
        {
            // Every word begins more keys than are counted ("Yudinko Yelizaveta": 115,000 and 240,000 keys at 2.6 million
            // cases): looking the others up for each key of one took 1.8 s, reading the keys of every word and keeping the
            // persons found in all of them 0.25 s. Then the forms of the persons found, to rank them, by the person index.
            var parameters = words.SelectMany((w, i) => BeginningOf(w.Key, i.ToString(CultureInfo.InvariantCulture)))
                .Append(new NpgsqlParameter("rows", NpgsqlDbType.Integer) { Value = limit + 1 });
            found = await db.Database.SqlQueryRaw<KeyForm>(BeginningWithEverySql(words.Count), [.. parameters]).ToListAsync(ct);
            if (rank && found.Count > 0)
            {
                found = await db.Database.SqlQueryRaw<KeyForm>(BeginningFormsSql,
                [
                    new NpgsqlParameter("persons", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = found.Select(f => f.PersonId).ToArray() },
                    .. BeginningOf(first),
                ]).ToListAsync(ct);
            }
        }
        else
        {
            found = await db.Database.SqlQueryRaw<KeyForm>(rank ? BeginningWithFormsSql : BeginningWithSql,
            [
                .. BeginningOf(first),
                new NpgsqlParameter("others", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = words.Skip(1).Select(w => w.Key).ToArray() },
                new NpgsqlParameter("rows", NpgsqlDbType.Integer) { Value = rows },
            ]).ToListAsync(ct);
        }
        var typed = PersonNames.NormalizeForSearch(words[0].Text);
        var persons = new HashSet<int>();
        var literal = new HashSet<int>();
        // (Past the limit, the persons found by every word's keys are one more than the limit: the loop tells.)
        var more = !everyWordCommon && found.Count >= rows;
        foreach (var f in found)
        {
            if (!persons.Contains(f.PersonId) && persons.Count == limit)
            {
                more = true;
                continue;
            }
            persons.Add(f.PersonId);
            if (rank && !literal.Contains(f.PersonId) && BeginsAWord(f.Form, typed))
            {
                literal.Add(f.PersonId);
            }
        }
        return ([.. persons], literal, more);
    }

    /// <summary>Whether a word of <paramref name="form"/>, as the case list compares text, begins with <paramref name="typed"/>.</summary>
    private static bool BeginsAWord(string form, string typed)
    {
        foreach (var word in NameKey.Words(form))
        {
            if (PersonNames.NormalizeForSearch(word).StartsWith(typed, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The /People page: persons ranked by similarity, with their visible cases; and whether more persons match.</summary>
    public async Task<PeopleFound> SearchAsync(string query, Actor actor, CancellationToken ct, int limit = 50)
    {
        var (matches, partial) = await FindAsync(query, ct, limit * 3);
        if (matches.Count == 0)
        {
            return new PeopleFound([], partial);
        }
        var ids = matches.Select(m => m.PersonId).ToList();
        var visible = db.Cases.VisibleTo(actor);
        var persons = await db.Persons.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new
            {
                Person = p,
                Cases = p.Cases.Where(cp => visible.Any(c => c.Id == cp.CaseId))
                    .Select(cp => new PersonCaseLink(cp.CaseId, cp.Case.Reference, cp.Role)).ToList(),
                AnyCase = p.Cases.Any(),
            })
            .ToListAsync(ct);
        var byId = persons.ToDictionary(p => p.Person.Id);
        // A person whose every case is restricted from this user does not exist for them.
        var shown = matches.Where(m => byId.TryGetValue(m.PersonId, out var p) && (p.Cases.Count > 0 || !p.AnyCase)).ToList();
        return new PeopleFound(shown
            .Take(limit)
            .Select(m =>
            {
                var p = byId[m.PersonId];
                return new PersonSearchResult(m.PersonId, PersonNames.LatinFullName(p.Person), PersonNames.NativeFullName(p.Person),
                    p.Person.BirthYear, p.Person.City, m.Score, m.MatchedForm, p.Cases);
            })
            .ToList(), partial || shown.Count > limit);
    }

    /// <summary>
    /// <see cref="Coverage"/> of one query over many names, remembering each distinct word's scores against the query
    /// words: the candidates of a search share most of their words (a few hundred among 1,500 forms).
    /// </summary>
    private sealed class CoverageScorer(NameForm query)
    {
        private readonly Dictionary<string, double[]> words = new(StringComparer.Ordinal);
        private readonly double[] best = new double[query.Words.Count];

        /// <summary><see cref="AverageOfBest"/> of a name's words, without allocating per name.</summary>
        public double Of(string name)
        {
            if (best.Length == 0)
            {
                return 0;
            }
            Array.Clear(best);
            foreach (var word in NameKey.Words(name))
            {
                KeepBest(best, ScoresOf(word));
            }
            return best.Average();
        }

        private double[] ScoresOf(string word)
        {
            if (!words.TryGetValue(word, out var scores))
            {
                // One word of a name is one word of its form, or none when it has no key.
                scores = NameForm.Of(word).Words is [var w] ? WordScores(query, w) : new double[query.Words.Count];
                words[word] = scores;
            }
            return scores;
        }
    }

    /// <summary>How well the query is found in a name: each query word against its best word of the name, averaged.</summary>
    public static double Coverage(NameForm query, NameForm name) =>
        AverageOfBest(query, name.Words.Select(n => WordScores(query, n)));

    /// <summary>A word of a name against each word of the query.</summary>
    private static double[] WordScores(NameForm query, NameForm.Word word)
    {
        var scores = new double[query.Words.Count];
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = NameSimilarity.WordScore(query.Words[i], word);
        }
        return scores;
    }

    /// <summary>Each query word's best score over the words of a name (their <see cref="WordScores"/>), averaged; 0 for
    /// a query or a name without words.</summary>
    private static double AverageOfBest(NameForm query, IEnumerable<double[]> nameWords)
    {
        if (query.Words.Count == 0)
        {
            return 0;
        }
        var best = new double[query.Words.Count];
        foreach (var scores in nameWords)
        {
            KeepBest(best, scores);
        }
        return best.Average();
    }

    /// <summary>Each query word's best score so far, raised by one word of a name's scores.</summary>
    private static void KeepBest(double[] best, double[] scores)
    {
        for (var i = 0; i < best.Length; i++)
        {
            best[i] = Math.Max(best[i], scores[i]);
        }
    }
}
