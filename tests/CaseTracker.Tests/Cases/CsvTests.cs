using CaseTracker.Core.Common;

namespace CaseTracker.Tests.Cases;

public sealed class CsvTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+7 495", "'+7 495")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("-cmd|' /C calc'!A0", "'-cmd|' /C calc'!A0")]
    [InlineData("-14", "-14")]
    [InlineData("-0.25", "-0.25")]
    [InlineData("+1", "+1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("Сахаров", "Сахаров")]
    public void Cells_are_quoted_and_formulas_neutralised(string cell, string expected) =>
        Assert.Equal(expected, Csv.Line([cell]));

    [Fact]
    public void A_line_joins_cells_and_writes_null_as_empty() =>
        Assert.Equal("a,,c", Csv.Line(["a", null, "c"]));
}
