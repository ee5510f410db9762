namespace CaseTracker.Core.Names;

/// <summary>
/// A similarity in [0, 1] between two names in any script, for ranking candidates. Per word: 1.0 for forms of one
/// given name (Yelena ~ Hélène); 0.99–1.0 when the <see cref="NameKey"/> keys are equal (the closer the plain
/// spellings, the higher); about 0.98 when keys of other readings of ambiguous Latin letters are equal
/// (Joukov ~ Жуков); 0.90 for an adopted given name (Anatoly ~ Natan); otherwise the Jaro-Winkler similarity of the
/// keys with small penalties for a difference in length or in surname ending.
/// Full names are compared word by word, in any order (see <see cref="Score(NameForm, NameForm)"/>).
/// </summary>
public static class NameSimilarity
{
    /// <summary>The score from which two names are proposed as the same name. On the test tables (docs/names.md) all
    /// but one of 432 attested and table spellings reach it against their own original, and no other name of the
    /// tables does except Захаров for Сахаров (same key).</summary>
    public const double MatchThreshold = 0.90;

    /// <summary>A lower score from which a candidate is still worth showing for review: misspellings that change the
    /// first letter or swap two letters (Krushchev ~ Хрущёв 0.89, Shcharanksy ~ Щаранский 0.90) score between this and
    /// <see cref="MatchThreshold"/>. Many more other names reach it too (docs/names.md).</summary>
    public const double ReviewThreshold = 0.85;

    /// <summary>Score when only a second reading of an ambiguous Latin letter (j, h, x, c, cz) gives the same key
    /// (Joukov = Жуков through j = ж), so that a match on first readings wins ties.</summary>
    public const double AlternativeReadingScore = 0.98;

    /// <summary>Penalty per character of length difference beyond the first, applied to the Jaro-Winkler
    /// similarity of two keys: Jaro-Winkler rewards a shared beginning so much that Hrushevsky ~ Khrushchev
    /// (xruxevski ~ xruxev) would score 0.93.</summary>
    public const double LengthPenalty = 0.03;

    /// <summary>Factor applied when exactly one of two different keys has a surname or patronymic ending (-ov/-ev,
    /// -in, -sky, -ich) or when they have different ones: names derived from one another (Mikhail ~ Mikhailov,
    /// Andrei ~ Andreyev, Aleksandr ~ Aleksandrov) share a long beginning that Jaro-Winkler rewards.</summary>
    public const double DerivationFactor = 0.92;

    /// <summary>Factor per word of the longer name left unpaired, so that a full match outranks a partial one
    /// ("Andrei Sakharov" scores 1.0 against "Андрей Сахаров", 0.95 against "Сахаров").</summary>
    public const double UnpairedWordFactor = 0.95;

    /// <summary>Weight of the plain spelling (<see cref="NameForm.Word.Spelling"/>) in a word's score: equal keys score
    /// between 0.99 and 1.0, so that Sakharov ranks Сахаров (1.0) above Захаров (0.998), which has the same key.</summary>
    public const double SpellingWeight = 0.01;

    /// <summary>Similarity of two names (single words or full names) in any script.</summary>
    public static double Score(string a, string b) => Score(NameForm.Of(a), NameForm.Of(b));

    /// <summary>
    /// Similarity of two prepared names. Each word of the shorter name is paired with a different word of the longer
    /// one, best pairs first; the score is the mean over the pairs, times <see cref="UnpairedWordFactor"/> for each
    /// word of the longer name left over: "Sharansky" scores 0.95 against "Natan Sharansky", "Andrei Sakharov" 1.0
    /// against "Сахаров Андрей" and 0.95 against "Sakharov Andrei Dmitrievich". Callers comparing one name with many
    /// should prepare each with <see cref="NameForm.Of"/> once.
    /// </summary>
    public static double Score(NameForm a, NameForm b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var (shorter, longer) = a.Words.Count <= b.Words.Count ? (a.Words, b.Words) : (b.Words, a.Words);
        if (shorter.Count == 0)
        {
            return 0.0;
        }
        if (longer.Count == 1)
        {
            return WordScore(shorter[0], longer[0]);
        }

        var n = shorter.Count;
        var m = longer.Count;
        Span<double> scores = n * m <= 64 ? stackalloc double[n * m] : new double[n * m];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < m; j++)
            {
                scores[(i * m) + j] = WordScore(shorter[i], longer[j]);
            }
        }
        // Greedy assignment: names have few words, and the best pair first is what a person would do.
        Span<bool> usedRow = n <= 64 ? stackalloc bool[n] : new bool[n];
        Span<bool> usedCol = m <= 64 ? stackalloc bool[m] : new bool[m];
        var total = 0.0;
        for (var round = 0; round < n; round++)
        {
            int bi = -1, bj = -1;
            var best = -1.0;
            for (var i = 0; i < n; i++)
            {
                if (usedRow[i])
                {
                    continue;
                }
                for (var j = 0; j < m; j++)
                {
                    if (!usedCol[j] && scores[(i * m) + j] > best)
                    {
                        best = scores[(i * m) + j];
                        bi = i;
                        bj = j;
                    }
                }
            }
            usedRow[bi] = true;
            usedCol[bj] = true;
            total += best;
        }
        return total / n * Math.Pow(UnpairedWordFactor, m - n);
    }

    /// <summary>
    /// A bound that <see cref="Score(NameForm, NameForm)"/> never exceeds, computed without Jaro-Winkler: each word of the
    /// shorter name is given its best possible partner, and each pair of words the most <see cref="WordScore"/> could give
    /// them (<see cref="WordUpperBound"/>). Comparing every person of a large file with every other, a pair whose bound is
    /// below a threshold is known to score below it, and is not scored.
    /// </summary>
    public static double UpperBound(NameForm a, NameForm b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var (shorter, longer) = a.Words.Count <= b.Words.Count ? (a.Words, b.Words) : (b.Words, a.Words);
        if (shorter.Count == 0)
        {
            return 0.0;
        }
        if (longer.Count == 1)
        {
            return WordUpperBound(shorter[0], longer[0]);
        }
        // The greedy assignment pairs each word of the shorter name with one word of the longer: at best with the best.
        // (Index loops: this runs for millions of pairs, and an enumerator over the interface would be allocated.)
        var total = 0.0;
        for (var i = 0; i < shorter.Count; i++)
        {
            var best = 0.0;
            for (var j = 0; j < longer.Count && best < 1.0; j++)
            {
                best = Math.Max(best, WordUpperBound(shorter[i], longer[j]));
            }
            total += best;
        }
        var mean = total / shorter.Count;
        return longer.Count == shorter.Count ? mean : mean * Math.Pow(UnpairedWordFactor, longer.Count - shorter.Count);
    }

    /// <summary>
    /// A bound that <see cref="WordScore"/> never exceeds: the same cases, with the Jaro-Winkler similarity of the keys
    /// replaced by a bound from their lengths, their shared beginning and the characters one has that the other lacks,
    /// and without the factors that only lower a score (spelling, surname ending).
    /// </summary>
    internal static double WordUpperBound(NameForm.Word a, NameForm.Word b)
    {
        var given = GivenNames.Match(a.FormGroups, a.AdoptedGroups, b.FormGroups, b.AdoptedGroups);
        if (given >= 1.0)
        {
            return 1.0;
        }
        var ka = a.Keys[0];
        var kb = b.Keys[0];
        if (ka.Length == 0 || kb.Length == 0)
        {
            return given;
        }
        if (string.Equals(ka, kb, StringComparison.Ordinal))
        {
            return 1.0;
        }
        var extra = Math.Max(0, Math.Abs(ka.Length - kb.Length) - 1);
        var bound = JaroWinklerUpperBound(ka, a.KeyMask, kb, b.KeyMask) * Math.Max(0.0, 1.0 - (LengthPenalty * extra));
        if (bound < AlternativeReadingScore && (a.KeysBloom & b.KeysBloom) != 0 && SomeKeyEqual(a.Keys, b.Keys))
        {
            bound = AlternativeReadingScore;
        }
        return Math.Max(bound, given);
    }

    /// <summary>
    /// A bound of <see cref="JaroWinkler"/> for two different non-empty strings: a character of one that the other lacks
    /// cannot be matched, so at most min(length − such characters) match, with no transpositions; the prefix is counted.
    /// </summary>
    private static double JaroWinklerUpperBound(string s1, ulong mask1, string s2, ulong mask2)
    {
        var matches = Math.Min(s1.Length - System.Numerics.BitOperations.PopCount(mask1 & ~mask2),
            s2.Length - System.Numerics.BitOperations.PopCount(mask2 & ~mask1));
        if (matches <= 0)
        {
            return 0.0;
        }
        double m = matches;
        var jaro = ((m / s1.Length) + (m / s2.Length) + 1.0) / 3.0;
        var prefix = 0;
        var maxPrefix = Math.Min(4, Math.Min(s1.Length, s2.Length));
        while (prefix < maxPrefix && s1[prefix] == s2[prefix])
        {
            prefix++;
        }
        return jaro + (prefix * 0.1 * (1.0 - jaro));
    }

    /// <summary>Similarity of two single words.</summary>
    public static double WordScore(NameForm.Word a, NameForm.Word b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var given = GivenNames.Match(a.FormGroups, a.AdoptedGroups, b.FormGroups, b.AdoptedGroups);
        if (given >= 1.0)
        {
            return 1.0;
        }
        var ka = a.Keys;
        var kb = b.Keys;
        if (ka[0].Length == 0 || kb[0].Length == 0)
        {
            return given;
        }
        double score;
        if (string.Equals(ka[0], kb[0], StringComparison.Ordinal))
        {
            score = 1.0;
        }
        else
        {
            // Fuzzy comparison on the first readings only; other readings count only when they meet exactly, since
            // combining a second reading with fuzziness mostly finds other names (Jewtuschenko ~ Schewtschenko).
            score = KeySimilarity(ka[0], kb[0]);
            if (score < AlternativeReadingScore && SomeKeyEqual(ka, kb))
            {
                score = AlternativeReadingScore;
            }
        }
        // Order candidates with equal keys by how close the spellings are, by at most SpellingWeight.
        score *= 1.0 - (SpellingWeight * (1.0 - JaroWinkler(a.Spelling, b.Spelling)));
        return Math.Max(score, given);
    }

    private static bool SomeKeyEqual(IReadOnlyList<string> ka, IReadOnlyList<string> kb)
    {
        // Index loops: no enumerator to allocate per pair of words.
        for (var i = 0; i < ka.Count; i++)
        {
            for (var j = 0; j < kb.Count; j++)
            {
                if (string.Equals(ka[i], kb[j], StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>Similarity of two keys made by <see cref="NameKey.For"/>: 1.0 when equal, else their Jaro-Winkler
    /// similarity reduced by <see cref="LengthPenalty"/> per character of length difference beyond one, and by
    /// <see cref="DerivationFactor"/> when only one of them has a given derivational ending.</summary>
    public static double KeySimilarity(ReadOnlySpan<char> keyA, ReadOnlySpan<char> keyB)
    {
        var jw = JaroWinkler(keyA, keyB);
        if (jw >= 1.0)
        {
            return 1.0;
        }
        var extra = Math.Max(0, Math.Abs(keyA.Length - keyB.Length) - 1);
        var score = jw * (1.0 - (LengthPenalty * extra));
        if (Ending(keyA) != Ending(keyB))
        {
            score *= DerivationFactor;
        }
        return Math.Max(0.0, score);
    }

    private enum KeyEnding
    {
        None,
        Ov,
        In,
        Ski,
        Ich,
    }

    /// <summary>The surname or patronymic ending of a key: -ov/-ev (and Belarusian -aŭ), -in/-yn, -sky, -ich.</summary>
    private static KeyEnding Ending(ReadOnlySpan<char> key) =>
        key.Length < 4 ? KeyEnding.None
        : key.EndsWith("ski") ? KeyEnding.Ski
        : key.EndsWith("ov") || key.EndsWith("ev") || key.EndsWith("av") ? KeyEnding.Ov
        : key.EndsWith("in") ? KeyEnding.In
        : key.EndsWith("ix") ? KeyEnding.Ich
        : KeyEnding.None;

    /// <summary>Jaro-Winkler similarity (prefix scale 0.1, up to 4 prefix characters); 0 when either is empty.</summary>
    public static double JaroWinkler(ReadOnlySpan<char> s1, ReadOnlySpan<char> s2)
    {
        if (s1.Length == 0 || s2.Length == 0)
        {
            return 0.0;
        }
        if (s1.SequenceEqual(s2))
        {
            return 1.0;
        }
        var window = Math.Max(0, (Math.Max(s1.Length, s2.Length) / 2) - 1);
        Span<bool> m1 = s1.Length <= 128 ? stackalloc bool[s1.Length] : new bool[s1.Length];
        Span<bool> m2 = s2.Length <= 128 ? stackalloc bool[s2.Length] : new bool[s2.Length];
        var matches = 0;
        for (var i = 0; i < s1.Length; i++)
        {
            var from = Math.Max(0, i - window);
            var to = Math.Min(s2.Length - 1, i + window);
            for (var j = from; j <= to; j++)
            {
                if (!m2[j] && s1[i] == s2[j])
                {
                    m1[i] = true;
                    m2[j] = true;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0)
        {
            return 0.0;
        }
        var transpositions = 0;
        var k = 0;
        for (var i = 0; i < s1.Length; i++)
        {
            if (!m1[i])
            {
                continue;
            }
            while (!m2[k])
            {
                k++;
            }
            if (s1[i] != s2[k])
            {
                transpositions++;
            }
            k++;
        }
        double m = matches;
        var jaro = ((m / s1.Length) + (m / s2.Length) + ((m - (transpositions / 2.0)) / m)) / 3.0;
        var prefix = 0;
        var maxPrefix = Math.Min(4, Math.Min(s1.Length, s2.Length));
        while (prefix < maxPrefix && s1[prefix] == s2[prefix])
        {
            prefix++;
        }
        return jaro + (prefix * 0.1 * (1.0 - jaro));
    }
}
