using SunshineBot.Core.Calendar;
using SunshineBot.Core.Tickets;

namespace SunshineBot.Core.Deadlines;

/// <summary>Where a ticket stands against its limit at one instant.</summary>
/// <param name="DueAt">The limit that applies now: the first-reply limit until replied, then the resolution limit.</param>
/// <param name="WorkingDaysLeft">Working days from now to the due date (0 on the due day); negative once late.</param>
/// <param name="OverdueWorkingDays">0 when on time; else 1 on the due day after the limit, plus one for each working day after it.</param>
/// <param name="BeyondCalendar">
/// The limit was counted past the calendar's end, on weekends only (holidays and make-up days unknown), and may be
/// wrong; pages and the API flag it. This is the ticket's persisted mark (<see cref="Ticket.FirstReplyDueEstimatedAfter"/>
/// and its siblings), cleared only when a newly imported year recounts the limit.
/// </param>
public sealed record DeadlineState(DateTimeOffset? DueAt, bool IsDueSoon, bool IsOverdue, int WorkingDaysLeft, int OverdueWorkingDays, bool BeyondCalendar = false);

/// <summary>Turns the configured limits and the working-day calendar into due times.</summary>
public sealed class DeadlinePolicy(WorkingDayCalendar calendar, DeadlineOptions options)
{
    public WorkingDayCalendar Calendar => calendar;

    public DeadlineOptions Options => options;

    /// <summary>The first-reply and resolution limits for a ticket received (or sent back) at <paramref name="start"/>.</summary>
    public (DateTimeOffset FirstReplyDue, DateTimeOffset ResolutionDue) LimitsFrom(TicketKind kind, Severity severity, DateTimeOffset start)
    {
        var limit = options.For(kind, severity);
        return (calendar.AddWorkingDays(start, limit.FirstReplyWorkingDays), calendar.AddWorkingDays(start, limit.ResolutionWorkingDays));
    }

    /// <summary>The last instant at which a unit may file an extension reason for a ticket dispatched at <paramref name="dispatchedAt"/>.</summary>
    public DateTimeOffset ExtensionReasonDue(DateTimeOffset dispatchedAt) =>
        calendar.AddWorkingDays(dispatchedAt, options.ExtensionReasonWorkingDays);

    /// <summary>
    /// Against the limit that applies now: the earlier of <see cref="Ticket.CurrentDueAt"/> and a supervision case's own
    /// deadline (<see cref="Ticket.SupervisionDueAt"/>, 督办件 / 专题协调件). The queue and the ticket page show this one.
    /// </summary>
    public DeadlineState Evaluate(Ticket ticket, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return Evaluate(ticket.CurrentDueAt, ticket.CurrentDueEstimated, ticket.SupervisionDueAt, ticket.SupervisionDueEstimated, now);
    }

    /// <summary>
    /// The same from a ticket's <see cref="Ticket.CurrentDueAt"/> and <see cref="Ticket.SupervisionDueAt"/> with their
    /// past-the-calendar marks (the queue reads those columns of its open tickets, not the whole rows): the earlier of the two.
    /// </summary>
    public DeadlineState Evaluate(DateTimeOffset? current, bool currentEstimated, DateTimeOffset? supervision, bool supervisionEstimated, DateTimeOffset now) =>
        supervision is { } f && (current is null || f < current) ? EvaluateAt(f, supervisionEstimated, now) : EvaluateAt(current, currentEstimated, now);

    /// <summary>Against the reply or resolution limit alone (<see cref="Ticket.CurrentDueAt"/>), without the supervision deadline.</summary>
    public DeadlineState EvaluateCurrent(Ticket ticket, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return EvaluateAt(ticket.IsOpen ? ticket.CurrentDueAt : null, ticket.CurrentDueEstimated, now);
    }

    /// <summary>Against a supervision case's own deadline (督办件 / 专题协调件, seed 004 Ⅲ-5); nothing when not flagged.</summary>
    public DeadlineState EvaluateSupervision(Ticket ticket, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return EvaluateAt(ticket.SupervisionDueAt, ticket.SupervisionDueEstimated, now);
    }

    /// <summary>Against the resolution limit (办结时限, "7个工作日要落实"), whether or not the first reply has been given.</summary>
    public DeadlineState EvaluateResolution(Ticket ticket, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return EvaluateAt(ticket.IsOpen ? ticket.DueAt : null, ticket.IsOpen && ticket.DueEstimatedAfter is not null, now);
    }

    private DeadlineState EvaluateAt(DateTimeOffset? due, bool beyond, DateTimeOffset now)
    {
        if (due is not { } dueAt)
        {
            return new DeadlineState(null, false, false, 0, 0);
        }

        var left = calendar.WorkingDaysBetween(now, dueAt);
        if (now <= dueAt)
        {
            return new DeadlineState(dueAt, left <= options.DueSoonWorkingDays, false, left, 0, beyond);
        }

        // Late days are counted by date: the due day itself is the first, then each working day after it.
        var late = 1 + calendar.WorkingDaysBetween(dueAt, now);
        return new DeadlineState(dueAt, false, true, Math.Min(left, -1), late, beyond);
    }
}
