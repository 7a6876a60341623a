using SunshineBot.Conversations.Engine;
using SunshineBot.Core.Tickets;
using SunshineBot.Web.Tickets;
using SunshineBot.Web.WeChat;

namespace SunshineBot.Web.Chat;

/// <summary>
/// Puts the approved official reply into the parent's conversation. For a WeChat ticket (when WeChat is configured)
/// the same save also writes an outbox row, which the dispatcher sends as a customer-service or template message.
/// The ticket itself was saved just before, by the caller: if the process dies between the two saves the reply is
/// published on the ticket but not queued (see docs/wechat.md).
/// </summary>
public sealed class ChatParentNotifier(ChatService chat, WeChatOutbox? outbox = null) : IParentNotifier
{
    public async Task NotifyReplyPublishedAsync(Ticket ticket, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        if (ticket.FiledBy is null || ticket.ReplyText is null)
        {
            return;
        }

        var wechat = ticket.Channel == Channel.WeChat;
        var channel = wechat ? WeChatOutbox.Channel : ChatEndpoints.Channel;
        var text = $"您反映的事项（工单 {ticket.Number}）已有正式答复：\n\n{ticket.ReplyText}\n\n如有疑问，可以回复“人工”，或回复“查询进度”查看。";
        if (wechat && outbox is not null)
        {
            outbox.Add(ticket.FiledBy, text, ticket.Number, title: $"您反映的事项（工单 {ticket.Number}）已有正式答复");
        }

        await chat.PushAsync(channel, ticket.FiledBy, [OutgoingMessage.Say(text)], "staff", ct);
        if (wechat)
        {
            outbox?.Wake();
        }
    }
}
