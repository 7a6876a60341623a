using SunshineBot.Conversations.Engine;
using SunshineBot.Core.Tickets;
using SunshineBot.Data;
using SunshineBot.Web.Chat;
using SunshineBot.Web.WeChat;

namespace SunshineBot.Web.Jobs;

/// <summary>
/// Messages the jobs send to a parent, over the parent's own channel. Every message goes into the parent's
/// conversation (the web chat shows it; the conversation flow handles the answer). For a WeChat parent each message is
/// also queued in the outbox (customer-service message inside 48 hours, else a template linking into the web chat:
/// the dispatcher decides). Conversation lines, outbox rows and the caller's pending changes (the ticket, the job mark)
/// are saved by one SaveChanges, in one transaction.
/// </summary>
public sealed class ParentMessages(ChatService chat, SunshineDbContext db, WeChatOutbox? outbox = null)
{
    /// <summary>Whether the ticket has a parent reachable by chat (filed over WeChat or the web chat).</summary>
    public static bool CanReach(Ticket ticket) => ticket.FiledBy is not null && ticket.Channel is Channel.WeChat or Channel.WebChat;

    /// <summary>Starts the revisit flow in the parent's conversation; saves the caller's pending changes with it.</summary>
    public async Task StartSurveyAsync(Ticket ticket, string sourceRef, CancellationToken ct)
    {
        var replies = await chat.QueueFlowAsync(ChannelOf(ticket), ticket.FiledBy!, "revisit", ticket.Number, ct);
        await SaveAsync(ticket, replies, sourceRef, ct);
    }

    /// <summary>A system message in the parent's conversation; saves the caller's pending changes with it.</summary>
    public async Task SayAsync(Ticket ticket, string text, string sourceRef, CancellationToken ct)
    {
        IReadOnlyList<OutgoingMessage> messages = [OutgoingMessage.Say(text)];
        chat.Queue(ChannelOf(ticket), ticket.FiledBy!, messages, "system");
        await SaveAsync(ticket, messages, sourceRef, ct);
    }

    private async Task SaveAsync(Ticket ticket, IReadOnlyList<OutgoingMessage> messages, string sourceRef, CancellationToken ct)
    {
        var wechat = ticket.Channel == Channel.WeChat && outbox is not null;
        if (wechat)
        {
            for (var i = 0; i < messages.Count; i++)
            {
                outbox!.AddAbout(ticket.Number, ticket.FiledBy!, WeChatText.Of(messages[i]), $"{sourceRef}#{i}", title: $"您反映的事项（工单 {ticket.Number}）请您评价");
            }
        }

        await db.SaveChangesAsync(ct);
        chat.Wake(ChannelOf(ticket), ticket.FiledBy!);
        if (wechat)
        {
            outbox!.Wake();
        }
    }

    private static string ChannelOf(Ticket ticket) => ticket.Channel == Channel.WeChat ? WeChatOutbox.Channel : ChatEndpoints.Channel;
}
