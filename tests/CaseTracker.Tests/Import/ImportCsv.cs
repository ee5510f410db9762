using System.Text;
using CaseTracker.Core.Import;

namespace CaseTracker.Tests.Import;

/// <summary>Import files to start from: a header with every column and valid rows; each test changes what it is about.</summary>
public static class ImportCsv
{
    public static string Header { get; } = string.Join(",", CaseImportFormat.Columns);

    /// <summary>A valid row for a separated spouse, with <paramref name="changes"/> (column, value) applied.</summary>
    public static string Row(params (string Column, string Value)[] changes)
    {
        var values = new Dictionary<string, string>
        {
            [CaseImportFormat.Category] = "SeparatedSpouse",
            [CaseImportFormat.Title] = "Petrova – joining husband in Chicago",
            [CaseImportFormat.SeparatedSince] = "1957-03-01",
            [CaseImportFormat.FirstExitApplication] = "1972-05-10",
            [CaseImportFormat.Refusals] = "3",
            [CaseImportFormat.RefusalReason] = "security concerns",
            [CaseImportFormat.FamilyName] = "Petrova",
            [CaseImportFormat.GivenName] = "Maria",
            [CaseImportFormat.Patronymic] = "Ivanovna",
            [CaseImportFormat.NativeFamilyName] = "Петрова",
            [CaseImportFormat.NativeGivenName] = "Мария",
            [CaseImportFormat.NativePatronymic] = "Ивановна",
            [CaseImportFormat.BirthYear] = "1921",
            [CaseImportFormat.Sex] = "F",
            [CaseImportFormat.City] = "Moscow",
            [CaseImportFormat.Citizenships] = "SU",
            [CaseImportFormat.Relatives] = "Spouse:Petrov Ivan",
        };
        foreach (var (column, value) in changes)
        {
            values[column] = value;
        }
        return string.Join(",", CaseImportFormat.Columns.Select(c => Quote(values.GetValueOrDefault(c, ""))));
    }

    /// <summary>A person other than the default, in both scripts.</summary>
    public static string Person(string family, string native, string birthYear, params (string Column, string Value)[] changes) =>
        Row([(CaseImportFormat.FamilyName, family), (CaseImportFormat.NativeFamilyName, native), (CaseImportFormat.BirthYear, birthYear),
            (CaseImportFormat.Title, $"{family} family"), .. changes]);

    /// <summary>
    /// <paramref name="count"/> valid rows of all four categories, a third without relatives, with distinct names in
    /// both scripts (letters only, as names must be) and no year of birth: the names are alike enough ("Ivanovb",
    /// "Ivanovdd") that a preview would warn of the same person twice wherever two rows had the same year.
    /// </summary>
    public static string[] Many(int count) =>
        Enumerable.Range(0, count).Select(i =>
        {
            var latin = "Ivanov" + Letters(i, "abcdefghijklmnopqrstuvwxyz");
            var native = "Иванов" + Letters(i, "абвгдежзиклмнопрстуфхцчшэюя");
            return Row(
                (CaseImportFormat.Category, (i % 4) switch { 0 => "SeparatedSpouse", 1 => "DividedFamily", 2 => "DualNational", _ => "Emigration" }),
                (CaseImportFormat.EmigrationGroup, i % 4 == 3 ? "German" : ""),
                (CaseImportFormat.Title, $"{latin} family"),
                (CaseImportFormat.FamilyName, latin), (CaseImportFormat.NativeFamilyName, native), (CaseImportFormat.BirthYear, ""),
                (CaseImportFormat.Relatives, i % 3 == 0 ? "" : $"Spouse:{latin}a Olga ({native}а Ольга);Child:{latin} Pavel"));
        }).ToArray();

    private static string Letters(int n, string alphabet)
    {
        var s = new StringBuilder();
        do
        {
            s.Insert(0, alphabet[n % alphabet.Length]);
            n /= alphabet.Length;
        }
        while (n > 0);
        return s.ToString();
    }

    public static string File(params string[] rows) => Header + "\r\n" + string.Join("\r\n", rows) + "\r\n";

    public static byte[] Bytes(params string[] rows) => Encoding.UTF8.GetBytes(File(rows));

    public static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r', ';']) < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
