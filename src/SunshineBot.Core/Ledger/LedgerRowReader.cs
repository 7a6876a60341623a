using System.Globalization;
using SunshineBot.Core.Calendar;
using C = SunshineBot.Core.Ledger.LedgerColumns;

namespace SunshineBot.Core.Ledger;

/// <summary>The cells of one ledger line by column name, each read with its check; problems go to the shared list.</summary>
internal sealed class RowReader(int line, string[] cells, Dictionary<string, int> index, List<LedgerProblem> problems, WorkingDayCalendar calendar)
{
    private static readonly char[] ListSeparators = [C.ListSeparator, '；'];

    public int Line => line;

    public WorkingDayCalendar Calendar => calendar;

    public int ProblemCount => problems.Count;

    public void Problem(string column, string message) => problems.Add(new(line, column, message));

    public string? Raw(string column)
    {
        var at = index[column];
        var value = at < cells.Length ? cells[at]?.Trim() : null;
        return string.IsNullOrEmpty(value) ? null : value;
    }

    public string? Text(string column, int maxLength)
    {
        var value = Raw(column);
        if (value is not null && value.Length > maxLength)
        {
            Problem(column, $"内容过长（最多{maxLength}字，实有{value.Length}字）。");
            return null;
        }

        return value;
    }

    public string? Number()
    {
        var value = Raw(C.Number)?.ToUpperInvariant().Replace('－', '-');
        if (value is null)
        {
            Problem(C.Number, "不能为空。");
            return null;
        }

        if (value.Length > 24 || !value.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            Problem(C.Number, $"「{value}」不是有效的工单号（字母、数字和 -，最长24位）。");
            return null;
        }

        return value;
    }

    public T? Choice<T>(string column, Dictionary<string, T> choices, bool required)
        where T : struct
    {
        var value = Raw(column);
        if (value is null)
        {
            if (required)
            {
                Problem(column, "不能为空。");
            }

            return null;
        }

        if (choices.TryGetValue(value, out var choice))
        {
            return choice;
        }

        Problem(column, $"「{value}」不是可选的值，应为 {string.Join("、", choices.Keys.Where(k => !k.All(char.IsAscii)))} 之一。");
        return null;
    }

    public DateTimeOffset? Time(string column, bool required)
    {
        var value = Raw(column);
        if (value is null)
        {
            if (required)
            {
                Problem(column, "不能为空。");
            }

            return null;
        }

        var at = LedgerParser.ParseTime(calendar, value);
        if (at is null)
        {
            Problem(column, $"「{value}」不是时间，应写成 2026-03-05 14:30:00。");
        }

        return at;
    }

    public IReadOnlyList<DateTimeOffset> Times(string column)
    {
        var times = new List<DateTimeOffset>();
        foreach (var part in List(column))
        {
            if (LedgerParser.ParseTime(calendar, part) is { } at)
            {
                times.Add(at);
            }
            else
            {
                Problem(column, $"「{part}」不是时间，多个时间用 ; 分开，每个写成 2026-03-05 14:30:00。");
            }
        }

        return times.Order().ToList();
    }

    public IReadOnlyList<string> List(string column) =>
        Raw(column)?.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];

    public int Count(string column)
    {
        var value = Raw(column);
        if (value is null)
        {
            return 0;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= 20)
        {
            return n;
        }

        Problem(column, $"「{value}」不是 0 到 20 之间的整数。");
        return 0;
    }

    public bool? YesNo(string column) => Raw(column) switch
    {
        null => null,
        "是" => true,
        "否" => false,
        var other => Report(column, $"「{other}」应为 是 或 否。"),
    };

    public void NotBefore(string column, DateTimeOffset? value, DateTimeOffset earliest, string earliestName)
    {
        if (value is { } v && v < earliest)
        {
            Problem(column, $"{LedgerRows.FormatTime(calendar, v)} 早于{earliestName}。");
        }
    }

    private bool? Report(string column, string message)
    {
        Problem(column, message);
        return null;
    }
}
