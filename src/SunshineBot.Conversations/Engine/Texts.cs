using System.Globalization;
using SunshineBot.Core.Tickets;

namespace SunshineBot.Conversations.Engine;

/// <summary>How dates and tickets read in the chat (Beijing time, Chinese).</summary>
public static class Texts
{
    private static readonly TimeZoneInfo Beijing = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    public static DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Beijing);

    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(Local(now).DateTime);

    /// <summary>"11月25日（星期三）".</summary>
    public static string Date(DateTimeOffset instant)
    {
        var local = Local(instant);
        return $"{local.Month}月{local.Day}日（{Chinese.DateTimeFormat.GetDayName(local.DayOfWeek)}）";
    }

    /// <summary>"11月25日 16:00".</summary>
    public static string DateTime(DateTimeOffset instant)
    {
        var local = Local(instant);
        return string.Create(CultureInfo.InvariantCulture, $"{local.Month}月{local.Day}日 {local:HH:mm}");
    }

    public static string Status(TicketStatus status) => status switch
    {
        TicketStatus.Received => "已受理，等待交办",
        TicketStatus.Dispatched => "已交办，正在办理",
        TicketStatus.PendingReview => "已办理，答复审核中",
        TicketStatus.Replied => "已答复",
        TicketStatus.Revisiting => "已答复，等待回访",
        TicketStatus.Closed => "已办结",
        TicketStatus.Withdrawn => "已撤回",
        TicketStatus.Duplicate => "已合并到另一件",
        _ => Labels.Of(status),
    };
}
