using System.Text;

namespace CaseTracker.Core.Common;

public static class Like
{
    /// <summary>Escapes the LIKE wildcards in user text, so "100%_" is searched for as written.</summary>
    public static string Escape(string s) => s.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_");

    /// <summary>A LIKE pattern matching the text anywhere.</summary>
    public static string Contains(string s) => "%" + Escape(s) + "%";
}

/// <summary>
/// RFC 4180 CSV, with cells that a spreadsheet would run as a formula (starting with =, +, -, @, tab or
/// carriage return, other than a plain number) prefixed by an apostrophe so that they are shown as text.
/// </summary>
public static class Csv
{
    public static string Line(IEnumerable<string?> cells)
    {
        var sb = new StringBuilder();
        var first = true;
        foreach (var cell in cells)
        {
            if (!first)
            {
                sb.Append(',');
            }
            first = false;
            AppendCell(sb, cell ?? "");
        }
        return sb.ToString();
    }

    /// <summary>A plain number (such as -14) cannot be a formula and is left as it is.</summary>
    public static string Neutralise(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r'
            && !decimal.TryParse(value, System.Globalization.NumberStyles.AllowLeadingSign | System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out _)
            ? "'" + value : value;

    private static void AppendCell(StringBuilder sb, string value)
    {
        value = Neutralise(value);
        if (value.IndexOfAny([',', '"', '\n', '\r']) < 0)
        {
            sb.Append(value);
            return;
        }
        sb.Append('"').Append(value.Replace("\"", "\"\"")).Append('"');
    }
}
