namespace SunshineBot.Core.Calendar;

/// <summary>
/// Working-day arithmetic on the Chinese calendar: weekends off, public holidays off, make-up days (调休) on.
/// All instants are converted to the calendar's zone (Asia/Shanghai) before their date is read.
/// </summary>
public sealed class WorkingDayCalendar(CalendarData data)
{
    // Swapped whole by Replace (a newly imported year); a reader sees the old or the new calendar, each valid.
    private volatile Loaded _loaded = new(data, new ZoneClock(data.TimeZone));

    private CalendarData Current => _loaded.Data;

    /// <summary>The calendar as loaded now.</summary>
    public CalendarData Data => Current;

    /// <summary>Takes a reloaded calendar (e.g. after <c>sunshinebot calendar import</c>) without a restart.</summary>
    public void Replace(CalendarData replacement)
    {
        ArgumentNullException.ThrowIfNull(replacement);
        _loaded = new Loaded(replacement, new ZoneClock(replacement.TimeZone));
    }

    private sealed record Loaded(CalendarData Data, ZoneClock Clock);

    public TimeZoneInfo TimeZone => Current.TimeZone;

    /// <summary>Whether the calendar file lists <paramref name="year"/>; outside it only weekends are known.</summary>
    public bool Covers(int year) => Current.Years.Contains(year);

    /// <summary>
    /// The last date the calendar knows holidays for: 31 December of the last year in the unbroken run of years that
    /// contains <paramref name="today"/>'s year (or of the last listed year when today's year is not listed); null
    /// when the file lists no year.
    /// </summary>
    public DateOnly? CoveredThrough(DateOnly today)
    {
        if (Current.Years.Count == 0)
        {
            return null;
        }

        var year = Current.Years.Contains(today.Year) ? today.Year : Current.Years.Max();
        while (Current.Years.Contains(year + 1))
        {
            year++;
        }

        return new DateOnly(year, 12, 31);
    }

    public DayInfo Describe(DateOnly date)
    {
        if (Current.Exceptions.TryGetValue(date, out var day))
        {
            return day;
        }

        return date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday
            ? new DayInfo(date, DayKind.Weekend, null)
            : new DayInfo(date, DayKind.Workday, null);
    }

    public bool IsWorkingDay(DateOnly date) => Describe(date).IsWorkingDay;

    public DateTimeOffset ToLocal(DateTimeOffset instant) => _loaded.Clock.ToLocal(instant);

    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant).DateTime);

    /// <summary>Within office hours on a working day.</summary>
    public bool IsWorkingTime(DateTimeOffset instant)
    {
        var local = ToLocal(instant);
        var time = TimeOnly.FromDateTime(local.DateTime);
        return IsWorkingDay(DateOnly.FromDateTime(local.DateTime)) && time >= Current.WorkStart && time < Current.WorkEnd;
    }

    /// <summary>
    /// The instant <paramref name="workingDays"/> working days after <paramref name="start"/>, at the same local time of day.
    /// The day of <paramref name="start"/> itself never counts, so intake on a Friday evening or a holiday
    /// starts counting on the next working day. Negative values count backwards.
    /// </summary>
    public DateTimeOffset AddWorkingDays(DateTimeOffset start, int workingDays)
    {
        var local = ToLocal(start);
        var date = DateOnly.FromDateTime(local.DateTime);
        var step = workingDays >= 0 ? 1 : -1;
        for (var remaining = Math.Abs(workingDays); remaining > 0;)
        {
            date = date.AddDays(step);
            if (IsWorkingDay(date))
            {
                remaining--;
            }
        }

        var wall = date.ToDateTime(TimeOnly.FromDateTime(local.DateTime));
        return new DateTimeOffset(wall, Current.TimeZone.GetUtcOffset(wall)).ToUniversalTime();
    }

    /// <summary>
    /// Working days from <paramref name="from"/> to <paramref name="to"/>: the working days whose date is after
    /// <paramref name="from"/>'s date and not after <paramref name="to"/>'s. Negative when <paramref name="to"/> is earlier.
    /// Consistent with <see cref="AddWorkingDays"/>: <c>Between(a, Add(a, n)) == n</c>.
    /// </summary>
    public int WorkingDaysBetween(DateTimeOffset from, DateTimeOffset to)
    {
        var a = LocalDate(from);
        var b = LocalDate(to);
        if (b < a)
        {
            return -WorkingDaysBetween(to, from);
        }

        var count = 0;
        for (var d = a.AddDays(1); d <= b; d = d.AddDays(1))
        {
            if (IsWorkingDay(d))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// Office hours (working days, between the start and end of the working day) from <paramref name="from"/> to
    /// <paramref name="to"/>; 0 when <paramref name="to"/> is not later. Time outside office hours does not count.
    /// </summary>
    public double WorkingHoursBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
        {
            return 0;
        }

        var start = ToLocal(from).DateTime;
        var end = ToLocal(to).DateTime;
        var total = TimeSpan.Zero;
        for (var day = DateOnly.FromDateTime(start); day <= DateOnly.FromDateTime(end); day = day.AddDays(1))
        {
            if (!IsWorkingDay(day))
            {
                continue;
            }

            var open = day.ToDateTime(Current.WorkStart);
            var close = day.ToDateTime(Current.WorkEnd);
            var a = start > open ? start : open;
            var b = end < close ? end : close;
            if (b > a)
            {
                total += b - a;
            }
        }

        return total.TotalHours;
    }
}
