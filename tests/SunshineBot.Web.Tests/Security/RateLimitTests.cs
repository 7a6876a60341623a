using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SunshineBot.WeChat.Security;
using SunshineBot.Web.Tests.Staff;
using SunshineBot.Web.Tests.WeChat;

namespace SunshineBot.Web.Tests.Security;

/// <summary>Per OpenID, per staff account and per address: over the limit, a polite Chinese answer and nothing processed.</summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task WeChat_OpenIdOverItsLimit_GetsAPassiveTextAndTheMessageIsNotTaken()
    {
        await using var host = await WeChatTestHost.StartAsync(new() { ["Security:MessagesPerOpenIdPerMinute"] = "2" });
        const string openId = "oRateLimited000000000000001";

        var replies = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await PostPlainQueryAsync(host, openId, WeChatTestHost.Text(openId, "你好" + i, host.NextMsgId()));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            replies.Add(host.OpenReply(await response.Content.ReadAsStringAsync()));
        }

        Assert.DoesNotContain("太频繁", replies[0], StringComparison.Ordinal);
        Assert.Contains("您发送消息太频繁了", replies[2], StringComparison.Ordinal);
        Assert.Equal(2, host.WithDb(db => db.ChatInbound.Count(m => m.UserId.Contains(openId))));

        // Another parent is not affected.
        using var other = await PostPlainQueryAsync(host, "oSomeoneElse0000000000000001", WeChatTestHost.Text("oSomeoneElse0000000000000001", "你好", host.NextMsgId()));
        Assert.DoesNotContain("太频繁", host.OpenReply(await other.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WeChat_ForgedRequestsNamingAnOpenId_DoNotUseUpItsAllowance()
    {
        await using var host = await WeChatTestHost.StartAsync(new() { ["Security:MessagesPerOpenIdPerMinute"] = "1" });
        const string openId = "oVictim00000000000000000001";
        for (var i = 0; i < 3; i++)
        {
            using var forged = await host.Client.PostAsync($"/wechat?openid={openId}&timestamp={host.Now()}&nonce=1&signature=bad", new StringContent("<xml/>", Encoding.UTF8, "text/xml"));
            Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        }

        using var real = await PostPlainQueryAsync(host, openId, WeChatTestHost.Text(openId, "你好", host.NextMsgId()));
        Assert.DoesNotContain("太频繁", host.OpenReply(await real.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaffApi_AccountOverItsLimit_Gets429ProblemInChinese()
    {
        using var host = new StaffTestHost(new() { ["Security:RequestsPerStaffAccountPerMinute"] = "3" });
        using var leader = await host.ApiAsync("leader");
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await leader.GetAsync("/api/staff/units")).StatusCode);
        }

        var response = await leader.GetAsync("/api/staff/units");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("操作太频繁，请稍等一分钟再试。", problem.GetProperty("title").GetString());
        using var admin = await host.ApiAsync("admin");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/staff/units")).StatusCode);
    }

    [Fact]
    public async Task SignIn_TooManyFromOneAddress_Gets429()
    {
        using var host = new StaffTestHost(new() { ["Security:SignInsPerIpPerMinute"] = "3" });
        using var client = host.App.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/staff/token", new { username = "east", password = "nope-nope" })).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.PostAsJsonAsync("/api/staff/token", new { username = "east", password = StaffTestHost.Password })).StatusCode);
    }

    [Fact]
    public async Task AnyAddress_OverTheLimit_GetsAPoliteText()
    {
        using var host = new StaffTestHost(new() { ["Security:RequestsPerIpPerMinute"] = "4" });
        using var client = host.App.CreateClient();
        for (var i = 0; i < 4; i++)
        {
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await client.GetAsync("/staff/login")).StatusCode);
        }

        var response = await client.GetAsync("/staff/login");

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Contains("请稍等一分钟再试", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }

    // What real WeChat sends: the openid and the URL signature in the query, the message encrypted in the body.
    private static Task<HttpResponseMessage> PostPlainQueryAsync(WeChatTestHost host, string openId, string inner)
    {
        var crypto = new SunshineBot.WeChat.Crypto.WeChatMessageCrypto(WeChatTestHost.AesKey, SunshineBot.WeChat.Tests.Api.FakeWeChatServer.AppId);
        var encrypt = crypto.Encrypt(inner);
        var ts = host.Now();
        const string nonce = "88776655";
        var signature = WeChatSignature.ComputeMessageSignature(WeChatTestHost.Token, ts, nonce, encrypt);
        var body = $"<xml><ToUserName><![CDATA[{WeChatTestHost.Account}]]></ToUserName><Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>";
        return host.PostAsync(body, $"openid={openId}&timestamp={ts}&nonce={nonce}&encrypt_type=aes&msg_signature={signature}&signature={WeChatSignature.ComputeUrlSignature(WeChatTestHost.Token, ts, nonce)}");
    }
}
