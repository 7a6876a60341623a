using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using SunshineBot.Core.Calendar;
using SunshineBot.Data.Calendar;

namespace SunshineBot.Cli.Calendar;

/// <summary><c>sunshinebot calendar day|add|between|import</c>: load and check the working-day calendar (the yearly update).</summary>
internal static class CalendarCommands
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "输出 JSON，便于脚本处理" };
        var file = new Option<string?>("--calendar") { Description = "日历数据文件（默认为配置 Calendar:Path 或随程序发布的文件）" };

        var date = new Argument<string>("date") { Description = "日期，如 2026-10-08" };
        var day = new Command("day", "某一天是工作日、周末、节假日还是调休工作日") { date, json, file };
        day.SetAction(r => Run(r, file, cal => Day(cal, r.GetValue(date)!, r.GetValue(json), r.InvocationConfiguration.Output)));

        var start = new Argument<string>("start") { Description = "起始时间（北京时间），如 2026-09-30T16:00" };
        var count = new Argument<int>("workingDays") { Description = "工作日数" };
        var add = new Command("add", "起始时间加 N 个工作日（同一时刻）") { start, count, json, file };
        add.SetAction(r => Run(r, file, cal => Add(cal, r.GetValue(start)!, r.GetValue(count), r.GetValue(json), r.InvocationConfiguration.Output)));

        var from = new Argument<string>("from");
        var to = new Argument<string>("to");
        var between = new Command("between", "两个时间之间的工作日数") { from, to, json, file };
        between.SetAction(r => Run(r, file, cal => Between(cal, r.GetValue(from)!, r.GetValue(to)!, r.GetValue(json), r.InvocationConfiguration.Output)));

        var source = new Argument<string>("file") { Description = "要导入的节假日文件（与日历文件格式相同，含 years 对象）" };
        var import = new Command("import", "导入一年（或几年）的节假日和调休安排，合并进日历文件；重复导入不会改变内容") { source, file };
        import.SetAction(r => Import(r, file, r.GetValue(source)!));

        return new Command("calendar", "工作日历") { day, add, between, import };
    }

    private static int Run(ParseResult result, Option<string?> file, Func<WorkingDayCalendar, int> action)
    {
        var configured = result.GetValue(file) ?? CliConfiguration.Build()[$"{CalendarOptions.Section}:Path"];
        try
        {
            return action(CalendarFile.Load(CalendarFile.ResolvePath(configured, Directory.GetCurrentDirectory())));
        }
        catch (Exception e) when (e is FormatException or FileNotFoundException)
        {
            result.InvocationConfiguration.Error.WriteLine(e.Message);
            return 2;
        }
    }

    private static int Import(ParseResult result, Option<string?> file, string source)
    {
        var configured = result.GetValue(file) ?? CliConfiguration.Build()[$"{CalendarOptions.Section}:Path"];
        var target = CalendarFile.ResolvePath(configured, Directory.GetCurrentDirectory());
        var output = result.InvocationConfiguration.Output;
        try
        {
            var years = CalendarImport.Run(Path.GetFullPath(source, Directory.GetCurrentDirectory()), target);
            foreach (var y in years)
            {
                var what = !y.Changed ? "内容相同，未改动" : y.Replaced ? "已更新" : "已导入";
                output.WriteLine($"{y.Year} 年：{what}（节假日 {y.HolidayDays} 天，调休上班 {y.MakeupDays} 天）");
            }

            if (years.Any(y => y.Changed))
            {
                output.WriteLine($"已写入 {target}。正在运行的服务会在一分钟内（Calendar:ReloadInterval）自动读入新的日历，无需重启；其他机器上的实例请把同一文件复制过去。");
            }

            return 0;
        }
        catch (Exception e) when (e is FormatException or FileNotFoundException or IOException or UnauthorizedAccessException)
        {
            result.InvocationConfiguration.Error.WriteLine($"导入失败，日历文件未改动：{e.Message}");
            return 2;
        }
    }

    private static int Day(WorkingDayCalendar calendar, string text, bool json, TextWriter output)
    {
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new FormatException($"不是有效日期：{text}（格式如 2026-10-08）");
        }

        var info = calendar.Describe(date);
        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(new { date = text, isWorkingDay = info.IsWorkingDay, kind = KindName(info.Kind), name = info.Name }, Json));
        }
        else
        {
            var weekday = CultureInfo.GetCultureInfo("zh-CN").DateTimeFormat.GetDayName(date.DayOfWeek);
            var label = info.Kind switch
            {
                DayKind.Holiday => $"节假日（{info.Name}）",
                DayKind.MakeupWorkday => $"调休工作日（{info.Name}）",
                DayKind.Weekend => "周末",
                _ => "工作日",
            };
            output.WriteLine($"{text} {weekday}：{label}");
            if (!calendar.Covers(date.Year))
            {
                output.WriteLine($"注意：日历文件没有 {date.Year} 年的节假日安排，只按周末计算。");
            }
        }

        return 0;
    }

    private static int Add(WorkingDayCalendar calendar, string startText, int days, bool json, TextWriter output)
    {
        var start = ParseInstant(calendar, startText);
        var result = calendar.ToLocal(calendar.AddWorkingDays(start, days));
        var formatted = result.ToString("yyyy-MM-dd'T'HH:mmzzz", CultureInfo.InvariantCulture);
        output.WriteLine(json
            ? JsonSerializer.Serialize(new { start = calendar.ToLocal(start).ToString("yyyy-MM-dd'T'HH:mmzzz", CultureInfo.InvariantCulture), workingDays = days, result = formatted }, Json)
            : formatted);
        return 0;
    }

    private static int Between(WorkingDayCalendar calendar, string fromText, string toText, bool json, TextWriter output)
    {
        var days = calendar.WorkingDaysBetween(ParseInstant(calendar, fromText), ParseInstant(calendar, toText));
        output.WriteLine(json
            ? JsonSerializer.Serialize(new { from = fromText, to = toText, workingDays = days }, Json)
            : days.ToString(CultureInfo.InvariantCulture));
        return 0;
    }

    /// <summary>A date or date-time; without an offset it is Beijing time (the calendar's zone).</summary>
    internal static DateTimeOffset ParseInstant(WorkingDayCalendar calendar, string text)
    {
        string[] withOffset = ["yyyy-MM-dd'T'HH:mmzzz", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK"];
        if (text.Length > 16 && (text.EndsWith('Z') || text[^6] is '+' or '-')
            && DateTimeOffset.TryParseExact(text, withOffset, CultureInfo.InvariantCulture, DateTimeStyles.None, out var exact))
        {
            return exact;
        }

        string[] local = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd"];
        if (!DateTime.TryParseExact(text, local, CultureInfo.InvariantCulture, DateTimeStyles.None, out var wall))
        {
            throw new FormatException($"不是有效时间：{text}（格式如 2026-09-30T16:00）");
        }

        return new DateTimeOffset(wall, calendar.TimeZone.GetUtcOffset(wall));
    }

    private static string KindName(DayKind kind) => kind switch
    {
        DayKind.Weekend => "weekend",
        DayKind.Holiday => "holiday",
        DayKind.MakeupWorkday => "makeup-workday",
        _ => "workday",
    };
}
