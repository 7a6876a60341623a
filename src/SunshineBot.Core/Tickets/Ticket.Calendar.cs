using System.Globalization;
using SunshineBot.Core.Deadlines;

namespace SunshineBot.Core.Tickets;

/// <summary>
/// Limits counted past the working-day calendar's end (<see cref="CalendarEstimate"/>): each stored limit keeps its
/// mark, the last date whose holidays were known when it was counted (null when counted on the full calendar).
/// </summary>
public sealed partial class Ticket
{
    /// <summary>The mark of <see cref="FirstReplyDueAt"/>: weekends only were counted after this date.</summary>
    public DateOnly? FirstReplyDueEstimatedAfter { get; private set; }

    /// <summary>The mark of <see cref="DueAt"/>.</summary>
    public DateOnly? DueEstimatedAfter { get; private set; }

    /// <summary>The mark of <see cref="FlagDueAt"/>.</summary>
    public DateOnly? FlagDueEstimatedAfter { get; private set; }

    /// <summary><see cref="CurrentDueAt"/> was counted past the calendar's end.</summary>
    public bool CurrentDueEstimated => CurrentDueEstimatedOf(Status, FirstReplyDueEstimatedAfter, DueEstimatedAfter);

    /// <summary><see cref="SupervisionDueAt"/> was counted past the calendar's end.</summary>
    public bool SupervisionDueEstimated => SupervisionDueAt is not null && FlagDueEstimatedAfter is not null;

    /// <summary>Some limit of this ticket waits for a calendar that covers it.</summary>
    public bool HasEstimatedLimits => FirstReplyDueEstimatedAfter is not null || DueEstimatedAfter is not null || FlagDueEstimatedAfter is not null;

    /// <summary><see cref="CurrentDueEstimated"/> from the stored columns alone.</summary>
    public static bool CurrentDueEstimatedOf(TicketStatus status, DateOnly? firstReplyMark, DateOnly? dueMark) =>
        IsOpenStatus(status)
        && (status is TicketStatus.Received or TicketStatus.Dispatched or TicketStatus.PendingReview ? firstReplyMark : dueMark) is not null;

    /// <summary>
    /// 日历已更新: every limit counted past the calendar's end that the calendar now reaches is counted again, in one
    /// timeline event saying what each was and is. Open tickets only; false (nothing changed) when no mark moved,
    /// so a second run is a no-op.
    /// </summary>
    public bool RecountOnCalendar(DateTimeOffset at, DeadlinePolicy deadlines)
    {
        ArgumentNullException.ThrowIfNull(deadlines);
        if (!IsOpen || !HasEstimatedLimits)
        {
            return false;
        }

        var changes = new List<string>();
        var calendar = deadlines.Calendar;
        (DateTimeOffset, DateOnly?) Recount(string label, DateTimeOffset due, DateOnly? mark)
        {
            if (mark is not { } m || CalendarEstimate.Recount(calendar, due, m) is not { } recounted)
            {
                return (due, mark);
            }

            var was = Text(due);
            var now = Text(recounted.Due);
            var still = recounted.Mark is null ? "" : "（仍超出日历范围，按周末估算）";
            changes.Add(was == now ? $"{label}{now}不变{still}" : $"{label}原{was}，现{now}{still}");
            return recounted;
        }

        string Text(DateTimeOffset instant) => calendar.ToLocal(instant).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

        (FirstReplyDueAt, FirstReplyDueEstimatedAfter) = Recount("答复时限", FirstReplyDueAt, FirstReplyDueEstimatedAfter);
        (DueAt, DueEstimatedAfter) = Recount("办结时限", DueAt, DueEstimatedAfter);
        if (FlagDueAt is { } flagDue)
        {
            var (moved, mark) = Recount("督办时限", flagDue, FlagDueEstimatedAfter);
            (FlagDueAt, FlagDueEstimatedAfter) = (moved, mark);
        }

        if (changes.Count == 0)
        {
            return false;
        }

        Append(Actor.System, at, TicketAction.AddNote, Move(TicketAction.AddNote), $"日历已更新，期限按新日历重新计算：{string.Join("；", changes)}");
        return true;
    }

    /// <summary>
    /// A ticket filed before limits kept their mark: each open limit at or after <paramref name="uncoveredFrom"/> (the
    /// first instant past the calendar's <paramref name="end"/>) was counted on weekends only after it. False when
    /// nothing needed a mark.
    /// </summary>
    public bool MarkPastCalendar(DateOnly end, DateTimeOffset uncoveredFrom)
    {
        if (!IsOpen)
        {
            return false;
        }

        var before = (FirstReplyDueEstimatedAfter, DueEstimatedAfter, FlagDueEstimatedAfter);
        FirstReplyDueEstimatedAfter ??= FirstReplyDueAt >= uncoveredFrom ? end : null;
        DueEstimatedAfter ??= DueAt >= uncoveredFrom ? end : null;
        FlagDueEstimatedAfter ??= FlagDueAt >= uncoveredFrom ? end : null;
        return before != (FirstReplyDueEstimatedAfter, DueEstimatedAfter, FlagDueEstimatedAfter);
    }

    /// <summary>The reply and resolution limits counted from <paramref name="start"/>, with their marks.</summary>
    private void CountLimitsFrom(DateTimeOffset start, DeadlinePolicy deadlines)
    {
        (FirstReplyDueAt, DueAt) = deadlines.LimitsFrom(Kind, Severity, start);
        FirstReplyDueEstimatedAfter = CalendarEstimate.MarkOf(deadlines.Calendar, start, FirstReplyDueAt);
        DueEstimatedAfter = CalendarEstimate.MarkOf(deadlines.Calendar, start, DueAt);
    }

    /// <summary>Both running limits moved on by <paramref name="workingDays"/>, each keeping the earlier mark.</summary>
    private void MoveLimitsBy(int workingDays, DeadlinePolicy deadlines)
    {
        var (first, due) = (FirstReplyDueAt, DueAt);
        FirstReplyDueAt = deadlines.Calendar.AddWorkingDays(first, workingDays);
        DueAt = deadlines.Calendar.AddWorkingDays(due, workingDays);
        FirstReplyDueEstimatedAfter = CalendarEstimate.MarkOf(deadlines.Calendar, first, FirstReplyDueAt, FirstReplyDueEstimatedAfter);
        DueEstimatedAfter = CalendarEstimate.MarkOf(deadlines.Calendar, due, DueAt, DueEstimatedAfter);
    }
}
