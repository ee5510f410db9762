namespace CaseTracker.Core.People;

/// <summary>How a person's names are shown and searched.</summary>
public static class PersonNames
{
    /// <summary>"Family Given Patronymic" in Latin script.</summary>
    public static string LatinFullName(Person p) => Join(p.FamilyName, p.GivenName, p.Patronymic);

    /// <summary>"Фамилия Имя Отчество" in native script, or empty.</summary>
    public static string NativeFullName(Person p) => Join(p.NativeFamilyName, p.NativeGivenName, p.NativePatronymic);

    /// <summary>Both scripts, e.g. "Sakharov Andrei Dmitrievich (Сахаров Андрей Дмитриевич)".</summary>
    public static string BothScripts(Person p)
    {
        var native = NativeFullName(p);
        var latin = LatinFullName(p);
        return native.Length == 0 ? latin : $"{latin} ({native})";
    }

    /// <summary>Lower-cases, folds ё to е and collapses white space: a query as the case list searches and records it.</summary>
    public static string NormalizeForSearch(string text) =>
        string.Join(' ', text.ToLowerInvariant().Replace('ё', 'е').Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Join(params string?[] parts) =>
        string.Join(' ', parts.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!.Trim()));
}
