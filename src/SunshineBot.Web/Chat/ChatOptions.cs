namespace SunshineBot.Web.Chat;

/// <summary>Configuration section <c>Chat</c>: the web chat's limits.</summary>
public sealed class ChatOptions
{
    public const string Section = "Chat";

    public int MaxTextLength { get; set; } = 2000;

    public long MaxImageBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>Messages (text or photo) one device may send per minute.</summary>
    public int MessagesPerMinute { get; set; } = 30;

    /// <summary>Where photos are stored; relative to the content root.</summary>
    public string UploadPath { get; set; } = "data/uploads";

    /// <summary>How long a poll for new messages waits before answering empty.</summary>
    public int LongPollSeconds { get; set; } = 25;

    /// <summary>How long a link from a WeChat template message opens the parent's WeChat conversation in the web chat.</summary>
    public TimeSpan WeChatLinkLifetime { get; set; } = TimeSpan.FromDays(7);

    public IEnumerable<string> Validate()
    {
        if (MaxTextLength is < 10 or > 10000)
        {
            yield return "Chat:MaxTextLength must be between 10 and 10000";
        }

        if (MaxImageBytes < 1024)
        {
            yield return "Chat:MaxImageBytes is too small";
        }

        if (MessagesPerMinute < 1)
        {
            yield return "Chat:MessagesPerMinute must be at least 1";
        }

        if (WeChatLinkLifetime < TimeSpan.FromMinutes(5) || WeChatLinkLifetime > TimeSpan.FromDays(90))
        {
            yield return "Chat:WeChatLinkLifetime must be between 5 minutes and 90 days";
        }

        if (LongPollSeconds is < 0 or > 60)
        {
            yield return "Chat:LongPollSeconds must be between 0 and 60";
        }
    }
}
