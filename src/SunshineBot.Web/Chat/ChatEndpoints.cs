using Microsoft.AspNetCore.Http.HttpResults;
using SunshineBot.Conversations.Engine;
using SunshineBot.Core.Parents;
using SunshineBot.Web.Parents;

namespace SunshineBot.Web.Chat;

/// <summary>
/// The web chat's JSON API: the web chat's adapter into the parent pipeline. Every POST needs the X-Requested-With
/// header, so other sites cannot post as a parent. Routes only check the request and call the pipeline or a use case.
/// </summary>
public static class ChatEndpoints
{
    public const string RateLimitPolicy = "chat";

    public sealed record SendRequest(string? Text, string? Choice, string? Label, string? ClientId);

    public sealed record LinkRequest(string? Token);

    public sealed record LinkResponse(bool Linked);

    public sealed record ChatResponse(IReadOnlyList<OutgoingMessage> Replies, long Cursor);

    public static IEndpointRouteBuilder MapChat(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/chat");
        api.MapPost("/send", SendAsync).Accepts<SendRequest>("application/json").RequireRateLimiting(RateLimitPolicy).DisableAntiforgery();
        api.MapPost("/upload", UploadAsync).RequireRateLimiting(RateLimitPolicy).DisableAntiforgery();
        api.MapPost("/link", LinkAsync).Accepts<LinkRequest>("application/json").RequireRateLimiting(RateLimitPolicy).DisableAntiforgery();
        api.MapGet("/messages", MessagesAsync);
        api.MapGet("/files/{**key}", FileAsync);
        api.MapGet("/stamps/{number}", StampAsync);
        return app;
    }

    private static async Task<Results<Ok<ChatResponse>, ProblemHttpResult>> SendAsync(
        HttpContext http, DeviceIdentity devices, ParentTurns turns, ReadConversation conversation, ChatOptions options, CancellationToken ct)
    {
        if (!FromOurPage(http))
        {
            return Problem(403, "请求来源不正确，请刷新页面后再试。");
        }

        var (request, unreadable) = await ReadJsonAsync<SendRequest>(http, ct);
        if (unreadable)
        {
            return Problem(400, BadFormat);
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

        var parent = devices.Resolve(http);
        var message = new IncomingMessage
        {
            Channel = parent.Channel,
            UserId = parent.Id,
            MessageId = MessageId(request?.ClientId),
            Kind = string.IsNullOrEmpty(choice) ? IncomingKind.Text : IncomingKind.Choice,
            Text = text,
            ChoiceValue = string.IsNullOrEmpty(choice) ? null : choice,
            ChoiceLabel = string.IsNullOrEmpty(choice) ? null : request?.Label?.Trim() is { Length: > 0 and <= 100 } label ? label : choice,
        };
        return await AnswerAsync(turns, conversation, parent, message, ct);
    }

    private static async Task<Results<Ok<ChatResponse>, ProblemHttpResult>> UploadAsync(
        HttpContext http, DeviceIdentity devices, ParentTurns turns, ReadConversation conversation, ImageStore images, CancellationToken ct)
    {
        if (!FromOurPage(http))
        {
            return Problem(403, "请求来源不正确，请刷新页面后再试。");
        }

        if (!http.Request.HasFormContentType)
        {
            return Problem(400, "请选择一张图片上传。");
        }

        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(ct);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            return Problem(400, "图片没有传完整，请重新选择图片上传。");
        }

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

        var parent = devices.Resolve(http);
        var message = new IncomingMessage { Channel = parent.Channel, UserId = parent.Id, MessageId = MessageId(form["clientId"]), Kind = IncomingKind.Image, Image = image };
        return await AnswerAsync(turns, conversation, parent, message, ct);
    }

    // Opened from a link in another channel's notice: this browser shows that conversation from now on.
    private static async Task<Results<Ok<LinkResponse>, ProblemHttpResult>> LinkAsync(HttpContext http, DeviceIdentity devices, ChatLinks links, CancellationToken ct)
    {
        if (!FromOurPage(http))
        {
            return Problem(403, "请求来源不正确，请刷新页面后再试。");
        }

        var (request, unreadable) = await ReadJsonAsync<LinkRequest>(http, ct);
        if (unreadable)
        {
            return Problem(400, BadFormat);
        }

        if (links.Read(request?.Token) is not { } parent)
        {
            return Problem(400, "这个链接已过期或不完整。请回到公众号给我们发一条消息，再点开新的消息查看。");
        }

        devices.Adopt(http, parent);
        return TypedResults.Ok(new LinkResponse(true));
    }

    private static async Task<Ok<ChatLines>> MessagesAsync(long? after, int? wait, HttpContext http, DeviceIdentity devices, ReadConversation conversation, ChatOptions options, CancellationToken ct)
    {
        var limit = TimeSpan.FromSeconds(Math.Clamp(wait ?? 0, 0, options.LongPollSeconds));
        return TypedResults.Ok(await conversation.RunAsync(devices.Resolve(http), after ?? 0, limit, ct));
    }

    private static async Task<Results<PhysicalFileHttpResult, NotFound>> FileAsync(string key, HttpContext http, DeviceIdentity devices, FindChatFile files, CancellationToken ct) =>
        Serve(http, await files.PhotoAsync(devices.Current(http), key, ct), "private, max-age=86400");

    private static async Task<Results<PhysicalFileHttpResult, NotFound>> StampAsync(string number, HttpContext http, DeviceIdentity devices, FindChatFile files, CancellationToken ct) =>
        Serve(http, await files.StampAsync(devices.Current(http), number, ct), "private, max-age=3600");

    private static async Task<Results<Ok<ChatResponse>, ProblemHttpResult>> AnswerAsync(
        ParentTurns turns, ReadConversation conversation, ParentAddress parent, IncomingMessage message, CancellationToken ct)
    {
        // The page shows the replies itself (response and long poll): nothing goes through a channel sender.
        var replies = await turns.HandleAsync(message, TurnDelivery.ByAdapter, ct);
        return TypedResults.Ok(new ChatResponse(replies, await conversation.CursorAsync(parent, ct)));
    }

    private static Results<PhysicalFileHttpResult, NotFound> Serve(HttpContext http, ChatFile? file, string cacheControl)
    {
        if (file is null)
        {
            return TypedResults.NotFound();
        }

        http.Response.Headers.CacheControl = cacheControl;
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.PhysicalFile(file.Path, file.ContentType);
    }

    private const string BadFormat = "消息格式不正确，请刷新页面后再试。";

    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web);

    /// <summary>
    /// The JSON body read here rather than bound by the framework, so that a body that is not the expected object gets
    /// the same polite Chinese problem as every other refusal (the framework answers a bare 400). An empty body is null.
    /// </summary>
    private static async Task<(T? Value, bool Unreadable)> ReadJsonAsync<T>(HttpContext http, CancellationToken ct)
        where T : class
    {
        if (http.Request.ContentLength == 0)
        {
            return (null, false);
        }

        if (!http.Request.HasJsonContentType())
        {
            return (null, true);
        }

        try
        {
            return (await System.Text.Json.JsonSerializer.DeserializeAsync<T>(http.Request.Body, Json, ct), false);
        }
        catch (System.Text.Json.JsonException)
        {
            return (null, true);
        }
    }

    private static bool FromOurPage(HttpContext http) => http.Request.Headers.XRequestedWith == "sunshine-chat";

    private static string MessageId(string? clientId) =>
        clientId is { Length: >= 8 and <= 64 } id && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') ? id : Guid.NewGuid().ToString("N");

    internal static ProblemHttpResult Problem(int status, string title) => TypedResults.Problem(title: title, statusCode: status);
}
