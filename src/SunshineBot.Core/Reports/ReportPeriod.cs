using SunshineBot.Core.Calendar;

namespace SunshineBot.Core.Reports;

/// <summary>
/// A reporting period of whole local days, <see cref="From"/> to <see cref="To"/> inclusive. Tickets received in it are
/// measured as they stood at <see cref="AsOf"/>: the period's end, or now when the period is still running.
/// </summary>
public sealed record ReportPeriod(DateOnly From, DateOnly To, DateTimeOffset Start, DateTimeOffset End, DateTimeOffset AsOf)
{
    public static ReportPeriod Of(DateOnly from, DateOnly to, WorkingDayCalendar calendar, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (to < from)
        {
            throw new Tickets.DomainException("结束日期不能早于开始日期。");
        }

        if (to.DayNumber - from.DayNumber > 3660)
        {
            throw new Tickets.DomainException("统计期间最长十年。");
        }

        var start = Midnight(from, calendar);
        var end = Midnight(to.AddDays(1), calendar);
        return new ReportPeriod(from, to, start, end, now < end ? now : end);
    }

    public bool Contains(DateTimeOffset instant) => instant >= Start && instant < End;

    private static DateTimeOffset Midnight(DateOnly date, WorkingDayCalendar calendar)
    {
        var wall = date.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(wall, calendar.TimeZone.GetUtcOffset(wall)).ToUniversalTime();
    }
}
