using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SunshineBot.Data;
using SunshineBot.Data.Outbox;
using SunshineBot.WeChat.Api;

namespace SunshineBot.Web.WeChat;

/// <summary>
/// Sends one outbox row to WeChat and says which route it took: a customer-service message inside the 48-hour
/// window since the parent's last message, a template message with a link into the web chat outside it, and the
/// template once more when WeChat answers 45015 (the window closed after all).
/// </summary>
public sealed class WeChatOutboxSender(SunshineDbContext db, WeChatApiClient api, WeChatHostOptions options, TimeProvider clock)
{
    public static readonly TimeSpan ServiceWindow = TimeSpan.FromHours(48);

    private static readonly TimeSpan ChinaTime = TimeSpan.FromHours(8);

    public async Task<OutboxRoute> SendAsync(OutboxMessage row, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(row);
        var payload = JsonSerializer.Deserialize<WeChatOutboxPayload>(row.PayloadJson, WeChatOutbox.Json)
            ?? throw new InvalidOperationException($"Outbox row {row.Id} has no payload.");
        var route = row.Route;
        if (route == OutboxRoute.CustomerService && !await InsideServiceWindowAsync(row.Recipient, ct))
        {
            route = OutboxRoute.Template;
        }

        if (route == OutboxRoute.CustomerService)
        {
            try
            {
                await api.SendCustomTextAsync(row.Recipient, payload.Text, ct);
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

    /// <summary>The parent's last message to us (the chat log's latest inbound row) is less than 48 hours old.</summary>
    private async Task<bool> InsideServiceWindowAsync(string openId, CancellationToken ct)
    {
        var since = clock.GetUtcNow() - ServiceWindow;
        return await db.ChatMessages.AnyAsync(m => m.Channel == WeChatOutbox.Channel && m.UserId == openId && m.Direction == "in" && m.At > since, ct);
    }

    private WeChatTemplateMessage Template(OutboxMessage row, WeChatOutboxPayload payload)
    {
        if (string.IsNullOrWhiteSpace(options.Template.Id))
        {
            throw new WeChatApiException("/cgi-bin/message/template/send", null,
                "WeChat:Template:Id is not configured: the parent is outside the 48-hour window and cannot be reached.", WeChatFailureKind.Permanent);
        }

        var firstLine = payload.Title ?? payload.Text.Split('\n', 2)[0];
        var text = payload.Text.Length > 100 ? payload.Text[..100] + "…" : payload.Text;
        var time = clock.GetUtcNow().ToOffset(ChinaTime).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var data = options.Template.Fields.ToDictionary(
            f => f.Key,
            f => f.Value.Replace("{title}", firstLine, StringComparison.Ordinal).Replace("{ref}", row.SourceRef ?? "", StringComparison.Ordinal)
                .Replace("{time}", time, StringComparison.Ordinal).Replace("{text}", text, StringComparison.Ordinal),
            StringComparer.Ordinal);
        return new WeChatTemplateMessage(row.Recipient, options.Template.Id, data)
        {
            Url = string.IsNullOrWhiteSpace(options.WebChatUrl) ? null : options.WebChatUrl,
            ClientMessageId = $"outbox-{row.Id}",
        };
    }
}
