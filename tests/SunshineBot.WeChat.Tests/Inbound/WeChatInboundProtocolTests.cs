using System.Globalization;
using System.Xml.Linq;
using SunshineBot.Testing;
using SunshineBot.WeChat.Crypto;
using SunshineBot.WeChat.Inbound;
using SunshineBot.WeChat.Messages;
using SunshineBot.WeChat.Replies;
using SunshineBot.WeChat.Security;
using static SunshineBot.WeChat.Tests.OfficialVectors;

namespace SunshineBot.WeChat.Tests.Inbound;

public sealed class WeChatInboundProtocolTests
{
    private const string Token = "sunshine2026";
    private const string AppId = "wx0123456789abcdef";
    private const long Now = 1_763_780_000;

    private static readonly string TextXml =
        "<xml><ToUserName><![CDATA[gh_bureau]]></ToUserName><FromUserName><![CDATA[o_parent]]></FromUserName>"
        + "<CreateTime>1763780000</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[我要投诉]]></Content><MsgId>77</MsgId></xml>";

    private readonly TestClock _clock = new(DateTimeOffset.FromUnixTimeSeconds(Now));

    private WeChatInboundProtocol Protocol(WeChatMode mode) => new(
        new WeChatOptions { Token = Token, AppId = AppId, AppSecret = "s", EncodingAESKey = SampleKey, Mode = mode },
        _clock);

    private static WeChatRequestQuery PlainQuery(long timestamp = Now, string nonce = "n1")
    {
        var ts = timestamp.ToString(CultureInfo.InvariantCulture);
        return new WeChatRequestQuery(WeChatSignature.ComputeUrlSignature(Token, ts, nonce), ts, nonce);
    }

    /// <summary>Encrypts and signs a body the way WeChat does in safe mode.</summary>
    private static (WeChatRequestQuery Query, string Body) Encrypted(string xml, string appId = AppId, string outerFields = "")
    {
        var encrypt = new WeChatMessageCrypto(SampleKey, appId).Encrypt(xml);
        var ts = Now.ToString(CultureInfo.InvariantCulture);
        var query = new WeChatRequestQuery(
            WeChatSignature.ComputeUrlSignature(Token, ts, "n2"), ts, "n2", EncryptType: "aes",
            MsgSignature: WeChatSignature.ComputeMessageSignature(Token, ts, "n2", encrypt));
        return (query, $"<xml><ToUserName><![CDATA[gh_bureau]]></ToUserName>{outerFields}<Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>");
    }

    [Fact]
    public void VerifyUrl_MessagePushDocExample_ReturnsEchoStr()
    {
        var clock = new TestClock(DateTimeOffset.FromUnixTimeSeconds(long.Parse(PushTimestamp, CultureInfo.InvariantCulture)));
        var protocol = new WeChatInboundProtocol(new WeChatOptions { Token = PushToken, AppId = "wx1", AppSecret = "s" }, clock);
        var echo = protocol.VerifyUrl(new WeChatRequestQuery(PushSignature, PushTimestamp, PushNonce, "4375120948345356249"));
        Assert.Equal("4375120948345356249", echo);
    }

    [Fact]
    public void VerifyUrl_BadSignature_ReturnsNull()
    {
        var q = PlainQuery() with { EchoStr = "e", Signature = new string('0', 40) };
        Assert.Null(Protocol(WeChatMode.Plain).VerifyUrl(q));
    }

    [Fact]
    public void VerifyUrl_StaleTimestamp_ReturnsNull()
    {
        var q = PlainQuery(Now - 3600) with { EchoStr = "e" };
        Assert.Null(Protocol(WeChatMode.Plain).VerifyUrl(q));
    }

    [Fact]
    public void Open_ThirdPartyDocSafeModeExample_DecryptsTheDebugDemoEvent()
    {
        var clock = new TestClock(DateTimeOffset.FromUnixTimeSeconds(long.Parse(DocTimestamp, CultureInfo.InvariantCulture)));
        var protocol = new WeChatInboundProtocol(
            new WeChatOptions { Token = PushToken, AppId = DocAppId, AppSecret = "s", EncodingAESKey = DocKey, Mode = WeChatMode.Safe }, clock);
        var body = $"<xml>\n    <ToUserName><![CDATA[gh_97417a04a28d]]></ToUserName>\n    <Encrypt><![CDATA[{DocEncrypt}]]></Encrypt>\n</xml>";
        var query = new WeChatRequestQuery("cc0c594499c1634947d5b502f158ee518947db27", DocTimestamp, DocNonce, EncryptType: "aes", MsgSignature: DocMsgSignature);

        var result = protocol.Open(query, body);

        Assert.True(result.Succeeded, result.Failure.ToString());
        var unknown = Assert.IsType<WeChatUnknownMessage>(result.Message);
        Assert.Equal(("o9AgO5Kd5ggOC-bXrbNODIiE3bGY", "debug_demo"), (unknown.FromUserName, unknown.Header.Event));
        Assert.Equal("hello world", unknown.Fields["debug_str"]);
        Assert.True(result.WasEncrypted);
    }

    [Fact]
    public void Open_PlainModeSignedText_ParsesIt()
    {
        var result = Protocol(WeChatMode.Plain).Open(PlainQuery(), TextXml);
        Assert.Equal("我要投诉", Assert.IsType<WeChatTextMessage>(result.Message).Content);
        Assert.False(result.WasEncrypted);
    }

    [Fact]
    public void Open_PlainModeBadSignature_IsRefused()
    {
        var q = PlainQuery() with { Signature = "0000000000000000000000000000000000000000" };
        Assert.Equal(WeChatInboundFailure.BadSignature, Protocol(WeChatMode.Plain).Open(q, TextXml).Failure);
    }

    [Fact]
    public void Open_CorrectlySignedButReplayedLater_IsRefusedAsStale()
    {
        var protocol = Protocol(WeChatMode.Plain);
        var query = PlainQuery();
        Assert.True(protocol.Open(query, TextXml).Succeeded);
        _clock.Advance(TimeSpan.FromSeconds(301));
        Assert.Equal(WeChatInboundFailure.StaleTimestamp, protocol.Open(query, TextXml).Failure);
    }

    [Fact]
    public void Open_SafeModePlaintextRequest_IsRefused() =>
        Assert.Equal(WeChatInboundFailure.EncryptionRequired, Protocol(WeChatMode.Safe).Open(PlainQuery(), TextXml).Failure);

    [Fact]
    public void Open_SafeModeEncryptedText_ParsesIt()
    {
        var (query, body) = Encrypted(TextXml);
        var result = Protocol(WeChatMode.Safe).Open(query, body);
        Assert.Equal("我要投诉", Assert.IsType<WeChatTextMessage>(result.Message).Content);
        Assert.Equal(("n2", true), (result.Nonce, result.WasEncrypted));
    }

    [Fact]
    public void Open_SafeModeAnyCiphertextCharacterChanged_IsRefusedBySignature()
    {
        var (query, body) = Encrypted(TextXml);
        var encrypt = XElement.Parse(body).Element("Encrypt")!.Value;
        var protocol = Protocol(WeChatMode.Safe);
        for (var i = 0; i < encrypt.Length - 2; i += 7)
        {
            var swapped = encrypt[i] == 'A' ? 'B' : 'A';
            var tampered = body.Replace(encrypt, encrypt[..i] + swapped + encrypt[(i + 1)..], StringComparison.Ordinal);
            Assert.Equal(WeChatInboundFailure.BadSignature, protocol.Open(query, tampered).Failure);
        }
    }

    [Fact]
    public void Open_SignedCiphertextForAnotherAppId_IsAnAppIdMismatch()
    {
        var (query, body) = Encrypted(TextXml, appId: "wxsomeoneelse00001");
        Assert.Equal(WeChatInboundFailure.AppIdMismatch, Protocol(WeChatMode.Safe).Open(query, body).Failure);
    }

    [Fact]
    public void Open_SignedCiphertextOfMalformedXml_IsMalformed()
    {
        var (query, body) = Encrypted("<xml><MsgType>text");
        Assert.Equal(WeChatInboundFailure.MalformedXml, Protocol(WeChatMode.Safe).Open(query, body).Failure);
    }

    [Fact]
    public void Open_CompatibleModeOuterPlaintextDisagrees_TrustsOnlyTheSignedCiphertext()
    {
        var (query, body) = Encrypted(TextXml, outerFields: "<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[forged]]></Content>");
        var result = Protocol(WeChatMode.Compatible).Open(query, body);
        Assert.Equal("我要投诉", Assert.IsType<WeChatTextMessage>(result.Message).Content);
    }

    [Fact]
    public void Open_CompatibleModePlainRequest_IsAccepted() =>
        Assert.True(Protocol(WeChatMode.Compatible).Open(PlainQuery(), TextXml).Succeeded);

    [Theory]
    [InlineData("<xml><ToUserName>gh</ToUserName></xml>")]
    [InlineData("<!DOCTYPE xml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><xml><Encrypt>&x;</Encrypt></xml>")]
    [InlineData("<xml><Encrypt><![CDATA[abc")]
    public void Open_BadEnvelope_IsMalformed(string body)
    {
        var (query, _) = Encrypted(TextXml);
        Assert.Equal(WeChatInboundFailure.MalformedXml, Protocol(WeChatMode.Safe).Open(query, body).Failure);
    }

    [Fact]
    public void Open_TenMegabyteBody_IsRefusedBeforeParsing()
    {
        var body = "<xml><Content>" + new string('x', 10 * 1024 * 1024) + "</Content></xml>";
        Assert.Equal(WeChatInboundFailure.MalformedXml, Protocol(WeChatMode.Plain).Open(PlainQuery(), body).Failure);
    }

    [Fact]
    public void SealReply_EncryptedRequest_ProducesAReplyWeChatCanVerifyAndDecrypt()
    {
        var protocol = Protocol(WeChatMode.Safe);
        var (query, body) = Encrypted(TextXml);
        var request = protocol.Open(query, body);
        var reply = WeChatReply.Text("o_parent", "gh_bureau", Now, "已受理，工单号 2026-0001");

        var sealedReply = XElement.Parse(protocol.SealReply(reply, request));

        var encrypt = sealedReply.Element("Encrypt")!.Value;
        var timestamp = sealedReply.Element("TimeStamp")!.Value;
        var nonce = sealedReply.Element("Nonce")!.Value;
        Assert.Equal(("n2", Now.ToString(CultureInfo.InvariantCulture)), (nonce, timestamp));
        Assert.True(WeChatSignature.VerifyMessageSignature(Token, timestamp, nonce, encrypt, sealedReply.Element("MsgSignature")!.Value));
        Assert.Equal(reply, new WeChatMessageCrypto(SampleKey, AppId).Decrypt(encrypt));
    }

    [Fact]
    public void SealReply_PlainRequest_ReturnsTheReplyUnchanged()
    {
        var protocol = Protocol(WeChatMode.Compatible);
        var request = protocol.Open(PlainQuery(), TextXml);
        var reply = WeChatReply.Text("o_parent", "gh_bureau", Now, "hi");
        Assert.Same(reply, protocol.SealReply(reply, request));
    }

    [Fact]
    public void Constructor_Unconfigured_Throws() =>
        Assert.Throws<InvalidOperationException>(() => new WeChatInboundProtocol(new WeChatOptions(), _clock));

    [Fact]
    public void Constructor_SafeModeWithBadKey_Throws() =>
        Assert.Throws<InvalidOperationException>(() => new WeChatInboundProtocol(
            new WeChatOptions { Token = Token, AppId = AppId, AppSecret = "s", EncodingAESKey = "bad", Mode = WeChatMode.Safe }, _clock));
}
