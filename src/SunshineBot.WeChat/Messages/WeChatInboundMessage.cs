namespace SunshineBot.WeChat.Messages;

/// <summary>The fields every inbound message and event carries.</summary>
/// <param name="ToUserName">The Official Account's original id (<c>gh_…</c>).</param>
/// <param name="FromUserName">The sender's OpenID.</param>
/// <param name="CreateTime">Unix seconds when WeChat created the message; 0 if missing.</param>
/// <param name="MsgType">The raw <c>MsgType</c> (text, image, event, …).</param>
/// <param name="Event">The raw <c>Event</c> for events; null for messages.</param>
/// <param name="MsgId">The message id (<c>MsgId</c>, or <c>MsgID</c> on template events); null when absent.</param>
public sealed record WeChatMessageHeader(string ToUserName, string FromUserName, long CreateTime, string MsgType, string? Event, long? MsgId);

/// <summary>An inbound message or event, parsed from WeChat XML. Switch on the concrete type.</summary>
/// <param name="Header">The common fields.</param>
public abstract record WeChatInboundMessage(WeChatMessageHeader Header)
{
    /// <summary>The sender's OpenID.</summary>
    public string FromUserName => Header.FromUserName;
}

/// <summary>A text message.</summary>
/// <param name="Header">The common fields.</param>
/// <param name="Content">What the user typed.</param>
public sealed record WeChatTextMessage(WeChatMessageHeader Header, string Content) : WeChatInboundMessage(Header);

/// <summary>A picture; fetch the bytes through the media API with <paramref name="MediaId"/>.</summary>
/// <param name="Header">The common fields.</param>
/// <param name="PicUrl">A temporary link to the picture.</param>
/// <param name="MediaId">The media id for <c>/cgi-bin/media/get</c>.</param>
public sealed record WeChatImageMessage(WeChatMessageHeader Header, string PicUrl, string MediaId) : WeChatInboundMessage(Header);

/// <summary>A voice message; <paramref name="Recognition"/> is WeChat's transcript when speech recognition is on.</summary>
/// <param name="Header">The common fields.</param>
/// <param name="MediaId">The media id of the recording.</param>
/// <param name="Format">The audio format (amr, speex).</param>
/// <param name="Recognition">The transcript, or null when there is none.</param>
public sealed record WeChatVoiceMessage(WeChatMessageHeader Header, string MediaId, string Format, string? Recognition) : WeChatInboundMessage(Header);

/// <summary>A video or short video (<c>MsgType</c> video or shortvideo).</summary>
/// <param name="Header">The common fields.</param>
/// <param name="MediaId">The media id of the video.</param>
/// <param name="ThumbMediaId">The media id of its thumbnail.</param>
public sealed record WeChatVideoMessage(WeChatMessageHeader Header, string MediaId, string ThumbMediaId) : WeChatInboundMessage(Header);

/// <summary>A location the user chose to send.</summary>
/// <param name="Header">The common fields.</param>
/// <param name="Latitude">Location_X; null when unreadable.</param>
/// <param name="Longitude">Location_Y; null when unreadable.</param>
/// <param name="Scale">The map zoom; null when unreadable.</param>
/// <param name="Label">The place's description.</param>
public sealed record WeChatLocationMessage(WeChatMessageHeader Header, decimal? Latitude, decimal? Longitude, int? Scale, string Label) : WeChatInboundMessage(Header);

/// <summary>A shared link.</summary>
/// <param name="Header">The common fields.</param>
/// <param name="Title">The link's title.</param>
/// <param name="Description">The link's description.</param>
/// <param name="Url">The address.</param>
public sealed record WeChatLinkMessage(WeChatMessageHeader Header, string Title, string Description, string Url) : WeChatInboundMessage(Header);

/// <summary>
/// The user followed the account. Through a parametric QR code, <paramref name="EventKey"/> is
/// <c>qrscene_</c> + the scene value (which may carry a school code).
/// </summary>
/// <param name="Header">The common fields.</param>
/// <param name="EventKey">The raw EventKey; null for a plain follow.</param>
/// <param name="Ticket">The QR code's ticket, when any.</param>
public sealed record WeChatSubscribeEvent(WeChatMessageHeader Header, string? EventKey, string? Ticket) : WeChatInboundMessage(Header)
{
    /// <summary>The QR scene value without the <c>qrscene_</c> prefix; null for a plain follow.</summary>
    public string? SceneValue =>
        EventKey is { } key && key.StartsWith("qrscene_", StringComparison.Ordinal) && key.Length > 8 ? key[8..] : null;
}

/// <summary>The user unfollowed the account; nothing can be sent to them any more.</summary>
/// <param name="Header">The common fields.</param>
public sealed record WeChatUnsubscribeEvent(WeChatMessageHeader Header) : WeChatInboundMessage(Header);

/// <summary>A follower scanned a parametric QR code (<c>SCAN</c>); the key is the scene value, without prefix.</summary>
/// <param name="Header">The common fields.</param>
/// <param name="SceneValue">The scene value.</param>
/// <param name="Ticket">The QR code's ticket, when any.</param>
public sealed record WeChatScanEvent(WeChatMessageHeader Header, string SceneValue, string? Ticket) : WeChatInboundMessage(Header);

/// <summary>A click on a menu button of type click (<c>CLICK</c>).</summary>
/// <param name="Header">The common fields.</param>
/// <param name="Key">The button's key from the menu definition.</param>
public sealed record WeChatMenuClickEvent(WeChatMessageHeader Header, string Key) : WeChatInboundMessage(Header);

/// <summary>A click on a menu button of type view (<c>VIEW</c>), opening a link.</summary>
/// <param name="Header">The common fields.</param>
/// <param name="Url">The link opened.</param>
/// <param name="MenuId">The menu's id, when given.</param>
public sealed record WeChatMenuViewEvent(WeChatMessageHeader Header, string Url, string? MenuId) : WeChatInboundMessage(Header);

/// <summary>The automatic location report (<c>LOCATION</c>) of a follower who allowed it.</summary>
/// <param name="Header">The common fields.</param>
/// <param name="Latitude">Latitude; null when unreadable.</param>
/// <param name="Longitude">Longitude; null when unreadable.</param>
/// <param name="Precision">Precision in metres; null when unreadable.</param>
public sealed record WeChatLocationReportEvent(WeChatMessageHeader Header, decimal? Latitude, decimal? Longitude, decimal? Precision) : WeChatInboundMessage(Header);

/// <summary>WeChat's report on a template message we sent (<c>TEMPLATESENDJOBFINISH</c>).</summary>
/// <param name="Header">The common fields; <see cref="WeChatMessageHeader.MsgId"/> is the template message's id.</param>
/// <param name="Status"><c>success</c>, <c>failed:user block</c>, <c>failed: system failed</c>, ….</param>
public sealed record WeChatTemplateSendJobFinishEvent(WeChatMessageHeader Header, string Status) : WeChatInboundMessage(Header)
{
    /// <summary>True when WeChat delivered the template message.</summary>
    public bool Delivered => string.Equals(Status, "success", StringComparison.OrdinalIgnoreCase);
}

/// <summary>Any message type or event this library does not model; answer it kindly, never with an error.</summary>
/// <param name="Header">The common fields; MsgType and Event say what it was.</param>
/// <param name="Fields">Every top-level field, for whoever wants to look closer.</param>
public sealed record WeChatUnknownMessage(WeChatMessageHeader Header, IReadOnlyDictionary<string, string> Fields) : WeChatInboundMessage(Header);
