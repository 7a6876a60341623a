using SunshineBot.Core.Text;

namespace SunshineBot.Knowledge.Analysis;

/// <summary>
/// Folds the ways one text can be typed into one form: full-width → half-width, common traditional →
/// simplified characters, lower case, and every punctuation mark or symbol → a single space.
/// </summary>
public static class ChineseNormalizer
{
    // Per UTF-16 unit: its folded form, or '\0' for anything that separates words. Built once (128 KB).
    private static readonly char[] Folded = BuildFoldTable();

    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var buffer = text.Length <= 1024 ? stackalloc char[text.Length] : new char[text.Length];
        var length = 0;
        var lastWasSpace = true;
        foreach (var raw in text)
        {
            var c = Folded[raw];
            if (c != '\0')
            {
                buffer[length++] = c;
                lastWasSpace = false;
            }
            else if (!lastWasSpace)
            {
                buffer[length++] = ' ';
                lastWasSpace = true;
            }
        }

        if (length > 0 && buffer[length - 1] == ' ')
        {
            length--;
        }

        return new string(buffer[..length]);
    }

    /// <summary>
    /// The folding of <see cref="Normalize"/> without collapsing separators: the result has the text's length,
    /// each separator a space, so a position in it is a position in the original text.
    /// </summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.Create(text.Length, text, static (buffer, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = Folded[source[i]];
                buffer[i] = c == '\0' ? ' ' : c;
            }
        });
    }

    private static char[] BuildFoldTable()
    {
        var table = new char[char.MaxValue + 1];
        for (var i = 0; i <= char.MaxValue; i++)
        {
            var c = TraditionalChinese.ToSimplified(ToHalfWidth((char)i));
            table[i] = char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '\0';
        }

        return table;
    }

    /// <summary>Full-width ASCII forms (Ａ, １, ？) and the ideographic space become their ASCII twins.</summary>
    public static char ToHalfWidth(char c) => c switch
    {
        '\u3000' => ' ',
        >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
        _ => c,
    };

    /// <summary>Han ideographs, kana and hangul: scripts written without spaces, so analysed as bigrams.</summary>
    public static bool IsCjk(char c) => c is
        (>= '\u4E00' and <= '\u9FFF') or
        (>= '\u3400' and <= '\u4DBF') or
        (>= '\uF900' and <= '\uFAFF') or
        (>= '\u3040' and <= '\u30FF') or
        (>= '\uAC00' and <= '\uD7AF');
}
