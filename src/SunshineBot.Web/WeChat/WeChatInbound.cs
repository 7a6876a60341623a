using System.Globalization;
using SunshineBot.Conversations.Engine;
using SunshineBot.Core.Parents;
using SunshineBot.WeChat.Messages;

namespace SunshineBot.Web.WeChat;

/// <summary>One WeChat message turned into the engine's shape; <see cref="MediaId"/> is an image still to fetch.</summary>
public sealed record WeChatTurnRequest(string Key, string OpenId, IncomingMessage Message, string? MediaId);

/// <summary>
/// What to do with an inbound WeChat message: run a turn, answer at once without the engine (voice without
/// transcript, video, unknown types) or answer nothing ("success": unsubscribe, menu links, reports).
/// </summary>
public sealed record WeChatInboundAction(WeChatTurnRequest? Turn, string? DirectReply)
{
    public const string TypePlease = "抱歉，我暂时听不了语音。请打字告诉我；也可以用输入法的“语音转文字”，说完后把文字发给我。";
    public const string VideoPlease = "暂时还看不了视频。可以发照片，或打字告诉我情况。";
    public const string Unknown = "这类消息我暂时看不懂。请打字告诉我，或回复“菜单”看看我能做什么。";

    public static WeChatInboundAction Map(WeChatInboundMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var key = WeChatDeduplication.KeyFor(message);
        var openId = message.FromUserName;
        IncomingMessage Incoming(IncomingKind kind) => new() { Channel = ParentChannel.WeChat, UserId = openId, MessageId = key, Kind = kind };
        WeChatInboundAction Turn(IncomingMessage m, string? mediaId = null) => new(new WeChatTurnRequest(key, openId, m, mediaId), null);

        return message switch
        {
            WeChatTextMessage text => Turn(Incoming(IncomingKind.Text) with { Text = text.Content }),
            WeChatImageMessage image => Turn(Incoming(IncomingKind.Image), image.MediaId),
            WeChatVoiceMessage { Recognition: { Length: > 0 } said } => Turn(Incoming(IncomingKind.Text) with { Text = said }),
            WeChatVoiceMessage => new(null, TypePlease),
            WeChatVideoMessage => new(null, VideoPlease),
            WeChatLocationMessage { Latitude: { } lat, Longitude: { } lon } place => Turn(Incoming(IncomingKind.Location) with
            {
                Location = new IncomingLocation((double)lat, (double)lon, place.Label),
            }),
            WeChatLinkMessage link => Turn(Incoming(IncomingKind.Text) with { Text = $"{link.Title} {link.Url}".Trim() }),
            // The QR scene may carry a school code: the engine pre-fills the school of the next form with it.
            WeChatSubscribeEvent follow => Turn(Incoming(IncomingKind.Event) with
            {
                EventName = "subscribe",
                EventKey = follow.SceneValue is { } scene ? "school:" + scene : null,
            }),
            WeChatScanEvent scan => Turn(Incoming(IncomingKind.Event) with { EventName = "enter", EventKey = "school:" + scan.SceneValue }),
            WeChatMenuClickEvent click => Turn(Incoming(IncomingKind.Event) with { EventName = "click", EventKey = click.Key }),
            WeChatUnsubscribeEvent or WeChatMenuViewEvent or WeChatLocationReportEvent or WeChatTemplateSendJobFinishEvent => new(null, null),
            _ when message.Header.Event is not null => new(null, null),
            _ => new(null, Unknown),
        };
    }

    internal static string UnixNow(TimeProvider clock) =>
        clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
}
