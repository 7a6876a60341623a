using System.Text;

namespace SunshineBot.Knowledge.Analysis;

/// <summary>
/// Folds the ways one text can be typed into one form: full-width → half-width, common traditional →
/// simplified characters, lower case, and every punctuation mark or symbol → a single space.
/// </summary>
public static class ChineseNormalizer
{
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        var lastWasSpace = true;
        foreach (var raw in text)
        {
            var c = TraditionalChinese.ToSimplified(ToHalfWidth(raw));
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
                lastWasSpace = false;
            }
            else if (!lastWasSpace)
            {
                builder.Append(' ');
                lastWasSpace = true;
            }
        }

        return builder.ToString().TrimEnd();
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
