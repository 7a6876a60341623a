using System.Net;
using Microsoft.EntityFrameworkCore;
using SunshineBot.Core.Tickets;
using SunshineBot.Data.Outbox;
using SunshineBot.WeChat.Security;
using SunshineBot.Web.Tests.Hosting;
using SunshineBot.Web.WeChat;

namespace SunshineBot.Web.Tests.WeChat;

public sealed class WeChatWebhookTests
{
    private const string Parent = "oParent000000000000000000001";

    [Fact]
    public async Task Webhook_NoWeChatConfiguration_Is404AndWebChatStillAnswers()
    {
        using var factory = new SunshineWebFactory();
        using var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/wechat?echostr=1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/wechat", new StringContent("<xml/>"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public void Start_InvalidWeChatConfiguration_StopsWithTheProblem()
    {
        using var factory = new SunshineWebFactory(new() { ["WeChat:Token"] = "tok", ["WeChat:AppId"] = "wx1" });

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        Assert.Contains("WeChat:AppSecret", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyUrl_GoodSignature_EchoesAndBadSignatureIs403()
    {
        await using var host = await WeChatTestHost.StartAsync();
        var ts = host.Now();
        var signature = WeChatSignature.ComputeUrlSignature(WeChatTestHost.Token, ts, "n1");

        var ok = await host.Client.GetAsync($"/wechat?signature={signature}&timestamp={ts}&nonce=n1&echostr=hello123");
        var bad = await host.Client.GetAsync($"/wechat?signature={(signature[0] == '0' ? '1' : '0')}{signature[1..]}&timestamp={ts}&nonce=n1&echostr=hello123");

        Assert.Equal("hello123", await ok.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, bad.StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Receive_AuthenticMessageWithoutASender_Refused400AndNothingStored(string openId)
    {
        await using var host = await WeChatTestHost.StartAsync();

        var response = await host.PostEncryptedAsync(WeChatTestHost.Event(openId, "subscribe"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, host.WithDb(db => db.ChatInbound.Count() + db.ChatConversations.Count() + db.Outbox.Count()));
    }

    [Fact]
    public async Task Subscribe_InSafeMode_RepliesWelcomeWithTheNumberedMenuEncrypted()
    {
        await using var host = await WeChatTestHost.StartAsync();

        var reply = await host.SendAsync(WeChatTestHost.Event(Parent, "subscribe", "qrscene_YGS-DC-001"));

        Assert.Contains("教育阳光服务", reply, StringComparison.Ordinal);
        Assert.Contains("4. 我要投诉", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FeeComplaint_InSafeMode_FilesAWeChatTicketAndRetriesGetTheSameReply()
    {
        await using var host = await WeChatTestHost.StartAsync();
        await host.SendAsync(WeChatTestHost.Event(Parent, "CLICK", "menu:complain"));
        foreach (var step in new[] { "不知道", "3", "学校强制统一订购校服，每套四百元，不买不让穿便服", "400", "跳过", "跳过", "不用保密", "王女士", "13812345678" })
        {
            await host.SendAsync(WeChatTestHost.Text(Parent, step, host.NextMsgId()));
        }

        var confirm = WeChatTestHost.Text(Parent, "确认", host.NextMsgId());
        var replies = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            replies.Add(await host.SendAsync(confirm));
        }

        Assert.Single(replies.Distinct());
        Assert.Contains("已受理", replies[0], StringComparison.Ordinal);
        var ticket = host.WithDb(db => db.Tickets.Single());
        Assert.Equal(Channel.WeChat, ticket.Channel);
        Assert.Equal(Parent, ticket.FiledBy);
        Assert.Equal(TicketKind.Complaint, ticket.Kind);
        Assert.Equal("13812345678", ticket.VisitorPhone);
        Assert.Contains(ticket.Number, replies[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task SameMessage_PostedThreeTimesAtOnce_RunsTheTurnOnceWithIdenticalReplies()
    {
        await using var host = await WeChatTestHost.StartAsync();
        foreach (var step in new[] { "我要投诉", "不知道", "1", "学校收了三百元的资料费，没有给任何收据", "300", "跳过", "跳过", "不用保密", "李先生", "13900001234" })
        {
            await host.SendAsync(WeChatTestHost.Text(Parent, step, host.NextMsgId()));
        }

        var msgId = host.NextMsgId();
        var confirm = WeChatTestHost.Text(Parent, "确认", msgId);
        var replies = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => host.SendAsync(confirm)));

        Assert.Single(replies.Distinct());
        Assert.Contains("已受理", replies[0], StringComparison.Ordinal);
        Assert.Equal(1, host.WithDb(db => db.Tickets.Count()));
        Assert.Equal(1, host.WithDb(db => db.ChatInbound.Count(i => i.MessageId.EndsWith(":msg:" + msgId))));
        var queued = host.WithDb(db => db.Outbox.Where(o => o.SourceRef!.Contains(":msg:" + msgId + "#")).Select(o => o.SourceRef).ToList());
        Assert.Equal(queued.Count, queued.Distinct().Count());
    }

    [Fact]
    public async Task VoiceWithoutRecognitionAndUnknownTypes_GetAFriendlyReplyNeverAnError()
    {
        await using var host = await WeChatTestHost.StartAsync();

        var voice = await host.SendAsync(WeChatTestHost.Inner(Parent, "voice", $"<MediaId>m</MediaId><Format>amr</Format><MsgId>{host.NextMsgId()}</MsgId>"));
        var spoken = await host.SendAsync(WeChatTestHost.Inner(Parent, "voice", $"<MediaId>m</MediaId><Format>amr</Format><Recognition>菜单</Recognition><MsgId>{host.NextMsgId()}</MsgId>"));
        var odd = await host.SendAsync(WeChatTestHost.Inner(Parent, "miniprogrampage", $"<Title>x</Title><MsgId>{host.NextMsgId()}</MsgId>"));
        var unsubscribe = await host.SendAsync(WeChatTestHost.Event(Parent, "unsubscribe"));
        var view = await host.SendAsync(WeChatTestHost.Event(Parent, "VIEW", "https://example.edu.cn"));

        Assert.Equal(WeChatInboundAction.TypePlease, voice);
        Assert.Contains("语音转文字", voice, StringComparison.Ordinal);
        Assert.Contains("我要投诉", spoken, StringComparison.Ordinal);
        // The recognised speech is the parent's words: logged as their text, like a typed message.
        Assert.Contains("菜单", host.WithDb(db => db.ChatMessages.Where(m => m.UserId == Parent && m.Direction == "in").Select(m => m.Text).ToList()));
        Assert.Contains("看不懂", odd, StringComparison.Ordinal);
        Assert.Equal("success", unsubscribe);
        Assert.Equal("success", view);
    }

    [Fact]
    public async Task Image_IsFetchedThroughTheMediaApiAndStored()
    {
        await using var host = await WeChatTestHost.StartAsync();

        var reply = await host.SendAsync(WeChatTestHost.Inner(Parent, "image", $"<PicUrl>http://x/p.jpg</PicUrl><MediaId>media-1</MediaId><MsgId>{host.NextMsgId()}</MsgId>"));

        Assert.Contains("已替您存好", reply, StringComparison.Ordinal);
        Assert.Single(host.Fake.RequestsTo("/cgi-bin/media/get"));
        var logged = host.WithDb(db => db.ChatMessages.Single(m => m.UserId == Parent && m.Direction == "in"));
        Assert.Equal("image", logged.Kind);
        Assert.EndsWith(".jpg", logged.ImageUrl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HostileInput_IsRefusedAndTheProcessKeepsWorking()
    {
        await using var host = await WeChatTestHost.StartAsync();
        const string xxe = """<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY x SYSTEM "file:///etc/passwd">]><xml><ToUserName>gh</ToUserName><FromUserName>o</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType><Content>&x;</Content><MsgId>1</MsgId></xml>""";
        const string laughs = """<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><xml><Content>&lol3;</Content></xml>""";

        // Hostile documents inside a valid, signed envelope reach the parser and are refused there.
        Assert.Equal(HttpStatusCode.BadRequest, (await host.PostEncryptedAsync(xxe)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await host.PostEncryptedAsync(laughs)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await host.PostEncryptedAsync("<xml><ToUserName>gh</ToUserName><FromUserName>o")).StatusCode);
        // ... and as the outer envelope itself.
        var outer = await host.PostAsync(xxe, $"timestamp={host.Now()}&nonce=1&encrypt_type=aes&msg_signature=abc");
        Assert.Equal(HttpStatusCode.BadRequest, outer.StatusCode);
        var truncated = await host.PostAsync("<xml><ToUserName><![CDATA[gh", $"timestamp={host.Now()}&nonce=1&encrypt_type=aes&msg_signature=abc");
        Assert.Equal(HttpStatusCode.BadRequest, truncated.StatusCode);
        Assert.DoesNotContain("Exception", await truncated.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var huge = new string('a', 10 * 1024 * 1024);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await host.PostAsync($"<xml><Encrypt>{huge}</Encrypt></xml>", "timestamp=1&nonce=1")).StatusCode);
        var text = WeChatTestHost.Text(Parent, "你好", host.NextMsgId());
        Assert.Equal(HttpStatusCode.Forbidden, (await host.PostEncryptedAsync(text, badSignature: true)).StatusCode);
        var replayed = (long.Parse(host.Now(), System.Globalization.CultureInfo.InvariantCulture) - 3600).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.PostEncryptedAsync(text, timestamp: replayed)).StatusCode);
        // Plaintext in safe mode.
        Assert.Equal(HttpStatusCode.Forbidden, (await host.PostAsync(text, $"timestamp={host.Now()}&nonce=1&signature={WeChatSignature.ComputeUrlSignature(WeChatTestHost.Token, host.Now(), "1")}")).StatusCode);

        Assert.Contains("请问需要办理什么", await host.SendAsync(text), StringComparison.Ordinal);
        Assert.Equal(0, host.WithDb(db => db.Outbox.Count(o => o.Status == OutboxStatus.Failed)));
    }
}
