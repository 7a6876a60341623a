using System.Globalization;
using SunshineBot.Core.Tickets;

namespace SunshineBot.Web.Staff.Tickets;

/// <summary>Reads the queue filters from query-string values (the page's form and the API's parameters alike).</summary>
public static class QueueFilterParser
{
    private static readonly string[] DueValues = ["overdue", "soon", "revisit"];

    /// <summary>The filter, or the Chinese reason a value was not understood.</summary>
    public static (QueueFilter? Filter, string? Error) Parse(Func<string, string?> get)
    {
        ArgumentNullException.ThrowIfNull(get);
        var errors = new List<string>();
        var filter = new QueueFilter
        {
            Status = EnumOf<TicketStatus>(get("status"), "状态", errors),
            Kind = EnumOf<TicketKind>(get("kind"), "受理类型", errors),
            Severity = EnumOf<Severity>(get("severity"), "事件级别", errors),
            Category = EnumOf<TicketCategory>(get("category"), "类别", errors),
            Channel = EnumOf<Channel>(get("channel"), "受理渠道", errors),
            Unit = Blank(get("unit")),
            From = DateOf(get("from"), "开始日期", errors),
            To = DateOf(get("to"), "结束日期", errors),
            Due = Blank(get("due")) is { } due && DueValues.Contains(due, StringComparer.Ordinal) ? due : Flag(get("due"), errors),
            Q = Blank(get("q")),
            Page = int.TryParse(get("page"), NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page > 0 ? page : 1,
        };
        return errors.Count == 0 ? (filter, null) : (null, string.Join("；", errors));
    }

    private static string? Flag(string? value, List<string> errors)
    {
        if (Blank(value) is not null)
        {
            errors.Add("期限筛选只能是 overdue、soon 或 revisit");
        }

        return null;
    }

    private static T? EnumOf<T>(string? value, string name, List<string> errors)
        where T : struct, Enum
    {
        if (Blank(value) is not { } text)
        {
            return null;
        }

        if (Enum.TryParse<T>(text, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !char.IsAsciiDigit(text[0]))
        {
            return parsed;
        }

        errors.Add($"{name}「{text}」无法识别");
        return null;
    }

    private static DateOnly? DateOf(string? value, string name, List<string> errors)
    {
        if (Blank(value) is not { } text)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add($"{name}应为 yyyy-MM-dd 格式");
        return null;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
