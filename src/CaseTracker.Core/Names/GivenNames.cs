namespace CaseTracker.Core.Names;

/// <summary>
/// A small, deliberately modest table of given-name equivalents: the same name in Russian, Ukrainian and
/// Belarusian and its usual English, German and French forms (Yelena = Elena = Jelena = Hélène), plus a few
/// names people are known to have taken after emigration (Anatoly → Natan). Spellings the table does not list
/// still meet through <see cref="NameKey"/> (Anatolij, Anatoliy and Anatoly have one key). See docs/names.md for
/// what is in it and what is left out on purpose (Ivan ≠ John/Johann/Jean, Yuri ≠ George).
/// </summary>
public static class GivenNames
{
    /// <summary>Score of a name against a name the same person is known to have taken (Anatoly ↔ Natan):
    /// at <see cref="NameSimilarity.MatchThreshold"/>, below a real spelling match.</summary>
    public const double AdoptedNameScore = 0.90;

    /// <summary>One given name: its forms, and the names people with it have been known to adopt.</summary>
    public sealed record Group(string Name, IReadOnlyList<string> Forms, IReadOnlyList<string> Adopted);

    /// <summary>The table.</summary>
    public static IReadOnlyList<Group> Groups { get; } =
    [
        G("Aleksandr", ["Александр", "Aleksandr", "Alexandr", "Alexander", "Aleksander", "Alexandre", "Олександр", "Oleksandr", "Аляксандр", "Aliaksandr", "Alyaksandr"]),
        G("Aleksey", ["Алексей", "Aleksey", "Aleksei", "Alexei", "Alexey", "Alexej", "Alexis", "Олексій", "Oleksiy", "Oleksii"]),
        G("Anatoliy", ["Анатолий", "Anatoly", "Anatoliy", "Anatolij", "Anatoli", "Anatolii", "Anatole", "Анатолій"], ["Натан", "Natan", "Nathan"]),
        G("Andrey", ["Андрей", "Andrei", "Andrey", "Andrej", "Andreï", "André", "Андрій", "Andriy", "Andrii"]),
        G("Dmitriy", ["Дмитрий", "Dmitri", "Dmitry", "Dmitriy", "Dmitrij", "Dimitri", "Дмитро", "Dmytro"]),
        G("Fyodor", ["Фёдор", "Федор", "Fyodor", "Fedor", "Fjodor", "Fiodor", "Fëdor", "Theodor", "Theodore", "Théodore", "Федір", "Fedir"]),
        G("Grigoriy", ["Григорий", "Grigory", "Grigoriy", "Grigorij", "Grigori", "Gregory", "Grégoire", "Григорій", "Hryhoriy", "Hryhorii"]),
        G("Ilya", ["Илья", "Ilya", "Ilja", "Ilia", "Il'ya", "Ілля", "Illia", "Illya"]),
        G("Iosif", ["Иосиф", "Iosif", "Josif", "Jossif", "Iossif", "Joseph", "Josef", "Йосип", "Yosyp"], ["Yosef", "Йосеф"]),
        G("Ivan", ["Иван", "Ivan", "Iwan", "Іван"]),
        G("Lev", ["Лев", "Lev", "Leo", "Léon", "Leon"]),
        G("Mariya", ["Мария", "Maria", "Mariya", "Marija", "Marie", "Mary", "Марія"]),
        G("Mikhail", ["Михаил", "Mikhail", "Michail", "Mikhaïl", "Mijaíl", "Mihail", "Michael", "Michel", "Михайло", "Mykhailo", "Mykhaylo"]),
        G("Natalya", ["Наталья", "Наталия", "Natalya", "Natalia", "Natalja", "Natalie", "Nathalie", "Наталія", "Nataliia"], ["Avital", "Авиталь"]),
        G("Nikolay", ["Николай", "Nikolai", "Nikolay", "Nikolaj", "Nicolas", "Nicholas", "Микола", "Mykola"]),
        G("Pyotr", ["Пётр", "Петр", "Pyotr", "Petr", "Pjotr", "Piotr", "Peter", "Pierre", "Петро", "Petro"]),
        G("Semyon", ["Семён", "Семен", "Semyon", "Semen", "Semjon", "Semion"]),
        G("Sergey", ["Сергей", "Sergei", "Sergey", "Sergej", "Sergueï", "Serguei", "Serge", "Сергій", "Serhiy", "Serhii"]),
        G("Vasiliy", ["Василий", "Vasily", "Vasiliy", "Vassili", "Vassily", "Wassili", "Wassilij", "Василь", "Vasyl", "Vasil", "Wassil", "Васіль"]),
        G("Vladimir", ["Владимир", "Vladimir", "Wladimir", "Władimir", "Володимир", "Volodymyr", "Уладзімір", "Uladzimir"]),
        G("Yakov", ["Яков", "Yakov", "Iakov", "Jakow", "Jakov", "Jacob", "Jakob", "Яків", "Yakiv"], ["Yaakov", "Ya'akov"]),
        G("Yekaterina", ["Екатерина", "Yekaterina", "Ekaterina", "Jekaterina", "Catherine", "Katharina", "Katherine", "Катерина", "Kateryna"]),
        G("Yelena", ["Елена", "Yelena", "Elena", "Jelena", "Hélène", "Helene", "Helen", "Олена", "Olena"]),
        G("Yevgeniy", ["Евгений", "Yevgeny", "Yevgeniy", "Evgeny", "Evgeni", "Evgenii", "Jewgeni", "Jewgenij", "Evgueni", "Eugene", "Eugène", "Eugen", "Євген", "Yevhen"]),
        G("Yuriy", ["Юрий", "Yuri", "Yuriy", "Yury", "Juri", "Jurij", "Iouri", "Iurii", "Юрій", "Yurii"]),
    ];

    private static Group G(string name, string[] forms, string[]? adopted = null) => new(name, forms, adopted ?? []);

    private static readonly Dictionary<string, int[]> FormIndex = Index(g => g.Forms);
    private static readonly Dictionary<string, int[]> AdoptedIndex = Index(g => g.Adopted);

    private static Dictionary<string, int[]> Index(Func<Group, IReadOnlyList<string>> names)
    {
        var index = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var g = 0; g < Groups.Count; g++)
        {
            foreach (var name in names(Groups[g]))
            {
                var key = NameKey.For(name);
                if (!index.TryGetValue(key, out var list))
                {
                    index[key] = list = [];
                }
                if (!list.Contains(g))
                {
                    list.Add(g);
                }
            }
        }
        return index.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>Indexes of the groups a word belongs to as a form and as an adopted name, from its key alternatives.</summary>
    internal static (int[] Forms, int[] Adopted) GroupsOf(IReadOnlyList<string> keyAlternatives)
    {
        List<int>? forms = null, adopted = null;
        foreach (var key in keyAlternatives)
        {
            if (FormIndex.TryGetValue(key, out var f))
            {
                (forms ??= []).AddRange(f);
            }
            if (AdoptedIndex.TryGetValue(key, out var a))
            {
                (adopted ??= []).AddRange(a);
            }
        }
        return (forms?.Distinct().ToArray() ?? [], adopted?.Distinct().ToArray() ?? []);
    }

    internal static double Match(int[] formsA, int[] adoptedA, int[] formsB, int[] adoptedB)
    {
        if (Overlap(formsA, formsB))
        {
            return 1.0;
        }
        return Overlap(formsA, adoptedB) || Overlap(adoptedA, formsB) ? AdoptedNameScore : 0.0;
    }

    private static bool Overlap(int[] a, int[] b)
    {
        foreach (var x in a)
        {
            if (Array.IndexOf(b, x) >= 0)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>1.0 when the two words are forms of the same given name (Yelena, Hélène), <see cref="AdoptedNameScore"/>
    /// when one is a name known to be adopted by people with the other (Anatoly, Natan), 0 otherwise.</summary>
    public static double Match(string a, string b)
    {
        var (fa, aa) = GroupsOf(NameKey.Alternatives(a));
        var (fb, ab) = GroupsOf(NameKey.Alternatives(b));
        return Match(fa, aa, fb, ab);
    }

    /// <summary>Whether the two words are forms of the same given name (not counting adopted names).</summary>
    public static bool AreEquivalent(string a, string b) => Match(a, b) >= 1.0;

    /// <summary>The listed forms (and adopted names) of every group the word belongs to; empty when it is in none.</summary>
    public static IReadOnlyList<string> EquivalentsOf(string name)
    {
        var (forms, adopted) = GroupsOf(NameKey.Alternatives(name));
        var result = new List<string>();
        foreach (var g in forms.Concat(adopted).Distinct())
        {
            result.AddRange(Groups[g].Forms);
            result.AddRange(Groups[g].Adopted);
        }
        return result.Distinct(StringComparer.Ordinal).ToList();
    }
}
