using SunshineBot.Core.Calendar;

namespace SunshineBot.Core.Reports;

/// <summary>Where a ticket's first reply (or closure) stood against its limit at the period's end.</summary>
public enum Timing
{
    /// <summary>Nobody owes anything (withdrawn, duplicate).</summary>
    NotScored,

    /// <summary>Not done, and the limit has not passed yet.</summary>
    Pending,

    OnTime,

    /// <summary>Done, after the limit.</summary>
    Late,

    /// <summary>Not done, and the limit has passed (未办理回复 when it is the reply).</summary>
    Missing,
}

/// <summary>
/// The one place that judges a ticket against its limits for reports and rubrics. The reply is judged on the first round
/// against the first-reply limit; closure against the final resolution limit. Late days count like the queue's: the due
/// day itself is the first late day, then each working day after it.
/// </summary>
public static class Timeliness
{
    public static Timing Reply(TicketFact t, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(t);
        return Judge(t.IsScored, t.FirstRepliedAt, t.FirstReplyDueAt, asOf);
    }

    public static Timing Closure(TicketFact t, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(t);
        return Judge(t.IsScored, t.ClosedAt, t.DueAt, asOf);
    }

    /// <summary>Working days the first reply was (or, unanswered, is at <paramref name="asOf"/>) past its limit; 0 when not late.</summary>
    public static int ReplyDaysLate(TicketFact t, DateTimeOffset asOf, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(calendar);
        return Reply(t, asOf) switch
        {
            Timing.Late => 1 + calendar.WorkingDaysBetween(t.FirstReplyDueAt, t.FirstRepliedAt!.Value),
            // Up to the last instant of the period: a period ending at midnight does not count the next day.
            Timing.Missing => 1 + calendar.WorkingDaysBetween(t.FirstReplyDueAt, asOf.AddTicks(-1)),
            _ => 0,
        };
    }

    /// <summary>The limit class of seed 004, Ⅲ-8: urgent by its own limit, consultations 2 days, the rest 3 / 7.</summary>
    public static LimitClass ClassOf(TicketFact t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return t.Severity == Tickets.Severity.Urgent ? LimitClass.Urgent
            : t.Kind == Tickets.TicketKind.Consultation ? LimitClass.Consultation
            : LimitClass.Handling;
    }

    private static Timing Judge(bool scored, DateTimeOffset? doneAt, DateTimeOffset dueAt, DateTimeOffset asOf)
    {
        if (!scored)
        {
            return Timing.NotScored;
        }

        if (doneAt is { } done && done <= asOf)
        {
            return done <= dueAt ? Timing.OnTime : Timing.Late;
        }

        return asOf > dueAt ? Timing.Missing : Timing.Pending;
    }
}

/// <summary>The kind limits of seed 004 (咨询类 / 办理类 / 紧急类).</summary>
public enum LimitClass
{
    Consultation,
    Handling,
    Urgent,
}
