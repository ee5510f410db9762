using System.Buffers;
using System.Globalization;
using System.Text;

namespace CaseTracker.Core.Import;

/// <summary>
/// Turns the bytes of an upload into text, or says in the user's terms why it cannot: too large, empty, a
/// spreadsheet rather than CSV, UTF-16, not UTF-8 (a Windows Cyrillic code page), or binary data.
/// </summary>
internal static class ImportText
{
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private static ReadOnlySpan<byte> ZipSignature => [0x50, 0x4B, 0x03, 0x04];

    private static ReadOnlySpan<byte> OleSignature => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    public const string SaveAsCsv = "In the spreadsheet, choose File › Save as › \"CSV UTF-8 (comma delimited)\" and upload that file.";

    public static string TooLarge(long bytes) =>
        $"The file is {Megabytes(bytes)}; at most {Megabytes(CaseImportFormat.MaxBytes)} can be imported at once. Split it into smaller files.";

    /// <summary>Reads at most <see cref="CaseImportFormat.MaxBytes"/> + 1 bytes, so that a larger stream is known to be too large without reading it all.</summary>
    public static async Task<byte[]> ReadBoundedAsync(Stream stream, CancellationToken ct)
    {
        var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            int read;
            while (buffer.Length <= CaseImportFormat.MaxBytes
                   && (read = await stream.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, CaseImportFormat.MaxBytes + 1 - buffer.Length)), ct)) > 0)
            {
                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
        return buffer.ToArray();
    }

    public static bool TryDecode(ReadOnlySpan<byte> bytes, out string text, out string? error)
    {
        text = "";
        if (bytes.Length > CaseImportFormat.MaxBytes)
        {
            error = TooLarge(bytes.Length);
            return false;
        }
        if (bytes.StartsWith(ZipSignature) || bytes.StartsWith(OleSignature))
        {
            error = "This is a spreadsheet workbook (such as .xlsx or .xls), not a CSV file. " + SaveAsCsv;
            return false;
        }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            error = "This file is saved as UTF-16 (\"Unicode text\"); CaseTracker reads UTF-8. " + SaveAsCsv;
            return false;
        }
        if (bytes.StartsWith(Utf8Bom))
        {
            bytes = bytes[Utf8Bom.Length..];
        }
        if (bytes.IsEmpty || bytes.IndexOfAnyExcept((ReadOnlySpan<byte>)[(byte)' ', (byte)'\t', (byte)'\r', (byte)'\n']) < 0)
        {
            error = "The file is empty: it should start with a header row naming the columns, then one row per case.";
            return false;
        }
        if (!System.Text.Unicode.Utf8.IsValid(bytes))
        {
            System.Text.Unicode.Utf8.ToUtf16(bytes, new char[bytes.Length], out var valid, out _, replaceInvalidSequences: false);
            error = "This file is not UTF-8 text (the first byte that is not UTF-8 is on line " + LineOf(bytes, valid) + "). " +
                "A file saved in a Windows Cyrillic code page (1251) or KOI8-R must be saved again as UTF-8. " + SaveAsCsv;
            return false;
        }
        text = Encoding.UTF8.GetString(bytes);
        var control = text.AsSpan().IndexOfAnyInRange('\0', '\u001F');
        while (control >= 0 && text[control] is '\t' or '\n' or '\r')
        {
            var next = text.AsSpan(control + 1).IndexOfAnyInRange('\0', '\u001F');
            control = next < 0 ? -1 : control + 1 + next;
        }
        if (control >= 0)
        {
            error = $"This does not look like a CSV file: it contains binary data (control characters) on line {LineOf(text, control)}. " + SaveAsCsv;
            text = "";
            return false;
        }
        error = null;
        return true;
    }

    public static string Megabytes(long bytes) =>
        (bytes / (1024.0 * 1024.0)).ToString(bytes % (1024 * 1024) == 0 ? "0' MB'" : "0.0' MB'", CultureInfo.InvariantCulture);

    private static int LineOf(ReadOnlySpan<byte> bytes, int offset) => bytes[..offset].Count((byte)'\n') + 1;

    private static int LineOf(string text, int offset) => text.AsSpan(0, offset).Count('\n') + 1;
}
