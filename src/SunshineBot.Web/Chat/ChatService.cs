using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SunshineBot.Conversations.Engine;
using SunshineBot.Data;
using SunshineBot.Data.Chat;

namespace SunshineBot.Web.Chat;

/// <summary>
/// Runs the engine around the database: the same inbound message id twice gets the stored replies and changes
/// nothing; the state, the message log and the de-duplication row are saved together; a conflict with another
/// instance handling the same parent re-runs the turn on fresh state.
/// </summary>
public sealed class ChatService(SunshineDbContext db, ConversationEngine engine, ChatSignal signal, TimeProvider clock, ILogger<ChatService> logger)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public Task<IReadOnlyList<OutgoingMessage>> HandleAsync(IncomingMessage message, CancellationToken ct) => HandleAsync(message, null, ct);

    /// <summary>
    /// Runs the parent's turn once (a retried message gets the stored replies). <paramref name="withTurn"/> sees the
    /// replies of a turn that is run now, before its save, and may add rows (the WeChat outbox) to the same transaction.
    /// </summary>
    public async Task<IReadOnlyList<OutgoingMessage>> HandleAsync(IncomingMessage message, Action<IReadOnlyList<OutgoingMessage>>? withTurn, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (await StoredRepliesAsync(message, ct) is { } stored)
            {
                return stored;
            }

            try
            {
                return await RunTurnAsync(message, withTurn, ct);
            }
            catch (DbUpdateException e) when (attempt < 3)
            {
                // Another instance saved first (state version or the inbound id): start over from what it stored.
                logger.LogInformation(e, "Chat turn for {Channel} conflicted; retrying", message.Channel);
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>
    /// Starts a system flow in the caller's unit of work: the conversation's new state and the flow's words are
    /// saved by the caller's SaveChanges, together with the change that caused them; call <see cref="Wake"/> after.
    /// </summary>
    public async Task<IReadOnlyList<OutgoingMessage>> QueueFlowAsync(string channel, string userId, string flowId, string args, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var conversation = await LoadAsync(channel, userId, now, ct);
        var state = Read(conversation);
        var replies = await engine.StartAsync(state, userId, channel, flowId, args, now, ct);
        conversation.StateJson = JsonSerializer.Serialize(state, Json);
        conversation.UpdatedAt = now;
        Log(channel, userId, replies, "system", now);
        return replies;
    }

    /// <summary>
    /// Adds a message from staff or the system to the caller's unit of work (not saved): it is in the conversation
    /// exactly when the caller's change is. Call <see cref="Wake"/> after the save.
    /// </summary>
    public void Queue(string channel, string userId, IReadOnlyList<OutgoingMessage> messages, string source) =>
        Log(channel, userId, messages, source, clock.GetUtcNow());

    /// <summary>Tells the parent's open pages (long poll) that new lines were saved.</summary>
    public void Wake(string channel, string userId) => signal.Notify(channel, userId);

    private async Task<IReadOnlyList<OutgoingMessage>> RunTurnAsync(IncomingMessage message, Action<IReadOnlyList<OutgoingMessage>>? withTurn, CancellationToken ct)
    {
        // One transaction for the whole turn: a ticket the engine files (its own SaveChanges) commits only together
        // with the inbound row. Two instances running the same message at once: the loser's insert of that row
        // fails, its ticket rolls back with it, and the retry above returns the winner's replies.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        var conversation = await LoadAsync(message.Channel, message.UserId, now, ct);
        var state = Read(conversation);
        var replies = await engine.HandleAsync(state, message, now, ct);

        conversation.StateJson = JsonSerializer.Serialize(state, Json);
        conversation.UpdatedAt = now;
        db.ChatInbound.Add(new ChatInbound
        {
            Channel = message.Channel,
            MessageId = message.MessageId,
            UserId = message.UserId,
            RepliesJson = JsonSerializer.Serialize(replies, Json),
            At = now,
        });
        db.ChatMessages.Add(new ChatMessage
        {
            Channel = message.Channel,
            UserId = message.UserId,
            Direction = "in",
            Kind = message.Image is null ? "text" : "image",
            Text = Shown(message),
            ImageUrl = message.Image is { } image ? ImageStore.UrlOf(image.StorageKey) : null,
            Source = "parent",
            At = now,
        });
        Log(message.Channel, message.UserId, replies, "bot", now);
        withTurn?.Invoke(replies);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        signal.Notify(message.Channel, message.UserId);
        return replies;
    }

    private async Task<IReadOnlyList<OutgoingMessage>?> StoredRepliesAsync(IncomingMessage message, CancellationToken ct)
    {
        var stored = await db.ChatInbound.AsNoTracking()
            .Where(i => i.Channel == message.Channel && i.MessageId == message.MessageId)
            .Select(i => i.RepliesJson).FirstOrDefaultAsync(ct);
        return stored is null ? null : JsonSerializer.Deserialize<List<OutgoingMessage>>(stored, Json) ?? [];
    }

    private async Task<ChatConversation> LoadAsync(string channel, string userId, DateTimeOffset now, CancellationToken ct)
    {
        var conversation = await db.ChatConversations.FirstOrDefaultAsync(c => c.Channel == channel && c.UserId == userId, ct);
        if (conversation is null)
        {
            conversation = new ChatConversation { Channel = channel, UserId = userId, StateJson = "{}", UpdatedAt = now };
            db.ChatConversations.Add(conversation);
        }

        return conversation;
    }

    private static ConversationState Read(ChatConversation conversation)
    {
        try
        {
            return JsonSerializer.Deserialize<ConversationState>(conversation.StateJson, Json) ?? new ConversationState();
        }
        catch (JsonException)
        {
            return new ConversationState();
        }
    }

    private void Log(string channel, string userId, IEnumerable<OutgoingMessage> messages, string source, DateTimeOffset at)
    {
        foreach (var m in messages)
        {
            db.ChatMessages.Add(new ChatMessage
            {
                Channel = channel,
                UserId = userId,
                Direction = "out",
                Kind = m.Kind switch { OutgoingKind.Image => "image", OutgoingKind.Link => "link", _ => "text" },
                Text = m.Text ?? m.Link?.Title,
                ChoicesJson = m.Choices.Count == 0 ? null : JsonSerializer.Serialize(m.Choices, Json),
                ImageUrl = m.ImageUrl ?? m.Link?.Url,
                Source = source,
                At = at,
            });
        }
    }

    private static string? Shown(IncomingMessage message) => message.Kind switch
    {
        IncomingKind.Image => null,
        IncomingKind.Location => "[位置]",
        IncomingKind.Event => null,
        _ => message.Text ?? message.ChoiceLabel ?? message.ChoiceValue,
    };
}
