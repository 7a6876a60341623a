using System.Text;
using Microsoft.AspNetCore.RateLimiting;
using SunshineBot.WeChat.Inbound;
using SunshineBot.WeChat.Replies;
using SunshineBot.Web.Staff.Api;

namespace SunshineBot.Web.Security;

/// <summary>
/// What a client over its limit is told, politely and in Chinese: a WeChat parent gets a passive text reply (WeChat
/// shows nothing for a bare 429 and retries), the staff API a problem document, pages and the rest a short text.
/// </summary>
public static class RateLimitRejection
{
    public const string WeChatText = "您发送消息太频繁了，请稍等一分钟再发。您之前的留言我们已经收到。";
    public const string StaffText = "操作太频繁，请稍等一分钟再试。";
    public const string OtherText = "访问太频繁，请稍等一分钟再试。";

    public static async ValueTask WriteAsync(OnRejectedContext context, Func<OnRejectedContext, CancellationToken, ValueTask>? chat, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        http.Response.Headers.RetryAfter = "60";
        var path = http.Request.Path;
        if (path.StartsWithSegments("/wechat", StringComparison.OrdinalIgnoreCase) && HttpMethods.IsPost(http.Request.Method))
        {
            await WeChatReplyAsync(http, ct);
        }
        else if (path.StartsWithSegments("/api/chat", StringComparison.OrdinalIgnoreCase) && chat is not null)
        {
            await chat(context, ct);
        }
        else if (path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            await StaffProblemFilter.Problem(429, StaffText, null).ExecuteAsync(http);
        }
        else
        {
            http.Response.ContentType = "text/plain; charset=utf-8";
            await http.Response.WriteAsync(path.StartsWithSegments("/staff", StringComparison.OrdinalIgnoreCase) ? StaffText : OtherText, ct);
        }
    }

    // An authentic message over the limit gets the polite text as its passive reply (status 200, as WeChat expects);
    // anything that does not open gets the same refusal the webhook would give.
    private static async Task WeChatReplyAsync(HttpContext http, CancellationToken ct)
    {
        var protocol = http.RequestServices.GetService<WeChatInboundProtocol>();
        if (protocol is null)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var body = await ReadAsync(http.Request, 65536, ct);
        var q = http.Request.Query;
        string? Get(string name) => q[name].Count == 1 ? q[name][0] : null;
        var opened = body is null
            ? new WeChatInboundResult(WeChatInboundFailure.MalformedXml, null, false, null)
            : protocol.Open(new WeChatRequestQuery(Get("signature"), Get("timestamp"), Get("nonce"), null, Get("encrypt_type"), Get("msg_signature")), body);
        if (!opened.Succeeded)
        {
            http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return;
        }

        var message = opened.Message!;
        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().ToUnixTimeSeconds();
        var xml = WeChatReply.Text(message.FromUserName, message.Header.ToUserName, now, WeChatText);
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "application/xml; charset=utf-8";
        await http.Response.WriteAsync(protocol.SealReply(xml, opened), Encoding.UTF8, ct);
    }

    private static async Task<string?> ReadAsync(HttpRequest request, int limit, CancellationToken ct)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var buffer = new char[limit + 1];
        var total = 0;
        int read;
        while (total <= limit && (read = await reader.ReadAsync(buffer.AsMemory(total, buffer.Length - total), ct)) > 0)
        {
            total += read;
        }

        return total > limit ? null : new string(buffer, 0, total);
    }
}
