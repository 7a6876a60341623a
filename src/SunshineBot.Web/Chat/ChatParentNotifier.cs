using Microsoft.EntityFrameworkCore;
using SunshineBot.Conversations.Engine;
using SunshineBot.Core.Tickets;
using SunshineBot.Data;
using SunshineBot.Web.Tickets;
using SunshineBot.Web.WeChat;

namespace SunshineBot.Web.Chat;

/// <summary>
/// Puts the approved official reply into the parent's conversation. For a WeChat ticket (when WeChat is configured)
/// an outbox row is added too, which the dispatcher sends as a customer-service or template message. Both go into the
/// caller's unit of work and are saved with the published reply, in one transaction. A WeChat parent who wrote to
/// the account in the last 48 hours also gets the handling unit's stamp (公章) as a picture after the letter.
/// </summary>
public sealed class ChatParentNotifier(ChatService chat, SunshineDbContext db, TimeProvider clock, WeChatOutbox? outbox = null) : IParentNotifier
{
    public async Task AddReplyPublishedAsync(Ticket ticket, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        if (ticket.FiledBy is null || ticket.ReplyText is null)
        {
            return;
        }

        var text = $"您反映的事项（工单 {ticket.Number}）已有正式答复：\n\n{ticket.ReplyText}\n\n如有疑问，可以回复“人工”，或回复“查询进度”查看。";
        var stamp = await db.Units.AsNoTracking().Where(u => u.Code == ticket.HandlingUnitCode).Select(u => u.StampImageRef).FirstOrDefaultAsync(ct);
        if (IsWeChat(ticket) && outbox is not null)
        {
            outbox.Add(ticket.FiledBy, text, ticket.Number, title: $"您反映的事项（工单 {ticket.Number}）已有正式答复");
            // Outside the window the template already carries the letter's link; a second template for the picture is noise.
            if (stamp is not null && await WeChatOutboxSender.InsideServiceWindowAsync(db, ticket.FiledBy, clock.GetUtcNow(), ct))
            {
                outbox.AddImage(ticket.FiledBy, stamp, $"{ticket.Number}#stamp", caption: null, title: $"工单 {ticket.Number} 答复单位公章");
            }
        }

        // The conversation shows the letter, then the unit's stamp (served only to this parent, ChatEndpoints).
        List<OutgoingMessage> lines = [OutgoingMessage.Say(text)];
        if (stamp is not null)
        {
            lines.Add(new OutgoingMessage { Kind = OutgoingKind.Image, ImageUrl = ChatEndpoints.StampUrlOf(ticket.Number), Text = "答复单位公章" });
        }

        chat.Queue(ChannelOf(ticket), ticket.FiledBy, lines, "staff");
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
