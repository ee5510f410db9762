using System.Text;

namespace CaseTracker.Core.Import;

/// <summary>
/// One record of a CSV file: its row number as a spreadsheet shows it (the header is row 1; a quoted
/// field with line breaks does not start a new row), its fields, and what was wrong with its quoting.
/// </summary>
internal sealed record CsvRecord(int Row, IReadOnlyList<string> Fields, string? Error)
{
    public bool IsBlank => Error is null && Fields.All(string.IsNullOrWhiteSpace);
}

/// <summary>
/// A reader of RFC 4180 CSV: fields separated by a delimiter, records by CRLF, LF or CR; a field in double
/// quotes may hold delimiters, line breaks and doubled quotes (""). Quoting mistakes are reported on the
/// record they occur in, and reading goes on, so that one upload shows every mistake at once.
/// </summary>
internal static class CsvParser
{
    /// <summary>A record with more fields than this is cut short (and wrong anyway): it bounds the memory one line can take.</summary>
    public const int MaxFields = 500;

    /// <summary>
    /// The delimiter of the header line: a comma, unless the line has none but has semicolons (a spreadsheet
    /// in a locale whose decimal separator is the comma) or tabs.
    /// </summary>
    public static char DetectDelimiter(ReadOnlySpan<char> text)
    {
        int commas = 0, semicolons = 0, tabs = 0;
        var quoted = false;
        foreach (var ch in text)
        {
            if (ch == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted)
            {
                switch (ch)
                {
                    case ',': commas++; break;
                    case ';': semicolons++; break;
                    case '\t': tabs++; break;
                    case '\n' or '\r': return Choose(commas, semicolons, tabs);
                }
            }
        }
        return Choose(commas, semicolons, tabs);

        static char Choose(int commas, int semicolons, int tabs) =>
            commas > 0 ? ',' : semicolons > 0 ? ';' : tabs > 0 ? '\t' : ',';
    }

    public static IEnumerable<CsvRecord> Parse(string text, char delimiter = ',')
    {
        var pos = 0;
        var row = 0;
        while (pos < text.Length)
        {
            row++;
            var fields = new List<string>();
            string? error = null;
            var field = new StringBuilder();
            var endOfRecord = false;
            while (!endOfRecord)
            {
                field.Clear();
                if (pos < text.Length && text[pos] == '"')
                {
                    // A quoted field: up to the quote that is not doubled.
                    pos++;
                    var closed = false;
                    while (pos < text.Length)
                    {
                        var ch = text[pos++];
                        if (ch != '"')
                        {
                            field.Append(ch);
                        }
                        else if (pos < text.Length && text[pos] == '"')
                        {
                            field.Append('"');
                            pos++;
                        }
                        else
                        {
                            closed = true;
                            break;
                        }
                    }
                    if (!closed)
                    {
                        error ??= $"field {fields.Count + 1} opens a double quote (\") that is never closed, so the rest of the file was read as that one field. " +
                            "A field in quotes must end with a quote; a quote inside it is written twice (\"\").";
                    }
                    else if (pos < text.Length && text[pos] != delimiter && text[pos] != '\n' && text[pos] != '\r')
                    {
                        error ??= $"field {fields.Count + 1} has text after its closing double quote. A quote inside a quoted field is written twice (\"\").";
                        while (pos < text.Length && text[pos] != delimiter && text[pos] != '\n' && text[pos] != '\r')
                        {
                            field.Append(text[pos++]);
                        }
                    }
                }
                else
                {
                    while (pos < text.Length && text[pos] != delimiter && text[pos] != '\n' && text[pos] != '\r')
                    {
                        if (text[pos] == '"')
                        {
                            error ??= $"field {fields.Count + 1} has a double quote (\") but does not start with one. " +
                                "Put the whole field in double quotes and write the quote inside it twice (\"\").";
                        }
                        field.Append(text[pos++]);
                    }
                }

                if (fields.Count < MaxFields)
                {
                    fields.Add(field.ToString());
                }
                else
                {
                    error ??= $"the row has more than {MaxFields} fields.";
                }

                if (pos >= text.Length)
                {
                    endOfRecord = true;
                }
                else if (text[pos] == delimiter)
                {
                    pos++;
                    if (pos >= text.Length)
                    {
                        // "a,b," at the very end: the last field is empty.
                        fields.Add("");
                        endOfRecord = true;
                    }
                }
                else
                {
                    // A line break: CRLF, LF or CR.
                    pos += text[pos] == '\r' && pos + 1 < text.Length && text[pos + 1] == '\n' ? 2 : 1;
                    endOfRecord = true;
                }
            }
            yield return new CsvRecord(row, fields, error);
        }
    }
}
