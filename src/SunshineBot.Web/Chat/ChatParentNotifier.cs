using SunshineBot.Conversations.Engine;
using SunshineBot.Core.Tickets;
using SunshineBot.Web.Tickets;

namespace SunshineBot.Web.Chat;

/// <summary>Puts the approved official reply into the parent's conversation (web chat; WeChat goes through its outbox).</summary>
public sealed class ChatParentNotifier(ChatService chat) : IParentNotifier
{
    public async Task NotifyReplyPublishedAsync(Ticket ticket, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        if (ticket.FiledBy is null || ticket.ReplyText is null)
        {
            return;
        }

        var channel = ticket.Channel == Channel.WeChat ? "wechat" : ChatEndpoints.Channel;
        var text = $"您反映的事项（工单 {ticket.Number}）已有正式答复：\n\n{ticket.ReplyText}\n\n如有疑问，可以回复“人工”，或回复“查询进度”查看。";
        await chat.PushAsync(channel, ticket.FiledBy, [OutgoingMessage.Say(text)], "staff", ct);
    }
}
