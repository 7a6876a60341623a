using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SunshineBot.Core.Calendar;

namespace SunshineBot.Data.Calendar;

/// <summary>What one import did for one year.</summary>
public sealed record CalendarYearImported(int Year, bool Changed, bool Replaced, int HolidayDays, int MakeupDays);

/// <summary>
/// <c>sunshinebot calendar import FILE</c>: merges the years of FILE (the calendar file's own format, a <c>years</c>
/// object) into the calendar file in use. Every year is checked before anything is written: dates like 2027-10-01 in
/// that year (a holiday may start in the previous December), make-up days on a weekend, at least one holiday, no date
/// twice. Importing the same file again changes nothing; a corrected notice replaces its year. The file is replaced
/// atomically; its leading comments are kept.
/// </summary>
public static class CalendarImport
{
    private static readonly JsonDocumentOptions Reading = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private static readonly JsonSerializerOptions Writing = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <exception cref="FormatException">The file to import is wrong; the message is Chinese then English and names the entry.</exception>
    public static IReadOnlyList<CalendarYearImported> Run(string importPath, string calendarPath)
    {
        if (!File.Exists(importPath))
        {
            throw new FileNotFoundException($"找不到要导入的文件：{importPath}（file not found）", importPath);
        }

        if (!File.Exists(calendarPath))
        {
            throw new FileNotFoundException($"找不到工作日历文件：{calendarPath}（calendar file not found; set Calendar:Path）", calendarPath);
        }

        var years = ReadYears(File.ReadAllText(importPath));
        var targetText = File.ReadAllText(calendarPath);
        var target = JsonNode.Parse(targetText, documentOptions: Reading)?.AsObject()
            ?? throw new FormatException($"工作日历文件不是 JSON 对象：{calendarPath}（calendar file is not a JSON object）");
        var targetYears = target["years"] as JsonObject ?? throw new FormatException($"工作日历文件缺少 \"years\"：{calendarPath}（missing \"years\"）");
        var results = new List<CalendarYearImported>();
        foreach (var (year, node) in years)
        {
            var key = year.ToString(CultureInfo.InvariantCulture);
            var existing = targetYears[key];
            var same = existing is not null && JsonNode.DeepEquals(existing, node);
            if (!same)
            {
                targetYears[key] = node.DeepClone();
            }

            var data = CalendarData.Parse(new JsonObject { ["years"] = new JsonObject { [key] = node.DeepClone() } }.ToJsonString());
            results.Add(new CalendarYearImported(
                year, !same, existing is not null && !same,
                data.Exceptions.Values.Count(d => d.Kind == DayKind.Holiday), data.Exceptions.Values.Count(d => d.Kind == DayKind.MakeupWorkday)));
        }

        if (results.Any(r => r.Changed))
        {
            var merged = WithComments(target.ToJsonString(Writing), targetText) + "\n";
            Check(() => CalendarData.Parse(merged), "合并后的日历");
            var temp = calendarPath + ".importing";
            File.WriteAllText(temp, merged, new UTF8Encoding(false));
            File.Move(temp, calendarPath, overwrite: true);
        }

        return results;
    }

    /// <summary>The years of an import file, each checked on its own.</summary>
    public static IReadOnlyList<(int Year, JsonNode Node)> ReadYears(string json)
    {
        JsonObject root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: Reading) as JsonObject ?? throw new FormatException("导入文件不是 JSON 对象（not a JSON object）");
        }
        catch (JsonException e)
        {
            throw new FormatException($"导入文件不是有效的 JSON：第 {e.LineNumber + 1} 行附近（invalid JSON: {e.Message}）", e);
        }

        if (root["years"] is not JsonObject years || years.Count == 0)
        {
            throw new FormatException("导入文件缺少 \"years\"，或其中没有任何年份（missing \"years\" object, e.g. { \"years\": { \"2027\": { \"holidays\": [...], \"makeupWorkdays\": [...] } } }）");
        }

        var list = new List<(int, JsonNode)>();
        foreach (var (key, node) in years)
        {
            if (key.Length != 4 || !int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 2000 || year > 2100)
            {
                throw new FormatException($"年份「{key}」无效，应为四位数字如 2027（year must be four digits）");
            }

            if (node is not JsonObject)
            {
                throw new FormatException($"{key} 年的内容应为对象（year {key} must be an object）");
            }

            var data = Check(() => CalendarData.Parse(new JsonObject { ["years"] = new JsonObject { [key] = node.DeepClone() } }.ToJsonString()), $"{key} 年");
            CheckYear(year, data);
            list.Add((year, node));
        }

        return list;
    }

    private static void CheckYear(int year, CalendarData data)
    {
        var first = new DateOnly(year - 1, 12, 1);
        var last = new DateOnly(year, 12, 31);
        if (!data.Exceptions.Values.Any(d => d.Kind == DayKind.Holiday))
        {
            throw new FormatException($"{year} 年没有任何节假日，请检查文件（year {year} lists no holiday）");
        }

        foreach (var day in data.Exceptions.Values.OrderBy(d => d.Date))
        {
            var text = day.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (day.Date < first || day.Date > last)
            {
                throw new FormatException($"{year} 年的「{day.Name}」日期 {text} 不在该年内（date {text} is outside {year}）");
            }

            if (day.Kind == DayKind.MakeupWorkday && day.Date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                throw new FormatException($"{year} 年的调休上班日 {text} 不是周六或周日（make-up workday {text} is not a weekend day）");
            }
        }
    }

    private static CalendarData Check(Func<CalendarData> parse, string what)
    {
        try
        {
            return parse();
        }
        catch (Exception e) when (e is FormatException or JsonException or InvalidOperationException or TimeZoneNotFoundException)
        {
            throw new FormatException($"{what}的内容有误（{e.Message}）。日期格式如 2027-10-01，节假日写 name/from/to，调休写 name/date。", e);
        }
    }

    // The comment lines right after the opening brace (the file's explanation), kept across rewrites.
    private static string WithComments(string json, string original)
    {
        var comments = original.Split('\n').SkipWhile(l => l.Trim() != "{").Skip(1)
            .TakeWhile(l => l.TrimStart().StartsWith("//", StringComparison.Ordinal)).Select(l => l.TrimEnd('\r')).ToList();
        return comments.Count == 0 || !json.StartsWith('{') ? json : "{\n" + string.Join("\n", comments) + json[1..];
    }
}
