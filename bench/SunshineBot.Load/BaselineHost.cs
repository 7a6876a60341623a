using System.Text;
using System.Text.Json;
using SunshineBot.WeChat;
using SunshineBot.WeChat.Inbound;
using SunshineBot.WeChat.Replies;

namespace SunshineBot.Load;

/// <summary>
/// The no-work baseline: the same webhook protocol work as the product (signature, replay window, decryption in safe
/// mode, safe XML parse, sealed reply) and a web chat endpoint that checks the header, reads the JSON and the device
/// cookie, and answers a fixed reply. No database, no engine.
/// </summary>
internal static class BaselineHost
{
    private const string Fixed = "您好，这是一条固定的回复。";

    public static async Task RunAsync(string urls)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(urls);
        builder.Logging.ClearProviders();
        var protocol = new WeChatInboundProtocol(Traffic.Options(WeChatMode.Compatible), TimeProvider.System);
        var app = builder.Build();
        app.MapGet("/healthz", () => "Healthy");
        app.MapPost("/wechat", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var q = request.Query;
            var query = new WeChatRequestQuery(q["signature"], q["timestamp"], q["nonce"], null, q["encrypt_type"], q["msg_signature"]);
            var opened = protocol.Open(query, body);
            if (!opened.Succeeded)
            {
                return Results.StatusCode(403);
            }

            var message = opened.Message!;
            var xml = WeChatReply.Text(message.FromUserName, message.Header.ToUserName, TimeProvider.System.GetUtcNow().ToUnixTimeSeconds(), Fixed);
            return Results.Text(protocol.SealReply(xml, opened), "application/xml", Encoding.UTF8);
        });
        app.MapPost("/api/chat/send", async (HttpContext http) =>
        {
            if (http.Request.Headers["X-Requested-With"] != "sunshine-chat")
            {
                return Results.StatusCode(403);
            }

            using var doc = await JsonDocument.ParseAsync(http.Request.Body);
            if (!http.Request.Cookies.ContainsKey("sb_device"))
            {
                http.Response.Cookies.Append("sb_device", Guid.NewGuid().ToString("N"));
            }

            return Results.Json(new { replies = new[] { new { kind = "text", text = Fixed } }, cursor = 1 });
        });
        await app.RunAsync();
    }
}
