using SunshineBot.Core.Deadlines;

namespace SunshineBot.Core.Tickets;

/// <summary>一次性告知: staff ask the parent, once, for everything still missing; the parent's answer lands on the ticket.</summary>
public sealed partial class Ticket
{
    /// <summary>The request to the parent, when one was sent.</summary>
    public TicketEvent? InformationRequest => Events.LastOrDefault(e => e.Action == TicketAction.RequestInformation);

    /// <summary>Asked and not yet answered (the request was sent, and no answer came after it).</summary>
    public bool HasUnansweredInformationRequest =>
        InformationRequest is { } asked && !Events.Any(e => e.Action == TicketAction.SupplyInformation && e.Sequence > asked.Sequence);

    /// <summary>Asked, not yet answered, and still before the reply: the clock may stand still (Deadlines:InformationWait).</summary>
    public bool IsAwaitingInformation => HasUnansweredInformationRequest && TicketWorkflow.IsAllowed(Status, TicketAction.SupplyInformation);

    /// <summary>Records the one request listing everything missing. A second request is refused (一次性告知).</summary>
    public void RequestInformation(Actor actor, DateTimeOffset at, string missing)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var what = Require(missing, "需要补充的内容", 1000);
        var to = Move(TicketAction.RequestInformation);
        if (InformationRequest is not null)
        {
            throw new DomainException("已经一次性告知过家长需要补充的内容，不能再次要求补充。如仍缺材料，请电话联系家长并记录备注。");
        }

        Append(actor, at, TicketAction.RequestInformation, to, what);
    }

    /// <summary>
    /// The parent's answer. Under <see cref="InformationWaitRule.Pause"/> the limits still running move on by the working
    /// days spent waiting (returned; 0 under <see cref="InformationWaitRule.Continue"/>).
    /// </summary>
    public int SupplyInformation(Actor actor, DateTimeOffset at, string answer, DeadlinePolicy deadlines)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(deadlines);
        var text = Require(answer, "补充内容", 2000);
        var to = Move(TicketAction.SupplyInformation);
        if (!IsAwaitingInformation || InformationRequest is not { } asked)
        {
            throw new DomainException("这件工单没有在等待家长补充材料。");
        }

        var waited = deadlines.Options.InformationWait == InformationWaitRule.Pause && IsAwaitingReply
            ? Math.Max(0, deadlines.Calendar.WorkingDaysBetween(asked.At, at))
            : 0;
        if (waited > 0)
        {
            MoveLimitsBy(waited, deadlines);
        }

        Append(actor, at, TicketAction.SupplyInformation, to, waited > 0 ? $"{text}\n（等待家长补充 {waited} 个工作日，期限相应顺延）" : text);
        return waited;
    }
}
