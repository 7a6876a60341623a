using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SunshineBot.Core.Parents;
using SunshineBot.Data;
using SunshineBot.Data.Outbox;
using SunshineBot.WeChat.Api;
using SunshineBot.Web.Chat;
using SunshineBot.Web.Parents;

namespace SunshineBot.Web.WeChat;

/// <summary>
/// Sends one outbox row to WeChat and says which route it took: a customer-service message (text, or picture) inside
/// the 48-hour window since the parent's last message, a template message with a link into the web chat outside it,
/// and the template once more when WeChat answers 45015 (the window closed after all).
/// </summary>
public sealed class WeChatOutboxSender(SunshineDbContext db, WeChatApiClient api, WeChatOutboxImages images, WeChatHostOptions options, ChatLinks links, TimeProvider clock)
{
    public static readonly TimeSpan ServiceWindow = TimeSpan.FromHours(48);

    private static readonly TimeSpan ChinaTime = TimeSpan.FromHours(8);

    public async Task<OutboxRoute> SendAsync(OutboxMessage row, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(row);
        var payload = JsonSerializer.Deserialize<WeChatOutboxPayload>(row.PayloadJson, ParentJson.Options)
            ?? throw new InvalidOperationException($"Outbox row {row.Id} has no payload.");
        if (row.Kind is not (OutboxKind.Text or OutboxKind.Image))
        {
            throw new WeChatApiException("outbox", null, $"Kind {row.Kind} is not supported for WeChat.", WeChatFailureKind.Permanent);
        }

        var route = row.Route;
        if (route == OutboxRoute.CustomerService && !await InsideServiceWindowAsync(db, row.Recipient, clock.GetUtcNow(), ct))
        {
            route = OutboxRoute.Template;
        }

        if (route == OutboxRoute.CustomerService)
        {
            try
            {
                if (row.Kind == OutboxKind.Image)
                {
                    await SendCustomImageAsync(row, payload, ct);
                }
                else
                {
                    await api.SendCustomTextAsync(row.Recipient, payload.Text, ct);
                }

                return OutboxRoute.CustomerService;
            }
            catch (WeChatApiException e) when (e.IsOutsideServiceWindow)
            {
                route = OutboxRoute.Template;
            }
        }

        if (route != OutboxRoute.Template)
        {
            throw new WeChatApiException("outbox", null, $"Route {route} is not supported for WeChat.", WeChatFailureKind.Permanent);
        }

        await api.SendTemplateMessageAsync(Template(row, payload), ct);
        return OutboxRoute.Template;
    }

    /// <summary>
    /// Uploads the picture as temporary media, sends the caption (once: a retry after it went out skips it) and the
    /// picture. A picture WeChat would refuse (WebP, over 2 MB) goes out as its caption with a link instead.
    /// </summary>
    private async Task SendCustomImageAsync(OutboxMessage row, WeChatOutboxPayload payload, CancellationToken ct)
    {
        var image = payload.ImageKey is { } key ? await images.ReadAsync(key, ct) : null;
        if (image is null)
        {
            throw new WeChatApiException("outbox", null, $"The image of outbox row {row.Id} is missing ({payload.ImageKey}).", WeChatFailureKind.Permanent);
        }

        if (!WeChatApiClient.IsUploadableImage(image.ContentType, image.Content.Length))
        {
            await api.SendCustomTextAsync(row.Recipient, NotShownText(row.Recipient, payload), ct);
            return;
        }

        var mediaId = await api.UploadImageAsync(image.Content, image.FileName, image.ContentType, ct);
        if (!payload.CaptionSent && !string.IsNullOrWhiteSpace(payload.Text))
        {
            await api.SendCustomTextAsync(row.Recipient, payload.Text, ct);
            // The dispatcher saves the row whatever happens next, so a retry sends only the picture.
            row.PayloadJson = JsonSerializer.Serialize(payload with { CaptionSent = true }, ParentJson.Options);
        }

        await api.SendCustomImageAsync(row.Recipient, mediaId, ct);
    }

    private string NotShownText(string openId, WeChatOutboxPayload payload)
    {
        var link = ChatLink(openId) is { } url ? "：" + url : "";
        var note = $"（这张图片无法在微信中显示，请在网页版查看{link}）";
        return string.IsNullOrWhiteSpace(payload.Text) ? note : payload.Text + "\n\n" + note;
    }

    /// <summary>The parent's last message to us (the chat log's latest inbound row) is less than 48 hours old.</summary>
    public static Task<bool> InsideServiceWindowAsync(SunshineDbContext db, string openId, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var since = now - ServiceWindow;
        return db.ChatMessages.AnyAsync(m => m.Channel == ParentChannel.WeChat && m.UserId == openId && m.Direction == "in" && m.At > since, ct);
    }

    // The web chat, opened on this parent's own WeChat conversation (a signed, expiring token in the link).
    private string? ChatLink(string openId) =>
        string.IsNullOrWhiteSpace(options.WebChatUrl) ? null : links.UrlFor(options.WebChatUrl, new ParentAddress(ParentChannel.WeChat, openId));

    private WeChatTemplateMessage Template(OutboxMessage row, WeChatOutboxPayload payload)
    {
        if (string.IsNullOrWhiteSpace(options.Template.Id))
        {
            throw new WeChatApiException("/cgi-bin/message/template/send", null,
                "WeChat:Template:Id is not configured: the parent is outside the 48-hour window and cannot be reached.", WeChatFailureKind.Permanent);
        }

        // A picture without a caption still says what waits behind the link.
        var body = string.IsNullOrWhiteSpace(payload.Text) && row.Kind == OutboxKind.Image ? "您收到一张图片，请点击查看。" : payload.Text;
        var firstLine = payload.Title ?? body.Split('\n', 2)[0];
        var text = body.Length > 100 ? body[..100] + "…" : body;
        var time = clock.GetUtcNow().ToOffset(ChinaTime).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var data = options.Template.Fields.ToDictionary(
            f => f.Key,
            f => f.Value.Replace("{title}", firstLine, StringComparison.Ordinal).Replace("{ref}", payload.Ref ?? row.SourceRef ?? "", StringComparison.Ordinal)
                .Replace("{time}", time, StringComparison.Ordinal).Replace("{text}", text, StringComparison.Ordinal),
            StringComparer.Ordinal);
        return new WeChatTemplateMessage(row.Recipient, options.Template.Id, data)
        {
            Url = payload.Url ?? ChatLink(row.Recipient),
            ClientMessageId = $"outbox-{row.Id}",
        };
    }
}
