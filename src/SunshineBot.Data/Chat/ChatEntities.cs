using SunshineBot.Core.Parents;

namespace SunshineBot.Data.Chat;

/// <summary>One parent in one channel: the dialog state the engine resumes from.</summary>
public sealed class ChatConversation
{
    public long Id { get; set; }

    public ParentChannel Channel { get; set; }

    public string UserId { get; set; } = "";

    public string StateJson { get; set; } = "{}";

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Two instances handling the same parent at once: the second save conflicts and the turn is retried.</summary>
    public int Version { get; set; }
}

/// <summary>
/// A line of the chat as the parent sees it, in and out. <see cref="Id"/> is the cursor the web chat polls with,
/// so staff replies and revisit surveys appear without a reload.
/// </summary>
public sealed class ChatMessage
{
    public long Id { get; set; }

    public ParentChannel Channel { get; set; }

    public string UserId { get; set; } = "";

    /// <summary>"in" (from the parent) or "out".</summary>
    public string Direction { get; set; } = "out";

    /// <summary>"text", "image" or "link".</summary>
    public string Kind { get; set; } = "text";

    public string? Text { get; set; }

    public string? ChoicesJson { get; set; }

    public string? ImageUrl { get; set; }

    /// <summary>"parent", "bot", "staff" or "system".</summary>
    public string Source { get; set; } = "bot";

    public DateTimeOffset At { get; set; }
}

/// <summary>An inbound message already handled, with the replies it got: a channel retry gets the same replies.</summary>
public sealed class ChatInbound
{
    public long Id { get; set; }

    public ParentChannel Channel { get; set; }

    public string MessageId { get; set; } = "";

    public string UserId { get; set; } = "";

    public string RepliesJson { get; set; } = "[]";

    public DateTimeOffset At { get; set; }
}
