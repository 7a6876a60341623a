using SunshineBot.Core.Parents;

namespace SunshineBot.Conversations.Engine;

/// <summary>What a parent sent, in a channel-neutral shape.</summary>
public enum IncomingKind
{
    Text,
    Choice,
    Image,
    Location,
    Event,
}

/// <summary>An image the channel adapter has already stored (WeChat media fetched, web upload checked).</summary>
public sealed record IncomingImage(string StorageKey, string ContentType, long Size, string FileName);

public sealed record IncomingLocation(double Latitude, double Longitude, string? Label);

/// <summary>
/// One message from a parent. <see cref="MessageId"/> is the channel's own id: the same id twice (a channel retry)
/// must be answered the same and change nothing, which the host guarantees around the engine.
/// </summary>
public sealed record IncomingMessage
{
    public required ParentChannel Channel { get; init; }

    /// <summary>The parent's identity in that channel (device id, OpenID).</summary>
    public required string UserId { get; init; }

    /// <summary>Who sent it: the channel and the parent's identity in it.</summary>
    public ParentAddress From => new(Channel, UserId);

    public required string MessageId { get; init; }

    public IncomingKind Kind { get; init; } = IncomingKind.Text;

    public string? Text { get; init; }

    /// <summary>The value of a quick-reply button the parent tapped.</summary>
    public string? ChoiceValue { get; init; }

    /// <summary>The label of that button, as the parent saw it (for the transcript).</summary>
    public string? ChoiceLabel { get; init; }

    public IncomingImage? Image { get; init; }

    public IncomingLocation? Location { get; init; }

    /// <summary>For events: "subscribe", "click", "revisit" ...</summary>
    public string? EventName { get; init; }

    public string? EventKey { get; init; }
}

public enum OutgoingKind
{
    Text,
    Image,
    Link,
}

/// <summary>A button under a bot message; tapping it sends <see cref="Value"/> as a choice.</summary>
public sealed record QuickReply(string Label, string Value);

public sealed record LinkCard(string Title, string Description, string Url);

/// <summary>One message to the parent.</summary>
public sealed record OutgoingMessage
{
    public OutgoingKind Kind { get; init; } = OutgoingKind.Text;

    public string? Text { get; init; }

    public IReadOnlyList<QuickReply> Choices { get; init; } = [];

    /// <summary>Where the web chat shows the picture.</summary>
    public string? ImageUrl { get; init; }

    /// <summary>
    /// The picture's key in the host's stores (a photo the parent sent, a unit's stamp), when it is one of ours: a
    /// channel that sends files (WeChat) sends this file; null means a picture the host does not keep (shown as text).
    /// </summary>
    public string? ImageKey { get; init; }

    public LinkCard? Link { get; init; }

    public static OutgoingMessage Say(string text, params QuickReply[] choices) => new() { Text = text, Choices = choices };
}
