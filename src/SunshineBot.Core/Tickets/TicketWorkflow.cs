namespace SunshineBot.Core.Tickets;

/// <summary>
/// The state machine: which action is allowed in which state, and where it leads.
/// Everything not listed here is refused with <see cref="TicketActionNotAllowedException"/>.
/// </summary>
public static class TicketWorkflow
{
    private static readonly TicketStatus[] Open =
        [TicketStatus.Received, TicketStatus.Dispatched, TicketStatus.PendingReview, TicketStatus.Replied, TicketStatus.Revisiting];

    private static readonly TicketStatus[] Everywhere = Enum.GetValues<TicketStatus>();

    // (action, from) -> to. A null target means "the state does not change".
    private static readonly Dictionary<(TicketAction Action, TicketStatus From), TicketStatus?> Transitions = Build();

    public static bool IsAllowed(TicketStatus from, TicketAction action) => Transitions.ContainsKey((action, from));

    /// <summary>The state after <paramref name="action"/>, or the refusal naming the state and the action.</summary>
    public static TicketStatus Next(TicketStatus from, TicketAction action, TicketStatus? replyTarget = null)
    {
        if (!Transitions.TryGetValue((action, from), out var to))
        {
            throw new TicketActionNotAllowedException(from, action);
        }

        return action == TicketAction.Reply && replyTarget is { } target ? target : to ?? from;
    }

    /// <summary>Actions allowed in <paramref name="status"/>, for pages and APIs that offer buttons.</summary>
    public static IReadOnlyList<TicketAction> AllowedActions(TicketStatus status) =>
        Transitions.Keys.Where(k => k.From == status).Select(k => k.Action).Distinct().ToArray();

    private static Dictionary<(TicketAction, TicketStatus), TicketStatus?> Build()
    {
        var map = new Dictionary<(TicketAction, TicketStatus), TicketStatus?>();

        void Allow(TicketAction action, TicketStatus? to, params TicketStatus[] from)
        {
            foreach (var state in from)
            {
                map[(action, state)] = to;
            }
        }

        Allow(TicketAction.Dispatch, TicketStatus.Dispatched, TicketStatus.Received, TicketStatus.Dispatched);
        Allow(TicketAction.Reply, TicketStatus.Replied, TicketStatus.Dispatched);
        Allow(TicketAction.Approve, TicketStatus.Replied, TicketStatus.PendingReview);
        Allow(TicketAction.Return, TicketStatus.Dispatched, TicketStatus.PendingReview);
        Allow(TicketAction.StartRevisit, TicketStatus.Revisiting, TicketStatus.Replied);
        Allow(TicketAction.RecordRevisit, null, TicketStatus.Replied, TicketStatus.Revisiting);
        Allow(TicketAction.Close, TicketStatus.Closed, TicketStatus.Replied, TicketStatus.Revisiting);
        Allow(TicketAction.SendBack, TicketStatus.Dispatched, TicketStatus.Replied, TicketStatus.Revisiting);
        Allow(TicketAction.RequestExtension, null, TicketStatus.Dispatched);
        Allow(TicketAction.ApproveExtension, null, TicketStatus.Dispatched, TicketStatus.PendingReview);
        Allow(TicketAction.RejectExtension, null, TicketStatus.Dispatched, TicketStatus.PendingReview);
        Allow(TicketAction.Urge, null, TicketStatus.Received, TicketStatus.Dispatched, TicketStatus.PendingReview);
        Allow(TicketAction.Withdraw, TicketStatus.Withdrawn, TicketStatus.Received, TicketStatus.Dispatched, TicketStatus.PendingReview);
        Allow(TicketAction.MarkDuplicate, TicketStatus.Duplicate, TicketStatus.Received, TicketStatus.Dispatched);
        Allow(TicketAction.ProposeAction, null, Open);
        Allow(TicketAction.LeaderInstruct, null, Open);
        Allow(TicketAction.AddAttachment, null, Open);
        Allow(TicketAction.Acknowledge, null, TicketStatus.Dispatched);
        Allow(TicketAction.HandBack, TicketStatus.Received, TicketStatus.Dispatched);
        Allow(TicketAction.CorrectIntake, null, Open);
        Allow(TicketAction.SetLimit, null, TicketStatus.Received, TicketStatus.Dispatched, TicketStatus.PendingReview);
        Allow(TicketAction.FlagCase, null, Open);
        Allow(TicketAction.RecordVisit, null, TicketStatus.Dispatched, TicketStatus.PendingReview, TicketStatus.Replied, TicketStatus.Revisiting);
        Allow(TicketAction.RequestInformation, null, TicketStatus.Received, TicketStatus.Dispatched);
        Allow(TicketAction.SupplyInformation, null, TicketStatus.Received, TicketStatus.Dispatched);
        Allow(TicketAction.AddNote, null, Everywhere);
        Allow(TicketAction.LinkGroup, null, [.. Open, TicketStatus.Closed]);
        Allow(TicketAction.UnlinkGroup, null, [.. Open, TicketStatus.Closed]);
        Allow(TicketAction.RecordFinding, null, [.. Open, TicketStatus.Closed]);
        Allow(TicketAction.TagFault, null, [.. Open, TicketStatus.Closed]);
        Allow(TicketAction.RecordReplyConformity, null, TicketStatus.Replied, TicketStatus.Revisiting, TicketStatus.Closed);
        Allow(TicketAction.RevealContact, null, Everywhere);
        return map;
    }
}

/// <summary>A rule of the domain was broken; the message is Chinese and fit to show to staff.</summary>
public class DomainException(string message) : Exception(message);

/// <summary>The state machine refused an action in the current state.</summary>
public sealed class TicketActionNotAllowedException(TicketStatus status, TicketAction action)
    : DomainException($"工单当前状态为「{Labels.Of(status)}」，不能执行「{Labels.Of(action)}」。")
{
    public TicketStatus Status { get; } = status;

    public TicketAction Action { get; } = action;
}
