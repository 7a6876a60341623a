using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SunshineBot.Conversations.Engine;
using SunshineBot.Data;

namespace SunshineBot.Web.Chat;

/// <summary>The web chat's JSON API. Every POST needs the X-Requested-With header, so other sites cannot post as a parent.</summary>
public static class ChatEndpoints
{
    public const string Channel = "webchat";
    public const string RateLimitPolicy = "chat";

    public sealed record SendRequest(string? Text, string? Choice, string? Label, string? ClientId);

    public sealed record LinkRequest(string? Token);

    public sealed record ChatResponse(IReadOnlyList<OutgoingMessage> Replies, long Cursor);

    public sealed record ChatLine(long Id, string Direction, string Kind, string? Text, IReadOnlyList<QuickReply> Choices, string? ImageUrl, string Source, DateTimeOffset At);

    public sealed record ChatLines(IReadOnlyList<ChatLine> Messages, long Cursor);

    public static IEndpointRouteBuilder MapChat(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/chat");
        api.MapPost("/send", SendAsync).RequireRateLimiting(RateLimitPolicy).DisableAntiforgery();
        api.MapPost("/upload", UploadAsync).RequireRateLimiting(RateLimitPolicy).DisableAntiforgery();
        api.MapPost("/link", LinkAsync).RequireRateLimiting(RateLimitPolicy).DisableAntiforgery();
        api.MapGet("/messages", MessagesAsync);
        api.MapGet("/files/{**key}", FileAsync);
        api.MapGet("/stamps/{number}", StampAsync);
        return app;
    }

    private static async Task<IResult> SendAsync(SendRequest? request, HttpContext http, DeviceIdentity devices, ChatService chat, ChatOptions options, SunshineDbContext db, CancellationToken ct)
    {
        if (!FromOurPage(http))
        {
            return Problem(403, "请求来源不正确，请刷新页面后再试。");
        }

        var text = request?.Text?.Trim();
        var choice = request?.Choice?.Trim();
        if (string.IsNullOrEmpty(text) && string.IsNullOrEmpty(choice))
        {
            return Problem(400, "消息是空的，请输入内容后再发送。");
        }

        if (text?.Length > options.MaxTextLength || choice?.Length > 200)
        {
            return Problem(400, $"消息太长了，一次最多{options.MaxTextLength}个字，请分几次发送。");
        }

        var user = devices.Resolve(http);
        var message = new IncomingMessage
        {
            Channel = user.Channel,
            UserId = user.UserId,
            MessageId = MessageId(request?.ClientId),
            Kind = string.IsNullOrEmpty(choice) ? IncomingKind.Text : IncomingKind.Choice,
            Text = text,
            ChoiceValue = string.IsNullOrEmpty(choice) ? null : choice,
            ChoiceLabel = string.IsNullOrEmpty(choice) ? null : request?.Label?.Trim() is { Length: > 0 and <= 100 } label ? label : choice,
        };
        var replies = await chat.HandleAsync(message, ct);
        return Results.Ok(new ChatResponse(replies, await CursorAsync(db, user, ct)));
    }

    private static async Task<IResult> UploadAsync(HttpContext http, DeviceIdentity devices, ChatService chat, ImageStore images, SunshineDbContext db, CancellationToken ct)
    {
        if (!FromOurPage(http))
        {
            return Problem(403, "请求来源不正确，请刷新页面后再试。");
        }

        if (!http.Request.HasFormContentType)
        {
            return Problem(400, "请选择一张图片上传。");
        }

        var form = await http.Request.ReadFormAsync(ct);
        var file = form.Files.GetFile("file");
        if (file is null || file.Length == 0)
        {
            return Problem(400, "请选择一张图片上传。");
        }

        await using var stream = file.OpenReadStream();
        var (image, error) = await images.SaveAsync(stream, file.Length, ct);
        if (image is null)
        {
            return Problem(400, error!);
        }

        var user = devices.Resolve(http);
        var message = new IncomingMessage { Channel = user.Channel, UserId = user.UserId, MessageId = MessageId(form["clientId"]), Kind = IncomingKind.Image, Image = image };
        var replies = await chat.HandleAsync(message, ct);
        return Results.Ok(new ChatResponse(replies, await CursorAsync(db, user, ct)));
    }

    // Opened from a WeChat template message: this browser shows that parent's WeChat conversation from now on.
    private static IResult LinkAsync(LinkRequest? request, HttpContext http, DeviceIdentity devices, WeChatChatLinks links)
    {
        if (!FromOurPage(http))
        {
            return Problem(403, "请求来源不正确，请刷新页面后再试。");
        }

        if (links.Read(request?.Token) is not { } openId)
        {
            return Problem(400, "这个链接已过期或不完整。请回到公众号给我们发一条消息，再点开新的消息查看。");
        }

        devices.AdoptWeChat(http, openId);
        return Results.Ok(new { linked = true });
    }

    private static async Task<IResult> MessagesAsync(long? after, int? wait, HttpContext http, DeviceIdentity devices, ChatSignal signal, ChatOptions options, SunshineDbContext db, CancellationToken ct)
    {
        var (channel, userId) = devices.Resolve(http);
        var cursor = after ?? 0;
        var deadline = TimeSpan.FromSeconds(Math.Clamp(wait ?? 0, 0, options.LongPollSeconds));
        var started = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var rows = await db.ChatMessages.AsNoTracking()
                .Where(m => m.Channel == channel && m.UserId == userId && m.Id > cursor)
                .OrderBy(m => m.Id).Take(200).ToListAsync(ct);
            if (rows.Count > 0 || started.Elapsed >= deadline)
            {
                var lines = rows.Select(m => new ChatLine(
                    m.Id, m.Direction, m.Kind, m.Text,
                    m.ChoicesJson is null ? [] : JsonSerializer.Deserialize<List<QuickReply>>(m.ChoicesJson, ChatService.Json) ?? [],
                    m.ImageUrl, m.Source, m.At)).ToList();
                return Results.Ok(new ChatLines(lines, lines.Count > 0 ? lines[^1].Id : cursor));
            }

            // Woken at once by a write on this instance; otherwise look again every two seconds (other instances).
            var remaining = deadline - started.Elapsed;
            await signal.WaitAsync(channel, userId, remaining < TimeSpan.FromSeconds(2) ? remaining : TimeSpan.FromSeconds(2), ct);
        }
    }

    private static async Task<IResult> FileAsync(string key, HttpContext http, DeviceIdentity devices, ImageStore images, SunshineDbContext db, CancellationToken ct)
    {
        var user = devices.Current(http);
        var url = ImageStore.UrlOf(key);
        var owned = user is { } u && await db.ChatMessages.AnyAsync(m => m.Channel == u.Channel && m.UserId == u.UserId && m.ImageUrl == url, ct);
        var path = images.PathOf(key);
        if (!owned || path is null || !File.Exists(path))
        {
            return Results.NotFound();
        }

        http.Response.Headers.CacheControl = "private, max-age=86400";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.File(path, ImageStore.ContentTypeOf(key));
    }

    public static string StampUrlOf(string ticketNumber) => "/api/chat/stamps/" + Uri.EscapeDataString(ticketNumber);

    // The stamp under the official reply: only for the parent whose ticket it is, once the reply is published.
    private static async Task<IResult> StampAsync(string number, HttpContext http, DeviceIdentity devices, SunshineDbContext db, Staff.Units.StampStore stamps, CancellationToken ct)
    {
        if (devices.Current(http) is not { } user)
        {
            return Results.NotFound();
        }

        var channel = user.Channel == WeChat.WeChatOutbox.Channel ? Core.Tickets.Channel.WeChat : Core.Tickets.Channel.WebChat;
        var unitCode = await db.Tickets.AsNoTracking()
            .Where(t => t.Number == number && t.FiledBy == user.UserId && t.Channel == channel && t.ReplyPublishedAt != null)
            .Select(t => t.HandlingUnitCode).FirstOrDefaultAsync(ct);
        var stampRef = unitCode is null ? null : await db.Units.AsNoTracking().Where(u => u.Code == unitCode).Select(u => u.StampImageRef).FirstOrDefaultAsync(ct);
        if (stamps.FileOf(stampRef) is not { } file)
        {
            return Results.NotFound();
        }

        http.Response.Headers.CacheControl = "private, max-age=3600";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.File(file.Path, file.ContentType);
    }

    private static bool FromOurPage(HttpContext http) => http.Request.Headers.XRequestedWith == "sunshine-chat";

    private static string MessageId(string? clientId) =>
        clientId is { Length: >= 8 and <= 64 } id && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') ? id : Guid.NewGuid().ToString("N");

    private static async Task<long> CursorAsync(SunshineDbContext db, ChatUser user, CancellationToken ct) =>
        await db.ChatMessages.Where(m => m.Channel == user.Channel && m.UserId == user.UserId).MaxAsync(m => (long?)m.Id, ct) ?? 0;

    internal static IResult Problem(int status, string title) => Results.Problem(title: title, statusCode: status);
}
