using System.Buffers;
using System.Text;

namespace CaseTracker.Core.Names;

/// <summary>
/// A coarse phonetic matching key for one name word in any script, such that a Cyrillic name and its Latin
/// spellings meet: Щаранский, Shcharanskiy, Shcharansky, Sharansky, Scharanski, Chtcharanski and Щаранская all
/// give <c>xaranski</c>; Горбачёв, Gorbachev, Gorbatschow, Gorbatchev, Gorbachov give <c>gorbaxev</c>.
/// </summary>
/// <remarks>
/// <para>The key alphabet is <c>a b d e f g i k l m n o p r s t u v x</c>: <c>x</c> is the whole "hushing"
/// class (ж ч ш щ х: zh ch sh shch kh sch tsch tch chtch h ...), <c>s</c> the whole hissing class (с з ц: s z ts
/// tz c), <c>i</c> every i, y, j, й, ы. Cyrillic is mapped to key letters directly; Latin goes through the same
/// folding of diacritics and letter clusters. Then endings (female -ova/-eva/-ina/-skaya/-aya, -oy, French -e),
/// glides (ya ia ja → a, ye ie je → e, yu iu ju → u, yo io jo → e) and double letters are folded. The rules and
/// why each fold is worth its false matches are in docs/names.md.</para>
/// <para>A few Latin letters are truly ambiguous: j (German/scholarly й, French ж, Spanish х), h (х, or Ukrainian
/// г), x (кс, or ISO 9 х), c (ц in Polish/Czech/ISO 9, Italian ч before e/i, k in Victor, Nicolas) and cz (Polish ч,
/// ISO 9 ц).
/// <see cref="For"/> takes the first reading; <see cref="Alternatives"/> also gives the others (for up to
/// four such letters, so at most <see cref="MaxAlternatives"/> keys). Cyrillic input is never ambiguous.</para>
/// <para>Pure, allocation-light (one string per key), culture-invariant and thread-safe.</para>
/// </remarks>
public static class NameKey
{
    /// <summary>Most keys <see cref="Alternatives"/> returns (2 to the power of the ambiguous letters considered).</summary>
    public const int MaxAlternatives = 1 << MaxSites;

    private const int MaxSites = 4;

    /// <summary>The matching key of one name word (e.g. "Щаранский" → "xaranski"). Empty when it has no letters.
    /// Characters other than letters are ignored, so pass one word: see <see cref="ForFullName"/>.</summary>
    public static string For(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Build(name, 0, out _);
    }

    /// <summary>The primary key first, then the keys of the other readings of its ambiguous Latin letters
    /// (Joukov → "ukov", "xukov"); distinct, at most <see cref="MaxAlternatives"/>.</summary>
    public static IReadOnlyList<string> Alternatives(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var primary = Build(name, 0, out var sites);
        if (sites == 0 || primary.Length == 0)
        {
            return [primary];
        }
        var combos = 1 << Math.Min(sites, MaxSites);
        var list = new List<string>(combos) { primary };
        for (var mask = 1; mask < combos; mask++)
        {
            var key = Build(name, mask, out _);
            if (key.Length > 0 && !list.Contains(key))
            {
                list.Add(key);
            }
        }
        return list;
    }

    /// <summary>The keys of the words of a full name, in order ("Anatoly Shcharansky" → ["anatoli", "xaranski"]).
    /// Words are split at anything that is not a letter or an apostrophe; words without a key are skipped.</summary>
    public static IReadOnlyList<string> ForFullName(string fullName)
    {
        var words = Words(fullName);
        var keys = new List<string>(words.Count);
        foreach (var w in words)
        {
            var key = For(w);
            if (key.Length > 0)
            {
                keys.Add(key);
            }
        }
        return keys;
    }

    /// <summary>The words of a full name: runs of letters (and apostrophes inside them); hyphens, spaces,
    /// commas, dots and other marks separate words.</summary>
    public static IReadOnlyList<string> Words(string fullName)
    {
        ArgumentNullException.ThrowIfNull(fullName);
        var words = new List<string>();
        var i = 0;
        while (i < fullName.Length)
        {
            while (i < fullName.Length && !IsWordChar(fullName[i]))
            {
                i++;
            }
            var start = i;
            while (i < fullName.Length && IsWordChar(fullName[i]))
            {
                i++;
            }
            if (i > start)
            {
                words.Add(fullName[start..i]);
            }
        }
        return words;
    }

    private static bool IsWordChar(char c) =>
        char.IsLetter(c) || c is '\'' or '\u2019' or '\u02BC' or '\u02B9' or '\u02BA' or '`' || IsCombining(c);

    private static bool IsCombining(char c) => c is >= '\u0300' and <= '\u036F';

    /// <summary>The word in lower-case ASCII Latin, close to how it is written: Cyrillic through the display
    /// romanisation, Latin letters without diacritics (š → sh), other characters dropped. Orders candidates that share
    /// a key (Sakharov is closer to Сахаров than to Захаров, Orlova to Орлова than to Орлов).</summary>
    internal static string Spelling(string word)
    {
        var latin = Transliteration.ContainsCyrillic(word) ? Transliteration.Display(word) : word;
        var sb = new StringBuilder(latin.Length + 4);
        foreach (var ch in latin)
        {
            if (ch is >= 'a' and <= 'z')
            {
                sb.Append(ch);
            }
            else if (ch is >= 'A' and <= 'Z')
            {
                sb.Append((char)(ch + 32));
            }
            else if (ch is >= LatinFoldFirst and <= LatinFoldLast)
            {
                sb.Append(LatinFold[ch - LatinFoldFirst]);
            }
        }
        return sb.ToString();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Stage 1: fold every character to lower-case ASCII Latin (Latin input) or to upper-case key letters
    // (Cyrillic input, already phonetic and never ambiguous).

    /// <summary>Latin-1 Supplement and Latin Extended-A/B (U+00C0–U+024F) folded to lower-case ASCII.</summary>
    private static readonly string[] LatinFold = BuildLatinFold();

    private const char LatinFoldFirst = '\u00C0';
    private const char LatinFoldLast = '\u024F';

    private static string[] BuildLatinFold()
    {
        var table = new string[LatinFoldLast - LatinFoldFirst + 1];
        for (var c = LatinFoldFirst; c <= LatinFoldLast; c++)
        {
            var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
            var sb = new StringBuilder(2);
            foreach (var d in decomposed)
            {
                if (d is >= 'a' and <= 'z')
                {
                    sb.Append(d);
                }
                else if (d is >= 'A' and <= 'Z')
                {
                    sb.Append((char)(d + 32));
                }
            }
            table[c - LatinFoldFirst] = sb.ToString();
        }
        void Set(string chars, string value)
        {
            foreach (var ch in chars)
            {
                table[ch - LatinFoldFirst] = value;
            }
        }
        // Slavic and scholarly letters that stand for a cluster.
        Set("ŠšŚśŞşȘș", "sh");
        Set("ŽžŻż", "zh");
        Set("ČčĆćĈĉ", "ch");
        Set("Ŝŝ", "shch");      // ISO 9 щ
        Set("ĚěÊê", "ie");      // Czech ě (bě = bje), ISO 9 є
        Set("Ëë", "io");        // ISO 9 and scholarly ё (Gorbačëv, Fëdor)
        Set("Ââ", "ia");        // ISO 9 я
        Set("Ûû", "iu");        // ISO 9 ю
        Set("ŬŭǓǔ", "w");       // Belarusian ў (Łacinka ŭ, ISO 9 ǔ)
        Set("Çç", "s");
        Set("ß", "ss");
        Set("Ææ", "ae");
        Set("Œœ", "oe");
        Set("Øø", "o");
        Set("ĐđÐð", "d");
        Set("Łł", "l");
        Set("Ħħ", "h");
        Set("Ŧŧ", "t");
        Set("Þþ", "th");
        Set("ı", "i");
        Set("Ŀŀ", "l");
        Set("ŉ", "n");
        return table;
    }

    /// <summary>Cyrillic letter to key letters, upper-case so the Latin cluster rules do not touch them.</summary>
    private static string CyrillicToKey(char c) => c switch
    {
        'а' => "A",
        'б' => "B",
        'в' => "V",
        'г' or 'ґ' => "G",
        'д' => "D",
        'е' or 'ё' or 'э' or 'ѣ' => "E",
        'є' => "IE",
        'ж' or 'х' or 'ч' or 'ш' or 'щ' => "X",
        'з' or 'с' or 'ц' => "S",
        'и' or 'і' or 'ї' or 'й' or 'ы' or 'ѵ' => "I",
        'к' => "K",
        'л' => "L",
        'м' => "M",
        'н' => "N",
        'о' => "O",
        'п' => "P",
        'р' => "R",
        'т' => "T",
        'у' => "U",
        'ў' => "V",
        'ф' or 'ѳ' => "F",
        'ю' => "IU",
        'я' => "IA",
        _ => "", // ь ъ and letters of other Cyrillic languages
    };

    private static int Normalize(ReadOnlySpan<char> name, Span<char> raw)
    {
        var n = 0;
        foreach (var ch in name)
        {
            if (ch is >= 'a' and <= 'z')
            {
                raw[n++] = ch;
            }
            else if (ch is >= 'A' and <= 'Z')
            {
                raw[n++] = (char)(ch + 32);
            }
            else if (Transliteration.IsCyrillic(ch))
            {
                foreach (var k in CyrillicToKey(char.ToLowerInvariant(ch)))
                {
                    raw[n++] = k;
                }
            }
            else if (ch is >= LatinFoldFirst and <= LatinFoldLast)
            {
                foreach (var k in LatinFold[ch - LatinFoldFirst])
                {
                    raw[n++] = k;
                }
            }
            // Anything else (apostrophes, primes, hyphens, digits, combining marks) is dropped.
        }
        return n;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Stage 2: Latin letter clusters to key letters.

    private ref struct Emitter(Span<char> buffer, int mask)
    {
        private readonly Span<char> buffer = buffer;
        public int Length;
        public int Sites;

        public void Put(char c) => buffer[Length++] = c;

        /// <summary>An ambiguous letter: true when this build takes its second reading.</summary>
        public bool Alternative()
        {
            var alt = Sites < MaxSites && ((mask >> Sites) & 1) == 1;
            Sites++;
            return alt;
        }
    }

    private static bool IsLatin(char c) => c is >= 'a' and <= 'z';

    private static void Tokenize(ReadOnlySpan<char> raw, ref Emitter e)
    {
        var n = raw.Length;
        static char At(ReadOnlySpan<char> s, int k) => k < s.Length && IsLatin(s[k]) ? s[k] : '\0';
        var i = 0;
        while (i < n)
        {
            var c = raw[i];
            if (!IsLatin(c))
            {
                e.Put((char)(c + 32)); // a Cyrillic key letter
                i++;
                continue;
            }
            var n1 = At(raw, i + 1);
            var n2 = At(raw, i + 2);
            var n3 = At(raw, i + 3);
            switch (c)
            {
                case 'c':
                    if (n1 == 'h')
                    {
                        e.Put('x'); // ch (En ч, De х, Fr ш), chtch via ch + tch
                        i += 2;
                    }
                    else if (n1 == 'z')
                    {
                        // Polish writes ч as cz (Czechow, Szewczenko); ISO 9 System B writes ц as cz before e i y j.
                        e.Put(e.Alternative() ? 's' : 'x');
                        i += 2;
                    }
                    else
                    {
                        // c: ц (Cvetaeva, Wysocki, ISO 9 Kuznecov); or Italian ч before e/i (Cechov, Ciaikovskij),
                        // k elsewhere (Victor, Nicolas).
                        var other = n1 is 'e' or 'i' or 'y' ? 'x' : 'k';
                        e.Put(e.Alternative() ? other : 's');
                        i++;
                    }
                    break;
                case 'f':
                    if (n1 == 'f' && i + 2 == n)
                    {
                        e.Put('v'); // final -ff: Orloff, Rachmaninoff, Prokofieff
                        i += 2;
                    }
                    else
                    {
                        e.Put('f');
                        i++;
                    }
                    break;
                case 'g':
                    e.Put('g');
                    i += (n1 == 'u' && n2 is 'e' or 'i' or 'y') || n1 == 'h' ? 2 : 1; // French gue/gui, Ukrainian zgh
                    break;
                case 'h':
                    e.Put(e.Alternative() ? 'g' : 'x'); // х (Mihail, Jruschov-like), or Ukrainian г (Hryhorenko)
                    i++;
                    break;
                case 'i' or 'y':
                    e.Put('i');
                    i++;
                    break;
                case 'j':
                    e.Put(e.Alternative() ? 'x' : 'i'); // German/scholarly й; French ж, Spanish х
                    i++;
                    break;
                case 'k':
                    e.Put(n1 == 'h' ? 'x' : 'k');
                    i += n1 == 'h' ? 2 : 1;
                    break;
                case 'o':
                    e.Put(n1 == 'u' ? 'u' : 'o'); // French ou
                    i += n1 == 'u' ? 2 : 1;
                    break;
                case 'p':
                    e.Put(n1 == 'h' ? 'f' : 'p');
                    i += n1 == 'h' ? 2 : 1;
                    break;
                case 'q':
                    e.Put('k');
                    if (n1 == 'u')
                    {
                        e.Put('v');
                        i++;
                    }
                    i++;
                    break;
                case 's':
                    if (n1 == 'c' && n2 == 'h')
                    {
                        e.Put('x'); // sch, schtsch via sch + tsch
                        i += 3;
                    }
                    else if (n1 == 'h')
                    {
                        e.Put('x'); // sh, shch via sh + ch, ISO 9 shh
                        i += n2 == 'h' ? 3 : 2;
                    }
                    else if (n1 == 'c' && n2 is 'e' or 'i')
                    {
                        e.Put('x'); // Italian sce, sci (Krusciov)
                        i += 2;
                    }
                    else if (n1 == 'z')
                    {
                        e.Put('x'); // Polish sz, szcz
                        i += n2 == 'c' && n3 == 'z' ? 4 : 2;
                    }
                    else
                    {
                        e.Put('s');
                        i++;
                    }
                    break;
                case 't':
                    if (n1 == 's' && n2 == 'c' && n3 == 'h')
                    {
                        e.Put('x');
                        i += 4;
                    }
                    else if (n1 == 'c' && n2 == 'h')
                    {
                        e.Put('x');
                        i += 3;
                    }
                    else if (n1 is 's' or 'z')
                    {
                        e.Put('s'); // ts, tz = ц
                        i += 2;
                    }
                    else
                    {
                        e.Put('t');
                        i += n1 == 'h' ? 2 : 1;
                    }
                    break;
                case 'w':
                    e.Put('v');
                    i++;
                    break;
                case 'x':
                    if (e.Alternative())
                    {
                        e.Put('x'); // ISO 9 х
                    }
                    else
                    {
                        e.Put('k'); // Alexander, Axionov
                        e.Put('s');
                    }
                    i++;
                    break;
                case 'z':
                    e.Put(n1 == 'h' ? 'x' : 's');
                    i += n1 == 'h' ? 2 : 1;
                    break;
                default:
                    e.Put(c); // a b d e l m n r u v
                    i++;
                    break;
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Stage 3: folds on the key letters.

    private static bool IsKeyVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    private static bool EndsWith(Span<char> p, int len, string suffix) =>
        len >= suffix.Length && p[(len - suffix.Length)..len].SequenceEqual(suffix);

    private static int Collapse(Span<char> p, int len)
    {
        if (len == 0)
        {
            return 0;
        }
        var w = 1;
        for (var r = 1; r < len; r++)
        {
            if (p[r] != p[w - 1])
            {
                p[w++] = p[r];
            }
        }
        return w;
    }

    private static int Fold(Span<char> p, int len)
    {
        // ts → s, tx → x, sx → x: Cyrillic тс/тч/сч meet Latin ts, tch, sch.
        var w = 0;
        for (var r = 0; r < len; r++)
        {
            var c = p[r];
            if (w > 0 && ((c == 's' && p[w - 1] == 't') || (c == 'x' && p[w - 1] is 't' or 's')))
            {
                p[w - 1] = c;
                continue;
            }
            p[w++] = c;
        }
        len = Collapse(p, w);

        // Belarusian final -аў written -au (ICAO, German: Bykau) → -av, as ў is; final -f → -v, as -ff already
        // (final в sounds f: Orlof, Prokofief).
        if (len >= 3 && ((p[len - 2] == 'a' && p[len - 1] == 'u') || p[len - 1] == 'f'))
        {
            p[len - 1] = 'v';
        }

        // French mute final -e (Eltsine, Soljenitsyne, Pouchkine).
        if (len >= 6 && p[len - 1] == 'e' && !IsKeyVowel(p[len - 2]))
        {
            len--;
        }

        // Endings: female forms onto the male form, -oy/-oi onto -iy, patronymics.
        if (len >= 5 && EndsWith(p, len, "aia"))
        {
            p[len - 3] = 'i'; // -aya/-aja/-aia/-ая (Tolstaya, Shcharanskaya) → -i
            len -= 2;
        }
        else if (len >= 4 && EndsWith(p, len, "oi"))
        {
            p[len - 2] = 'i'; // -oy/-oi/-oj/-ой (Tolstoy) → -i
            len--;
        }
        else if (len >= 5 && EndsWith(p, len, "ska"))
        {
            p[len - 1] = 'i'; // -ska (Polish, Ukrainian -ська) → -ski
        }
        else if (len >= 6 && (EndsWith(p, len, "ovna") || EndsWith(p, len, "evna")))
        {
            p[len - 2] = 'i'; // -ovna/-evna → -ovich/-evich
            p[len - 1] = 'x';
        }
        else if (len >= 6 && EndsWith(p, len, "ixna"))
        {
            len -= 2; // -ichna → -ich
        }
        else if (len >= 5 && (EndsWith(p, len, "ova") || EndsWith(p, len, "eva") || EndsWith(p, len, "ina")))
        {
            len--; // -ova/-eva/-ina/-yna → -ov/-ev/-in
        }

        // yo/io/jo → e (Fyodor = Fedor), o after the hushing class → e (Gorbatschow = Gorbachev).
        w = 0;
        for (var r = 0; r < len; r++)
        {
            var c = p[r];
            if (c == 'i' && r + 1 < len && p[r + 1] == 'o')
            {
                p[w++] = 'e';
                r++;
                continue;
            }
            var folded = c == 'o' && w > 0 && p[w - 1] == 'x' ? 'e' : c;
            p[w++] = folded;
        }
        len = w;

        // A glide before a vowel goes: ya → a, ye → e, yu → u (Yelena = Elena = Jelena, Dostoyevsky = Dostoevsky).
        w = 0;
        for (var r = 0; r < len; r++)
        {
            if (p[r] == 'i' && r + 1 < len && p[r + 1] is 'a' or 'e' or 'o' or 'u')
            {
                continue;
            }
            p[w++] = p[r];
        }
        return Collapse(p, w);
    }

    private static string Build(ReadOnlySpan<char> name, int mask, out int sites)
    {
        var size = name.Length * 4 + 8;
        char[]? rented = null;
        var buffer = size <= 256 ? stackalloc char[512] : (rented = ArrayPool<char>.Shared.Rent(size * 2));
        try
        {
            var raw = buffer[..size];
            var keys = buffer[size..(size * 2)];
            var n = Normalize(name, raw);
            var e = new Emitter(keys, mask);
            Tokenize(raw[..n], ref e);
            sites = e.Sites;
            var len = Fold(keys, e.Length);
            return new string(keys[..len]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }
}
