using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SunshineBot.WeChat.Api;

public sealed partial class WeChatApiClient
{
    /// <summary>Sends a customer-service text message (客服消息); only within 48 hours of the user's last message.</summary>
    /// <exception cref="WeChatApiException">45015 (<see cref="WeChatApiException.IsOutsideServiceWindow"/>) when the window is closed.</exception>
    public async Task SendCustomTextAsync(string openId, string content, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(openId);
        ArgumentNullException.ThrowIfNull(content);
        var body = new JsonObject
        {
            ["touser"] = openId,
            ["msgtype"] = "text",
            ["text"] = new JsonObject { ["content"] = content },
        };
        using var _ = await PostJsonAsync("/cgi-bin/message/custom/send", Serialize(body), cancellationToken);
    }

    /// <summary>Sends a customer-service image message; the media id comes from <see cref="UploadImageAsync"/>.</summary>
    public async Task SendCustomImageAsync(string openId, string mediaId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(openId);
        ArgumentException.ThrowIfNullOrEmpty(mediaId);
        var body = new JsonObject
        {
            ["touser"] = openId,
            ["msgtype"] = "image",
            ["image"] = new JsonObject { ["media_id"] = mediaId },
        };
        using var _ = await PostJsonAsync("/cgi-bin/message/custom/send", Serialize(body), cancellationToken);
    }

    /// <summary>Sends a template message; returns WeChat's <c>msgid</c> (matched later by TEMPLATESENDJOBFINISH).</summary>
    public async Task<long?> SendTemplateMessageAsync(WeChatTemplateMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var body = new JsonObject
        {
            ["touser"] = message.ToOpenId,
            ["template_id"] = message.TemplateId,
            ["data"] = DataObject(message.Data),
        };
        if (message.Url is not null)
        {
            body["url"] = message.Url;
        }

        if (message.ClientMessageId is not null)
        {
            body["client_msg_id"] = message.ClientMessageId;
        }

        using var json = await PostJsonAsync("/cgi-bin/message/template/send", Serialize(body), cancellationToken);
        return json.RootElement.TryGetProperty("msgid", out var id) && id.TryGetInt64(out var msgId) ? msgId : null;
    }

    /// <summary>Sends a subscribe message (订阅通知 <c>bizsend</c>).</summary>
    public async Task SendSubscribeMessageAsync(WeChatSubscribeMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var body = new JsonObject
        {
            ["touser"] = message.ToOpenId,
            ["template_id"] = message.TemplateId,
            ["data"] = DataObject(message.Data),
        };
        if (message.Page is not null)
        {
            body["page"] = message.Page;
        }

        using var _ = await PostJsonAsync("/cgi-bin/message/subscribe/bizsend", Serialize(body), cancellationToken);
    }

    /// <summary>Creates the custom menu (replacing the current one).</summary>
    /// <exception cref="ArgumentException">The menu breaks WeChat's limits (see <see cref="WeChatMenuButton.ValidateMenu"/>).</exception>
    public async Task CreateMenuAsync(IReadOnlyList<WeChatMenuButton> menu, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(menu);
        var problems = WeChatMenuButton.ValidateMenu(menu);
        if (menu.Count == 0 || problems.Count > 0)
        {
            throw new ArgumentException("The menu is invalid: " + string.Join(" ", problems), nameof(menu));
        }

        var buttons = new JsonArray();
        foreach (var button in menu)
        {
            buttons.Add(MenuNode(button));
        }

        using var _ = await PostJsonAsync("/cgi-bin/menu/create", Serialize(new JsonObject { ["button"] = buttons }), cancellationToken);
    }

    /// <summary>Downloads a temporary media file (a user's picture or voice) by media id.</summary>
    /// <remarks>Video media come back as WeChat's JSON (<c>video_url</c>) with content type application/json.</remarks>
    public Task<WeChatMedia> DownloadMediaAsync(string mediaId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(mediaId);
        const string api = "/cgi-bin/media/get";
        return WithTokenAsync(
            api,
            uri => new HttpRequestMessage(HttpMethod.Get, uri),
            response =>
            {
                var type = response.ContentType?.MediaType ?? "application/octet-stream";
                // Errors (and video links) come back as JSON; the media itself as its own type.
                if (type is "application/json" or "text/plain")
                {
                    using var json = ReadJson(api, response);
                }

                var name = response.ContentDisposition?.FileNameStar ?? response.ContentDisposition?.FileName?.Trim('"');
                return new WeChatMedia(response.Body, type, name);
            },
            cancellationToken,
            "media_id=" + Uri.EscapeDataString(mediaId));
    }

    /// <summary>
    /// The largest image uploaded as temporary media. WeChat's uploadTempMedia page gives both 2 MB (注意事项) and
    /// 10 MB (其他补充) for images; we keep to the stricter figure.
    /// </summary>
    public const int MaxImageUploadBytes = 2 * 1024 * 1024;

    /// <summary>True when WeChat takes this picture as temporary media: PNG, JPEG or GIF, not empty, at most <see cref="MaxImageUploadBytes"/>.</summary>
    public static bool IsUploadableImage(string contentType, long length) =>
        length is > 0 and <= MaxImageUploadBytes
        && contentType is "image/png" or "image/jpeg" or "image/jpg" or "image/gif";

    /// <summary>Uploads an image as temporary media (3 days) for an image reply or message; returns its media id.</summary>
    /// <exception cref="WeChatApiException">
    /// Permanent, without calling WeChat, when the image is not one WeChat takes (<see cref="IsUploadableImage"/>);
    /// otherwise as every call (e.g. 40004 invalid media type, 40005 invalid file type, 40009 image too large).
    /// </exception>
    public Task<string> UploadImageAsync(byte[] content, string fileName, string contentType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        ArgumentException.ThrowIfNullOrEmpty(contentType);
        const string api = "/cgi-bin/media/upload";
        if (!IsUploadableImage(contentType, content.Length))
        {
            throw new WeChatApiException(api, null,
                $"WeChat takes PNG, JPEG or GIF images of 1 byte to {MaxImageUploadBytes / 1024 / 1024} MB as temporary media (got {contentType}, {content.Length} bytes).",
                WeChatFailureKind.Permanent);
        }

        return WithTokenAsync(
            api,
            uri =>
            {
                var file = new ByteArrayContent(content);
                file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
                var form = new MultipartFormDataContent { { file, "media", fileName } };
                return new HttpRequestMessage(HttpMethod.Post, uri) { Content = form };
            },
            response =>
            {
                using var json = ReadJson(api, response);
                return json.RootElement.TryGetProperty("media_id", out var id) && id.ValueKind == JsonValueKind.String
                    ? id.GetString()!
                    : throw new WeChatApiException(api, null, "The upload response had no media_id.", WeChatFailureKind.Transient);
            },
            cancellationToken,
            "type=image");
    }

    private static JsonObject DataObject(IReadOnlyDictionary<string, string> data)
    {
        var node = new JsonObject();
        foreach (var (name, value) in data)
        {
            node[name] = new JsonObject { ["value"] = value };
        }

        return node;
    }

    private static JsonObject MenuNode(WeChatMenuButton button)
    {
        var node = new JsonObject { ["name"] = button.Name };
        if (button.SubButtons.Count > 0)
        {
            var subs = new JsonArray();
            foreach (var sub in button.SubButtons)
            {
                subs.Add(MenuNode(sub));
            }

            node["sub_button"] = subs;
            return node;
        }

        node["type"] = button.Type;
        if (button.Type == "click")
        {
            node["key"] = button.Key;
        }
        else
        {
            node["url"] = button.Url;
        }

        return node;
    }
}
