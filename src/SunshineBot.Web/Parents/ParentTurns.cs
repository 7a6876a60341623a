using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SunshineBot.Conversations.Engine;
using SunshineBot.Data;
using SunshineBot.Data.Chat;

namespace SunshineBot.Web.Parents;

/// <summary>
/// One parent turn, the same for every channel: adapter → engine → use cases → database → outbox → channel sender.
/// The same inbound message id twice gets the stored replies and changes nothing; the state, the conversation lines,
/// the de-duplication row, whatever the engine's use cases wrote (a ticket) and the sender's rows are saved in one
/// transaction; a conflict with another instance handling the same parent re-runs the turn on fresh state.
/// </summary>
public sealed class ParentTurns(
    SunshineDbContext db, ConversationEngine engine, ParentConversations conversations, ParentSenders senders, ConversationSignal signal,
    TimeProvider clock, ILogger<ParentTurns> logger)
{
    /// <summary>Runs the parent's turn once (a retried message gets the stored replies).</summary>
    public async Task<IReadOnlyList<OutgoingMessage>> HandleAsync(IncomingMessage message, TurnDelivery delivery, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        for (var attempt = 1; ; attempt++)
        {
            if (await StoredRepliesAsync(message, ct) is { } stored)
            {
                return stored;
            }

            try
            {
                return await RunAsync(message, delivery, ct);
            }
            catch (DbUpdateException e) when (attempt < 3)
            {
                // Another instance saved first (state version or the inbound id): start over from what it stored.
                logger.LogInformation(e, "Parent turn on {Channel} conflicted; retrying", message.Channel);
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<IReadOnlyList<OutgoingMessage>> RunAsync(IncomingMessage message, TurnDelivery delivery, CancellationToken ct)
    {
        // One transaction for the turn's writes, begun at the first of them: the state is read and the engine runs
        // outside it, so other parents' turns are not queued behind this one's engine on SQLite's single writer. A
        // ticket the engine files (its own SaveChanges) begins it and commits only together with the inbound row. Two
        // instances running the same message at once: the loser's insert of that row (or its conversation's version)
        // fails, its ticket rolls back with it, and the retry above returns the winner's replies.
        db.BeginTransactionOnFirstWrite();
        try
        {
            var now = clock.GetUtcNow();
            var parent = message.From;
            var conversation = await conversations.LoadAsync(parent, now, ct);
            var state = ParentConversations.Read(conversation);
            var replies = await engine.HandleAsync(state, message, now, ct);

            ParentConversations.Write(conversation, state, now);
            db.ChatInbound.Add(new ChatInbound
            {
                Channel = message.Channel,
                MessageId = message.MessageId,
                UserId = message.UserId,
                RepliesJson = JsonSerializer.Serialize(replies, ParentJson.Options),
                At = now,
            });
            conversations.LogInbound(message, now);
            conversations.LogOutbound(parent, replies, "bot", now);
            if (delivery == TurnDelivery.BySender)
            {
                senders.For(message.Channel)?.HoldTurnReplies(parent, message.MessageId, replies);
            }

            await db.SaveChangesAsync(ct);
            await db.CommitWritesAsync(ct);
            signal.Notify(parent);
            return replies;
        }
        finally
        {
            await db.AbandonWritesAsync();
        }
    }

    /// <summary>The replies stored when this message was handled before (on any instance), or null when it is new.</summary>
    public async Task<IReadOnlyList<OutgoingMessage>?> StoredRepliesAsync(IncomingMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var stored = await db.ChatInbound.AsNoTracking()
            .Where(i => i.Channel == message.Channel && i.MessageId == message.MessageId)
            .Select(i => i.RepliesJson).FirstOrDefaultAsync(ct);
        return stored is null ? null : JsonSerializer.Deserialize<List<OutgoingMessage>>(stored, ParentJson.Options) ?? [];
    }
}
