namespace CaseTracker.Core.Names;

/// <summary>A way of writing Cyrillic in Latin letters. See docs/names.md for the letter-by-letter tables.</summary>
public enum RomanizationSystem
{
    /// <summary>ISO 9:1995 in its ASCII form, GOST 7.79-2000 System B (щ → shh, х → x, ц → c/cz, ы → y`).</summary>
    Iso9,

    /// <summary>BGN/PCGN (Russian 1947, Ukrainian 2019 = Ukrainian national 2010, Belarusian 1979), ASCII form:
    /// ë written e, soft and hard signs and the middle dot omitted. Also the "display" romanisation.</summary>
    BgnPcgn,

    /// <summary>ALA-LC (Library of Congress) without diacritics and ligature ties (я → ia, ю → iu, й → i).</summary>
    LibraryOfCongress,

    /// <summary>ICAO Doc 9303 (machine-readable travel documents; Russian passports since 2013): я → ia, ъ → ie.</summary>
    Icao9303,

    /// <summary>Popular English press usage (Yeltsin, Dostoyevsky, Prokofiev, Fyodor, Tolstoy).</summary>
    English,

    /// <summary>Popular German usage after Duden (Jelzin, Tschaikowski, Chruschtschow, Schukow).</summary>
    German,

    /// <summary>Popular French usage (Eltsine, Tchaïkovski, Khrouchtchev, Joukov, Soljenitsyne).</summary>
    French,
}

/// <summary>The East Slavic language a Cyrillic word is read in; it changes a few letters (Ukrainian г → h, и → y).</summary>
public enum CyrillicLanguage
{
    /// <summary>Guess per word from the letters (ї є ґ or the ending -ський/-цький/-зький → Ukrainian, ў → Belarusian,
    /// і with ы/э/ё → Belarusian, і otherwise → Ukrainian, else Russian).</summary>
    Auto,
    Russian,
    Ukrainian,
    Belarusian,
}
