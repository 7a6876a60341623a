using System.Globalization;
using SunshineBot.Conversations.Engine;

namespace SunshineBot.Conversations.Prompts;

/// <summary>
/// Which of the offered choices the parent meant: a tapped button's value, a number ("2", "第2个", "二"),
/// the label itself, or a close enough label ("投诉" for 我要投诉, "校服费" for 校服).
/// </summary>
public static class ChoiceRecognizer
{
    private static readonly string[] ChineseNumbers = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五"];

    public static QuickReply? Match(string input, IReadOnlyList<QuickReply> choices)
    {
        var key = TextNormalizer.Key(input);
        if (key.Length == 0)
        {
            return null;
        }

        var byValue = choices.FirstOrDefault(c => string.Equals(c.Value, input, StringComparison.Ordinal));
        if (byValue is not null)
        {
            return byValue;
        }

        if (Number(key) is { } n && n >= 1 && n <= choices.Count)
        {
            return choices[n - 1];
        }

        var exact = choices.Where(c => TextNormalizer.Key(c.Label) == key).ToList();
        if (exact.Count == 1)
        {
            return exact[0];
        }

        // A label inside what they typed, or what they typed inside one label only.
        // A label inside what they typed ("我觉得不满意"): the longest one wins, so 不满意 beats 满意.
        var within = choices.Where(c => key.Contains(TextNormalizer.Key(c.Label), StringComparison.Ordinal))
            .GroupBy(c => TextNormalizer.Key(c.Label).Length).OrderByDescending(g => g.Key).FirstOrDefault()?.ToList();
        if (within is { Count: 1 })
        {
            return within[0];
        }

        if (key.Length >= 2)
        {
            var partial = choices.Where(c => TextNormalizer.Key(c.Label).Contains(key, StringComparison.Ordinal)).ToList();
            if (partial.Count == 1)
            {
                return partial[0];
            }

            // One character off (a typo on a phone keyboard).
            var close = choices.Where(c => TextNormalizer.Key(c.Label) is { Length: >= 2 } label && label.Length == key.Length && Differences(label, key) == 1).ToList();
            if (close.Count == 1)
            {
                return close[0];
            }
        }

        return null;
    }

    private static int? Number(string key)
    {
        var s = key;
        if (s.StartsWith('第'))
        {
            s = s[1..];
        }

        s = s.TrimEnd('个', '项', '条', '号');
        if (int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }

        var index = Array.IndexOf(ChineseNumbers, s);
        return index >= 0 ? index + 1 : null;
    }

    private static int Differences(string a, string b) => a.Zip(b).Count(p => p.First != p.Second);
}
