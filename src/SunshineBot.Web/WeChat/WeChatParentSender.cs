using SunshineBot.Conversations.Engine;
using SunshineBot.Core.Parents;
using SunshineBot.Data;
using SunshineBot.Web.Parents;

namespace SunshineBot.Web.WeChat;

/// <summary>
/// WeChat's sender in the parent pipeline: engine messages become outbox rows (<see cref="WeChatOutbox"/>), saved with
/// their cause and sent by the dispatcher (customer-service message inside 48 hours, else a template message).
/// </summary>
public sealed class WeChatParentSender(WeChatOutbox outbox, SunshineDbContext db, TimeProvider clock) : IParentSender
{
    public ParentChannel Channel => ParentChannel.WeChat;

    public void HoldTurnReplies(ParentAddress parent, string messageId, IReadOnlyList<OutgoingMessage> replies) =>
        outbox.HoldReplies(parent.Id, messageId, replies);

    /// <summary>
    /// One row per message: the first carries <see cref="ParentDelivery.SourceRef"/>, the next ones "{SourceRef}#{i}".
    /// A stored picture after the first message (the stamp under a reply) is sent only inside the 48-hour window:
    /// outside it the first message's template already links to the conversation, and a second notice is noise.
    /// </summary>
    public async Task AddAsync(ParentAddress parent, IReadOnlyList<OutgoingMessage> messages, ParentDelivery delivery, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(delivery);
        bool? inside = null;
        for (var i = 0; i < messages.Count; i++)
        {
            var message = messages[i];
            var sourceRef = i == 0 ? delivery.SourceRef : $"{delivery.SourceRef}#{i}";
            if (outbox.StoredImageKeyOf(message) is { } key)
            {
                inside ??= await WeChatOutboxSender.InsideServiceWindowAsync(db, parent.Id, clock.GetUtcNow(), ct);
                if (i == 0 || inside == true)
                {
                    var title = delivery.TicketNumber is { } number ? $"工单 {number} {message.Text}".TrimEnd() : message.Text;
                    outbox.AddImage(parent.Id, key, sourceRef, caption: i == 0 ? WeChatText.CaptionOf(message) : null, title: title);
                }

                continue;
            }

            outbox.AddAbout(delivery.TicketNumber, parent.Id, WeChatText.Of(message), sourceRef, delivery.Title);
        }
    }

    public void Wake() => outbox.Wake();
}
