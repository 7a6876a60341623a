namespace SunshineBot.WeChat.Api;

/// <summary>A template message (模板消息): reaches a follower outside the 48-hour window.</summary>
/// <param name="ToOpenId">The follower's OpenID.</param>
/// <param name="TemplateId">The template's id from the account's template library.</param>
/// <param name="Data">Values by template field name (e.g. <c>keyword1</c>), each sent as <c>{"value": …}</c>.</param>
public sealed record WeChatTemplateMessage(string ToOpenId, string TemplateId, IReadOnlyDictionary<string, string> Data)
{
    /// <summary>Where a tap leads (for us: a link into the web chat), or null.</summary>
    public string? Url { get; init; }

    /// <summary>A de-duplication id WeChat honours for template sends (<c>client_msg_id</c>), or null.</summary>
    public string? ClientMessageId { get; init; }
}

/// <summary>A subscribe message (订阅通知, <c>bizsend</c>) to a follower who accepted the template.</summary>
/// <param name="ToOpenId">The follower's OpenID.</param>
/// <param name="TemplateId">The subscribe template's id.</param>
/// <param name="Data">Values by template field name (e.g. <c>thing1</c>), each sent as <c>{"value": …}</c>.</param>
public sealed record WeChatSubscribeMessage(string ToOpenId, string TemplateId, IReadOnlyDictionary<string, string> Data)
{
    /// <summary>The web page a tap opens (<c>page</c>), or null.</summary>
    public string? Page { get; init; }
}

/// <summary>A downloaded media file.</summary>
/// <param name="Content">The bytes.</param>
/// <param name="ContentType">The MIME type WeChat reported.</param>
/// <param name="FileName">The file name from Content-Disposition, when given.</param>
public sealed record WeChatMedia(byte[] Content, string ContentType, string? FileName);
