using SunshineBot.Conversations.Engine;
using SunshineBot.Core.Parents;
using SunshineBot.Web.Parents;

namespace SunshineBot.Web.Chat;

/// <summary>
/// The web chat's sender: its delivery is the conversation itself. The page reads every line from
/// <c>GET /api/chat/messages</c> (long poll, woken by <see cref="ConversationSignal"/>), so nothing more is queued.
/// </summary>
public sealed class WebChatSender : IParentSender
{
    public ParentChannel Channel => ParentChannel.WebChat;

    public void HoldTurnReplies(ParentAddress parent, string messageId, IReadOnlyList<OutgoingMessage> replies)
    {
    }

    public Task AddAsync(ParentAddress parent, IReadOnlyList<OutgoingMessage> messages, ParentDelivery delivery, CancellationToken ct) => Task.CompletedTask;

    public void Wake()
    {
    }
}
