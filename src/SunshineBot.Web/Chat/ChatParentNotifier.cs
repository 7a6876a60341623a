using SunshineBot.Conversations.Engine;
using SunshineBot.Core.Tickets;
using SunshineBot.Web.Tickets;
using SunshineBot.Web.WeChat;

namespace SunshineBot.Web.Chat;

/// <summary>
/// Puts the approved official reply into the parent's conversation. For a WeChat ticket (when WeChat is configured)
/// an outbox row is added too, which the dispatcher sends as a customer-service or template message. Both go into the
/// caller's unit of work and are saved with the published reply, in one transaction.
/// </summary>
public sealed class ChatParentNotifier(ChatService chat, WeChatOutbox? outbox = null) : IParentNotifier
{
    public Task AddReplyPublishedAsync(Ticket ticket, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        if (ticket.FiledBy is null || ticket.ReplyText is null)
        {
            return Task.CompletedTask;
        }

        var text = $"您反映的事项（工单 {ticket.Number}）已有正式答复：\n\n{ticket.ReplyText}\n\n如有疑问，可以回复“人工”，或回复“查询进度”查看。";
        if (IsWeChat(ticket) && outbox is not null)
        {
            outbox.Add(ticket.FiledBy, text, ticket.Number, title: $"您反映的事项（工单 {ticket.Number}）已有正式答复");
        }

        chat.Queue(ChannelOf(ticket), ticket.FiledBy, [OutgoingMessage.Say(text)], "staff");
        return Task.CompletedTask;
    }

    public Task ReplyPublishedSavedAsync(Ticket ticket, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        if (ticket.FiledBy is not null)
        {
            chat.Wake(ChannelOf(ticket), ticket.FiledBy);
            if (IsWeChat(ticket))
            {
                outbox?.Wake();
            }
        }

        return Task.CompletedTask;
    }

    private static bool IsWeChat(Ticket ticket) => ticket.Channel == Channel.WeChat;

    private static string ChannelOf(Ticket ticket) => IsWeChat(ticket) ? WeChatOutbox.Channel : ChatEndpoints.Channel;
}
