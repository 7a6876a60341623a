using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SunshineBot.Conversations.Engine;
using SunshineBot.Core.Parents;
using SunshineBot.Data;
using SunshineBot.Data.Chat;
using SunshineBot.Web.Chat;

namespace SunshineBot.Web.Parents;

/// <summary>
/// A parent's conversation as stored: the engine's state (<c>chat_conversations</c>) and the lines both sides see
/// (<c>chat_messages</c>, which the web chat polls). Everything is added to the caller's unit of work.
/// </summary>
public sealed class ParentConversations(SunshineDbContext db)
{
    public async Task<ChatConversation> LoadAsync(ParentAddress parent, DateTimeOffset now, CancellationToken ct)
    {
        var conversation = await db.ChatConversations.FirstOrDefaultAsync(c => c.Channel == parent.Channel && c.UserId == parent.Id, ct);
        if (conversation is null)
        {
            conversation = new ChatConversation { Channel = parent.Channel, UserId = parent.Id, StateJson = "{}", UpdatedAt = now };
            db.ChatConversations.Add(conversation);
        }

        return conversation;
    }

    public static ConversationState Read(ChatConversation conversation)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        try
        {
            return JsonSerializer.Deserialize<ConversationState>(conversation.StateJson, ParentJson.Options) ?? new ConversationState();
        }
        catch (JsonException)
        {
            return new ConversationState();
        }
    }

    public static void Write(ChatConversation conversation, ConversationState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        conversation.StateJson = JsonSerializer.Serialize(state, ParentJson.Options);
        conversation.UpdatedAt = now;
    }

    /// <summary>The parent's own message as a line of the conversation.</summary>
    public void LogInbound(IncomingMessage message, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(message);
        db.ChatMessages.Add(new ChatMessage
        {
            Channel = message.Channel,
            UserId = message.UserId,
            Direction = "in",
            Kind = message.Image is null ? "text" : "image",
            Text = Shown(message),
            ImageUrl = message.Image is { } image ? ImageStore.UrlOf(image.StorageKey) : null,
            Source = "parent",
            At = at,
        });
    }

    /// <summary>Messages to the parent as lines; <paramref name="source"/> is "bot", "staff" or "system".</summary>
    public void LogOutbound(ParentAddress parent, IEnumerable<OutgoingMessage> messages, string source, DateTimeOffset at)
    {
        foreach (var m in messages)
        {
            db.ChatMessages.Add(new ChatMessage
            {
                Channel = parent.Channel,
                UserId = parent.Id,
                Direction = "out",
                Kind = m.Kind switch { OutgoingKind.Image => "image", OutgoingKind.Link => "link", _ => "text" },
                Text = m.Text ?? m.Link?.Title,
                ChoicesJson = m.Choices.Count == 0 ? null : JsonSerializer.Serialize(m.Choices, ParentJson.Options),
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
