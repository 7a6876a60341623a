using System.Text.RegularExpressions;
using SunshineBot.Conversations.Services;

namespace SunshineBot.Conversations.Prompts;

/// <summary>
/// Which schools a parent means by what they typed: the full name, part of it, an abbreviation (一小 → 第一小学,
/// 实小 → 实验小学), with or without the district (东城一小, 东城区一小), traditional characters or one typo
/// (东城区第一小雪). Only the best tier of matches comes back, so two equally good ones are listed, never guessed.
/// </summary>
public static partial class SchoolMatcher
{
    private static readonly string[] Numerals = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八", "十九", "二十"];

    private static readonly string[] LevelMarks = ["小", "中", "幼", "高", "大"];

    private static readonly (string Short, string Full)[] Abbreviations =
    [
        ("实小", "实验小学"), ("实中", "实验中学"), ("实验小", "实验小学"), ("实验中", "实验中学"), ("附小", "附属小学"), ("附中", "附属中学"),
        ("职高", "职业高中"),
    ];

    public static IReadOnlyList<UnitCandidate> Rank(IEnumerable<UnitCandidate> units, string typed, int limit)
    {
        ArgumentNullException.ThrowIfNull(units);
        var needle = Expand(TextNormalizer.Key(typed));
        if (needle.Length < 2)
        {
            return [];
        }

        var scored = units.Select(u => (Unit: u, Score: Score(TextNormalizer.Key(u.Name), needle))).Where(s => s.Score > 0).ToList();
        if (scored.Count == 0)
        {
            return [];
        }

        var best = scored.Max(s => s.Score);
        return scored.Where(s => s.Score == best).OrderBy(s => s.Unit.Name.Length).ThenBy(s => s.Unit.Name, StringComparer.Ordinal)
            .Take(limit).Select(s => s.Unit).ToList();
    }

    /// <summary>"一小" → "第一小学", "东城区3中" → "东城区第三中学", "实小" → "实验小学".</summary>
    public static string Expand(string key)
    {
        var withNumbers = NumberedSchool().Replace(key, m =>
        {
            var number = m.Groups["n"].Value;
            if (number.All(char.IsAsciiDigit) && int.TryParse(number, System.Globalization.CultureInfo.InvariantCulture, out var n) && n < Numerals.Length)
            {
                number = Numerals[n];
            }

            var level = m.Groups["level"].Value;
            var full = level.StartsWith('小') ? "小学" : level.StartsWith('幼') ? "幼儿园" : "中学";
            return "第" + number + full;
        });
        foreach (var (shortForm, full) in Abbreviations)
        {
            if (withNumbers.EndsWith(shortForm, StringComparison.Ordinal))
            {
                return withNumbers[..^shortForm.Length] + full;
            }
        }

        return withNumbers;
    }

    private static int Score(string name, string needle)
    {
        if (name == needle)
        {
            return 100;
        }

        var (district, core) = SplitDistrict(name);
        if (core == needle)
        {
            return 80;
        }

        // "东城一小" / "东城区一小": the district (or its first characters) and the school.
        if (district.Length > 0 && needle.EndsWith(core, StringComparison.Ordinal) && needle.Length > core.Length)
        {
            var given = needle[..^core.Length];
            if (district.StartsWith(given, StringComparison.Ordinal) || (district + "区").StartsWith(given, StringComparison.Ordinal) || given.StartsWith(district, StringComparison.Ordinal))
            {
                return 95;
            }
        }

        if (name.Contains(needle, StringComparison.Ordinal))
        {
            return 70;
        }

        // One typo, but never in the school's level: 实验小学 is not a typo for 实验中学.
        if (needle.Length >= 4 && SameLevel(name, needle) && (Distance(name, needle) <= 1 || Distance(core, needle) <= 1))
        {
            return 60;
        }

        // Characters in order with gaps ("东城实验" for 东城区实验中学), at least three of them.
        return needle.Length >= 3 && IsSubsequence(needle, name) ? 40 : 0;
    }

    private static (string District, string Core) SplitDistrict(string name)
    {
        var m = District().Match(name);
        return m.Success && m.Length < name.Length ? (m.Groups["d"].Value, name[m.Length..]) : ("", name);
    }

    private static bool SameLevel(string name, string needle) =>
        LevelMarks.All(mark => !needle.Contains(mark, StringComparison.Ordinal) || name.Contains(mark, StringComparison.Ordinal));

    private static bool IsSubsequence(string needle, string name)
    {
        var i = 0;
        foreach (var c in name)
        {
            if (i < needle.Length && needle[i] == c)
            {
                i++;
            }
        }

        return i == needle.Length;
    }

    private static int Distance(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1)
        {
            return 2;
        }

        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }

    [GeneratedRegex("第?(?<n>[一二三四五六七八九十]{1,3}|[0-9]{1,2})(?<level>小学|小|中学|中|幼儿园|幼)$")]
    private static partial Regex NumberedSchool();

    [GeneratedRegex("^(?<d>[^区县市]{1,4}?)(区|县|市)")]
    private static partial Regex District();
}
