using System.Globalization;

namespace SunshineBot.WeChat.Messages;

/// <summary>Turns a decrypted WeChat XML body into a typed <see cref="WeChatInboundMessage"/>.</summary>
public static class WeChatMessageParser
{
    /// <summary>Parses a plaintext message body.</summary>
    /// <exception cref="WeChatXmlException">The XML itself is unacceptable. Unknown types are not errors.</exception>
    public static WeChatInboundMessage Parse(string xml, int maxCharacters = WeChatXml.DefaultMaxCharacters) =>
        FromFields(WeChatXml.ReadFields(xml, maxCharacters));

    /// <summary>Builds the typed message from fields already read. Field values are parsed leniently.</summary>
    public static WeChatInboundMessage FromFields(IReadOnlyDictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var msgType = Get(fields, "MsgType");
        var eventName = msgType == "event" ? Get(fields, "Event") : null;
        var header = new WeChatMessageHeader(
            Get(fields, "ToUserName"),
            Get(fields, "FromUserName"),
            Long(fields, "CreateTime") ?? 0,
            msgType,
            eventName,
            Long(fields, "MsgId") ?? Long(fields, "MsgID"));

        return msgType switch
        {
            "text" => new WeChatTextMessage(header, Get(fields, "Content")),
            "image" => new WeChatImageMessage(header, Get(fields, "PicUrl"), Get(fields, "MediaId")),
            "voice" => new WeChatVoiceMessage(header, Get(fields, "MediaId"), Get(fields, "Format"), Optional(fields, "Recognition")),
            "video" or "shortvideo" => new WeChatVideoMessage(header, Get(fields, "MediaId"), Get(fields, "ThumbMediaId")),
            "location" => new WeChatLocationMessage(
                header, Decimal(fields, "Location_X"), Decimal(fields, "Location_Y"), (int?)Long(fields, "Scale"), Get(fields, "Label")),
            "link" => new WeChatLinkMessage(header, Get(fields, "Title"), Get(fields, "Description"), Get(fields, "Url")),
            "event" => ParseEvent(header, fields),
            _ => new WeChatUnknownMessage(header, fields),
        };
    }

    private static WeChatInboundMessage ParseEvent(WeChatMessageHeader header, IReadOnlyDictionary<string, string> fields)
    {
        // WeChat spells events in two cases (subscribe, but SCAN and CLICK); accept either.
        var name = header.Event?.ToUpperInvariant();
        return name switch
        {
            "SUBSCRIBE" => new WeChatSubscribeEvent(header, Optional(fields, "EventKey"), Optional(fields, "Ticket")),
            "UNSUBSCRIBE" => new WeChatUnsubscribeEvent(header),
            "SCAN" => new WeChatScanEvent(header, Get(fields, "EventKey"), Optional(fields, "Ticket")),
            "CLICK" => new WeChatMenuClickEvent(header, Get(fields, "EventKey")),
            "VIEW" => new WeChatMenuViewEvent(header, Get(fields, "EventKey"), Optional(fields, "MenuId")),
            "LOCATION" => new WeChatLocationReportEvent(
                header, Decimal(fields, "Latitude"), Decimal(fields, "Longitude"), Decimal(fields, "Precision")),
            "TEMPLATESENDJOBFINISH" => new WeChatTemplateSendJobFinishEvent(header, Get(fields, "Status")),
            _ => new WeChatUnknownMessage(header, fields),
        };
    }

    private static string Get(IReadOnlyDictionary<string, string> fields, string name) =>
        fields.TryGetValue(name, out var value) ? value : "";

    private static string? Optional(IReadOnlyDictionary<string, string> fields, string name) =>
        fields.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;

    private static long? Long(IReadOnlyDictionary<string, string> fields, string name) =>
        fields.TryGetValue(name, out var value)
        && long.TryParse(value.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var result)
            ? result
            : null;

    private static decimal? Decimal(IReadOnlyDictionary<string, string> fields, string name) =>
        fields.TryGetValue(name, out var value)
        && decimal.TryParse(value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var result)
            ? result
            : null;
}
