using System.Globalization;
using System.Text.RegularExpressions;

namespace SunshineBot.Conversations.Prompts;

/// <summary>Yes or no in the ways people type them.</summary>
public static class YesNo
{
    private static readonly string[] No =
    [
        "不是", "不对", "不用", "不要", "不需要", "不行", "不", "否", "没有", "没", "算了", "不了", "没解决", "未解决", "没有解决", "不满意", "no", "n", "nope", "不好", "别",
    ];

    private static readonly string[] Yes =
    [
        "是", "是的", "对", "对的", "好", "好的", "嗯", "嗯嗯", "恩", "可以", "行", "要", "需要", "确认", "确定", "ok", "okay", "yes", "y", "没问题", "解决了", "已解决", "是同一件事", "同一件",
    ];

    public static bool? Recognize(string text)
    {
        var key = TextNormalizer.Key(text);
        if (key.Length == 0)
        {
            return null;
        }

        if (No.Contains(key) || (key.Length <= 4 && (key.StartsWith('不') || key.StartsWith('没'))))
        {
            return false;
        }

        if (Yes.Contains(key) || (key.Length <= 4 && Yes.Any(y => y.Length >= 2 && key.StartsWith(y, StringComparison.Ordinal))))
        {
            return true;
        }

        return null;
    }
}

/// <summary>The answer to "这个回答解决您的问题了吗？": only its own words and their variants, nothing else.</summary>
public static class Feedback
{
    private static readonly HashSet<string> Solved = new(StringComparer.Ordinal)
    {
        "解决了", "解决", "已解决", "解决啦", "解决了谢谢", "是", "是的", "嗯", "嗯嗯", "恩", "对", "对的", "有用", "有帮助", "有用谢谢", "明白了", "懂了", "知道了",
        "清楚了", "谢谢", "谢谢你", "谢谢您", "好了", "可以了", "行了", "够了", "解决了的", "问题解决了", "ok了", "没问题了",
    };

    private static readonly HashSet<string> NotSolved = new(StringComparer.Ordinal)
    {
        "没解决", "没有解决", "未解决", "不解决", "没解决啊", "没", "没有", "不是", "不对", "不行", "没用", "没有用", "没帮助", "没有帮助", "不明白", "不懂",
        "还是不懂", "看不懂", "不清楚", "还是不清楚", "不满意", "否", "no", "答非所问", "不是这个", "不是我要问的", "没说清楚",
    };

    public static bool? Recognize(string text)
    {
        var key = TextNormalizer.Key(text);
        foreach (var thanks in (string[])["谢谢你", "谢谢您", "谢谢啦", "谢谢", "多谢", "好的"])
        {
            key = key.Length > thanks.Length ? key.Replace(thanks, "", StringComparison.Ordinal) : key;
        }

        return Solved.Contains(key) ? true : NotSolved.Contains(key) ? false : null;
    }
}

/// <summary>
/// A sentence about something else typed where a number, a code or a yes/no was asked ("孩子被同学打了 头都破了" at
/// "手机号后4位"): six or more Chinese characters and no digit.
/// </summary>
public static class AnotherMatter
{
    public static bool Looks(string text)
    {
        var key = TextNormalizer.Key(text);
        return !key.Any(char.IsAsciiDigit) && key.Count(c => c is >= '\u4e00' and <= '\u9fff') >= 6;
    }
}

public static partial class Parsers
{
    private static readonly string[] SkipWords = ["跳过", "不清楚", "不知道", "没有", "无", "不记得", "忘了", "略", "skip", "不填"];

    public static bool IsSkip(string text) => SkipWords.Contains(TextNormalizer.Key(text));

    /// <summary>"150", "150元", "一百五十"? (digits only), "150.5块" → 150.5.</summary>
    public static decimal? Amount(string text)
    {
        var match = AmountPattern().Match(text.Replace(",", "", StringComparison.Ordinal).Replace("，", "", StringComparison.Ordinal));
        return match.Success && decimal.TryParse(match.Value, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) && value is > 0 and < 10_000_000
            ? decimal.Round(value, 2)
            : null;
    }

    /// <summary>A past date: 2026-11-20, 11月20日, 11/20, 今天, 昨天, 前天. Null when unparseable or in the future.</summary>
    public static DateOnly? Date(string text, DateOnly today)
    {
        var key = TextNormalizer.Key(text);
        DateOnly? date = key switch
        {
            "今天" => today,
            "昨天" => today.AddDays(-1),
            "前天" => today.AddDays(-2),
            _ => null,
        };
        if (date is null && FullDate().Match(text) is { Success: true } full)
        {
            date = Make(int.Parse(full.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(full.Groups[2].Value, CultureInfo.InvariantCulture), int.Parse(full.Groups[3].Value, CultureInfo.InvariantCulture));
        }

        if (date is null && Weekday().Match(key) is { Success: true } wd)
        {
            // 上周五 / 这周一 / 周三 / 星期二: the most recent such day (last week's for 上周).
            var wanted = "一二三四五六日天".IndexOf(wd.Groups["d"].Value, StringComparison.Ordinal) is var i and >= 0 ? Math.Min(i, 6) : 0;
            var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
            var day = monday.AddDays(wanted);
            date = wd.Groups["w"].Value is "上周" or "上星期" or "上个星期" or "上礼拜" ? day.AddDays(-7) : day <= today ? day : day.AddDays(-7);
        }

        if (date is null && DayOfThisMonth().Match(key) is { Success: true } dom)
        {
            date = Make(today.Year, today.Month, int.Parse(dom.Groups[1].Value, CultureInfo.InvariantCulture));
        }

        if (date is null && MonthDay().Match(text) is { Success: true } md)
        {
            var month = int.Parse(md.Groups[1].Value, CultureInfo.InvariantCulture);
            var day = int.Parse(md.Groups[2].Value, CultureInfo.InvariantCulture);
            date = Make(today.Year, month, day);
            if (date > today)
            {
                date = Make(today.Year - 1, month, day);
            }
        }

        return date is { } d && d <= today && d > today.AddYears(-5) ? d : null;
    }

    private static DateOnly? Make(int year, int month, int day) =>
        month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;

    [GeneratedRegex(@"\d+(\.\d{1,2})?")]
    private static partial Regex AmountPattern();

    [GeneratedRegex("^(?<w>上个星期|上星期|上礼拜|上周|这个星期|这星期|这周|本周|星期|礼拜|周)(?<d>[一二三四五六日天])$")]
    private static partial Regex Weekday();

    /// <summary>"本月3号", "这个月3日", "3号": a day of the current month.</summary>
    [GeneratedRegex(@"^(?:本月|这个月|这月)?(\d{1,2})(?:号|日)$")]
    private static partial Regex DayOfThisMonth();

    [GeneratedRegex(@"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")]
    private static partial Regex FullDate();

    [GeneratedRegex(@"(\d{1,2})\s*[/.月-]\s*(\d{1,2})")]
    private static partial Regex MonthDay();
}
