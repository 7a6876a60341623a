using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Xml.Linq;
using SunshineBot.WeChat;
using SunshineBot.WeChat.Crypto;
using SunshineBot.WeChat.Security;

namespace SunshineBot.Load;

/// <summary>Requests signed (and in safe mode encrypted) exactly as WeChat sends them, and web chat requests as the page sends them.</summary>
internal sealed class Traffic
{
    public const string Token = "benchToken1";
    public const string AppId = "wxbench000000001";
    public const string AppSecret = "bench-secret";
    public const string AesKey = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    public const string Account = "gh_bench000001";

    private readonly WeChatMessageCrypto _crypto = new(AesKey, AppId);
    private long _msgId = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds() * 1000;

    public static WeChatOptions Options(WeChatMode mode) => new()
    {
        Token = Token, AppId = AppId, AppSecret = AppSecret, EncodingAESKey = AesKey, Mode = mode,
    };

    /// <summary>The product's settings for this account (environment variables), in compatible mode so both kinds of request are accepted.</summary>
    public static Dictionary<string, string> ProductSettings(string apiBaseUrl) => new(StringComparer.Ordinal)
    {
        ["WeChat__Token"] = Token,
        ["WeChat__AppId"] = AppId,
        ["WeChat__AppSecret"] = AppSecret,
        ["WeChat__EncodingAESKey"] = AesKey,
        ["WeChat__Mode"] = "Compatible",
        ["WeChat__ApiBaseUrl"] = apiBaseUrl,
        ["WeChat__WebChatUrl"] = "http://127.0.0.1/",
    };

    public long NextMsgId() => Interlocked.Increment(ref _msgId);

    public HttpRequestMessage WeChatText(Uri target, string openId, string content, bool safe)
    {
        var ts = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = NextMsgId().ToString(CultureInfo.InvariantCulture)[^9..];
        var inner = $"<xml><ToUserName><![CDATA[{Account}]]></ToUserName><FromUserName><![CDATA[{openId}]]></FromUserName>"
            + $"<CreateTime>{ts}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[{content}]]></Content>"
            + $"<MsgId>{NextMsgId().ToString(CultureInfo.InvariantCulture)}</MsgId></xml>";
        var query = $"signature={WeChatSignature.ComputeUrlSignature(Token, ts, nonce)}&timestamp={ts}&nonce={nonce}&openid={openId}";
        var body = inner;
        if (safe)
        {
            var encrypt = _crypto.Encrypt(inner);
            query += $"&encrypt_type=aes&msg_signature={WeChatSignature.ComputeMessageSignature(Token, ts, nonce, encrypt)}";
            body = $"<xml><ToUserName><![CDATA[{Account}]]></ToUserName><Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>";
        }

        return new HttpRequestMessage(HttpMethod.Post, new Uri(target, "/wechat?" + query))
        {
            Content = new StringContent(body, Encoding.UTF8, "text/xml"),
        };
    }

    /// <summary>The Content of a passive reply ("success" when there is none), decrypting a safe-mode reply.</summary>
    public string ReplyText(string body)
    {
        if (body == "success" || body.Length == 0)
        {
            return "success";
        }

        var xml = XElement.Parse(body);
        if (xml.Element("Encrypt") is { } encrypt)
        {
            xml = XElement.Parse(_crypto.Decrypt(encrypt.Value));
        }

        return (string?)xml.Element("Content") ?? "";
    }

    public static HttpRequestMessage WebChatSend(Uri target, string? cookie, string text)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(target, "/api/chat/send"))
        {
            Content = new StringContent(System.Text.Json.JsonSerializer.Serialize(new { text }), Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Add("X-Requested-With", "sunshine-chat");
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        return request;
    }
}
