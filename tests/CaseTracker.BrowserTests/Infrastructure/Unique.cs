using System.Security.Cryptography;

namespace CaseTracker.BrowserTests.Infrastructure;

/// <summary>
/// Names no other test (and no demo record) uses, in both scripts: the tests share one database, so each one
/// makes its own people and lists. Names must be letters only, so they are built from syllables, each with its
/// Cyrillic spelling.
/// </summary>
public static class Unique
{
    private static readonly (string Latin, string Cyrillic)[] Syllables =
    [
        ("ba", "ба"), ("ve", "ве"), ("go", "го"), ("du", "ду"), ("zi", "зи"), ("ka", "ка"), ("lo", "ло"), ("mu", "му"),
        ("ne", "не"), ("po", "по"), ("ri", "ри"), ("su", "су"), ("te", "те"), ("fo", "фо"), ("bi", "би"), ("vo", "во"),
        ("da", "да"), ("ze", "зе"), ("ki", "ки"), ("le", "ле"), ("ma", "ма"), ("no", "но"), ("pa", "па"), ("ro", "ро"),
    ];

    /// <summary>A family name such as ("Kalomurinov", "Каломуринов").</summary>
    public static (string Latin, string Cyrillic) FamilyName()
    {
        var latin = "";
        var cyrillic = "";
        for (var i = 0; i < 4; i++)
        {
            var (l, c) = Syllables[RandomNumberGenerator.GetInt32(Syllables.Length)];
            latin += l;
            cyrillic += c;
        }
        return (char.ToUpperInvariant(latin[0]) + latin[1..] + "nov", char.ToUpperInvariant(cyrillic[0]) + cyrillic[1..] + "нов");
    }

    /// <summary>A short unique tag for titles and list names, e.g. "k3f9q2".</summary>
    public static string Tag() => Guid.NewGuid().ToString("N")[..6];
}
