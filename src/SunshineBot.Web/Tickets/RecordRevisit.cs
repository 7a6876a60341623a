using SunshineBot.Core.Deadlines;
using SunshineBot.Core.Tickets;

namespace SunshineBot.Web.Tickets;

/// <summary>
/// A revisit answer (回访), from the parent in the chat or typed in by staff after a phone call. <see cref="Reason"/>
/// is why the parent is unsatisfied (the redo reason); <see cref="CloseResult"/>, when given, closes a satisfied ticket
/// with that result (the chat does; staff close with their own result text).
/// </summary>
public sealed record RevisitAnswer(Satisfaction Satisfaction, string? Record, string? Reason = null, string? CloseResult = null);

/// <summary>What a revisit answer did to the ticket.</summary>
public enum RevisitResult
{
    /// <summary>Recorded; the ticket waits for staff to close it.</summary>
    Recorded,
    Closed,

    /// <summary>不满意: 发回重办 to the handling unit with new limits.</summary>
    SentBack,

    /// <summary>不满意 a second time: sent back and escalated to the centre (催办 by the system).</summary>
    Escalated,
}

/// <summary>
/// The rule books' revisit rule, in one place for every channel: 不满意 sends the ticket back to be redone (发回重办),
/// and a ticket already redone once is escalated to the service centre as well. <paramref name="who"/> records the
/// answer; what follows from it is the rule's doing (the system). Works on a loaded ticket in the caller's unit of work;
/// the caller saves.
/// </summary>
public sealed class RecordRevisit(DeadlinePolicy deadlines)
{
    public const string EscalationNote = "家长第二次回访不满意，升级由服务中心督办";

    public RevisitResult Run(Ticket ticket, Actor who, DateTimeOffset at, RevisitAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(answer);
        ticket.RecordRevisit(who, at, answer.Satisfaction, answer.Record);
        if (answer.Satisfaction == Satisfaction.Unsatisfied)
        {
            var escalate = ticket.RedoCount >= 1;
            ticket.SendBack(Actor.System, at, FirstNonBlank(answer.Reason, answer.Record) ?? "家长回访不满意", deadlines);
            if (!escalate)
            {
                return RevisitResult.SentBack;
            }

            ticket.Urge(Actor.System, at, EscalationNote);
            return RevisitResult.Escalated;
        }

        if (answer.CloseResult is { } result && answer.Satisfaction != Satisfaction.NotReached)
        {
            ticket.Close(Actor.System, at, result);
            return RevisitResult.Closed;
        }

        return RevisitResult.Recorded;
    }

    private static string? FirstNonBlank(params string?[] texts) => texts.FirstOrDefault(t => !string.IsNullOrWhiteSpace(t));
}
