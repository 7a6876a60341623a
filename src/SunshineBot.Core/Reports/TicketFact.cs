using SunshineBot.Core.Tickets;

namespace SunshineBot.Core.Reports;

/// <summary>
/// One ticket as metrics and rubrics need it: a flat row loaded by one projection query (no timeline, no text), so a
/// year of a whole tree fits in memory. Reply facts are the first round's (a redo has its own limit and counts as a
/// redo); <see cref="DispatchedAt"/> and <see cref="AcknowledgedAt"/> are the current dispatch's (签收, quick response);
/// <see cref="UnitCode"/> is the unit the ticket counts against: the handling unit, else the receiving unit.
/// </summary>
public sealed record TicketFact(
    string Number,
    TicketKind Kind,
    Severity Severity,
    Channel Channel,
    TicketCategory Category,
    TicketStatus Status,
    string? UnitCode,
    string? RevisitUnitCode,
    DateTimeOffset ReceivedAt,
    DateTimeOffset FirstReplyDueAt,
    DateTimeOffset? FirstRepliedAt,
    DateTimeOffset DueAt,
    DateTimeOffset? ClosedAt,
    int RedoCount,
    int UrgeCount,
    Satisfaction? Satisfaction,
    Finding? Finding,
    bool? ReplyFollowsTemplate,
    bool? ReplyHasStamp,
    IReadOnlyList<FaultKind> Faults,
    DateTimeOffset? DispatchedAt = null,
    DateTimeOffset? AcknowledgedAt = null,
    int RedispatchCount = 0)
{
    /// <summary>The facts of a loaded ticket (tests, import checks); the database projection builds the same record in SQL.</summary>
    public static TicketFact Of(Ticket t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var (replied, due) = t.FirstRoundReplyDueAt is { } firstDue ? (t.FirstRoundRepliedAt, firstDue) : (t.RepliedAt, t.FirstReplyDueAt);
        return new(
            t.Number, t.Kind, t.Severity, t.Channel, t.Category, t.Status, t.HandlingUnitCode ?? t.ReceivingUnitCode, t.RevisitUnitCode,
            t.ReceivedAt, due, replied, t.DueAt, t.ClosedAt, t.RedoCount, t.UrgeCount, t.Satisfaction, t.Finding,
            t.ReplyFollowsTemplate, t.ReplyHasStamp, t.Faults.Select(f => f.Kind).ToArray(), t.DispatchedAt, t.AcknowledgedAt, t.RedispatchCount);
    }

    /// <summary>Withdrawn and duplicate tickets are counted in volumes only: nobody owes them a reply.</summary>
    public bool IsScored => Status is not (TicketStatus.Withdrawn or TicketStatus.Duplicate);

    /// <summary>The unit a revisit scores: the unit handling the ticket when the revisit started.</summary>
    public string? SatisfactionUnitCode => RevisitUnitCode ?? UnitCode;
}

/// <summary>Knowledge-base answers in the period: asked, answered (no ticket needed), rated, rated unhelpful.</summary>
public sealed record KbFacts(int Questions, int Answered, int Rated, int Unhelpful)
{
    public static KbFacts None { get; } = new(0, 0, 0, 0);
}
