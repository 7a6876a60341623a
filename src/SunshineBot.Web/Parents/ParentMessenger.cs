using SunshineBot.Conversations.Engine;
using SunshineBot.Core.Parents;

namespace SunshineBot.Web.Parents;

/// <summary>
/// Messages to a parent outside a turn (a staff reply, a revisit survey, a reminder), the same for every channel: the
/// conversation gets the lines and the channel's sender its rows, all in the caller's unit of work, so they are saved
/// with the change that caused them. Call <see cref="Wake"/> after the save.
/// </summary>
public sealed class ParentMessenger(ConversationEngine engine, ParentConversations conversations, ParentSenders senders, ConversationSignal signal, TimeProvider clock)
{
    /// <summary>Starts a system flow (the revisit survey) on top of whatever the parent was doing, and sends its words.</summary>
    public async Task<IReadOnlyList<OutgoingMessage>> StartFlowAsync(ParentAddress parent, string flowId, string args, ParentDelivery delivery, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var conversation = await conversations.LoadAsync(parent, now, ct);
        var state = ParentConversations.Read(conversation);
        var replies = await engine.StartAsync(state, parent, flowId, args, now, ct);
        ParentConversations.Write(conversation, state, now);
        await AddAsync(parent, replies, "system", delivery, ct);
        return replies;
    }

    /// <summary>Adds <paramref name="messages"/> from <paramref name="source"/> ("staff", "system") to the conversation and the channel.</summary>
    public async Task AddAsync(ParentAddress parent, IReadOnlyList<OutgoingMessage> messages, string source, ParentDelivery delivery, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(messages);
        conversations.LogOutbound(parent, messages, source, clock.GetUtcNow());
        if (senders.For(parent.Channel) is { } sender)
        {
            await sender.AddAsync(parent, messages, delivery, ct);
        }
    }

    /// <summary>After the caller saved: the parent's open pages and the channel's sender.</summary>
    public void Wake(ParentAddress parent)
    {
        signal.Notify(parent);
        senders.For(parent.Channel)?.Wake();
    }
}
