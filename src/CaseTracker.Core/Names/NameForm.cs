using System.Collections.Concurrent;

namespace CaseTracker.Core.Names;

/// <summary>
/// A name prepared for <see cref="NameSimilarity"/>: its words with their key alternatives and given-name groups,
/// computed once. Immutable and safe to cache and share between threads.
/// </summary>
public sealed class NameForm
{
    private NameForm(string text, IReadOnlyList<Word> words)
    {
        Text = text;
        Words = words;
    }

    /// <summary>The text it was made from.</summary>
    public string Text { get; }

    /// <summary>Its words that have a key, in order.</summary>
    public IReadOnlyList<Word> Words { get; }

    /// <summary>
    /// At most this many distinct words are kept prepared (<see cref="Prepared"/>); past it, the kept words are let go
    /// and kept anew. A word costs a few hundred bytes.
    /// </summary>
    internal const int KeptWords = 50_000;

    /// <summary>
    /// Words already prepared, by their text as written (none for a word without a key). Preparing a word is a pure
    /// function of its text, and the words of names repeat: a search scores the words of a few thousand names, and
    /// preparing them anew was most of its time in the app (docs/performance.md).
    /// </summary>
    private static readonly ConcurrentDictionary<string, Word?> Prepared = new(StringComparer.Ordinal);

    /// <summary>Prepares a name (one word or a full name, any script).</summary>
    public static NameForm Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new List<Word>();
        foreach (var w in NameKey.Words(text))
        {
            if (PreparedWord(w) is { } word)
            {
                words.Add(word);
            }
        }
        return new NameForm(text, words);
    }

    private static Word? PreparedWord(string text)
    {
        if (Prepared.TryGetValue(text, out var known))
        {
            return known;
        }
        var keys = NameKey.Alternatives(text);
        Word? word = null;
        if (keys[0].Length > 0)
        {
            var (forms, adopted) = GivenNames.GroupsOf(keys);
            word = new Word(text, keys, NameKey.Spelling(text), forms, adopted);
        }
        if (Prepared.Count >= KeptWords)
        {
            Prepared.Clear();
        }
        Prepared.TryAdd(text, word);
        return word;
    }

    /// <inheritdoc/>
    public override string ToString() => Text;

    /// <summary>One word of a name.</summary>
    public sealed class Word
    {
        internal Word(string text, IReadOnlyList<string> keys, string spelling, int[] formGroups, int[] adoptedGroups)
        {
            Text = text;
            Keys = keys;
            Spelling = spelling;
            FormGroups = formGroups;
            AdoptedGroups = adoptedGroups;
            foreach (var ch in keys[0])
            {
                KeyMask |= 1UL << (ch % 64);
            }
            foreach (var key in keys)
            {
                KeysBloom |= 1UL << (StringComparer.Ordinal.GetHashCode(key) & 63);
            }
        }

        /// <summary>The word as written.</summary>
        public string Text { get; }

        /// <summary>Its key (first) and the keys of other readings of ambiguous letters.</summary>
        public IReadOnlyList<string> Keys { get; }

        /// <summary>Its primary key.</summary>
        public string Key => Keys[0];

        /// <summary>The word in lower-case ASCII close to its written form (Cyrillic through the display
        /// romanisation), used only to order candidates with equal keys.</summary>
        public string Spelling { get; }

        internal int[] FormGroups { get; }

        internal int[] AdoptedGroups { get; }

        /// <summary>The characters of the primary key as bits (character code modulo 64), for <see cref="NameSimilarity.UpperBound"/>.</summary>
        internal ulong KeyMask { get; }

        /// <summary>One bit per key (of its hash): words whose blooms share no bit have no key in common.</summary>
        internal ulong KeysBloom { get; }

        /// <inheritdoc/>
        public override string ToString() => Text;
    }
}
