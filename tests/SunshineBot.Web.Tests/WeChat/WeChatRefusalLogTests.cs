using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SunshineBot.Testing;
using SunshineBot.WeChat.Crypto;
using SunshineBot.WeChat.Security;
using SunshineBot.WeChat.Tests.Api;
using SunshineBot.Web.Tests.Staff;
using SunshineBot.Web.WeChat;

namespace SunshineBot.Web.Tests.WeChat;

/// <summary>Operators see why the webhook refused a request, once per request, without secrets or message text.</summary>
public sealed class WeChatRefusalLogTests
{
    private const string Parent = "oRefused00000000000000000001";
    private const string Secret = "家长的秘密13812345678";
    private const string Category = "SunshineBot.Web.WeChat.WeChatRefusalLog";

    [Fact]
    public async Task Webhook_EachKindOfRefusal_LogsOneWarningWithItsReasonAndNoSecrets()
    {
        var logs = new StaffTestHost.RecordingLogs();
        await using var host = await WeChatTestHost.StartAsync(services: s => s.AddSingleton<ILoggerProvider>(logs));
        var inner = WeChatTestHost.Text(Parent, Secret, host.NextMsgId());
        var ts = host.Now();

        var codes = new List<HttpStatusCode>
        {
            (await host.PostEncryptedAsync(inner, badSignature: true)).StatusCode,
            (await host.PostEncryptedAsync(inner, timestamp: "1500000000")).StatusCode,
            (await host.PostAsync(inner, $"timestamp={ts}&nonce=1&signature={WeChatSignature.ComputeUrlSignature(WeChatTestHost.Token, ts, "1")}")).StatusCode,
            (await host.PostAsync("<xml><Encrypt>", $"timestamp={ts}&nonce=1&encrypt_type=aes&msg_signature=x")).StatusCode,
            (await PostForAnotherAppIdAsync(host, inner)).StatusCode,
            (await host.PostAsync(new string('x', 70_000), "timestamp=1&nonce=1")).StatusCode,
            (await host.Client.GetAsync($"/wechat?signature=bad&timestamp={ts}&nonce=1&echostr=hello")).StatusCode,
        };

        var lines = logs.Lines.Where(l => l.StartsWith(Category, StringComparison.Ordinal)).ToList();
        Assert.Equal(
            [HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.Forbidden],
            codes);
        Assert.Equal(6, lines.Count);
        foreach (var reason in new[] { "BadSignature", "StaleTimestamp", "EncryptionRequired", "MalformedXml", "AppIdMismatch", "TooLarge" })
        {
            Assert.Contains(lines, l => l.Contains("Reason=" + reason, StringComparison.Ordinal));
        }

        // The GET with a bad signature is the second BadSignature within the minute: counted, not logged again.
        Assert.Single(lines, l => l.Contains("Reason=BadSignature", StringComparison.Ordinal));
        Assert.All(lines, l => Assert.DoesNotContain(Secret, l, StringComparison.Ordinal));
        Assert.All(lines, l => Assert.DoesNotContain(WeChatTestHost.Token, l, StringComparison.Ordinal));
        Assert.All(lines, l => Assert.DoesNotContain(WeChatTestHost.AesKey, l, StringComparison.Ordinal));
    }

    [Fact]
    public void Refused_ManyTimesInAMinute_LogsOnceThenSaysHowManyWereLeftOut()
    {
        var logs = new StaffTestHost.RecordingLogs();
        using var factory = new LoggerFactory([logs]);
        var clock = new TestClock(new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero));
        var log = new WeChatRefusalLog(factory.CreateLogger<WeChatRefusalLog>(), clock);

        for (var i = 0; i < 50; i++)
        {
            log.Refused(WeChatRefusal.BadSignature, "POST", 403);
        }

        log.Refused(WeChatRefusal.StaleTimestamp, "POST", 403);
        clock.Advance(WeChatRefusalLog.Window + TimeSpan.FromSeconds(1));
        log.Refused(WeChatRefusal.BadSignature, "POST", 403);

        var lines = logs.Lines;
        Assert.Equal(3, lines.Count);
        Assert.Contains("Skipped=0", lines[0], StringComparison.Ordinal);
        Assert.Contains("Reason=StaleTimestamp", lines[1], StringComparison.Ordinal);
        Assert.Contains("Reason=BadSignature", lines[2], StringComparison.Ordinal);
        Assert.Contains("Skipped=49", lines[2], StringComparison.Ordinal);
    }

    // Correctly signed with our token, but encrypted for another account's AppId.
    private static Task<HttpResponseMessage> PostForAnotherAppIdAsync(WeChatTestHost host, string inner)
    {
        var encrypt = new WeChatMessageCrypto(WeChatTestHost.AesKey, "wxsomeoneelse0001").Encrypt(inner);
        var ts = host.Now();
        var signature = WeChatSignature.ComputeMessageSignature(WeChatTestHost.Token, ts, "2", encrypt);
        var body = $"<xml><ToUserName><![CDATA[{WeChatTestHost.Account}]]></ToUserName><Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>";
        return host.Client.PostAsync($"/wechat?timestamp={ts}&nonce=2&encrypt_type=aes&msg_signature={signature}", new StringContent(body, Encoding.UTF8, "text/xml"));
    }
}
