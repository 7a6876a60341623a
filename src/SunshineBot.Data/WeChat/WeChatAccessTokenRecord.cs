namespace SunshineBot.Data.WeChat;

/// <summary>
/// The WeChat access token every instance uses, one row per AppId. Shared so that instances do not each fetch their
/// own: every fetch from <c>/cgi-bin/token</c> starts retiring the token the others hold.
/// </summary>
public sealed class WeChatAccessTokenRecord
{
    public long Id { get; set; }

    public string AppId { get; set; } = "";

    /// <summary>WeChat asks for at least 512 characters of room.</summary>
    public string Token { get; set; } = "";

    public DateTimeOffset FetchedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }
}
