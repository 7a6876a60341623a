using System.Globalization;

namespace SunshineBot.Core.Calendar;

/// <summary>
/// How far the working-day calendar reaches from <c>today</c>. Within <see cref="WarnDays"/> days of its end (or past
/// it) admins are warned: deadlines beyond the end are counted on weekends only.
/// </summary>
public sealed record CalendarCoverage(DateOnly? CoveredThrough, int DaysLeft)
{
    public const int WarnDays = 60;

    public bool RunningOut => DaysLeft <= WarnDays;

    public static CalendarCoverage Of(WorkingDayCalendar calendar, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var end = calendar.CoveredThrough(today);
        return new CalendarCoverage(end, end is { } e ? e.DayNumber - today.DayNumber : -1);
    }

    /// <summary>The admins' warning in Chinese; null while the calendar reaches further than <see cref="WarnDays"/> days.</summary>
    public string? Warning()
    {
        if (!RunningOut)
        {
            return null;
        }

        if (CoveredThrough is not { } end)
        {
            return "工作日历里没有任何年份的节假日安排，所有期限都只按周末计算。请用 sunshinebot calendar import 导入节假日和调休安排。";
        }

        var endText = end.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);
        var next = (end.Year + 1).ToString(CultureInfo.InvariantCulture);
        return DaysLeft >= 0
            ? $"工作日历的节假日安排只到{endText}（还剩 {DaysLeft.ToString(CultureInfo.InvariantCulture)} 天）。请在国务院公布后用 sunshinebot calendar import 导入 {next} 年的节假日和调休安排，否则此后的期限只能按周末计算。"
            : $"工作日历的节假日安排只到{endText}，已过期。现在的期限只按周末计算，可能不准确。请尽快用 sunshinebot calendar import 导入 {next} 年的安排。";
    }
}
