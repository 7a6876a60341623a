using System.Text;
using SunshineBot.WeChat.Inbound;
using SunshineBot.WeChat.Replies;

namespace SunshineBot.Web.WeChat;

/// <summary>
/// The webhook: <c>GET /wechat</c> (URL verification) and <c>POST /wechat</c> (messages), WeChat's adapter into the
/// parent pipeline. Refusals carry no details: bad signature or stale timestamp 403, malformed or undecryptable 400, too
/// large 413; each is logged once with its reason (<see cref="WeChatRefusalLog"/>).
/// </summary>
public static class WeChatEndpoints
{
    public const string Path = "/wechat";
    private const string Success = "success";

    public static IEndpointRouteBuilder MapWeChatWebhook(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, Verify);
        app.MapPost(Path, ReceiveAsync).DisableAntiforgery().RequireRateLimiting(Security.RateLimits.WeChatPolicy);
        return app;
    }

    private static IResult Verify(HttpRequest request, WeChatInboundProtocol protocol, WeChatRefusalLog refusals)
    {
        var query = QueryOf(request);
        var failure = protocol.CheckUrl(query);
        return failure == WeChatInboundFailure.None
            ? Results.Text(query.EchoStr, "text/plain")
            : Refuse(refusals, WeChatRefusalLog.Of(failure), HttpMethods.Get, StatusCodes.Status403Forbidden);
    }

    private static async Task<IResult> ReceiveAsync(
        HttpRequest request, WeChatInboundProtocol protocol, WeChatTurnQueue turns, WeChatHostOptions options, WeChatRefusalLog refusals, TimeProvider clock, CancellationToken ct)
    {
        var started = clock.GetTimestamp();
        var body = await ReadLimitedAsync(request, options.MaxBodyBytes, ct);
        if (body is null)
        {
            return Refuse(refusals, WeChatRefusal.TooLarge, HttpMethods.Post, StatusCodes.Status413PayloadTooLarge);
        }

        var opened = protocol.Open(QueryOf(request), body);
        if (!opened.Succeeded)
        {
            var status = opened.Failure is WeChatInboundFailure.DecryptionFailed or WeChatInboundFailure.AppIdMismatch or WeChatInboundFailure.MalformedXml
                ? StatusCodes.Status400BadRequest
                : StatusCodes.Status403Forbidden;
            return Refuse(refusals, WeChatRefusalLog.Of(opened.Failure), HttpMethods.Post, status);
        }

        var message = opened.Message!;
        var action = WeChatInboundAction.Map(message);
        if (action.Turn is null)
        {
            return action.DirectReply is { } direct ? Reply(direct) : Results.Text(Success, "text/plain");
        }

        var job = turns.Start(action.Turn);
        var remaining = options.ReplyBudget - clock.GetElapsedTime(started);
        if (remaining > TimeSpan.Zero)
        {
            await Task.WhenAny(job.Done.Task, Task.Delay(remaining, clock, CancellationToken.None));
        }

        if (!job.Done.Task.IsCompleted && job.TryAbandon())
        {
            return Results.Text(Success, "text/plain");
        }

        var result = await job.Done.Task;
        if (job.IsAbandoned || result.PassiveText is not { } passive)
        {
            return Results.Text(Success, "text/plain");
        }

        return Reply(passive);

        IResult Reply(string text)
        {
            var xml = WeChatReply.Text(message.FromUserName, message.Header.ToUserName, clock.GetUtcNow().ToUnixTimeSeconds(), text);
            return Results.Text(protocol.SealReply(xml, opened), "application/xml", Encoding.UTF8);
        }
    }

    private static IResult Refuse(WeChatRefusalLog refusals, WeChatRefusal reason, string method, int status)
    {
        refusals.Refused(reason, method, status);
        return Results.StatusCode(status);
    }

    /// <summary>The body as text, or null when it is larger than the limit (checked before and while reading).</summary>
    private static async Task<string?> ReadLimitedAsync(HttpRequest request, int limit, CancellationToken ct)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        var buffer = new byte[limit + 1];
        var total = 0;
        int read;
        while (total <= limit && (read = await request.Body.ReadAsync(buffer.AsMemory(total, buffer.Length - total), ct)) > 0)
        {
            total += read;
        }

        return total > limit ? null : Encoding.UTF8.GetString(buffer, 0, total);
    }

    private static WeChatRequestQuery QueryOf(HttpRequest request)
    {
        var q = request.Query;
        string? Get(string name) => q[name].Count == 1 ? q[name][0] : null;
        return new WeChatRequestQuery(Get("signature"), Get("timestamp"), Get("nonce"), Get("echostr"), Get("encrypt_type"), Get("msg_signature"));
    }
}
