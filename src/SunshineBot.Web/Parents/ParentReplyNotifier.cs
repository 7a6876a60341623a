using Microsoft.EntityFrameworkCore;
using SunshineBot.Conversations.Engine;
using SunshineBot.Core.Parents;
using SunshineBot.Core.Tickets;
using SunshineBot.Data;
using SunshineBot.Web.Tickets;

namespace SunshineBot.Web.Parents;

/// <summary>
/// Puts the approved official reply into the parent's conversation and the parent's channel, then the handling unit's
/// stamp (公章) as a picture. Everything goes into the caller's unit of work and is saved with the published reply, in
/// one transaction. How each channel carries it (WeChat: customer-service or template message) is its sender's business.
/// </summary>
public sealed class ParentReplyNotifier(ParentMessenger messenger, SunshineDbContext db) : IParentNotifier
{
    /// <summary>Where the web chat shows a ticket's stamp (served only to the parent who filed it).</summary>
    public static string StampUrlOf(string ticketNumber) => "/api/chat/stamps/" + Uri.EscapeDataString(ticketNumber);

    public async Task AddReplyPublishedAsync(Ticket ticket, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        if (ParentAddress.Of(ticket) is not { } parent || ticket.ReplyText is null)
        {
            return;
        }

        var text = $"您反映的事项（工单 {ticket.Number}）已有正式答复：\n\n{ticket.ReplyText}\n\n如有疑问，可以回复“人工”，或回复“查询进度”查看。";
        var stamp = await db.Units.AsNoTracking().Where(u => u.Code == ticket.HandlingUnitCode).Select(u => u.StampImageRef).FirstOrDefaultAsync(ct);
        List<OutgoingMessage> lines = [OutgoingMessage.Say(text)];
        if (stamp is not null)
        {
            lines.Add(new OutgoingMessage { Kind = OutgoingKind.Image, ImageUrl = StampUrlOf(ticket.Number), ImageKey = stamp, Text = "答复单位公章" });
        }

        var delivery = new ParentDelivery(ticket.Number, $"您反映的事项（工单 {ticket.Number}）已有正式答复", ticket.Number);
        await messenger.AddAsync(parent, lines, "staff", delivery, ct);
    }

    public Task ReplyPublishedSavedAsync(Ticket ticket, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        if (ParentAddress.Of(ticket) is { } parent)
        {
            messenger.Wake(parent);
        }

        return Task.CompletedTask;
    }
}
