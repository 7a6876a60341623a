using System.Text.Json;
using SunshineBot.Conversations.Engine;
using SunshineBot.Core.Tickets;
using SunshineBot.Data;
using SunshineBot.Data.Outbox;
using SunshineBot.Web.Chat;

namespace SunshineBot.Web.Jobs;

/// <summary>
/// Messages the jobs send to a parent, over the parent's own channel. Every message goes into the parent's
/// conversation (the web chat shows it; the conversation flow handles the answer). For a WeChat parent each message is
/// also queued in the outbox (customer-service message inside 48 hours, else a template linking into the web chat:
/// the dispatcher decides), saved in a second step right after: the conversation is the record of what was sent.
/// </summary>
public sealed class ParentMessages(ChatService chat, SunshineDbContext db, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Whether the ticket has a parent reachable by chat (filed over WeChat or the web chat).</summary>
    public static bool CanReach(Ticket ticket) => ticket.FiledBy is not null && ticket.Channel is Channel.WeChat or Channel.WebChat;

    /// <summary>Starts the revisit flow in the parent's conversation; saves the caller's pending changes with it.</summary>
    public async Task StartSurveyAsync(Ticket ticket, string sourceRef, CancellationToken ct)
    {
        var replies = await chat.StartFlowAsync(ChannelOf(ticket), ticket.FiledBy!, "revisit", ticket.Number, ct);
        // The flow's words are known only once it has run, so a WeChat copy is saved just after the conversation.
        if (QueueWeChat(ticket, replies, sourceRef))
        {
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>A system message in the parent's conversation; saves the caller's pending changes with it.</summary>
    public async Task SayAsync(Ticket ticket, string text, string sourceRef, CancellationToken ct)
    {
        IReadOnlyList<OutgoingMessage> messages = [OutgoingMessage.Say(text)];
        QueueWeChat(ticket, messages, sourceRef);
        await chat.PushAsync(ChannelOf(ticket), ticket.FiledBy!, messages, "system", ct);
    }

    private static string ChannelOf(Ticket ticket) => ticket.Channel == Channel.WeChat ? "wechat" : ChatEndpoints.Channel;

    private bool QueueWeChat(Ticket ticket, IReadOnlyList<OutgoingMessage> messages, string sourceRef)
    {
        if (ticket.Channel != Channel.WeChat)
        {
            return false;
        }

        var now = clock.GetUtcNow();
        for (var i = 0; i < messages.Count; i++)
        {
            var text = messages[i].Text ?? messages[i].Link?.Title ?? "";
            if (messages[i].Choices.Count > 0)
            {
                text += "\n" + string.Join(" / ", messages[i].Choices.Select(c => c.Label));
            }

            db.Outbox.Add(new OutboxMessage
            {
                Channel = "wechat",
                Recipient = ticket.FiledBy!,
                Kind = OutboxKind.Text,
                PayloadJson = JsonSerializer.Serialize(new { text, title = "回访" }, Json),
                Route = OutboxRoute.CustomerService,
                Status = OutboxStatus.Pending,
                NextAttemptAt = now,
                CreatedAt = now,
                SourceRef = $"{sourceRef}#{i}",
            });
        }

        return true;
    }
}
