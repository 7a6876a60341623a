using System.Globalization;
using SunshineBot.Core.Calendar;
using SunshineBot.Core.Deadlines;

namespace SunshineBot.Web.Staff;

/// <summary>How the pages write times and limits, in the calendar's time zone.</summary>
public static class StaffFormat
{
    public static string Time(WorkingDayCalendar calendar, DateTimeOffset? at)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return at is { } t ? calendar.ToLocal(t).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "";
    }

    public static string Date(WorkingDayCalendar calendar, DateTimeOffset? at)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return at is { } t ? calendar.ToLocal(t).ToString("yyyy年M月d日", CultureInfo.InvariantCulture) : "";
    }

    public static string Deadline(DeadlineState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.DueAt is null)
        {
            return "";
        }

        if (state.IsOverdue)
        {
            return $"已超期 {state.OverdueWorkingDays} 个工作日" + (state.BeyondCalendar ? BeyondCalendarNote : "");
        }

        var text = state.WorkingDaysLeft == 0 ? "今天到期" : $"剩余 {state.WorkingDaysLeft} 个工作日";
        return state.BeyondCalendar ? text + BeyondCalendarNote : text;
    }

    /// <summary>Shown with every limit counted past the calendar's end, until an imported year recounts it.</summary>
    public const string BeyondCalendarNote = "；该年节假日未导入，仅按周末计算，请人工核对";

    public static string DeadlineClass(DeadlineState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.IsOverdue ? "overdue" : state.IsDueSoon ? "soon" : "";
    }
}
