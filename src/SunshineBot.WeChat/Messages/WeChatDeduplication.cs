using System.Globalization;

namespace SunshineBot.WeChat.Messages;

/// <summary>
/// WeChat retries a request it got no answer to (up to three times). These keys identify a message across
/// retries so that a retry, even on another instance, never files a second ticket or sends a second answer.
/// </summary>
public static class WeChatDeduplication
{
    /// <summary>
    /// <c>{account}:msg:{MsgId}</c> for messages; <c>{account}:evt:{FromUserName}:{CreateTime}:{Event}</c>
    /// for events, which carry no MsgId (WeChat's own advice).
    /// </summary>
    public static string KeyFor(WeChatInboundMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var h = message.Header;
        if (h.Event is null && h.MsgId is { } id)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{h.ToUserName}:msg:{id}");
        }

        return string.Create(CultureInfo.InvariantCulture, $"{h.ToUserName}:evt:{h.FromUserName}:{h.CreateTime}:{h.Event ?? h.MsgType}");
    }
}
