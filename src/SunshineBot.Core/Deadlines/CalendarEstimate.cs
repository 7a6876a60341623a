using SunshineBot.Core.Calendar;

namespace SunshineBot.Core.Deadlines;

/// <summary>
/// Limits counted past the working-day calendar's end. Such a limit is counted on weekends only after the last date
/// whose holidays were known, and the ticket keeps that date (its mark) beside the limit: the flag pages and the API
/// show, and the point from which <see cref="Recount"/> counts again once a newly imported year covers it.
/// </summary>
public static class CalendarEstimate
{
    /// <summary>
    /// The mark of a limit counted from <paramref name="start"/> to <paramref name="due"/>: the last date whose holidays
    /// were known (weekends only after it), or null when the whole stretch lies inside the calendar. When
    /// <paramref name="start"/> is itself a limit moved on (an extension, a wait for the parent), <paramref name="carried"/>
    /// is its own mark, and the earlier mark is kept.
    /// </summary>
    public static DateOnly? MarkOf(WorkingDayCalendar calendar, DateTimeOffset start, DateTimeOffset due, DateOnly? carried = null)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var from = calendar.LocalDate(start);
        var to = calendar.LocalDate(due);
        DateOnly? mark = calendar.CoveredThrough(from) is not { } end ? from
            : to <= end ? null
            : end > from ? end : from;
        return carried is { } c && (mark is null || c < mark) ? c : mark;
    }

    /// <summary>
    /// The limit counted again on the calendar as it is now: the weekdays it counted after <paramref name="mark"/> become
    /// that many working days of the current calendar, at the same time of day, with the new mark (null once the
    /// calendar covers it). Null when the calendar still knows nothing after <paramref name="mark"/>.
    /// </summary>
    public static (DateTimeOffset Due, DateOnly? Mark)? Recount(WorkingDayCalendar calendar, DateTimeOffset due, DateOnly mark)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var next = mark.AddDays(1);
        if (!calendar.Covers(next.Year))
        {
            return null;
        }

        var local = calendar.ToLocal(due);
        var dueDate = DateOnly.FromDateTime(local.DateTime);
        var weekdays = 0;
        for (var d = next; d <= dueDate; d = d.AddDays(1))
        {
            if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                weekdays++;
            }
        }

        var wall = mark.ToDateTime(TimeOnly.FromDateTime(local.DateTime));
        var anchor = new DateTimeOffset(wall, calendar.TimeZone.GetUtcOffset(wall)).ToUniversalTime();
        var moved = weekdays == 0 ? due : calendar.AddWorkingDays(anchor, weekdays);
        return (moved, MarkOf(calendar, anchor, moved));
    }
}
