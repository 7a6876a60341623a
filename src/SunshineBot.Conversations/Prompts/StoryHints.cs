using System.Globalization;
using System.Text.RegularExpressions;

namespace SunshineBot.Conversations.Prompts;

/// <summary>
/// The amount and the day a parent already mentioned in their story ("一共86元", "上周五班主任通知"), so the follow-up
/// questions can offer them instead of asking from scratch. Only clear mentions count: a number with 元/块, a date
/// word; two different amounts are no hint.
/// </summary>
public static partial class StoryHints
{
    public static decimal? Amount(string? story)
    {
        if (string.IsNullOrEmpty(story))
        {
            return null;
        }

        var amounts = MoneyMention().Matches(TextNormalizer.Fold(story).Replace(",", "", StringComparison.Ordinal))
            .Select(m => decimal.TryParse(m.Groups["n"].Value, NumberStyles.Number, CultureInfo.InvariantCulture, out var v) ? v : 0m)
            .Where(v => v is > 0 and < 10_000_000).Distinct().ToList();
        return amounts.Count == 1 ? decimal.Round(amounts[0], 2) : null;
    }

    /// <summary>The day mentioned, and the words the parent used for it.</summary>
    public static (DateOnly Date, string Words)? Date(string? story, DateOnly today)
    {
        if (string.IsNullOrEmpty(story))
        {
            return null;
        }

        var found = DateMention().Matches(TextNormalizer.Fold(story))
            .Select(m => (Date: Parsers.Date(m.Value, today), Words: m.Value)).Where(d => d.Date is not null).ToList();
        return found.Select(d => d.Date).Distinct().Count() == 1 ? (found[0].Date!.Value, found[0].Words) : null;
    }

    [GeneratedRegex(@"(?<n>\d+(\.\d{1,2})?)\s*(元|块|圆)")]
    private static partial Regex MoneyMention();

    [GeneratedRegex(@"(上个星期|上星期|上礼拜|上周|这个星期|这星期|这周|本周|星期|礼拜|周)[一二三四五六日天]|昨天|前天|今天|\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}|\d{1,2}\s*月\s*\d{1,2}\s*(日|号)?")]
    private static partial Regex DateMention();
}
