using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.AspNetCore.Mvc.Testing;
using SunshineBot.WeChat.Crypto;
using SunshineBot.WeChat.Security;
using SunshineBot.WeChat.Tests.Api;
using SunshineBot.Web.Tests.WeChat;

namespace SunshineBot.Web.Tests.Parents;

/// <summary>A parent's phone on the web chat of any test host: the device cookie kept, the API called as the page does.</summary>
internal sealed class WebChatParent(WebApplicationFactory<Program> app) : IDisposable
{
    private readonly HttpClient _client = Chat.ChatApiTests.ChatClient(app);

    public async Task<string> SayAsync(string text)
    {
        var response = await _client.PostAsJsonAsync("/api/chat/send", new { text });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return string.Join("\n", json.RootElement.GetProperty("replies").EnumerateArray().Select(r => r.GetProperty("text").GetString() ?? ""));
    }

    public void Dispose() => _client.Dispose();
}

/// <summary>A WeChat follower posting to any test host's webhook in safe mode, as WeChat signs and encrypts it.</summary>
internal sealed class WeChatParent(WebApplicationFactory<Program> app, string openId) : IDisposable
{
    private readonly HttpClient _client = app.CreateClient();
    private readonly WeChatMessageCrypto _crypto = new(WeChatTestHost.AesKey, FakeWeChatServer.AppId);
    private long _msgId = 8_100_000_000;

    public async Task<string> SayAsync(string text)
    {
        var encrypt = _crypto.Encrypt(WeChatTestHost.Text(openId, text, ++_msgId));
        var ts = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        const string nonce = "2468013579";
        var signature = WeChatSignature.ComputeMessageSignature(WeChatTestHost.Token, ts, nonce, encrypt);
        var body = $"<xml><ToUserName><![CDATA[{WeChatTestHost.Account}]]></ToUserName><Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>";
        var query = $"timestamp={ts}&nonce={nonce}&encrypt_type=aes&msg_signature={signature}&signature={WeChatSignature.ComputeUrlSignature(WeChatTestHost.Token, ts, nonce)}";
        using var response = await _client.PostAsync("/wechat?" + query, new StringContent(body, Encoding.UTF8, "text/xml"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await response.Content.ReadAsStringAsync();
        if (reply == "success")
        {
            return reply;
        }

        var inner = XElement.Parse(_crypto.Decrypt((string)XElement.Parse(reply).Element("Encrypt")!));
        return (string)inner.Element("Content")!;
    }

    public void Dispose() => _client.Dispose();
}
