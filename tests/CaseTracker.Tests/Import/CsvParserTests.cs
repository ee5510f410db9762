using System.Text;
using CaseTracker.Core.Import;

namespace CaseTracker.Tests.Import;

/// <summary>The CSV reader and the decoding of uploads: pure code, no database.</summary>
public sealed class CsvParserTests
{
    [Fact]
    public void Quoted_fields_hold_commas_line_breaks_and_doubled_quotes_and_rows_are_numbered_as_in_a_spreadsheet()
    {
        var text = "a,b,c\r\n\"one, two\",\"line 1\nline 2\",\"say \"\"hi\"\"\"\n\nx,,\"\"\r\nlast,row,here";

        var records = CsvParser.Parse(text).ToList();

        Assert.Equal([1, 2, 3, 4, 5], records.Select(r => r.Row));
        Assert.Equal(["one, two", "line 1\nline 2", "say \"hi\""], records[1].Fields);
        Assert.True(records[2].IsBlank);
        Assert.Equal(["x", "", ""], records[3].Fields);
        Assert.Equal(["last", "row", "here"], records[4].Fields);
        Assert.All(records, r => Assert.Null(r.Error));
    }

    [Theory]
    [InlineData("a,b\n", 1)]
    [InlineData("a,b\r\n", 1)]
    [InlineData("a,b\rc,d", 2)]
    [InlineData("a,b\nc,", 2)]
    public void Line_endings_of_every_kind_and_no_extra_row_for_the_final_line_break(string text, int count)
    {
        var records = CsvParser.Parse(text).ToList();

        Assert.Equal(count, records.Count);
        Assert.All(records, r => Assert.Equal(2, r.Fields.Count));
    }

    [Fact]
    public void A_stray_quote_and_text_after_a_closing_quote_are_errors_of_their_row_and_reading_goes_on()
    {
        var records = CsvParser.Parse("a,b\nsay \"hi\",x\n\"closed\"then,y\nfine,row").ToList();

        Assert.Contains("does not start with one", records[1].Error);
        Assert.Contains("after its closing double quote", records[2].Error);
        Assert.Null(records[3].Error);
        Assert.Equal(["fine", "row"], records[3].Fields);
    }

    [Fact]
    public void An_unclosed_quote_is_reported_on_its_row()
    {
        var records = CsvParser.Parse("a,b\nok,row\n\"never closed,x\nmore,lines").ToList();

        Assert.Equal(3, records.Count);
        Assert.Equal(3, records[2].Row);
        Assert.Contains("never closed", records[2].Error);
    }

    [Theory]
    [InlineData("category,title,family_name\n", ',')]
    [InlineData("category;title;family_name\n", ';')]
    [InlineData("category\ttitle\tfamily_name\n", '\t')]
    [InlineData("\"a;b\",c\n", ',')]
    [InlineData("title\n", ',')]
    public void The_delimiter_is_read_from_the_header(string text, char expected) =>
        Assert.Equal(expected, CsvParser.DetectDelimiter(text));

    [Fact]
    public void A_semicolon_file_reads_like_a_comma_file()
    {
        var records = CsvParser.Parse("a;b\n\"x;y\";\"1,5\"", ';').ToList();

        Assert.Equal(["x;y", "1,5"], records[1].Fields);
    }

    [Fact]
    public void Utf8_with_and_without_bom_decodes_to_the_same_text()
    {
        var plain = Encoding.UTF8.GetBytes("title\nЩаранский");
        byte[] withBom = [0xEF, 0xBB, 0xBF, .. plain];

        Assert.True(ImportText.TryDecode(plain, out var a, out _));
        Assert.True(ImportText.TryDecode(withBom, out var b, out _));
        Assert.Equal("title\nЩаранский", a);
        Assert.Equal(a, b);
    }

    [Theory]
    [InlineData("empty", "The file is empty")]
    [InlineData("bom only", "The file is empty")]
    [InlineData("xlsx", "spreadsheet workbook")]
    [InlineData("xls", "spreadsheet workbook")]
    [InlineData("utf16", "UTF-16")]
    [InlineData("cp1251", "not UTF-8 text (the first byte that is not UTF-8 is on line 2)")]
    [InlineData("binary", "binary data")]
    public void Bytes_that_are_not_utf8_csv_get_a_message_that_says_why(string kind, string expected)
    {
        byte[] bytes = kind switch
        {
            "empty" => [],
            "bom only" => [0xEF, 0xBB, 0xBF, (byte)'\n'],
            "xlsx" => [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00],
            "xls" => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1],
            "utf16" => [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("title")],
            // "Петрова" in Windows-1251, on the second line.
            "cp1251" => [.. "title\n"u8, 0xCF, 0xE5, 0xF2, 0xF0, 0xEE, 0xE2, 0xE0],
            "binary" => [.. "title\n"u8, 0x00, 0x01, 0x02],
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        Assert.False(ImportText.TryDecode(bytes, out _, out var error));
        Assert.Contains(expected, error);
    }

    [Fact]
    public async Task Reading_an_upload_stops_just_past_the_limit()
    {
        using var stream = new MemoryStream(new byte[CaseImportFormat.MaxBytes * 2]);

        var read = await ImportText.ReadBoundedAsync(stream, TestContext.Current.CancellationToken);

        Assert.Equal(CaseImportFormat.MaxBytes + 1, read.Length);
        Assert.False(ImportText.TryDecode(read, out _, out var error));
        Assert.Contains("at most 64 MB", error);
    }
}
