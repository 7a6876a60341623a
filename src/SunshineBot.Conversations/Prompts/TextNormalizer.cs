using System.Text;
using System.Text.RegularExpressions;
using SunshineBot.Core.Text;

namespace SunshineBot.Conversations.Prompts;

/// <summary>
/// Two forms of what a parent typed. <see cref="AsWritten"/> is what the record keeps and shows (their own
/// punctuation, emoji, traditional characters), only cleaned of control characters and markup. <see cref="Fold"/>
/// is for matching only: NFKC (full-width → half-width), traditional → simplified, runs of spaces collapsed.
/// </summary>
public static partial class TextNormalizer
{
    /// <summary>The text as the parent wrote it, without control characters, invisible formatting or markup tags.</summary>
    public static string AsWritten(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var sb = new StringBuilder(text.Length);
        var lastSpace = false;
        foreach (var c in MarkupTag().Replace(text.Replace("\r\n", "\n", StringComparison.Ordinal), ""))
        {
            if (c is '\n')
            {
                sb.Append(c);
                lastSpace = false;
                continue;
            }

            if (char.IsWhiteSpace(c) || c is '\t')
            {
                if (!lastSpace)
                {
                    sb.Append(' ');
                }

                lastSpace = true;
                continue;
            }

            // Control characters and invisible formatting (bidi overrides, zero-width spaces) go; the zero-width
            // joiner stays because emoji sequences need it.
            if (char.IsControl(c) || (char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format && c is not '\u200D'))
            {
                continue;
            }

            lastSpace = false;
            sb.Append(c);
        }

        return sb.ToString().Trim();
    }

    /// <summary>For matching and parsing: NFKC, traditional → simplified, spaces collapsed. Never stored.</summary>
    public static string Fold(string? text)
    {
        var written = AsWritten(text);
        if (written.Length == 0)
        {
            return "";
        }

        var normalized = written.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(normalized.Length);
        var lastSpace = false;
        foreach (var c in normalized)
        {
            if (char.IsWhiteSpace(c) && c is not '\n')
            {
                if (!lastSpace)
                {
                    sb.Append(' ');
                }

                lastSpace = true;
                continue;
            }

            lastSpace = false;
            sb.Append(TraditionalChinese.ToSimplified(c));
        }

        return sb.ToString().Trim();
    }

    /// <summary>For matching commands and choices: folded, no spaces, punctuation or symbols, lower case.</summary>
    public static string Key(string text) =>
        new string(Fold(text).Where(c => !char.IsWhiteSpace(c) && !char.IsPunctuation(c) && !char.IsSymbol(c)).ToArray()).ToLowerInvariant();

    [GeneratedRegex(@"</?[A-Za-z][A-Za-z0-9]*(\s[^<>]*)?/?>")]
    private static partial Regex MarkupTag();
}

public static class Greetings
{
    private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        "你好", "您好", "在吗", "在不在", "hi", "hello", "哈喽", "嗨", "有人吗", "早上好", "下午好", "晚上好", "你好呀", "您好呀", "开始",
        "在么", "你好在吗", "您好在吗", "喂",
    };

    private static readonly HashSet<string> Thanks = new(StringComparer.Ordinal)
    {
        "谢谢", "谢谢你", "谢谢您", "谢谢啦", "谢啦", "多谢", "感谢", "非常感谢", "太感谢了", "谢谢了", "好的谢谢", "好谢谢", "收到谢谢", "辛苦了",
        "辛苦了谢谢", "麻烦了", "麻烦你们了", "谢谢老师", "谢谢工作人员", "thanks", "thankyou", "thx", "3q",
    };

    public static bool IsGreeting(string text) => Words.Contains(TextNormalizer.Key(text));

    /// <summary>"谢谢", "辛苦了": a parent closing the conversation, not a question.</summary>
    public static bool IsThanks(string text) => Thanks.Contains(TextNormalizer.Key(text));
}
