using System.Text;

namespace SunshineBot.Conversations.Prompts;

/// <summary>What a phone keyboard sends, made comparable: full-width to half-width, trimmed, inner runs of spaces collapsed.</summary>
public static class TextNormalizer
{
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var sb = new StringBuilder(text.Length);
        var lastSpace = false;
        foreach (var raw in text.Trim())
        {
            var c = raw switch
            {
                '\u3000' => ' ',
                >= '\uFF01' and <= '\uFF5E' => (char)(raw - 0xFEE0),
                _ => raw,
            };
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
            sb.Append(c);
        }

        return sb.ToString().Trim();
    }

    /// <summary>For matching commands and choices: no spaces or trailing punctuation, lower case.</summary>
    public static string Key(string text) =>
        new string(text.Where(c => !char.IsWhiteSpace(c) && !char.IsPunctuation(c) && !char.IsSymbol(c)).ToArray()).ToLowerInvariant();
}

public static class Greetings
{
    private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        "你好", "您好", "在吗", "在不在", "hi", "hello", "哈喽", "嗨", "有人吗", "早上好", "下午好", "晚上好", "你好呀", "您好呀", "开始",
    };

    public static bool IsGreeting(string text) => Words.Contains(TextNormalizer.Key(text));
}
