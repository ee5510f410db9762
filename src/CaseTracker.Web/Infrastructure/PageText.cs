using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace CaseTracker.Web;

/// <summary>How the pages write text.</summary>
public static class PageText
{
    /// <summary>
    /// The pages' HTML encoder. Names are written in Cyrillic and in Latin transliterations with diacritics; the default
    /// encoder allows ASCII alone and writes every other letter as a character reference (<c>&amp;#x429;</c> for Щ: eight
    /// bytes where UTF-8 needs two). This one writes the letters of those scripts, and the dashes and quotes of the text,
    /// as they are. It escapes the characters of markup (<c>&lt; &gt; &amp; " '</c>) and control characters whatever
    /// the ranges, and invisible characters (format characters such as a right-to-left override or a zero-width space,
    /// and separators other than the space) stay references, where whoever reads the page's source can see them.
    /// </summary>
    public static readonly HtmlEncoder Encoder = Create();

    private static HtmlEncoder Create()
    {
        var settings = new TextEncoderSettings(
            UnicodeRanges.BasicLatin, UnicodeRanges.Latin1Supplement, UnicodeRanges.LatinExtendedA, UnicodeRanges.LatinExtendedB,
            UnicodeRanges.SpacingModifierLetters, UnicodeRanges.Cyrillic, UnicodeRanges.GeneralPunctuation);
        for (var c = '\u0080'; c <= '\u206F'; c++)
        {
            if (char.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator or UnicodeCategory.SpaceSeparator)
            {
                settings.ForbidCharacter(c);
            }
        }
        return HtmlEncoder.Create(settings);
    }
}
