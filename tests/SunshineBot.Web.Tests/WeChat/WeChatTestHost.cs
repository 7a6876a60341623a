using System.Globalization;
using System.Net;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using SunshineBot.Data;
using SunshineBot.Testing;
using SunshineBot.WeChat.Crypto;
using SunshineBot.WeChat.Security;
using SunshineBot.WeChat.Tests.Api;
using SunshineBot.Web.Tests.Hosting;

namespace SunshineBot.Web.Tests.WeChat;

/// <summary>
/// The real host in safe mode, with its API pointed at a fake WeChat server on loopback. Sends messages signed and
/// encrypted exactly as WeChat does (AES-CBC envelope + msg_signature) and opens the encrypted replies.
/// </summary>
internal sealed class WeChatTestHost : IAsyncDisposable
{
    public const string Token = "sunshineToken1";
    public const string AesKey = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    public const string Account = "gh_sunshine0001";
    public const string TemplateId = "tmpl-reply-1";
    public const string WebChatUrl = "https://chat.example.edu.cn/";

    private readonly WeChatMessageCrypto _crypto = new(AesKey, FakeWeChatServer.AppId);
    private readonly TimeProvider _clock;
    private readonly bool _ownsFake;
    private long _msgId = 7_000_000_000;

    private WeChatTestHost(FakeWeChatServer fake, bool ownsFake, SunshineWebFactory factory, WebApplicationFactory<Program> app, TimeProvider clock)
    {
        Fake = fake;
        _ownsFake = ownsFake;
        Factory = factory;
        App = app;
        _clock = clock;
        Client = app.CreateClient();
    }

    public FakeWeChatServer Fake { get; }

    public SunshineWebFactory Factory { get; }

    public WebApplicationFactory<Program> App { get; }

    public HttpClient Client { get; }

    /// <summary>Starts the host; with <paramref name="sharedFake"/> it talks to that fake (the caller disposes it), else to one of its own.</summary>
    public static async Task<WeChatTestHost> StartAsync(
        Dictionary<string, string?>? settings = null, TestClock? clock = null, Action<IServiceCollection>? services = null, FakeWeChatServer? sharedFake = null)
    {
        var fake = sharedFake ?? await FakeWeChatServer.StartAsync();
        var all = Settings(fake);
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        var factory = new SunshineWebFactory(all);
        WebApplicationFactory<Program> app = clock is null && services is null
            ? factory
            : factory.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            {
                if (clock is not null)
                {
                    s.AddSingleton<TimeProvider>(clock);
                }

                services?.Invoke(s);
            }));
        return new WeChatTestHost(fake, sharedFake is null, factory, app, clock ?? TimeProvider.System);
    }

    /// <summary>Safe mode against the fake, with a fast outbox (short polls and retries).</summary>
    public static Dictionary<string, string?> Settings(FakeWeChatServer fake) => new(StringComparer.Ordinal)
    {
        ["WeChat:Token"] = Token,
        ["WeChat:AppId"] = FakeWeChatServer.AppId,
        ["WeChat:AppSecret"] = FakeWeChatServer.AppSecret,
        ["WeChat:EncodingAESKey"] = AesKey,
        ["WeChat:Mode"] = "Safe",
        ["WeChat:ApiBaseUrl"] = fake.BaseUrl.ToString(),
        ["WeChat:ApiTimeoutSeconds"] = "3",
        ["WeChat:WebChatUrl"] = WebChatUrl,
        ["WeChat:Template:Id"] = TemplateId,
        ["WeChat:Outbox:PollInterval"] = "00:00:00.100",
        ["WeChat:Outbox:BaseDelay"] = "00:00:00.200",
        ["WeChat:Outbox:MaxDelay"] = "00:00:00.400",
        ["WeChat:Outbox:MaxAttempts"] = "50",
    };

    public long NextMsgId() => Interlocked.Increment(ref _msgId);

    public static string Text(string openId, string content, long msgId) =>
        Inner(openId, "text", $"<Content><![CDATA[{content}]]></Content><MsgId>{msgId}</MsgId>");

    public static string Event(string openId, string name, string? key = null, long createTime = 1763780000) =>
        Inner(openId, "event", $"<Event><![CDATA[{name}]]></Event>" + (key is null ? "" : $"<EventKey><![CDATA[{key}]]></EventKey>"), createTime);

    public static string Inner(string openId, string type, string fields, long createTime = 1763780000) =>
        $"<xml><ToUserName><![CDATA[{Account}]]></ToUserName><FromUserName><![CDATA[{openId}]]></FromUserName>"
        + $"<CreateTime>{createTime}</CreateTime><MsgType><![CDATA[{type}]]></MsgType>{fields}</xml>";

    /// <summary>Posts a message as WeChat does in safe mode and returns the reply's text ("success" when there is none).</summary>
    public async Task<string> SendAsync(string innerXml)
    {
        using var response = await PostEncryptedAsync(innerXml);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return OpenReply(await response.Content.ReadAsStringAsync());
    }

    public Task<HttpResponseMessage> PostEncryptedAsync(string innerXml, string? timestamp = null, bool badSignature = false)
    {
        var encrypt = _crypto.Encrypt(innerXml);
        var ts = timestamp ?? Now();
        const string nonce = "1320562132";
        var signature = WeChatSignature.ComputeMessageSignature(Token, ts, nonce, encrypt);
        if (badSignature)
        {
            signature = signature[..^1] + (signature[^1] == '0' ? '1' : '0');
        }

        var body = $"<xml><ToUserName><![CDATA[{Account}]]></ToUserName><Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>";
        return PostAsync(body, $"timestamp={ts}&nonce={nonce}&encrypt_type=aes&msg_signature={signature}&signature={WeChatSignature.ComputeUrlSignature(Token, ts, nonce)}");
    }

    public Task<HttpResponseMessage> PostAsync(string body, string query) =>
        Client.PostAsync("/wechat?" + query, new StringContent(body, Encoding.UTF8, "text/xml"));

    /// <summary>Checks the reply's signature, decrypts it and returns its Content.</summary>
    public string OpenReply(string body)
    {
        if (body == "success")
        {
            return body;
        }

        var envelope = XElement.Parse(body);
        var encrypt = (string)envelope.Element("Encrypt")!;
        var ts = (string)envelope.Element("TimeStamp")!;
        var nonce = (string)envelope.Element("Nonce")!;
        Assert.Equal(WeChatSignature.ComputeMessageSignature(Token, ts, nonce, encrypt), (string)envelope.Element("MsgSignature")!);
        var reply = XElement.Parse(_crypto.Decrypt(encrypt));
        Assert.Equal(Account, (string)reply.Element("FromUserName")!);
        Assert.Equal("text", (string)reply.Element("MsgType")!);
        return (string)reply.Element("Content")!;
    }

    public string Now() => _clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    public T WithDb<T>(Func<SunshineDbContext, T> action)
    {
        using var scope = App.Services.CreateScope();
        return action(scope.ServiceProvider.GetRequiredService<SunshineDbContext>());
    }

    public static async Task WaitForAsync(Func<bool> condition, string what, int seconds = 15)
    {
        var until = TimeProvider.System.GetTimestamp();
        while (!condition())
        {
            if (TimeProvider.System.GetElapsedTime(until) > TimeSpan.FromSeconds(seconds))
            {
                Assert.Fail("Timed out waiting for " + what);
            }

            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!ReferenceEquals(App, Factory))
        {
            await App.DisposeAsync();
        }

        await Factory.DisposeAsync();
        if (_ownsFake)
        {
            await Fake.DisposeAsync();
        }
    }
}
