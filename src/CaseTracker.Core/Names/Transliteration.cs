using System.Text;

namespace CaseTracker.Core.Names;

/// <summary>
/// Cyrillic (Russian, Ukrainian, Belarusian) to Latin under the standard and popular systems of
/// <see cref="RomanizationSystem"/>. Pure, culture-invariant and thread-safe. Non-Cyrillic text passes through
/// unchanged; letter case follows the source (a capital becomes "Shch", a word in capitals "SHCH").
/// </summary>
public static class Transliteration
{
    /// <summary>Upper bound on the number of strings <see cref="AllRomanizations"/> returns.</summary>
    public const int MaxRomanizations = 64;

    /// <summary>Every system, in the order <see cref="AllRomanizations"/> tries them.</summary>
    public static IReadOnlyList<RomanizationSystem> Systems { get; } =
    [
        RomanizationSystem.BgnPcgn, RomanizationSystem.English, RomanizationSystem.LibraryOfCongress,
        RomanizationSystem.Icao9303, RomanizationSystem.Iso9, RomanizationSystem.German, RomanizationSystem.French,
    ];

    /// <summary>Whether <paramref name="c"/> is a Cyrillic letter (U+0400–U+04FF).</summary>
    public static bool IsCyrillic(char c) => c is >= '\u0400' and <= '\u04FF';

    /// <summary>Whether the text holds at least one Cyrillic letter.</summary>
    public static bool ContainsCyrillic(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (IsCyrillic(c))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// Guesses the language of one Cyrillic word from letters only one language has. Words without such letters
    /// (Шевченко, Григоренко) come out Russian: pass the language explicitly when it is known.
    /// </summary>
    public static CyrillicLanguage DetectLanguage(ReadOnlySpan<char> word)
    {
        bool ukrainianOnly = false, belarusianOnly = false, i = false, russianOrBelarusian = false;
        foreach (var raw in word)
        {
            switch (char.ToLowerInvariant(raw))
            {
                case 'ї' or 'є' or 'ґ':
                    ukrainianOnly = true;
                    break;
                case 'ў':
                    belarusianOnly = true;
                    break;
                case 'і':
                    i = true;
                    break;
                case 'ы' or 'э' or 'ё' or 'ъ':
                    russianOrBelarusian = true;
                    break;
            }
        }
        if (ukrainianOnly || EndsWithUkrainianAdjective(word))
        {
            return CyrillicLanguage.Ukrainian;
        }
        if (belarusianOnly || (i && russianOrBelarusian))
        {
            return CyrillicLanguage.Belarusian;
        }
        return i ? CyrillicLanguage.Ukrainian : CyrillicLanguage.Russian;
    }

    /// <summary>-ський, -цький, -зький: Russian writes -ский, -цкий, -зкий.</summary>
    private static bool EndsWithUkrainianAdjective(ReadOnlySpan<char> word) =>
        word.Length > 5
        && (word.EndsWith("ський", StringComparison.OrdinalIgnoreCase)
            || word.EndsWith("цький", StringComparison.OrdinalIgnoreCase)
            || word.EndsWith("зький", StringComparison.OrdinalIgnoreCase));

    /// <summary>Romanises every Cyrillic word of <paramref name="text"/> under <paramref name="system"/>.</summary>
    public static string Romanize(string text, RomanizationSystem system, CyrillicLanguage language = CyrillicLanguage.Auto)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Romanize(text, new Style(system), language);
    }

    /// <summary>
    /// The one romanisation to show for a name known only in Cyrillic: BGN/PCGN in ASCII
    /// (Щаранский → Shcharanskiy, Горбачёв → Gorbachev, Київ → Kyiv).
    /// </summary>
    public static string Display(string text) => Romanize(text, RomanizationSystem.BgnPcgn);

    /// <summary>
    /// The plausible Latin spellings of a Cyrillic name: one per system plus a few popular combinations
    /// (-sky/-ski/-skiy/-skij, -off, Щ simplified to Sh/Sch, E for initial Е, the Ukrainian reading of a
    /// Ukrainian-looking word). Deduplicated ignoring case, in a stable order (display form first), at most
    /// <see cref="MaxRomanizations"/>. Not the cartesian product of all letter choices: matching across
    /// the rest is the job of <see cref="NameKey"/>.
    /// </summary>
    public static IReadOnlyList<string> AllRomanizations(string text, CyrillicLanguage language = CyrillicLanguage.Auto)
    {
        ArgumentNullException.ThrowIfNull(text);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = new List<string>();
        void Add(Style style, CyrillicLanguage lang)
        {
            if (result.Count < MaxRomanizations)
            {
                var s = Romanize(text, style, lang);
                if (s.Length > 0 && seen.Add(s))
                {
                    result.Add(s);
                }
            }
        }

        foreach (var system in Systems)
        {
            Add(new Style(system), language);
        }
        var en = RomanizationSystem.English;
        Add(new Style(en, Ending: AdjectiveEnding.I), language);
        Add(new Style(en, Ending: AdjectiveEnding.Iy), language);
        Add(new Style(en, Ending: AdjectiveEnding.Ij), language);
        Add(new Style(en, Ending: AdjectiveEnding.Ii), language);
        Add(new Style(en, Off: true), language);
        Add(new Style(en, ShchAsSh: true), language);
        Add(new Style(en, ShchAsSh: true, Ending: AdjectiveEnding.I), language);
        Add(new Style(en, PlainInitialE: true), language);
        Add(new Style(en, PlainInitialE: true, Ending: AdjectiveEnding.I), language);
        Add(new Style(RomanizationSystem.German, ShchAsSh: true), language);
        Add(new Style(RomanizationSystem.German, Ending: AdjectiveEnding.Ij), language);
        Add(new Style(RomanizationSystem.French, ShchAsSh: true), language);
        Add(new Style(RomanizationSystem.French, Off: true), language);

        // A Ukrainian surname without a Ukrainian-only letter (Григоренко) is read as Russian by default;
        // offer its Ukrainian reading too (Hryhorenko).
        if (language == CyrillicLanguage.Auto && CouldBeUkrainian(text))
        {
            Add(new Style(RomanizationSystem.BgnPcgn), CyrillicLanguage.Ukrainian);
            Add(new Style(RomanizationSystem.German), CyrillicLanguage.Ukrainian);
            Add(new Style(RomanizationSystem.LibraryOfCongress), CyrillicLanguage.Ukrainian);
        }
        return result;
    }

    /// <summary>Surname endings typical of Ukrainian: -енко and -ко (Шевченко, Франко), -ук and -юк (Кравчук, Полищук).</summary>
    private static readonly string[] UkrainianEndings = ["ко", "ук", "юк"];

    /// <summary>Whether every Cyrillic word is free of letters Ukrainian lacks (ы э ё ъ) and of letters that already
    /// decided the language, and at least one ends like a Ukrainian surname.</summary>
    private static bool CouldBeUkrainian(string text)
    {
        var looksUkrainian = false;
        foreach (var word in NameKey.Words(text))
        {
            if (!ContainsCyrillic(word))
            {
                continue;
            }
            foreach (var raw in word)
            {
                if (char.ToLowerInvariant(raw) is 'ы' or 'э' or 'ё' or 'ъ' or 'ў' or 'ї' or 'є' or 'ґ' or 'і')
                {
                    return false;
                }
            }
            foreach (var ending in UkrainianEndings)
            {
                looksUkrainian |= word.EndsWith(ending, StringComparison.OrdinalIgnoreCase);
            }
        }
        return looksUkrainian;
    }

    // ---------------------------------------------------------------------------------------------------------

    internal enum AdjectiveEnding
    {
        /// <summary>The system's own rule.</summary>
        Default,
        Y,
        I,
        Iy,
        Ij,
        Ii,
    }

    internal readonly record struct Style(
        RomanizationSystem System,
        AdjectiveEnding Ending = AdjectiveEnding.Default,
        bool Off = false,
        bool ShchAsSh = false,
        bool PlainInitialE = false);

    /// <summary>A letter's neighbours in its word, lower-case; '\0' beyond the word.</summary>
    private readonly record struct Ctx(char Prev, char Next, char Next2)
    {
        public bool Start => Prev == '\0';
        public bool End => Next == '\0';
        public bool AfterVowel => IsVowel(Prev);
        public bool AfterSign => IsSign(Prev);
        public bool AfterHusher => Prev is 'ж' or 'ч' or 'ш' or 'щ';

        /// <summary>Where BGN writes е as "ye": initially, after a vowel, й, ъ or ь.</summary>
        public bool IotaPosition => Start || AfterVowel || AfterSign || Prev == 'й';

        /// <summary>This и/ы is followed by a final й: the adjectival ending -ий/-ый.</summary>
        public bool BeforeFinalShortI => Next == 'й' && Next2 == '\0';

        /// <summary>This й ends the word after и/ы.</summary>
        public bool FinalAfterIorY => End && Prev is 'и' or 'ы';
    }

    private static bool IsVowel(char c) => c is 'а' or 'е' or 'ё' or 'и' or 'о' or 'у' or 'ы' or 'э' or 'ю' or 'я' or 'і' or 'ї' or 'є';

    private static bool IsSign(char c) => c is 'ь' or 'ъ' || IsApostrophe(c);

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u02BC';

    internal static string Romanize(string text, Style style, CyrillicLanguage language)
    {
        if (!ContainsCyrillic(text))
        {
            return text;
        }
        var sb = new StringBuilder(text.Length * 2);
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetter(text[i]))
            {
                sb.Append(text[i]);
                i++;
                continue;
            }
            var start = i;
            while (i < text.Length && (char.IsLetter(text[i])
                || (IsApostrophe(text[i]) && i + 1 < text.Length && char.IsLetter(text[i + 1]))))
            {
                i++;
            }
            RomanizeWord(text.AsSpan(start, i - start), style, language, sb);
        }
        return sb.ToString();
    }

    private static void RomanizeWord(ReadOnlySpan<char> word, Style style, CyrillicLanguage language, StringBuilder sb)
    {
        if (!ContainsCyrillic(word))
        {
            sb.Append(word);
            return;
        }
        var lang = language == CyrillicLanguage.Auto ? DetectLanguage(word) : language;
        int letters = 0, upper = 0;
        foreach (var c in word)
        {
            if (char.IsLetter(c))
            {
                letters++;
                if (char.IsUpper(c))
                {
                    upper++;
                }
            }
        }
        var allCaps = letters > 1 && upper == letters;
        for (var j = 0; j < word.Length; j++)
        {
            var c = word[j];
            if (!IsCyrillic(c) && !IsApostrophe(c))
            {
                sb.Append(c);
                continue;
            }
            var lower = char.ToLowerInvariant(c);
            var ctx = new Ctx(
                j > 0 ? char.ToLowerInvariant(word[j - 1]) : '\0',
                j + 1 < word.Length ? char.ToLowerInvariant(word[j + 1]) : '\0',
                j + 2 < word.Length ? char.ToLowerInvariant(word[j + 2]) : '\0');
            var latin = Map(lower, ctx, style, lang);
            if (latin.Length == 0)
            {
                continue;
            }
            if (!char.IsUpper(c))
            {
                sb.Append(latin);
            }
            else if (allCaps)
            {
                sb.Append(latin.ToUpperInvariant());
            }
            else
            {
                sb.Append(char.ToUpperInvariant(latin[0])).Append(latin, 1, latin.Length - 1);
            }
        }
    }

    private static string Map(char c, Ctx x, Style style, CyrillicLanguage lang) => style.System switch
    {
        RomanizationSystem.Iso9 => Iso9(c, x, lang),
        RomanizationSystem.BgnPcgn => lang switch
        {
            CyrillicLanguage.Ukrainian => Ukrainian(c, x) ?? Bgn(c, x),
            CyrillicLanguage.Belarusian => BgnBelarusian(c, x) ?? Bgn(c, x),
            _ => Bgn(c, x),
        },
        RomanizationSystem.LibraryOfCongress => LibraryOfCongress(c, lang),
        RomanizationSystem.Icao9303 => Icao(c, lang),
        RomanizationSystem.English => lang switch
        {
            CyrillicLanguage.Ukrainian => Ukrainian(c, x) ?? English(c, x, style),
            CyrillicLanguage.Belarusian => BgnBelarusian(c, x) ?? English(c, x, style),
            _ => English(c, x, style),
        },
        RomanizationSystem.German => German(c, x, style, lang),
        RomanizationSystem.French => French(c, x, style, lang),
        _ => throw new ArgumentOutOfRangeException(nameof(style)),
    };

    /// <summary>Letters every system writes the same way; null for the rest.</summary>
    private static string? Common(char c) => c switch
    {
        'а' => "a",
        'б' => "b",
        'д' => "d",
        'з' => "z",
        'к' => "k",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' => "u",
        'ф' => "f",
        'в' => "v",
        'г' => "g",
        'ґ' => "g",
        'ж' => "zh",
        'х' => "kh",
        'ц' => "ts",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "shch",
        'ь' or 'ъ' => "",
        'ы' => "y",
        'э' => "e",
        'і' => "i",
        'ѣ' => "e",
        'ѳ' => "f",
        'ѵ' => "i",
        '\'' or '\u2019' or '\u02BC' => "",
        _ => null,
    };

    // GOST 7.79-2000 System B (the ASCII form of ISO 9:1995).
    private static string Iso9(char c, Ctx x, CyrillicLanguage lang) => c switch
    {
        'ґ' => "g`",
        'е' => "e",
        'ё' => "yo",
        'є' => "ye",
        'и' => lang == CyrillicLanguage.Ukrainian ? "y`" : "i",
        'ї' => "yi",
        'й' => "j",
        'ў' => "u`",
        'х' => "x",
        // cz before the letters written i, e, y, j; c otherwise.
        'ц' => x.Next is 'е' or 'и' or 'й' or 'ы' or 'э' or 'ё' or 'ю' or 'я' or 'є' or 'і' or 'ї' ? "cz" : "c",
        'щ' => "shh",
        'ъ' => "``",
        'ы' => "y`",
        'ь' => "`",
        'э' => "e`",
        'ю' => "yu",
        'я' => "ya",
        'ѣ' => "ye",
        'ѳ' => "fh",
        'ѵ' => "yh",
        '\'' or '\u2019' or '\u02BC' => "'",
        _ => Common(c) ?? c.ToString(),
    };

    // BGN/PCGN 1947 for Russian, ASCII form.
    private static string Bgn(char c, Ctx x) => c switch
    {
        'е' or 'ё' => x.IotaPosition ? "ye" : "e",
        'и' => "i",
        'й' => "y",
        'ю' => "yu",
        'я' => "ya",
        'є' => "ye",
        'ї' => "yi",
        'ў' => "w",
        _ => Common(c) ?? c.ToString(),
    };

    // Ukrainian national system (2010), adopted by BGN/PCGN in 2019. Null for letters it shares with Russian BGN.
    private static string? Ukrainian(char c, Ctx x) => c switch
    {
        'г' => x.Prev == 'з' ? "gh" : "h",
        'ґ' => "g",
        'е' => "e",
        'є' => x.Start ? "ye" : "ie",
        'и' => "y",
        'і' => "i",
        'ї' => x.Start ? "yi" : "i",
        'й' => x.Start ? "y" : "i",
        'ю' => x.Start ? "yu" : "iu",
        'я' => x.Start ? "ya" : "ia",
        _ => null,
    };

    // BGN/PCGN 1979 for Belarusian. Null for letters it shares with Russian BGN.
    private static string? BgnBelarusian(char c, Ctx x) => c switch
    {
        'г' => "h",
        'е' => "ye",
        'ё' => "yo",
        'ў' => "w",
        'й' => "y",
        _ => null,
    };

    // ALA-LC without diacritics: ë → e, ė → e, ĭ → i, t͡s → ts, i͡a → ia; ʹ and ʺ omitted.
    private static string LibraryOfCongress(char c, CyrillicLanguage lang) => c switch
    {
        'г' => lang is CyrillicLanguage.Ukrainian or CyrillicLanguage.Belarusian ? "h" : "g",
        'е' => "e",
        'ё' => lang == CyrillicLanguage.Belarusian ? "io" : "e",
        'є' => "ie",
        'и' => lang == CyrillicLanguage.Ukrainian ? "y" : "i",
        'ї' => "i",
        'й' => "i",
        'ў' => "u",
        'ю' => "iu",
        'я' => "ia",
        'ѵ' => "y",
        _ => Common(c) ?? c.ToString(),
    };

    // ICAO Doc 9303 Part 3 (7th ed.), with its language exceptions: Belarusian Г → H, Ё → IO; Ukrainian И → Y.
    private static string Icao(char c, CyrillicLanguage lang) => c switch
    {
        'г' => lang == CyrillicLanguage.Belarusian ? "h" : "g",
        'е' => "e",
        'ё' => lang == CyrillicLanguage.Belarusian ? "io" : "e",
        'є' => "ie",
        'и' => lang == CyrillicLanguage.Ukrainian ? "y" : "i",
        'ї' => "i",
        'й' => "i",
        'ў' => "u",
        'ъ' => "ie",
        'ю' => "iu",
        'я' => "ia",
        _ => Common(c) ?? c.ToString(),
    };

    private static string AdjectiveEndingFor(char vowel, AdjectiveEnding ending) => (vowel, ending) switch
    {
        ('и', AdjectiveEnding.Y) => "y",
        ('и', AdjectiveEnding.I) => "i",
        ('и', AdjectiveEnding.Iy) => "iy",
        ('и', AdjectiveEnding.Ij) => "ij",
        ('и', AdjectiveEnding.Ii) => "ii",
        (_, AdjectiveEnding.Y) => "y",
        (_, AdjectiveEnding.I) => "i",
        (_, AdjectiveEnding.Iy) => "yy",
        (_, AdjectiveEnding.Ij) => "yj",
        _ => "yi",
    };

    // Popular English press usage for Russian.
    private static string English(char c, Ctx x, Style s) => c switch
    {
        'е' when x.Prev == 'ь' => "ie",
        'е' when x.Start && s.PlainInitialE => "e",
        'е' => x.IotaPosition ? "ye" : "e",
        'ё' => x.AfterHusher ? "e" : "yo",
        'и' or 'ы' when x.BeforeFinalShortI =>
            AdjectiveEndingFor(c, s.Ending == AdjectiveEnding.Default ? AdjectiveEnding.Y : s.Ending),
        'й' when x.FinalAfterIorY => "",
        'й' when x.End && x.Prev is 'а' or 'е' or 'у' or 'я' or 'ю' or 'э' => "i",
        'й' => "y",
        'в' when s.Off && x.End && x.Prev is 'о' or 'е' or 'ё' => "ff",
        'щ' => s.ShchAsSh ? "sh" : "shch",
        'ю' => "yu",
        'я' => "ya",
        'и' => "i",
        'є' => "ye",
        'ї' => "yi",
        'ў' => "w",
        _ => Common(c) ?? c.ToString(),
    };

    // Popular German usage (Duden), with the Ukrainian and Belarusian readings German uses today.
    private static string German(char c, Ctx x, Style s, CyrillicLanguage lang)
    {
        if (lang == CyrillicLanguage.Ukrainian)
        {
            switch (c)
            {
                case 'г': return "h";
                case 'и': return "y";
                case 'ї': return "ji";
                case 'й': return "j";
                case 'є': return "je";
                case 'е': return "e";
            }
        }
        else if (lang == CyrillicLanguage.Belarusian)
        {
            switch (c)
            {
                case 'г': return "h";
                case 'ў': return "u";
            }
        }
        return c switch
        {
            'в' => "w",
            'е' => x.IotaPosition ? "je" : "e",
            'ё' => x.AfterHusher ? "o" : "jo",
            'ж' => "sch",
            'з' => "s",
            'и' or 'ы' when x.BeforeFinalShortI && s.Ending == AdjectiveEnding.Ij => c == 'и' ? "ij" : "yj",
            'й' when x.FinalAfterIorY => "",
            'й' when IsVowel(x.Next) => "j",
            'й' => "i",
            'с' => x.AfterVowel && IsVowel(x.Next) ? "ss" : "s",
            'х' => "ch",
            'ц' => "z",
            'ч' => "tsch",
            'ш' => "sch",
            'щ' => s.ShchAsSh ? "sch" : "schtsch",
            'ю' => "ju",
            'я' => "ja",
            'є' => "je",
            'ї' => "ji",
            'ў' => "u",
            'и' => "i",
            _ => Common(c) ?? c.ToString(),
        };
    }

    // Popular French usage.
    private static string French(char c, Ctx x, Style s, CyrillicLanguage lang)
    {
        if (lang == CyrillicLanguage.Ukrainian)
        {
            switch (c)
            {
                case 'г': return "h";
                case 'и': return "y";
                case 'ї': return "ï";
                case 'є': return "ie";
                case 'й': return x.FinalAfterIorY ? "" : "ï";
            }
        }
        else if (lang == CyrillicLanguage.Belarusian)
        {
            switch (c)
            {
                case 'г': return "h";
                case 'ў': return "w";
            }
        }
        return c switch
        {
            'г' => x.Next is 'е' or 'и' or 'ё' or 'э' or 'є' or 'і' ? "gu" : "g",
            'е' when x.Start => "e",
            'е' when x.AfterVowel => "ïe",
            'е' when x.AfterSign => "ie",
            'е' => "e",
            'ё' => x.AfterHusher ? "e" : "io",
            'ж' => "j",
            'и' when x.AfterVowel => "ï",
            'и' => "i",
            'й' when x.FinalAfterIorY => "",
            'й' when x.AfterVowel => "ï",
            'й' => "i",
            'н' when x.End && x.Prev is 'и' or 'ы' => "ne",
            'в' when s.Off && x.End && x.Prev is 'о' or 'е' or 'ё' => "ff",
            'с' => x.AfterVowel && IsVowel(x.Next) ? "ss" : "s",
            'у' => "ou",
            'ч' => "tch",
            'ш' => "ch",
            'щ' => s.ShchAsSh ? "ch" : "chtch",
            'ю' => x.AfterVowel ? "ïou" : "iou",
            'я' => x.AfterVowel ? "ïa" : "ia",
            'є' => "ie",
            'ї' => "ï",
            'ў' => "w",
            _ => Common(c) ?? c.ToString(),
        };
    }
}
