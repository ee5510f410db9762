using System.Globalization;
using System.Text.RegularExpressions;
using CaseTracker.Core.Cases;
using CaseTracker.Core.People;
using CaseTracker.Core.Common;
using F = CaseTracker.Core.Import.CaseImportFormat;

namespace CaseTracker.Core.Import;

/// <summary>The header row: which column holds which field.</summary>
internal sealed class ImportHeader
{
    private ImportHeader(IReadOnlyDictionary<string, int> index, int width, IReadOnlySet<int> unnamed)
    {
        Index = index;
        Width = width;
        Unnamed = unnamed;
    }

    public IReadOnlyDictionary<string, int> Index { get; }

    /// <summary>How many fields every row must have.</summary>
    public int Width { get; }

    /// <summary>Columns without a name (a spreadsheet's empty trailing columns): ignored while they are empty.</summary>
    public IReadOnlySet<int> Unnamed { get; }

    public bool Has(string column) => Index.ContainsKey(column);

    public static ImportHeader? Read(CsvRecord record, List<string> errors)
    {
        if (record.Error is not null)
        {
            errors.Add($"The header row (row {record.Row}): {Sentence(record.Error)}");
            return null;
        }
        var names = record.Fields.Select(F.NormalizeHeader).ToList();
        if (!names.Any(F.Columns.Contains))
        {
            errors.Add("The first row must be the header, naming the columns (e.g. " + string.Join(",", F.RequiredColumns) +
                "), but it names none of them. See the sample file for the columns.");
            return null;
        }
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var unnamed = new HashSet<int>();
        for (var i = 0; i < names.Count; i++)
        {
            var name = names[i];
            if (name.Length == 0)
            {
                unnamed.Add(i);
            }
            else if (!F.Columns.Contains(name))
            {
                errors.Add($"Unknown column \"{Short(record.Fields[i].Trim())}\" (column {i + 1} of the header). " +
                    "Rename it to one of the columns of the format, or delete it: " + string.Join(", ", F.Columns) + ".");
            }
            else if (index.TryGetValue(name, out var first))
            {
                errors.Add($"The column \"{name}\" appears twice in the header (columns {first + 1} and {i + 1}).");
            }
            else
            {
                index[name] = i;
            }
        }
        foreach (var required in F.RequiredColumns.Where(r => !index.ContainsKey(r)))
        {
            errors.Add($"The header has no column \"{required}\", which is required (required: {string.Join(", ", F.RequiredColumns)}).");
        }
        return errors.Count == 0 ? new ImportHeader(index, names.Count, unnamed) : null;
    }

    internal static string Sentence(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    internal static string Short(string s) => s.Length <= 40 ? s : s[..37] + "…";
}

/// <summary>One case row read into a <see cref="CreateCaseCommand"/>, with what could not be read.</summary>
internal sealed partial class ParsedRow
{
    /// <summary>The most relatives one row may name.</summary>
    public const int MaxRelatives = 20;

    private readonly List<ImportIssue> _errors = [];
    private readonly HashSet<string> _unreadable = [];
    private readonly List<string> _relatives = [];

    private ParsedRow(int row) => Row = row;

    public int Row { get; }

    public CreateCaseCommand Command { get; } = new();

    /// <summary>False when the row's fields could not even be told apart (quoting, field count).</summary>
    public bool IsReadable { get; private set; } = true;

    public IReadOnlyList<ImportIssue> Errors => _errors;

    /// <summary>The relatives as written, in the order of <c>People[1..]</c>.</summary>
    public IReadOnlyList<string> Relatives => _relatives;

    public static ParsedRow Read(ImportHeader header, CsvRecord record)
    {
        var row = new ParsedRow(record.Row);
        if (record.Error is not null)
        {
            row.Fail(null, ImportHeader.Sentence(record.Error));
            return row;
        }
        if (record.Fields.Count != header.Width)
        {
            row.Fail(null, record.Fields.Count > header.Width
                ? $"This row has {record.Fields.Count} fields, but the header has {header.Width} columns. Is there a comma in a field that is not in double quotes?"
                : $"This row has {record.Fields.Count} fields, but the header has {header.Width} columns.");
            return row;
        }
        foreach (var i in header.Unnamed.Where(i => !string.IsNullOrWhiteSpace(record.Fields[i])))
        {
            row.Fail(null, $"Column {i + 1} has no name in the header, but this row has a value in it.");
            return row;
        }
        row.Fill(header, record);
        return row;
    }

    /// <summary>Adds the validator's errors, each at its column, except where the value could not be read at all.</summary>
    public void AddErrors(IEnumerable<FieldError> errors)
    {
        foreach (var failure in errors)
        {
            var (column, message) = Locate(failure.Field.TrimEnd('.'), failure.Message);
            if (column is null || !_unreadable.Contains(column))
            {
                _errors.Add(new ImportIssue(Row, column, message));
            }
        }
    }

    private static string Get(ImportHeader header, CsvRecord record, string column) =>
        header.Index.TryGetValue(column, out var i) ? record.Fields[i].Trim() : "";

    private void Fail(string? column, string message)
    {
        IsReadable = column is not null && IsReadable;
        _errors.Add(new ImportIssue(Row, column, message));
        if (column is not null)
        {
            _unreadable.Add(column);
        }
    }

    private void Fill(ImportHeader header, CsvRecord record)
    {
        string Cell(string column) => Get(header, record, column);
        var c = Command;
        c.Title = Cell(F.Title);
        var category = Cell(F.Category);
        if (category.Length == 0)
        {
            Fail(F.Category, "Give the category: " + Names<CaseCategory>() + ".");
        }
        else if (TryParseName<CaseCategory>(category, out var parsed))
        {
            c.Category = parsed;
        }
        else
        {
            Fail(F.Category, $"\"{ImportHeader.Short(category)}\" is not a category: use {Names<CaseCategory>()}.");
            // Which groups are allowed depends on the category: no second guess about the group.
            _unreadable.Add(F.EmigrationGroup);
        }
        var group = Cell(F.EmigrationGroup);
        if (group.Length > 0)
        {
            if (TryParseName<EmigrationGroup>(group, out var g))
            {
                c.EmigrationGroup = g;
            }
            else
            {
                Fail(F.EmigrationGroup, $"\"{ImportHeader.Short(group)}\" is not a group: use {Names<EmigrationGroup>()}.");
            }
        }
        c.SeparatedSince = Date(Cell(F.SeparatedSince), F.SeparatedSince);
        c.FirstExitApplicationOn = Date(Cell(F.FirstExitApplication), F.FirstExitApplication);
        c.RefusalCount = Number(Cell(F.Refusals), F.Refusals) ?? 0;
        c.RefusalReason = NullIfEmpty(Cell(F.RefusalReason));
        c.Summary = NullIfEmpty(Cell(F.Summary));

        var applicant = new PersonInput
        {
            Role = PersonRole.ApplicantInUssr,
            FamilyName = NullIfEmpty(Cell(F.FamilyName)),
            GivenName = NullIfEmpty(Cell(F.GivenName)),
            Patronymic = NullIfEmpty(Cell(F.Patronymic)),
            NativeFamilyName = NullIfEmpty(Cell(F.NativeFamilyName)),
            NativeGivenName = NullIfEmpty(Cell(F.NativeGivenName)),
            NativePatronymic = NullIfEmpty(Cell(F.NativePatronymic)),
            BirthYear = Number(Cell(F.BirthYear), F.BirthYear),
            BirthDate = Date(Cell(F.BirthDate), F.BirthDate),
            Sex = SexOf(Cell(F.Sex)),
            City = NullIfEmpty(Cell(F.City)),
            Citizenships = NullIfEmpty(Cell(F.Citizenships)),
            IllnessOrDisability = NullIfEmpty(Cell(F.IllnessOrDisability)),
            HungerStrikes = Number(Cell(F.HungerStrikes), F.HungerStrikes) ?? 0,
        };
        c.People.Add(applicant);
        ReadRelatives(Cell(F.Relatives));
    }

    private void ReadRelatives(string text)
    {
        var entries = text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (entries.Length > MaxRelatives)
        {
            Fail(F.Relatives, $"This row names {entries.Length} relatives; at most {MaxRelatives} can be imported with one case.");
            return;
        }
        foreach (var entry in entries)
        {
            var colon = entry.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                Fail(F.Relatives, $"\"{ImportHeader.Short(entry)}\" has no role: write each relative as Role:Family Given, e.g. Spouse:Petrov Ivan, separated by semicolons.");
                continue;
            }
            var roleText = entry[..colon].Trim();
            if (!TryParseName<PersonRole>(roleText, out var role) || role == PersonRole.ApplicantInUssr)
            {
                Fail(F.Relatives, $"\"{ImportHeader.Short(roleText)}\" is not a role of a relative: use " +
                    string.Join(", ", Enum.GetValues<PersonRole>().Where(r => r != PersonRole.ApplicantInUssr)) + ".");
                continue;
            }
            var name = entry[(colon + 1)..].Trim();
            string? native = null;
            var open = name.LastIndexOf('(');
            if (open >= 0 && name.EndsWith(')'))
            {
                native = name[(open + 1)..^1].Trim();
                name = name[..open].Trim();
            }
            if (name.Length == 0)
            {
                Fail(F.Relatives, $"\"{ImportHeader.Short(entry)}\": give the relative's family name in Latin letters after the role, e.g. {role}:Petrov Ivan.");
                continue;
            }
            if (name.Any(ch => ch is >= '\u0400' and <= '\u04FF'))
            {
                Fail(F.Relatives, $"\"{ImportHeader.Short(entry)}\": write the name in Latin letters, with the Cyrillic form in brackets after it, e.g. {role}:Petrov Ivan (Петров Иван).");
                continue;
            }
            var (family, given, patronymic) = SplitName(name);
            var (nativeFamily, nativeGiven, nativePatronymic) = SplitName(native ?? "");
            Command.People.Add(new PersonInput
            {
                Role = role,
                FamilyName = family,
                GivenName = given,
                Patronymic = patronymic,
                NativeFamilyName = nativeFamily,
                NativeGivenName = nativeGiven,
                NativePatronymic = nativePatronymic,
            });
            _relatives.Add(entry);
        }
    }

    /// <summary>"Family Given Patronymic": the first word is the family name, the second the given name, the rest the patronymic.</summary>
    private static (string? Family, string? Given, string? Patronymic) SplitName(string name)
    {
        var words = Whitespace().Split(name.Trim()).Where(w => w.Length > 0).ToArray();
        return (words.ElementAtOrDefault(0), words.ElementAtOrDefault(1), words.Length > 2 ? string.Join(' ', words[2..]) : null);
    }

    private DateOnly? Date(string value, string column)
    {
        if (value.Length == 0)
        {
            return null;
        }
        if (DateOnly.TryParseExact(value, F.DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        Fail(column, $"\"{ImportHeader.Short(value)}\" is not a date: write dates as {F.DateFormat}, e.g. 1978-03-15.");
        return null;
    }

    private int? Number(string value, string column)
    {
        if (value.Length == 0)
        {
            return null;
        }
        if (int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }
        Fail(column, $"\"{ImportHeader.Short(value)}\" is not a whole number.");
        return null;
    }

    private Sex SexOf(string value)
    {
        switch (value.ToUpperInvariant())
        {
            case "" or "U" or "UNKNOWN":
                return Sex.Unknown;
            case "F" or "FEMALE":
                return Sex.Female;
            case "M" or "MALE":
                return Sex.Male;
            default:
                Fail(F.Sex, $"\"{ImportHeader.Short(value)}\" is not a sex: write F, M, or leave it blank.");
                return Sex.Unknown;
        }
    }

    /// <summary>
    /// The validator's property path as a column of the file: <c>SeparatedSince</c> is separated_since,
    /// <c>People[0].City</c> the applicant's city, <c>People[2].GivenName</c> the second relative.
    /// </summary>
    private (string? Column, string Message) Locate(string property, string message)
    {
        var person = PersonProperty().Match(property);
        if (person.Success)
        {
            var index = int.Parse(person.Groups[1].Value, CultureInfo.InvariantCulture);
            if (index > 0)
            {
                var label = index - 1 < _relatives.Count ? _relatives[index - 1] : $"relative {index}";
                return (F.Relatives, $"{label} — {message}");
            }
            return (person.Groups[2].Value switch
            {
                nameof(PersonInput.FamilyName) => F.FamilyName,
                nameof(PersonInput.GivenName) => F.GivenName,
                nameof(PersonInput.Patronymic) => F.Patronymic,
                nameof(PersonInput.NativeFamilyName) => F.NativeFamilyName,
                nameof(PersonInput.NativeGivenName) => F.NativeGivenName,
                nameof(PersonInput.NativePatronymic) => F.NativePatronymic,
                nameof(PersonInput.BirthYear) => Command.People[0].BirthYear is null ? F.BirthDate : F.BirthYear,
                nameof(PersonInput.BirthDate) => F.BirthDate,
                nameof(PersonInput.Sex) => F.Sex,
                nameof(PersonInput.City) => F.City,
                nameof(PersonInput.Citizenships) => F.Citizenships,
                nameof(PersonInput.IllnessOrDisability) => F.IllnessOrDisability,
                nameof(PersonInput.HungerStrikes) => F.HungerStrikes,
                _ => null,
            }, message);
        }
        return (property switch
        {
            nameof(CaseCommand.Title) => F.Title,
            nameof(CaseCommand.Category) => F.Category,
            nameof(CaseCommand.EmigrationGroup) => F.EmigrationGroup,
            nameof(CaseCommand.Summary) => F.Summary,
            nameof(CaseCommand.SeparatedSince) => F.SeparatedSince,
            nameof(CaseCommand.FirstExitApplicationOn) => F.FirstExitApplication,
            nameof(CaseCommand.RefusalCount) => F.Refusals,
            nameof(CaseCommand.RefusalReason) => F.RefusalReason,
            nameof(CaseCommand.People) => F.FamilyName,
            _ => null,
        }, message);
    }

    /// <summary>An enum value by its name, ignoring case, spaces, hyphens and underscores ("Separated spouse"); never by number.</summary>
    private static bool TryParseName<TEnum>(string text, out TEnum value)
        where TEnum : struct, Enum
    {
        var wanted = text.Replace(" ", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(candidate.ToString(), wanted, StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }
        value = default;
        return false;
    }

    private static string Names<TEnum>()
        where TEnum : struct, Enum
    {
        var names = Enum.GetNames<TEnum>();
        return string.Join(", ", names[..^1]) + " or " + names[^1];
    }

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;

    [GeneratedRegex(@"^People\[(\d+)\]\.?(\w*)")]
    private static partial Regex PersonProperty();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
