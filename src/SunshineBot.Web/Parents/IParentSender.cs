using SunshineBot.Conversations.Engine;
using SunshineBot.Core.Parents;

namespace SunshineBot.Web.Parents;

/// <summary>
/// The last step of the parent pipeline for one channel: turns engine messages into the channel's outgoing rows
/// (WeChat: outbox rows for the dispatcher). Rows are added to the caller's unit of work, so they are saved in the
/// transaction of their cause; <see cref="Wake"/> runs after that save.
/// </summary>
public interface IParentSender
{
    ParentChannel Channel { get; }

    /// <summary>
    /// Adds a turn's replies to the turn's own transaction, held back until the channel's adapter decides how they go
    /// out (<see cref="TurnDelivery.BySender"/>); if the process dies first they become due by themselves.
    /// </summary>
    void HoldTurnReplies(ParentAddress parent, string messageId, IReadOnlyList<OutgoingMessage> replies);

    /// <summary>Adds messages from staff or the system (a reply letter, a survey) to the caller's unit of work.</summary>
    Task AddAsync(ParentAddress parent, IReadOnlyList<OutgoingMessage> messages, ParentDelivery delivery, CancellationToken ct);

    /// <summary>After the caller saved: lets the channel send at once.</summary>
    void Wake();
}

/// <summary>
/// What a message outside a turn is about: <see cref="SourceRef"/> names its cause (unique per message together with the
/// message's index), <see cref="Title"/> is the headline where the channel can only show a notice, and
/// <see cref="TicketNumber"/> the ticket it concerns.
/// </summary>
public sealed record ParentDelivery(string SourceRef, string? Title = null, string? TicketNumber = null);

/// <summary>How a turn's replies reach the parent.</summary>
public enum TurnDelivery
{
    /// <summary>The adapter shows them itself (the web chat's response and its long poll of the conversation).</summary>
    ByAdapter,

    /// <summary>The channel's sender gets them, held in the turn's transaction (WeChat: passive reply or outbox).</summary>
    BySender,
}

/// <summary>The sender of each configured channel; a channel without one (WeChat not configured) only keeps the conversation.</summary>
public sealed class ParentSenders(IEnumerable<IParentSender> senders)
{
    private readonly IReadOnlyList<IParentSender> _senders = senders.ToList();

    public IParentSender? For(ParentChannel channel) => _senders.FirstOrDefault(s => s.Channel == channel);
}
