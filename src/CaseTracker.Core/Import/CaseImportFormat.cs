namespace CaseTracker.Core.Import;

/// <summary>The CSV format of a case import (docs/import.md): its columns, which are required, and its limits.</summary>
public static class CaseImportFormat
{
    /// <summary>
    /// The largest file (or pasted text) read: 64 MB of UTF-8. A realistic row takes about 330 bytes (the sample: six
    /// cases with summaries and relatives in 2,231 bytes with the header), so <see cref="MaxRows"/> rows fit with room for
    /// long summaries.
    /// </summary>
    public const int MaxBytes = 64 * 1024 * 1024;

    /// <summary>"64 MB", for messages.</summary>
    public static string MaxSize => $"{MaxBytes / (1024 * 1024)} MB";

    /// <summary>
    /// The most cases one import creates: a whole office's register. The commit writes them set-based
    /// (<see cref="CaseBulkWriter"/>) in one transaction; larger files are split.
    /// </summary>
    public const int MaxRows = 100_000;

    public const string Category = "category";
    public const string EmigrationGroup = "emigration_group";
    public const string Title = "title";
    public const string SeparatedSince = "separated_since";
    public const string FirstExitApplication = "first_exit_application";
    public const string Refusals = "refusals";
    public const string RefusalReason = "refusal_reason";
    public const string Summary = "summary";
    public const string FamilyName = "family_name";
    public const string GivenName = "given_name";
    public const string Patronymic = "patronymic";
    public const string NativeFamilyName = "native_family_name";
    public const string NativeGivenName = "native_given_name";
    public const string NativePatronymic = "native_patronymic";
    public const string BirthYear = "birth_year";
    public const string BirthDate = "birth_date";
    public const string Sex = "sex";
    public const string City = "city";
    public const string Citizenships = "citizenships";
    public const string IllnessOrDisability = "illness_or_disability";
    public const string HungerStrikes = "hunger_strikes";
    public const string Relatives = "relatives";

    /// <summary>Every column, in the documented order. Any order is read; any other column is an error.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        Category, EmigrationGroup, Title, SeparatedSince, FirstExitApplication, Refusals, RefusalReason, Summary,
        FamilyName, GivenName, Patronymic, NativeFamilyName, NativeGivenName, NativePatronymic, BirthYear, BirthDate,
        Sex, City, Citizenships, IllnessOrDisability, HungerStrikes, Relatives,
    ];

    private static readonly Dictionary<string, int> Positions = Columns.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);

    /// <summary>The columns a file must have; the others may be left out.</summary>
    public static IReadOnlyList<string> RequiredColumns { get; } = [Category, Title, FamilyName];

    /// <summary>The date format of every date column.</summary>
    public const string DateFormat = "yyyy-MM-dd";

    /// <summary>
    /// A header cell as a column name: trimmed, lower case, spaces and hyphens as underscores ("Family name" is
    /// <see cref="FamilyName"/>).
    /// </summary>
    public static string NormalizeHeader(string header) =>
        header.Trim().ToLowerInvariant().Replace(' ', '_').Replace('-', '_');

    /// <summary>Where a column stands in <see cref="Columns"/>, for ordering messages.</summary>
    internal static int PositionOf(string column) => Positions.GetValueOrDefault(column, int.MaxValue);
}
